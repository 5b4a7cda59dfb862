/// A problem found in a project file or a generated file, with the place it points to.
///
/// Recoverable problems are values, not thrown errors: one run collects all of them.
public struct Diagnostic: Sendable, Hashable, Codable {
    /// How bad a problem is.
    public enum Severity: String, Sendable, Hashable, Codable, Comparable {
        case warning
        case error

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .warning && rhs == .error
        }
    }

    public var severity: Severity
    /// The path inside the document, such as `project.schema[2].fields[0].references`; empty for
    /// problems of the document as a whole (a syntax error).
    public var path: String
    public var message: String
    /// Line and column in the source text, when known (1-based).
    public var position: SourcePosition?

    public init(_ severity: Severity, _ path: String, _ message: String, at position: SourcePosition? = nil) {
        self.severity = severity
        self.path = path
        self.message = message
        self.position = position
    }

    public static func error(_ path: String, _ message: String, at position: SourcePosition? = nil) -> Diagnostic {
        Diagnostic(.error, path, message, at: position)
    }

    public static func warning(_ path: String, _ message: String, at position: SourcePosition? = nil) -> Diagnostic {
        Diagnostic(.warning, path, message, at: position)
    }

    /// The text after the severity: `PATH: message`, or just the message when there is no path.
    public var pathAndMessage: String {
        path.isEmpty ? message : "\(path): \(message)"
    }

    /// One compiler-style line for a problem in a generated file, whose path is the file:
    /// `infra/terraform/main.tf:2:10: error: message`.
    public var formattedInFile: String {
        "\(path)\(position.map { ":\($0.line):\($0.column)" } ?? ""): \(severity.rawValue): \(message)"
    }

    /// One compiler-style line: `FILE:LINE:COL: error: PATH: message`.
    public func formatted(source: String) -> String {
        var place = source
        if let position { place += ":\(position.line):\(position.column)" }
        return "\(place): \(severity.rawValue): \(pathAndMessage)"
    }
}

/// A line and column in source text, both counted from 1; columns count Unicode scalars.
public struct SourcePosition: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column)" }

    /// Earlier in the file.
    public static func < (a: SourcePosition, b: SourcePosition) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }
}

extension Array where Element == Diagnostic {
    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }
    public var errors: [Diagnostic] { filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { filter { $0.severity == .warning } }
}
