/// A document that cannot be read at all: bad syntax, too deep, too big.
public struct DocumentError: Error, Sendable, Hashable {
    public var message: String
    public var position: SourcePosition?
    /// Where in the document it happened (`project.schema[0].fields`), when the reader knows.
    public var path: String

    public init(_ message: String, at position: SourcePosition? = nil, path: String = "") {
        self.message = message
        self.position = position
        self.path = path
    }

    /// The same problem as a diagnostic, at its path when known.
    public var diagnostic: Diagnostic {
        .error(path, message, at: position)
    }
}
