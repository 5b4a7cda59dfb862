/// Bounds on what a project file may hold, so hostile input fails fast with bounded memory.
///
/// Documented in README.md ("Limits"); every limit gives an error naming the place.
public struct DocumentLimits: Sendable, Hashable {
    /// The largest file read, in bytes (4 MiB).
    public var maxBytes: Int = 4 * 1024 * 1024
    /// The deepest nesting of arrays and objects. A project file needs 5.
    public var maxDepth: Int = 64
    /// The most values (nodes) in one document.
    public var maxNodes: Int = 1_000_000
    /// The longest `project.description`, in characters. Longer ones are refused, not truncated:
    /// a cut description would silently change what a language model is told.
    public var maxDescriptionLength: Int = 16_384
    /// The longest name (project, table, field), in characters.
    public var maxNameLength: Int = 128
    /// The longest endpoint path, in characters.
    public var maxPathLength: Int = 2_048
    /// The most tables, fields per table and endpoints.
    public var maxTables: Int = 2_000
    public var maxFieldsPerTable: Int = 1_000
    public var maxEndpoints: Int = 10_000

    public init() {}

    public static let standard = DocumentLimits()
}
