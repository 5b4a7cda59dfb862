import Foundation
import Testing

@testable import SnapinfraCore

/// A small deterministic generator (SplitMix64), so a failure can be replayed by its seed.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Throws thousands of random valid and broken documents at the loader.
@Suite struct LoaderPropertyTests {
    static let words = ["users", "orgs", "orders", "id", "name", "email", "Users", "ｕｓｅｒｓ", "a\u{202E}b", "x\"y", "${var.x}", "日本", "🙂", ""]

    static func randomName(_ rng: inout SeededRandom) -> String {
        Self.words.randomElement(using: &rng) ?? "t"
    }

    /// A structurally valid project made of random parts (it may still break relation rules).
    static func randomProject(_ rng: inout SeededRandom) -> [String: Any] {
        let tableCount = Int.random(in: 0...5, using: &rng)
        let tableNames = (0..<tableCount).map { "t\($0)" }
        var schema: [[String: Any]] = []
        for name in tableNames {
            var fields: [[String: Any]] = [["name": "id", "type": "uuid", "primaryKey": true]]
            for f in 0..<Int.random(in: 0...4, using: &rng) {
                var field: [String: Any] = ["name": "f\(f)", "type": FieldType.allCases.randomElement(using: &rng)?.rawValue ?? "string"]
                if Bool.random(using: &rng), let target = tableNames.randomElement(using: &rng) {
                    field["references"] = "\(target).id"
                    field["type"] = "uuid"
                    field["nullable"] = Bool.random(using: &rng)
                }
                fields.append(field)
            }
            schema.append(["name": name, "fields": fields, "estimatedRows": Int.random(in: 0...1_000_000, using: &rng)])
        }
        let methods = HTTPMethod.allCases.map(\.rawValue)
        let endpoints: [[String: Any]] = (0..<Int.random(in: 0...6, using: &rng)).map { i in
            ["method": methods.randomElement(using: &rng) ?? "GET", "path": "/r\(i)/{id}", "auth": Bool.random(using: &rng)]
        }
        return [
            "project": [
                "name": randomName(&rng) + "x",
                "schema": schema,
                "endpoints": endpoints,
                "database": ["type": DatabaseEngine.allCases.randomElement(using: &rng)?.rawValue ?? "postgres"],
                "traffic": ["requestsPerSecond": Double.random(in: 0...5000, using: &rng), "peakMultiplier": Double.random(in: 1...10, using: &rng)],
            ] as [String: Any],
            "options": [
                "budget": Int.random(in: 0...10_000, using: &rng),
                "environment": Environment.allCases.randomElement(using: &rng)?.rawValue ?? "development",
                "region": ["us-east-1", "eu-west-1", "ap-south-1", "ap-southeast-1"].randomElement(using: &rng) ?? "us-east-1",
                "preferences": ["compliance": Array(Compliance.allCases.map(\.rawValue).shuffled(using: &rng).prefix(2))],
            ] as [String: Any],
        ]
    }

    /// Breaks a value somewhere: wrong type, bad enum, negative number, removed key, junk key.
    static func mutate(_ value: Any, _ rng: inout SeededRandom, depth: Int = 0) -> Any {
        let junk: [Any] = [NSNull(), -1, "", "???", [1, 2], ["k": "v"], true, 1e300, Self.randomName(&rng)]
        if depth > 6 || Int.random(in: 0..<4, using: &rng) == 0 {
            return junk.randomElement(using: &rng) ?? NSNull()
        }
        if var dict = value as? [String: Any], let key = dict.keys.sorted().randomElement(using: &rng) {
            switch Int.random(in: 0..<3, using: &rng) {
            case 0: dict[key] = nil
            case 1: dict[key + "x"] = 1
            default: dict[key] = mutate(dict[key] as Any, &rng, depth: depth + 1)
            }
            return dict
        }
        if var array = value as? [Any], !array.isEmpty {
            let index = Int.random(in: 0..<array.count, using: &rng)
            array[index] = mutate(array[index], &rng, depth: depth + 1)
            return array
        }
        return junk.randomElement(using: &rng) ?? NSNull()
    }

    /// Damages the text itself: cuts it, inserts a stray character.
    static func damage(_ text: String, _ rng: inout SeededRandom) -> String {
        var chars = Array(text)
        guard !chars.isEmpty else { return text }
        let index = Int.random(in: 0..<chars.count, using: &rng)
        switch Int.random(in: 0..<3, using: &rng) {
        case 0: return String(chars[..<index])
        case 1: chars.insert(["{", "]", "\"", ",", ":", "\u{0}", "\\"].randomElement(using: &rng) ?? "{", at: index)
        default: chars.remove(at: index)
        }
        return String(chars)
    }

    static func check(_ result: ProjectLoader.Result) {
        if result.file == nil {
            #expect(result.diagnostics.hasErrors, "rejected without an error")
        }
        for diagnostic in result.diagnostics {
            // Every problem names a path, or (for syntax) a line and column.
            #expect(!diagnostic.path.isEmpty || diagnostic.position != nil || diagnostic.message.contains("bytes"), "\(diagnostic)")
            #expect(!DisplayText.containsUnsafe(diagnostic.formatted(source: "f")), "\(diagnostic)")
            if !diagnostic.path.isEmpty {
                #expect(
                    diagnostic.path.hasPrefix("project") || diagnostic.path.hasPrefix("options") || diagnostic.position != nil, "\(diagnostic.path)")
            }
        }
    }

    /// 20,000 documents a run, in four batches that run side by side.
    @Test(arguments: 0..<4) func thousandsOfRandomDocuments(batch: UInt64) throws {
        var rng = SeededRandom(state: 20_261_123 &+ batch &* 7_919)
        var accepted = 0
        var rejected = 0
        for round in 0..<5_000 {
            let project = Self.randomProject(&rng)
            let document = round % 3 == 0 ? project : Self.mutate(project, &rng)
            let data = try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .fragmentsAllowed])
            var text = String(decoding: data, as: UTF8.self)
            if round % 5 == 4 { text = Self.damage(text, &rng) }
            let format: DocumentFormat = round % 2 == 0 ? .json : .yaml
            let result = ProjectLoader().load(Array(text.utf8), format: format)
            Self.check(result)
            if result.file == nil { rejected += 1 } else { accepted += 1 }
        }
        // Both sides must be exercised, or the test proves nothing.
        #expect(accepted > 500)
        #expect(rejected > 500)
    }

    /// Every value of a full project replaced by `null` in turn, in JSON and in YAML: each is an
    /// error or warning at its own path (or the value was optional), never a table dropped.
    @Test func nullInEveryPosition() throws {
        let example = try String(contentsOfFile: "examples/saas-api.json", encoding: .utf8)
        let document = try JSONSerialization.jsonObject(with: Data(example.utf8))
        var paths: [[Any]] = []
        func walk(_ value: Any, _ path: [Any]) {
            if !path.isEmpty { paths.append(path) }
            if let dict = value as? [String: Any] {
                for key in dict.keys.sorted() { walk(dict[key] as Any, path + [key]) }
            } else if let array = value as? [Any] {
                for (index, item) in array.enumerated() { walk(item, path + [index]) }
            }
        }
        func replaced(_ value: Any, _ path: ArraySlice<Any>) -> Any {
            guard let head = path.first else { return NSNull() }
            if var dict = value as? [String: Any], let key = head as? String {
                dict[key] = replaced(dict[key] as Any, path.dropFirst())
                return dict
            }
            if var array = value as? [Any], let index = head as? Int {
                array[index] = replaced(array[index], path.dropFirst())
                return array
            }
            return value
        }
        walk(document, [])
        #expect(paths.count > 100)
        let tables = ((document as? [String: Any])?["project"] as? [String: Any])?["schema"] as? [Any]
        for path in paths {
            let broken = replaced(document, path[...])
            let data = try JSONSerialization.data(withJSONObject: broken, options: [.sortedKeys])
            for format in [DocumentFormat.json, .yaml] {
                let result = ProjectLoader().load([UInt8](data), format: format)
                Self.check(result)
                let spec = path.map { $0 is Int ? "[\($0)]" : ".\($0)" }.joined().dropFirst()
                if let file = result.file {
                    // Accepted: the null was optional (as if absent), and no table went missing unless
                    // the null replaced the whole optional schema.
                    #expect(file.project.schema.count == (spec == "project.schema" ? 0 : tables?.count), "\(spec)")
                } else {
                    let named = result.diagnostics.contains { $0.severity == .error && spec.hasPrefix($0.path) && !$0.path.isEmpty }
                    #expect(named, "null at \(spec): \(result.diagnostics.map { $0.formatted(source: "f") })")
                }
            }
        }
    }

    /// The case that used to be quadratic: thousands of references to tables that do not exist.
    /// Each gets its error at its path; the costly "did you mean" is given to the first hundred only.
    @Test func thousandsOfBadReferences() throws {
        let tables = (0..<1_000).map { t in
            Table(
                name: "table_\(t)",
                fields: [Field(name: "id", type: .uuid, primaryKey: true)]
                    + (0..<8).map { Field(name: "ref_\($0)", type: .uuid, references: "table_\(t)x\($0).id") })
        }
        let file = ProjectFile(project: Project(name: "bad", schema: tables), options: Options())
        let data = try JSONEncoder().encode(file)
        let result = ProjectLoader().load([UInt8](data), format: .json)
        let missing = result.diagnostics.filter { $0.message.contains("does not exist") }
        #expect(missing.count == 8_000)
        #expect(missing.allSatisfy { $0.path.hasSuffix(".references") && $0.position != nil })
        let hinted = missing.filter { $0.message.contains("did you mean") }
        #expect(hinted.count == ReferenceRules.HintBudget.limit)
        #expect(missing[0].message == "table \"table_0x0\" does not exist (did you mean \"table_0\"?)")
    }
}
