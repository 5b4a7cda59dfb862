/// A document that cannot be read at all: bad syntax, too deep, too big.
public struct DocumentError: Error, Sendable, Hashable {
    public var message: String
    public var position: SourcePosition?

    public init(_ message: String, at position: SourcePosition? = nil) {
        self.message = message
        self.position = position
    }

    /// The same problem as a diagnostic for the whole document.
    public var diagnostic: Diagnostic {
        .error("", message, at: position)
    }
}
