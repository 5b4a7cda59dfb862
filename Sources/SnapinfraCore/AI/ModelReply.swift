/// What was wrong with a model's reply, one problem per line, each naming its place
/// (`reply.decisions[2].value: …`). Sent back to the model in the repair round, and shown when the
/// rules engine takes over.
public struct ModelReplyError: Error, Sendable, Hashable, CustomStringConvertible {
    public var problems: [String]

    public init(_ problems: [String]) {
        self.problems = problems
    }

    public init(_ problem: String) {
        self.problems = [problem]
    }

    public var description: String { problems.prefix(3).joined(separator: "; ") + (problems.count > 3 ? "; …" : "") }
}

/// Reads the JSON object out of a model's reply text and gives typed access with paths.
public enum ModelReply {
    /// The largest reply read, in bytes; a longer one is refused, not cut.
    public static let maxBytes = 256 * 1024

    /// The one JSON object in the reply. Tolerates a Markdown code fence or a sentence around it,
    /// nothing else: the object itself must be complete, strict JSON.
    public static func object(in text: String) throws(ModelReplyError) -> [DocumentNode.Member] {
        let json = try jsonText(in: text)
        var limits = DocumentLimits()
        limits.maxBytes = maxBytes
        limits.maxDepth = 12
        limits.maxNodes = 20_000
        let node: DocumentNode
        do {
            node = try JSONReader.read(Array(json.utf8), limits: limits)
        } catch {
            let place = error.position.map { " at line \($0.line), column \($0.column)" } ?? ""
            throw ModelReplyError("reply: not valid JSON\(place): \(error.message)")
        }
        guard case .object(let members) = node.value else { throw ModelReplyError("reply: expected a JSON object") }
        let duplicates = node.duplicateKeyPaths(under: "reply")
        guard duplicates.isEmpty else {
            throw ModelReplyError(duplicates.map { "\(DisplayText.escape($0, limit: 80)): duplicate key; a reply names each key once" })
        }
        return members
    }

    /// The text from the reply's first `{` to its last `}`.
    static func jsonText(in text: String) throws(ModelReplyError) -> Substring {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw ModelReplyError("reply: the reply is empty") }
        guard trimmed.utf8.count <= maxBytes else { throw ModelReplyError("reply: \(trimmed.utf8.count) bytes, over the \(maxBytes) limit") }
        guard let start = trimmed.firstIndex(of: "{") else { throw ModelReplyError("reply: no JSON object in the reply") }
        guard let end = trimmed.lastIndex(of: "}"), end > start else {
            throw ModelReplyError("reply: the JSON object is not complete (truncated?)")
        }
        return trimmed[start...end]
    }

    /// A member's value as text: strings as they are, numbers as written, booleans as `true`/`false`.
    public static func scalar(_ node: DocumentNode) -> String? {
        switch node.value {
        case .string(let text): return text
        case .number(_, let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        case .null, .array, .object: return nil
        }
    }

    /// Checks a free-text field the model wrote (a reason, an advice item): present, not empty,
    /// bounded, and free of control and bidi characters.
    static func text(_ node: DocumentNode?, path: String, limit: Int, problems: inout [String]) -> String? {
        guard let node else {
            problems.append("\(path): missing")
            return nil
        }
        guard case .string(let raw) = node.value else {
            problems.append("\(path): expected a string, found \(node.kindDescription)")
            return nil
        }
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty {
            problems.append("\(path): must not be empty")
        } else if text.count > limit {
            problems.append("\(path): \(text.count) characters, over the \(limit) limit")
        } else if DisplayText.containsUnsafe(text) {
            problems.append("\(path): holds control or bidi characters")
        } else {
            return text
        }
        return nil
    }
}

extension [DocumentNode.Member] {
    subscript(key: String) -> DocumentNode? { first { $0.key == key }?.value }
}
