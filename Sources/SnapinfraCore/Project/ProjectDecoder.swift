import Foundation

/// Turns a document tree into a typed `ProjectFile`, collecting every problem on the way.
///
/// Shape problems (wrong types, missing keys, bad enum values, out-of-range numbers, unknown
/// keys) are found here; relations between values (duplicates, references, cycles) are checked
/// by `ProjectValidator` afterwards.
struct ProjectDecoder {
    var limits: DocumentLimits
    var diagnostics: [Diagnostic] = []

    init(limits: DocumentLimits) {
        self.limits = limits
    }

    mutating func decode(_ root: DocumentNode) -> ProjectFile? {
        guard var top = object(root, path: "") else { return nil }
        let project: Project?
        if let node = top.value("project") {
            project = decodeProject(node, path: "project")
        } else {
            let isNull = top.members["project"].map { if case .null = $0.value.value { return true } else { return false } } ?? false
            diagnostics.append(.error("project", isNull ? "must not be null" : "required key is missing", at: root.position))
            project = nil
        }
        let options = top.value("options").map { decodeOptions($0, path: "options") } ?? Options()
        diagnostics += top.unknownKeyWarnings()
        guard let project else { return nil }
        return ProjectFile(project: project, options: options)
    }

    // MARK: - project

    private mutating func decodeProject(_ node: DocumentNode, path: String) -> Project? {
        guard var obj = object(node, path: path) else { return nil }
        let name = requiredString(&obj, "name")
        var project = Project(name: name ?? "")
        if let description = string(&obj, "description") {
            if description.count > limits.maxDescriptionLength {
                diagnostics.append(
                    .error(
                        obj.path("description"),
                        "\(description.count) characters is over the limit of \(limits.maxDescriptionLength); shorten it",
                        at: obj.members["description"]?.value.position))
            } else {
                project.description = description
            }
        }
        if let list = array(&obj, "schema") {
            if list.items.count > limits.maxTables {
                diagnostics.append(.error(list.path, "\(list.items.count) tables is over the limit of \(limits.maxTables)", at: list.position))
            } else {
                project.schema = list.items.enumerated().compactMap { decodeTable($1, path: "\(list.path)[\($0)]") }
            }
        }
        if let list = array(&obj, "endpoints") {
            if list.items.count > limits.maxEndpoints {
                diagnostics.append(.error(list.path, "\(list.items.count) endpoints is over the limit of \(limits.maxEndpoints)", at: list.position))
            } else {
                project.endpoints = list.items.enumerated().compactMap { decodeEndpoint($1, path: "\(list.path)[\($0)]") }
            }
        }
        if let node = obj.value("database"), var db = object(node, path: obj.path("database")) {
            if let engine = enumValue(&db, "type", DatabaseEngine.self) { project.database.type = engine }
            diagnostics += db.unknownKeyWarnings()
        }
        if let node = obj.value("traffic"), var traffic = object(node, path: obj.path("traffic")) {
            project.traffic.requestsPerSecond = number(&traffic, "requestsPerSecond", range: 0...10_000_000)
            if let peak = number(&traffic, "peakMultiplier", range: 1...1_000) { project.traffic.peakMultiplier = peak }
            project.traffic.monthlyActiveUsers = integer(&traffic, "monthlyActiveUsers", range: 0...10_000_000_000)
            project.traffic.dataGrowthGBPerMonth = number(&traffic, "dataGrowthGBPerMonth", range: 0...10_000_000)
            diagnostics += traffic.unknownKeyWarnings()
        }
        project.runtime = enumValue(&obj, "runtime", Runtime.self)
        project.healthPath = string(&obj, "healthPath")
        project.domain = string(&obj, "domain")
        diagnostics += obj.unknownKeyWarnings()
        return name == nil ? nil : project
    }

    private mutating func decodeTable(_ node: DocumentNode, path: String) -> Table? {
        guard var obj = object(node, path: path) else { return nil }
        let name = requiredString(&obj, "name")
        var fields: [Field]?
        if let list = array(&obj, "fields") {
            if list.items.count > limits.maxFieldsPerTable {
                diagnostics.append(
                    .error(list.path, "\(list.items.count) fields is over the limit of \(limits.maxFieldsPerTable)", at: list.position))
            } else {
                fields = list.items.enumerated().compactMap { decodeField($1, path: "\(list.path)[\($0)]") }
            }
        } else if let member = obj.members["fields"] {
            // Only a null is left here: a wrong type was reported by `array`.
            if case .null = member.value.value {
                diagnostics.append(.error(obj.path("fields"), "must not be null; give the table's columns as an array", at: member.value.position))
            }
        } else {
            diagnostics.append(.error(obj.path("fields"), "required key is missing", at: node.position))
        }
        let rows = integer(&obj, "estimatedRows", range: 0...1_000_000_000_000)
        let retention = integer(&obj, "retentionDays", range: 1...36_500)
        diagnostics += obj.unknownKeyWarnings()
        guard let name, let fields else { return nil }
        return Table(name: name, fields: fields, estimatedRows: rows, retentionDays: retention)
    }

    private mutating func decodeField(_ node: DocumentNode, path: String) -> Field? {
        guard var obj = object(node, path: path) else { return nil }
        let name = requiredString(&obj, "name")
        var type = FieldType.string
        if let typeName = requiredString(&obj, "type") {
            if let known = FieldType(rawValue: typeName) {
                type = known
            } else {
                diagnostics.append(
                    .warning(
                        obj.path("type"),
                        "unknown type \(DisplayText.quoted(typeName)), treated as \"string\""
                            + Suggestion.hint(for: typeName, in: FieldType.allCases.map(\.rawValue)),
                        at: obj.members["type"]?.value.position))
            }
        }
        var field = Field(name: name ?? "", type: type)
        field.primaryKey = bool(&obj, "primaryKey") ?? false
        field.unique = bool(&obj, "unique") ?? false
        field.nullable = bool(&obj, "nullable") ?? false
        field.indexed = bool(&obj, "indexed") ?? false
        field.references = string(&obj, "references")
        diagnostics += obj.unknownKeyWarnings()
        return name == nil ? nil : field
    }

    private mutating func decodeEndpoint(_ node: DocumentNode, path: String) -> Endpoint? {
        guard var obj = object(node, path: path) else { return nil }
        var method: HTTPMethod?
        if let text = requiredString(&obj, "method") {
            method = HTTPMethod(rawValue: text)
            if method == nil {
                let hint =
                    HTTPMethod(rawValue: text.uppercased()) != nil
                    ? " (did you mean \(DisplayText.quoted(text.uppercased()))?)"
                    : Suggestion.hint(for: text, in: HTTPMethod.allCases.map(\.rawValue))
                diagnostics.append(
                    .error(
                        obj.path("method"),
                        "\(DisplayText.quoted(text)) is not one of \(Self.list(HTTPMethod.allCases))" + hint,
                        at: obj.members["method"]?.value.position))
            }
        }
        let pathText = requiredString(&obj, "path")
        let auth = bool(&obj, "auth") ?? false
        let upload = bool(&obj, "upload") ?? false
        let rps = number(&obj, "rps", range: 0...10_000_000)
        let requestKB = number(&obj, "requestKB", range: 0...5_000_000)
        let responseKB = number(&obj, "responseKB", range: 0...5_000_000)
        diagnostics += obj.unknownKeyWarnings()
        guard let method, let pathText else { return nil }
        return Endpoint(
            method: method, path: pathText, auth: auth, upload: upload, rps: rps, requestKB: requestKB, responseKB: responseKB)
    }

    // MARK: - options

    private mutating func decodeOptions(_ node: DocumentNode, path: String) -> Options {
        var options = Options()
        guard var obj = object(node, path: path) else { return options }
        if let node = obj.value("preferences"), var prefs = object(node, path: obj.path("preferences")) {
            if let cost = enumValue(&prefs, "cost", CostPreference.self) { options.preferences.cost = cost }
            if let scale = enumValue(&prefs, "scale", Scale.self) { options.preferences.scale = scale }
            if let list = enumList(&prefs, "compliance", Compliance.self) { options.preferences.compliance = list }
            diagnostics += prefs.unknownKeyWarnings()
        }
        options.budget = number(&obj, "budget", range: 0...100_000_000)
        if let cloud = enumValue(&obj, "cloud", Cloud.self) {
            if cloud != .aws {
                diagnostics.append(
                    .error(
                        obj.path("cloud"), "\(DisplayText.quoted(cloud.rawValue)) is not supported yet; only \"aws\" is",
                        at: obj.members["cloud"]?.value.position))
            }
            options.cloud = cloud
        }
        if let region = string(&obj, "region") {
            if AWSRegions.all.contains(region) {
                options.region = region
            } else {
                diagnostics.append(
                    .error(
                        obj.path("region"),
                        "\(DisplayText.quoted(region)) is not an AWS region" + Suggestion.hint(for: region, in: AWSRegions.all),
                        at: obj.members["region"]?.value.position))
            }
        }
        if let targets = enumList(&obj, "targets", Target.self) {
            if targets.isEmpty {
                diagnostics.append(.error(obj.path("targets"), "at least one target is needed", at: obj.members["targets"]?.value.position))
            }
            options.targets = targets
        }
        if let environment = enumValue(&obj, "environment", Environment.self) { options.environment = environment }
        if let value = bool(&obj, "enableAIEnhancements") { options.enableAIEnhancements = value }
        if let focus = enumList(&obj, "enhancementFocus", EnhancementCategory.self) { options.enhancementFocus = focus }
        if let value = bool(&obj, "autoApplyEnhancements") { options.autoApplyEnhancements = value }
        diagnostics += obj.unknownKeyWarnings()
        return options
    }

    // MARK: - typed readers

    struct ArrayValue {
        var path: String
        var items: [DocumentNode]
        var position: SourcePosition?
    }

    private mutating func object(_ node: DocumentNode, path: String) -> DocumentObject? {
        guard case .object(let members) = node.value else {
            diagnostics.append(.error(path.isEmpty ? "" : path, "expected an object, found \(node.kindDescription)", at: node.position))
            return nil
        }
        return DocumentObject(path: path, node: node, members: members, diagnostics: &diagnostics)
    }

    private mutating func mismatch(_ obj: DocumentObject, _ key: String, expected: String, _ node: DocumentNode) {
        diagnostics.append(.error(obj.path(key), "expected \(expected), found \(node.kindDescription)", at: node.position))
    }

    private mutating func string(_ obj: inout DocumentObject, _ key: String) -> String? {
        guard let node = obj.value(key) else { return nil }
        guard case .string(let text) = node.value else {
            mismatch(obj, key, expected: "a string", node)
            return nil
        }
        return text
    }

    /// A required string, non-empty once trimmed and within the name length limit.
    private mutating func requiredString(_ obj: inout DocumentObject, _ key: String) -> String? {
        guard obj.members[key] != nil else {
            _ = obj.value(key)
            diagnostics.append(.error(obj.path(key), "required key is missing", at: obj.node.position))
            return nil
        }
        let position = obj.members[key]?.value.position
        guard let text = string(&obj, key) else {
            if case .null? = obj.members[key]?.value.value {
                diagnostics.append(.error(obj.path(key), "must not be null", at: position))
            }
            return nil
        }
        if text.unicodeScalars.allSatisfy(\.properties.isWhitespace) {
            diagnostics.append(.error(obj.path(key), "must not be empty", at: position))
            return nil
        }
        let limit = key == "path" ? limits.maxPathLength : limits.maxNameLength
        if text.count > limit {
            diagnostics.append(.error(obj.path(key), "\(text.count) characters is over the limit of \(limit)", at: position))
            return nil
        }
        return text
    }

    private mutating func bool(_ obj: inout DocumentObject, _ key: String) -> Bool? {
        guard let node = obj.value(key) else { return nil }
        guard case .bool(let value) = node.value else {
            mismatch(obj, key, expected: "true or false", node)
            return nil
        }
        return value
    }

    private mutating func number(_ obj: inout DocumentObject, _ key: String, range: ClosedRange<Double>) -> Double? {
        guard let node = obj.value(key) else { return nil }
        guard case .number(let value, let text) = node.value else {
            mismatch(obj, key, expected: "a number", node)
            return nil
        }
        guard range.contains(value) else {
            let bound = value < range.lowerBound ? "at least \(Self.format(range.lowerBound))" : "at most \(Self.format(range.upperBound))"
            diagnostics.append(.error(obj.path(key), "\(text.prefix(40)) is out of range: must be \(bound)", at: node.position))
            return nil
        }
        return value
    }

    private mutating func integer(_ obj: inout DocumentObject, _ key: String, range: ClosedRange<Double>) -> Int? {
        let position = obj.members[key]?.value.position
        guard let value = number(&obj, key, range: range) else { return nil }
        guard value.rounded() == value else {
            diagnostics.append(.error(obj.path(key), "expected a whole number, found \(Self.format(value))", at: position))
            return nil
        }
        return Int(value)
    }

    private mutating func enumValue<E: RawRepresentable & CaseIterable>(_ obj: inout DocumentObject, _ key: String, _ type: E.Type) -> E?
    where E.RawValue == String {
        guard let node = obj.value(key) else { return nil }
        return enumItem(node, path: obj.path(key), type)
    }

    private mutating func enumItem<E: RawRepresentable & CaseIterable>(_ node: DocumentNode, path: String, _ type: E.Type) -> E?
    where E.RawValue == String {
        guard case .string(let text) = node.value else {
            diagnostics.append(.error(path, "expected one of \(Self.list(Array(E.allCases))), found \(node.kindDescription)", at: node.position))
            return nil
        }
        if let value = E(rawValue: text) { return value }
        let names = E.allCases.map(\.rawValue)
        diagnostics.append(
            .error(
                path,
                "\(DisplayText.quoted(text)) is not one of \(Self.list(Array(E.allCases)))" + Suggestion.hint(for: text, in: names),
                at: node.position))
        return nil
    }

    private mutating func enumList<E: RawRepresentable & CaseIterable & Equatable>(_ obj: inout DocumentObject, _ key: String, _ type: E.Type) -> [E]?
    where E.RawValue == String {
        guard let list = array(&obj, key) else { return nil }
        var values: [E] = []
        for (index, item) in list.items.enumerated() {
            guard let value = enumItem(item, path: "\(list.path)[\(index)]", type) else { continue }
            if values.contains(value) {
                diagnostics.append(.warning("\(list.path)[\(index)]", "\(DisplayText.quoted(value.rawValue)) is listed twice", at: item.position))
                continue
            }
            values.append(value)
        }
        return values
    }

    private mutating func array(_ obj: inout DocumentObject, _ key: String) -> ArrayValue? {
        guard let node = obj.value(key) else { return nil }
        guard case .array(let items) = node.value else {
            mismatch(obj, key, expected: "an array", node)
            return nil
        }
        return ArrayValue(path: obj.path(key), items: items, position: node.position)
    }

    static func list<E: RawRepresentable>(_ cases: [E]) -> String where E.RawValue == String {
        cases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
    }

    static func format(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
