import Foundation
import Yams

/// Reads YAML into a `DocumentNode` tree, refusing what a project file never needs.
///
/// Anchors and aliases are refused (a "billion laughs" file fails at its first anchor, before
/// anything is expanded), so are multiple documents and custom tags. libyaml bounds nesting at
/// 1,000 levels; this reader bounds it at `DocumentLimits.maxDepth` as JSON does.
public enum YAMLReader {
    public static func read(_ text: String, limits: DocumentLimits = .standard) throws(DocumentError) -> DocumentNode {
        let parser: Parser
        let root: Node?
        do {
            parser = try Parser(yaml: text)
            root = try parser.nextRoot()
            if root != nil, try parser.nextRoot() != nil {
                throw DocumentError("the file holds more than one YAML document; a project file is one document")
            }
        } catch let error as DocumentError {
            throw error
        } catch let error as YamlError {
            throw convert(error, text: text, limits: limits)
        } catch {
            throw DocumentError("cannot read YAML: \(error)")
        }
        guard let root else { throw DocumentError("the file is empty", at: SourcePosition(line: 1, column: 1)) }
        var budget = limits.maxNodes
        // `parser` keeps anchors alive while the tree is converted (Yams holds them weakly).
        return try withExtendedLifetime(parser) { () throws(DocumentError) -> DocumentNode in
            try convert(root, path: "", depth: 1, limits: limits, budget: &budget)
        }
    }

    private static func position(_ mark: Mark?) -> SourcePosition? {
        mark.map { SourcePosition(line: $0.line, column: $0.column) }
    }

    private static func convert(_ error: YamlError, text: String, limits: DocumentLimits) -> DocumentError {
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            if problem.hasPrefix("Maximum nesting level") {
                return DocumentError("nesting is deeper than the YAML reader allows (1000 levels)", at: position(mark))
            }
            return DocumentError("invalid YAML: \(problem)", at: position(mark))
        case let .reader(problem, offset, _, yaml):
            return DocumentError("invalid YAML: \(problem)", at: offset.map { position(ofByte: $0, in: yaml) })
        case let .duplicatedKeysInMapping(duplicates, context):
            let path = duplicates.count == 1 ? duplicatePath(key: duplicates[0], at: context.mark, in: text, limits: limits) : nil
            return DocumentError(
                path == nil ? "duplicate key \(duplicates.map { DisplayText.quoted($0) }.joined(separator: ", "))" : "duplicate key",
                at: position(context.mark), path: path ?? "")
        default:
            return DocumentError("invalid YAML: \(error)")
        }
    }

    /// The path of a duplicated key, as JSON gives it (`project.schema[0].name`): the first
    /// occurrence is blanked out (same length, so positions hold), the text read again, and the
    /// path is that of the mapping whose remaining `key` comes first after the blanked one. Nil
    /// when the text does not read without it (a key whose value spans several lines).
    private static func duplicatePath(key: String, at mark: Mark, in text: String, limits: DocumentLimits) -> String? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard mark.line >= 1, mark.line <= lines.count else { return nil }
        let line = Array(lines[mark.line - 1])
        guard mark.column >= 1, mark.column <= line.count else { return nil }
        lines[mark.line - 1] = String(line[..<(mark.column - 1)]) + String(repeating: " ", count: line.count - mark.column + 1)
        guard let tree = try? read(lines.joined(separator: "\n"), limits: limits) else { return nil }
        let first = SourcePosition(line: mark.line, column: mark.column)
        var best: (position: SourcePosition, path: String)?
        var pending: [(path: String, node: DocumentNode)] = [("", tree)]
        while let (path, node) = pending.popLast() {
            switch node.value {
            case .array(let items):
                for (index, item) in items.enumerated() { pending.append(("\(path)[\(index)]", item)) }
            case .object(let members):
                for member in members {
                    let memberPath = DocumentObject.join(path, member.key)
                    if member.key == key, let at = member.keyPosition, at > first, best.map({ at < $0.position }) ?? true {
                        best = (at, memberPath)
                    }
                    pending.append((memberPath, member.value))
                }
            default:
                break
            }
        }
        return best?.path
    }

    /// Line and column of a UTF-8 byte offset.
    static func position(ofByte offset: Int, in text: String) -> SourcePosition {
        var line = 1
        var column = 1
        for byte in text.utf8.prefix(max(0, offset)) {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return SourcePosition(line: line, column: column)
    }

    private static func convert(
        _ node: Node, path: String, depth: Int, limits: DocumentLimits, budget: inout Int
    ) throws(DocumentError) -> DocumentNode {
        budget -= 1
        if budget < 0 { throw DocumentError("the document has more than \(limits.maxNodes) values", at: position(node.mark), path: path) }
        if node.anchor != nil {
            throw DocumentError("YAML anchors and aliases are not allowed in a project file", at: position(node.mark), path: path)
        }
        if !isStandard(node.tag) {
            throw DocumentError(
                "YAML tag \(DisplayText.quoted(node.tag.rawValue)) is not allowed in a project file", at: position(node.mark), path: path)
        }
        switch node {
        case .scalar(let scalar):
            return DocumentNode(scalarValue(scalar, node: node), at: position(scalar.mark))
        case .sequence(let sequence):
            guard depth <= limits.maxDepth else {
                throw DocumentError("nesting is deeper than \(limits.maxDepth) levels", at: position(sequence.mark), path: path)
            }
            var items: [DocumentNode] = []
            items.reserveCapacity(sequence.count)
            for item in sequence {
                items.append(try convert(item, path: "\(path)[\(items.count)]", depth: depth + 1, limits: limits, budget: &budget))
            }
            return DocumentNode(.array(items), at: position(sequence.mark))
        case .mapping(let mapping):
            guard depth <= limits.maxDepth else {
                throw DocumentError("nesting is deeper than \(limits.maxDepth) levels", at: position(mapping.mark), path: path)
            }
            var members: [DocumentNode.Member] = []
            for (key, value) in mapping {
                guard case .scalar(let keyScalar) = key else {
                    throw DocumentError("a mapping key must be plain text", at: position(key.mark), path: path)
                }
                if key.anchor != nil {
                    throw DocumentError("YAML anchors and aliases are not allowed in a project file", at: position(key.mark), path: path)
                }
                let converted = try convert(
                    value, path: DocumentObject.join(path, keyScalar.string), depth: depth + 1, limits: limits, budget: &budget)
                members.append(.init(key: keyScalar.string, keyPosition: position(keyScalar.mark), value: converted))
            }
            return DocumentNode(.object(members), at: position(mapping.mark))
        case .alias(let alias):
            throw DocumentError("YAML anchors and aliases are not allowed in a project file", at: position(alias.mark), path: path)
        }
    }

    /// The tags a document may carry: the standard ones, written or implied.
    private static let standardTags: Set<String> = [
        Tag.Name.implicit, .nonSpecific, .str, .int, .float, .bool, .null, .seq, .map, .timestamp,
    ].reduce(into: []) { $0.insert($1.rawValue) }

    private static func isStandard(_ tag: Tag) -> Bool {
        standardTags.contains(tag.rawValue)
    }

    /// The plain words Yams' resolver reads as booleans or null.
    private static let keywords: Set<String> = [
        "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF",
        "null", "Null", "NULL",
    ]

    private static func scalarValue(_ scalar: Node.Scalar, node: Node) -> DocumentNode.Value {
        // Quoted scalars are always strings; plain ones are resolved the YAML 1.1 way by Yams.
        guard scalar.style == .plain || scalar.style == .any else { return .string(scalar.string) }
        // A plain scalar that starts with a letter is a string unless it is one of YAML 1.1's
        // boolean or null words: no number, timestamp or `~` starts with a letter. This skips
        // Yams' regular expressions (four per scalar) for most of a document.
        if let first = scalar.string.unicodeScalars.first, first.properties.isAlphabetic, !Self.keywords.contains(scalar.string) {
            return .string(scalar.string)
        }
        if node.null != nil { return .null }
        if let bool = node.bool { return .bool(bool) }
        if let int = node.int { return .number(Double(int), text: scalar.string) }
        if let float = node.float, float.isFinite { return .number(float, text: scalar.string) }
        if node.float != nil { return .string(scalar.string) }
        return .string(scalar.string)
    }
}
