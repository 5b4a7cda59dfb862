import SnapinfraCore

/// A `Decoder` over the project reader's `DocumentNode` tree, for OpenAPIKit's `Decodable` types.
///
/// Keys keep their source order (OpenAPIKit's ordered maps follow it), a key is found by a hash
/// lookup, and no scalar is resolved again: the tree already holds strings, numbers, booleans and
/// nulls. Yams' decoder resolves each key's YAML tag with regular expressions on every lookup, which
/// made a 340 KiB document take seconds; Foundation's JSON decoder loses the order of keys.
struct DocumentNodeDecoder: Decoder {
    let node: DocumentNode
    let codingPath: [any CodingKey]
    let userInfo: [CodingUserInfoKey: Any]

    init(_ node: DocumentNode, codingPath: [any CodingKey] = [], userInfo: [CodingUserInfoKey: Any] = [:]) {
        self.node = node
        self.codingPath = codingPath
        self.userInfo = userInfo
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let members) = node.value else { throw mismatch([String: Any].self, node, codingPath) }
        return KeyedDecodingContainer(KeyedNodes<Key>(members: members, codingPath: codingPath, userInfo: userInfo))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let items) = node.value else { throw mismatch([Any].self, node, codingPath) }
        return UnkeyedNodes(items: items, codingPath: codingPath, userInfo: userInfo)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        SingleNode(node: node, codingPath: codingPath, userInfo: userInfo)
    }
}

/// A key of an array element, for coding paths.
private struct IndexKey: CodingKey {
    var intValue: Int?
    var stringValue: String { intValue.map(String.init) ?? "" }
    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
}

private func mismatch(_ type: Any.Type, _ node: DocumentNode, _ path: [any CodingKey]) -> DecodingError {
    // No type name in the text: OpenAPIKit tries alternatives and throws away most of these, and
    // describing a generic type is slow.
    .typeMismatch(type, .init(codingPath: path, debugDescription: "found \(node.kindDescription)"))
}

/// A scalar of the tree as a Swift value; `nil` when it cannot be one.
private func scalar<T>(_ type: T.Type, _ node: DocumentNode) -> T? {
    switch (node.value, type) {
    case (.string(let text), is String.Type): return text as? T
    case (.number(_, let text), is String.Type): return text as? T
    case (.bool(let value), is String.Type): return (value ? "true" : "false") as? T
    case (.bool(let value), is Bool.Type): return value as? T
    case (.number(let value, _), is Double.Type): return value as? T
    case (.number(let value, _), is Float.Type): return Float(value) as? T
    case (.number(let value, let text), _):
        let whole = Int(text) ?? (value.rounded() == value && abs(value) < 9e15 ? Int(value) : nil)
        guard let whole else { return nil }
        switch type {
        case is Int.Type: return whole as? T
        case is Int8.Type: return Int8(exactly: whole) as? T
        case is Int16.Type: return Int16(exactly: whole) as? T
        case is Int32.Type: return Int32(exactly: whole) as? T
        case is Int64.Type: return Int64(whole) as? T
        case is UInt.Type: return UInt(exactly: whole) as? T
        case is UInt8.Type: return UInt8(exactly: whole) as? T
        case is UInt16.Type: return UInt16(exactly: whole) as? T
        case is UInt32.Type: return UInt32(exactly: whole) as? T
        case is UInt64.Type: return UInt64(exactly: whole) as? T
        default: return nil
        }
    default:
        return nil
    }
}

private let scalarTypes: [Any.Type] = [
    String.self, Bool.self, Double.self, Float.self, Int.self, Int8.self, Int16.self, Int32.self, Int64.self, UInt.self, UInt8.self,
    UInt16.self, UInt32.self, UInt64.self,
]

/// Decodes any type from one node: a scalar directly, anything else through a nested decoder.
private func value<T: Decodable>(_ type: T.Type, _ node: DocumentNode, _ path: [any CodingKey], _ userInfo: [CodingUserInfoKey: Any]) throws -> T {
    if scalarTypes.contains(where: { $0 == T.self }) {
        guard let found = scalar(type, node) else { throw mismatch(type, node, path) }
        return found
    }
    return try T(from: DocumentNodeDecoder(node, codingPath: path, userInfo: userInfo))
}

private struct KeyedNodes<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let members: [DocumentNode.Member]
    let codingPath: [any CodingKey]
    let userInfo: [CodingUserInfoKey: Any]
    /// The first member of each key (a duplicate key is the reader's warning, not ours), for objects
    /// too big to search: most OpenAPI objects have a handful of keys, and OpenAPIKit opens each
    /// one's container several times, so a small one is searched in order instead of hashed.
    let index: [String: Int]?

    init(members: [DocumentNode.Member], codingPath: [any CodingKey], userInfo: [CodingUserInfoKey: Any]) {
        self.members = members
        self.codingPath = codingPath
        self.userInfo = userInfo
        if members.count > 16 {
            var index: [String: Int] = [:]
            for (offset, member) in members.enumerated() where index[member.key] == nil { index[member.key] = offset }
            self.index = index
        } else {
            index = nil
        }
    }

    var allKeys: [Key] { members.compactMap { Key(stringValue: $0.key) } }

    private func offset(_ key: String) -> Int? {
        if let index { return index[key] }
        return members.firstIndex { $0.key == key }
    }

    func contains(_ key: Key) -> Bool { offset(key.stringValue) != nil }

    private func node(_ key: Key) throws -> DocumentNode {
        guard let offset = offset(key.stringValue) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "no \"\(key.stringValue)\""))
        }
        return members[offset].value
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        if case .null = try node(key).value { return true }
        return false
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try value(type, try node(key), codingPath + [key], userInfo)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try DocumentNodeDecoder(try node(key), codingPath: codingPath + [key], userInfo: userInfo).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try DocumentNodeDecoder(try node(key), codingPath: codingPath + [key], userInfo: userInfo).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        DocumentNodeDecoder(DocumentNode(.object(members)), codingPath: codingPath, userInfo: userInfo)
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        DocumentNodeDecoder(try node(key), codingPath: codingPath + [key], userInfo: userInfo)
    }
}

private struct UnkeyedNodes: UnkeyedDecodingContainer {
    let items: [DocumentNode]
    let codingPath: [any CodingKey]
    let userInfo: [CodingUserInfoKey: Any]
    var currentIndex = 0

    init(items: [DocumentNode], codingPath: [any CodingKey], userInfo: [CodingUserInfoKey: Any]) {
        self.items = items
        self.codingPath = codingPath
        self.userInfo = userInfo
    }

    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    private mutating func next() throws -> (DocumentNode, [any CodingKey]) {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(Any.self, .init(codingPath: codingPath, debugDescription: "the array has no more items"))
        }
        defer { currentIndex += 1 }
        return (items[currentIndex], codingPath + [IndexKey(currentIndex)])
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, case .null = items[currentIndex].value else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let (node, path) = try next()
        return try value(type, node, path, userInfo)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        let (node, path) = try next()
        return try DocumentNodeDecoder(node, codingPath: path, userInfo: userInfo).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let (node, path) = try next()
        return try DocumentNodeDecoder(node, codingPath: path, userInfo: userInfo).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder {
        let (node, path) = try next()
        return DocumentNodeDecoder(node, codingPath: path, userInfo: userInfo)
    }
}

private struct SingleNode: SingleValueDecodingContainer {
    let node: DocumentNode
    let codingPath: [any CodingKey]
    let userInfo: [CodingUserInfoKey: Any]

    func decodeNil() -> Bool {
        if case .null = node.value { return true }
        return false
    }

    func decode<T: Decodable>(_ type: T.Type) throws -> T { try value(type, node, codingPath, userInfo) }
}
