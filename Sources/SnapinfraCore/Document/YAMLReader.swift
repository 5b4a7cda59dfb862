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
            throw convert(error)
        } catch {
            throw DocumentError("cannot read YAML: \(error)")
        }
        guard let root else { throw DocumentError("the file is empty", at: SourcePosition(line: 1, column: 1)) }
        var budget = limits.maxNodes
        // `parser` keeps anchors alive while the tree is converted (Yams holds them weakly).
        return try withExtendedLifetime(parser) { () throws(DocumentError) -> DocumentNode in
            try convert(root, depth: 1, limits: limits, budget: &budget)
        }
    }

    private static func position(_ mark: Mark?) -> SourcePosition? {
        mark.map { SourcePosition(line: $0.line, column: $0.column) }
    }

    private static func convert(_ error: YamlError) -> DocumentError {
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            if problem.hasPrefix("Maximum nesting level") {
                return DocumentError("nesting is deeper than the YAML reader allows (1000 levels)", at: position(mark))
            }
            return DocumentError("invalid YAML: \(problem)", at: position(mark))
        case let .reader(problem, offset, _, yaml):
            return DocumentError("invalid YAML: \(problem)", at: offset.map { position(ofByte: $0, in: yaml) })
        case let .duplicatedKeysInMapping(duplicates, context):
            return DocumentError("duplicate key \(duplicates.map { DisplayText.quoted($0) }.joined(separator: ", "))", at: position(context.mark))
        default:
            return DocumentError("invalid YAML: \(error)")
        }
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

    private static func convert(_ node: Node, depth: Int, limits: DocumentLimits, budget: inout Int) throws(DocumentError) -> DocumentNode {
        budget -= 1
        if budget < 0 { throw DocumentError("the document has more than \(limits.maxNodes) values", at: position(node.mark)) }
        if node.anchor != nil {
            throw DocumentError("YAML anchors and aliases are not allowed in a project file", at: position(node.mark))
        }
        if !isStandard(node.tag) {
            throw DocumentError("YAML tag \(DisplayText.quoted(node.tag.rawValue)) is not allowed in a project file", at: position(node.mark))
        }
        switch node {
        case .scalar(let scalar):
            return DocumentNode(scalarValue(scalar, node: node), at: position(scalar.mark))
        case .sequence(let sequence):
            guard depth <= limits.maxDepth else {
                throw DocumentError("nesting is deeper than \(limits.maxDepth) levels", at: position(sequence.mark))
            }
            var items: [DocumentNode] = []
            items.reserveCapacity(sequence.count)
            for item in sequence {
                items.append(try convert(item, depth: depth + 1, limits: limits, budget: &budget))
            }
            return DocumentNode(.array(items), at: position(sequence.mark))
        case .mapping(let mapping):
            guard depth <= limits.maxDepth else {
                throw DocumentError("nesting is deeper than \(limits.maxDepth) levels", at: position(mapping.mark))
            }
            var members: [DocumentNode.Member] = []
            for (key, value) in mapping {
                guard case .scalar(let keyScalar) = key else {
                    throw DocumentError("a mapping key must be plain text", at: position(key.mark))
                }
                if key.anchor != nil {
                    throw DocumentError("YAML anchors and aliases are not allowed in a project file", at: position(key.mark))
                }
                let converted = try convert(value, depth: depth + 1, limits: limits, budget: &budget)
                members.append(.init(key: keyScalar.string, keyPosition: position(keyScalar.mark), value: converted))
            }
            return DocumentNode(.object(members), at: position(mapping.mark))
        case .alias(let alias):
            throw DocumentError("YAML anchors and aliases are not allowed in a project file", at: position(alias.mark))
        }
    }

    private static func isStandard(_ tag: Tag) -> Bool {
        let allowed: Set<String> = [
            Tag.Name.implicit, .nonSpecific, .str, .int, .float, .bool, .null, .seq, .map, .timestamp,
        ].reduce(into: []) { $0.insert($1.rawValue) }
        return allowed.contains(tag.rawValue)
    }

    private static func scalarValue(_ scalar: Node.Scalar, node: Node) -> DocumentNode.Value {
        // Quoted scalars are always strings; plain ones are resolved the YAML 1.1 way by Yams.
        guard scalar.style == .plain || scalar.style == .any else { return .string(scalar.string) }
        if node.null != nil { return .null }
        if let bool = node.bool { return .bool(bool) }
        if let int = node.int { return .number(Double(int), text: scalar.string) }
        if let float = node.float, float.isFinite { return .number(float, text: scalar.string) }
        if node.float != nil { return .string(scalar.string) }
        return .string(scalar.string)
    }
}
