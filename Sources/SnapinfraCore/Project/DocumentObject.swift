/// One object of a document being decoded: looks keys up, remembers which were used, and reports
/// the rest as unknown.
struct DocumentObject {
    let path: String
    let node: DocumentNode
    private(set) var members: [String: DocumentNode.Member] = [:]
    private var used: Set<String> = []
    private let order: [String]

    init(path: String, node: DocumentNode, members list: [DocumentNode.Member], diagnostics: inout [Diagnostic]) {
        self.path = path
        self.node = node
        var order: [String] = []
        for member in list {
            if members[member.key] != nil {
                diagnostics.append(.error(Self.join(path, member.key), "duplicate key", at: member.keyPosition))
                continue
            }
            members[member.key] = member
            order.append(member.key)
        }
        self.order = order
    }

    /// The path of a key inside this object.
    func path(_ key: String) -> String { Self.join(path, key) }

    static func join(_ path: String, _ key: String) -> String {
        let safeKey = isPlainKey(key) ? key : DisplayText.quoted(key)
        return path.isEmpty ? safeKey : "\(path).\(safeKey)"
    }

    private static func isPlainKey(_ key: String) -> Bool {
        !key.isEmpty
            && key.unicodeScalars.allSatisfy { scalar in
                (scalar.value < 0x80 && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)))
                    || scalar == "_" || scalar == "-"
            }
    }

    /// The value of a key, marking the key as known.
    mutating func value(_ key: String) -> DocumentNode? {
        used.insert(key)
        guard let member = members[key] else { return nil }
        if case .null = member.value.value { return nil }
        return member.value
    }

    /// Warnings for keys that were never asked for, with a suggestion among the known ones.
    func unknownKeyWarnings() -> [Diagnostic] {
        let known = used.sorted()
        return order.filter { !used.contains($0) }.map { key in
            let member = members[key]
            return .warning(
                path(key),
                "unknown key, ignored" + Suggestion.hint(for: key, in: known),
                at: member?.keyPosition
            )
        }
    }
}
