/// Checks every rendered file before it is shown or written.
public struct OutputValidator: Sendable {
    public init() {}

    /// Problems, each with the file's path as its path and a line and column where known.
    public func validate(_ files: [RenderedFile]) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for file in files where file.path.hasSuffix(".yml") || file.path.hasSuffix(".yaml") {
            do {
                _ = try YAMLReader.read(file.content)
            } catch {
                problems.append(.error(file.path, error.message, at: error.position))
            }
        }
        return problems
    }
}
