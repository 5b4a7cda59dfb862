import Foundation

/// Writes a project file as JSON or YAML, in the contract's key order, leaving out values equal to
/// their defaults (`nullable: false`), so the file reads like one written by hand. Reading it back
/// gives the same project.
public enum ProjectWriter {
    public static func text(_ file: ProjectFile, format: DocumentFormat) -> String {
        let tree = node(file)
        switch format {
        case .json: return json(tree, indent: "") + "\n"
        case .yaml: return yaml(tree, indent: "")
        }
    }

    /// An ordered tree of what is written.
    indirect enum Node {
        case string(String)
        case number(Double)
        case bool(Bool)
        case list([Node])
        case map([(String, Node)])
    }

    static func node(_ file: ProjectFile) -> Node {
        let p = file.project
        var project: [(String, Node)] = [("name", .string(p.name))]
        if !p.description.isEmpty { project.append(("description", .string(p.description))) }
        project.append(("schema", .list(p.schema.map(table))))
        project.append(("endpoints", .list(p.endpoints.map(endpoint))))
        project.append(("database", .map([("type", .string(p.database.type.rawValue))])))
        var traffic: [(String, Node)] = []
        if let rps = p.traffic.requestsPerSecond { traffic.append(("requestsPerSecond", .number(rps))) }
        traffic.append(("peakMultiplier", .number(p.traffic.peakMultiplier)))
        if let users = p.traffic.monthlyActiveUsers { traffic.append(("monthlyActiveUsers", .number(Double(users)))) }
        if let growth = p.traffic.dataGrowthGBPerMonth { traffic.append(("dataGrowthGBPerMonth", .number(growth))) }
        project.append(("traffic", .map(traffic)))
        if let runtime = p.runtime { project.append(("runtime", .string(runtime.rawValue))) }
        if let health = p.healthPath { project.append(("healthPath", .string(health))) }
        if let domain = p.domain { project.append(("domain", .string(domain))) }

        let o = file.options
        var options: [(String, Node)] = [
            (
                "preferences",
                .map([
                    ("cost", .string(o.preferences.cost.rawValue)), ("scale", .string(o.preferences.scale.rawValue)),
                    ("compliance", .list(o.preferences.compliance.map { .string($0.rawValue) })),
                ])
            )
        ]
        if let budget = o.budget { options.append(("budget", .number(budget))) }
        options += [
            ("cloud", .string(o.cloud.rawValue)), ("region", .string(o.region)), ("targets", .list(o.targets.map { .string($0.rawValue) })),
            ("environment", .string(o.environment.rawValue)), ("enableAIEnhancements", .bool(o.enableAIEnhancements)),
            ("enhancementFocus", .list(o.enhancementFocus.map { .string($0.rawValue) })), ("autoApplyEnhancements", .bool(o.autoApplyEnhancements)),
        ]
        return .map([("project", .map(project)), ("options", .map(options))])
    }

    static func table(_ t: Table) -> Node {
        var members: [(String, Node)] = [("name", .string(t.name)), ("fields", .list(t.fields.map(field)))]
        if let rows = t.estimatedRows { members.append(("estimatedRows", .number(Double(rows)))) }
        if let days = t.retentionDays { members.append(("retentionDays", .number(Double(days)))) }
        return .map(members)
    }

    static func field(_ f: Field) -> Node {
        var members: [(String, Node)] = [("name", .string(f.name)), ("type", .string(f.type.rawValue))]
        if f.primaryKey { members.append(("primaryKey", .bool(true))) }
        if f.unique { members.append(("unique", .bool(true))) }
        if f.nullable { members.append(("nullable", .bool(true))) }
        if let references = f.references { members.append(("references", .string(references))) }
        if f.indexed { members.append(("indexed", .bool(true))) }
        return .map(members)
    }

    static func endpoint(_ e: Endpoint) -> Node {
        var members: [(String, Node)] = [("method", .string(e.method.rawValue)), ("path", .string(e.path))]
        if e.auth { members.append(("auth", .bool(true))) }
        if e.upload { members.append(("upload", .bool(true))) }
        if let rps = e.rps { members.append(("rps", .number(rps))) }
        if let kb = e.requestKB { members.append(("requestKB", .number(kb))) }
        if let kb = e.responseKB { members.append(("responseKB", .number(kb))) }
        return .map(members)
    }

    // MARK: JSON

    static func json(_ node: Node, indent: String) -> String {
        let inner = indent + "  "
        switch node {
        case .string(let text): return Escaping.jsonString(text)
        case .number(let value): return number(value)
        case .bool(let flag): return flag ? "true" : "false"
        case .list(let items):
            if items.isEmpty { return "[]" }
            if items.allSatisfy({ if case .string = $0 { return true } else { return false } }) {
                return "[" + items.map { json($0, indent: inner) }.joined(separator: ", ") + "]"
            }
            return "[\n" + items.map { inner + json($0, indent: inner) }.joined(separator: ",\n") + "\n\(indent)]"
        case .map(let members):
            if members.isEmpty { return "{}" }
            if let flat = flow(members, json: true) { return flat }
            return "{\n" + members.map { "\(inner)\(Escaping.jsonString($0.0)): \(json($0.1, indent: inner))" }.joined(separator: ",\n")
                + "\n\(indent)}"
        }
    }

    /// A YAML double-quoted scalar without Compose's `$$`.
    static func quoted(_ text: String) -> String {
        Escaping.yamlString(text, compose: false)
    }

    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// A small map of scalars on one line (`{ name: id, type: uuid }`), as the examples write fields
    /// and endpoints; nil when it has nested values or would be long.
    static func flow(_ members: [(String, Node)], json: Bool) -> String? {
        var parts: [String] = []
        for (key, value) in members {
            switch value {
            case .list, .map: return nil
            default: parts.append(json ? "\(Escaping.jsonString(key)): \(self.json(value, indent: ""))" : "\(key): \(scalar(value))")
            }
        }
        let line = "{ " + parts.joined(separator: ", ") + " }"
        return line.count <= 100 && members.count <= 6 ? line : nil
    }

    // MARK: YAML

    static func yaml(_ node: Node, indent: String) -> String {
        guard case .map(let members) = node else { return indent + scalar(node) + "\n" }
        var out = ""
        for (key, value) in members {
            out += indent + key + ":" + yamlValue(value, indent: indent)
        }
        return out
    }

    private static func yamlValue(_ value: Node, indent: String) -> String {
        switch value {
        case .map(let inner) where !inner.isEmpty:
            return "\n" + yaml(value, indent: indent + "  ")
        case .list(let items) where !items.isEmpty:
            if items.allSatisfy({ if case .map = $0 { return false } else { return true } }) {
                return " [" + items.map(scalar).joined(separator: ", ") + "]\n"
            }
            var out = "\n"
            for item in items {
                if case .map(let members) = item, let flat = flow(members, json: false) {
                    out += indent + "  - " + flat + "\n"
                    continue
                }
                let body = yaml(item, indent: indent + "    ")
                // The first key goes on the dash line.
                out += indent + "  - " + body.dropFirst(indent.count + 4)
            }
            return out
        default:
            return " " + scalar(value) + "\n"
        }
    }

    static func scalar(_ node: Node) -> String {
        switch node {
        case .string(let text): return plainYAML(text) ? text : quoted(text)
        case .number(let value): return number(value)
        case .bool(let flag): return flag ? "true" : "false"
        case .list: return "[]"
        case .map: return "{}"
        }
    }

    /// Whether a string can be written without quotes and read back as the same string.
    private static func plainYAML(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, !text.isEmpty, text.count <= 80 else { return false }
        let reserved: Set<String> = ["true", "false", "yes", "no", "on", "off", "null", "~", "y", "n"]
        if reserved.contains(text.lowercased()) || Double(text) != nil { return false }
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "_-./"))
        return text.unicodeScalars.allSatisfy { $0.isASCII && allowed.contains($0) } && CharacterSet.letters.contains(first)
    }
}
