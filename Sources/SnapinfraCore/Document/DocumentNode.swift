/// A parsed JSON or YAML value with the place it came from.
///
/// Both formats are read into this one tree, so the project decoder, its paths and its messages
/// are the same whatever the user wrote.
public struct DocumentNode: Sendable, Hashable {
    public enum Value: Sendable, Hashable {
        case null
        case bool(Bool)
        /// A number, with the text it was written as (to tell `3` from `3.5`).
        case number(Double, text: String)
        case string(String)
        case array([DocumentNode])
        case object([Member])
    }

    /// One key of an object, in source order.
    public struct Member: Sendable, Hashable {
        public var key: String
        public var keyPosition: SourcePosition?
        public var value: DocumentNode

        public init(key: String, keyPosition: SourcePosition?, value: DocumentNode) {
            self.key = key
            self.keyPosition = keyPosition
            self.value = value
        }
    }

    public var value: Value
    public var position: SourcePosition?

    public init(_ value: Value, at position: SourcePosition? = nil) {
        self.value = value
        self.position = position
    }

    /// A word for the kind of value, for messages: "a string", "an array".
    public var kindDescription: String {
        switch value {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}

extension DocumentNode {
    /// The paths of keys that appear twice in one object, anywhere in the tree (`decisions[0].value`);
    /// a reader that takes the first value and one that takes the last must never disagree.
    public func duplicateKeyPaths(under root: String = "") -> [String] {
        var found: [String] = []
        var pending: [(path: String, node: DocumentNode)] = [(root, self)]
        while let (path, node) = pending.popLast() {
            switch node.value {
            case .array(let items):
                for (index, item) in items.enumerated() { pending.append(("\(path)[\(index)]", item)) }
            case .object(let members):
                var seen: Set<String> = []
                for member in members {
                    let memberPath = path.isEmpty ? member.key : "\(path).\(member.key)"
                    if !seen.insert(member.key).inserted { found.append(memberPath) }
                    pending.append((memberPath, member.value))
                }
            default:
                break
            }
        }
        return found.sorted()
    }
}
