/// Maps document paths (`project.schema[2].fields[0].references`) to where they were written, so
/// problems found on the typed model still point at a line and column.
struct PositionIndex {
    private var positions: [String: SourcePosition] = [:]

    init(_ root: DocumentNode) {
        var pending: [(path: String, node: DocumentNode)] = [("", root)]
        while let (path, node) = pending.popLast() {
            if let position = node.position { positions[path] = position }
            switch node.value {
            case .array(let items):
                for (index, item) in items.enumerated() { pending.append(("\(path)[\(index)]", item)) }
            case .object(let members):
                for member in members { pending.append((DocumentObject.join(path, member.key), member.value)) }
            default:
                break
            }
        }
    }

    /// The diagnostics with a position filled in where one was missing and the path is known.
    func attach(to diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.map { diagnostic in
            guard diagnostic.position == nil, !diagnostic.path.isEmpty else { return diagnostic }
            var copy = diagnostic
            copy.position = positions[diagnostic.path]
            return copy
        }
    }
}
