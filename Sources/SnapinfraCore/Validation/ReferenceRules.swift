/// `references` must name an existing `table.column`; required (non-nullable) references must not
/// form a cycle, since no row of such a cycle could ever be inserted first.
enum ReferenceRules {
    private struct Edge {
        var from: Int
        var to: Int
        var field: Int
    }

    static func check(_ project: Project) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let tableIndex = Dictionary(project.schema.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        let tableNames = project.schema.map(\.name)
        // Columns by name, built once per table on first use, so each reference is one lookup.
        var columns: [Int: [String: Int]] = [:]
        var primaryKeys: [Int: String] = [:]
        var hints = HintBudget()
        var edges: [Edge] = []
        for (t, table) in project.schema.enumerated() {
            for (f, field) in table.fields.enumerated() {
                guard let reference = field.references else { continue }
                let path = "project.schema[\(t)].fields[\(f)].references"
                guard let target = field.referenceTarget else {
                    var hint = ""
                    if let index = tableIndex[reference] {
                        if primaryKeys[index] == nil { primaryKeys[index] = project.schema[index].fields.first(where: \.primaryKey)?.name ?? "" }
                        if let key = primaryKeys[index], !key.isEmpty { hint = " (did you mean \(DisplayText.quoted("\(reference).\(key)"))?)" }
                    }
                    diagnostics.append(.error(path, "\(DisplayText.quoted(reference)) is not of the form \"table.column\"" + hint))
                    continue
                }
                guard let targetIndex = tableIndex[target.table] else {
                    diagnostics.append(
                        .error(
                            path,
                            "table \(DisplayText.quoted(target.table)) does not exist"
                                + hints.hint(for: target.table, key: ".\(target.table)", in: tableNames)))
                    continue
                }
                let targetTable = project.schema[targetIndex]
                if columns[targetIndex] == nil {
                    columns[targetIndex] = Dictionary(
                        targetTable.fields.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
                }
                guard let c = columns[targetIndex]?[target.column] else {
                    diagnostics.append(
                        .error(
                            path,
                            "column \(DisplayText.quoted(target.column)) does not exist in table \(DisplayText.quoted(target.table))"
                                + hints.hint(for: target.column, key: "\(targetIndex).\(target.column)", in: targetTable.fields.map(\.name))))
                    continue
                }
                let column = targetTable.fields[c]
                if !column.primaryKey && !column.unique {
                    diagnostics.append(.warning(path, "\(DisplayText.quoted(reference)) is neither a primary key nor unique"))
                }
                if !compatible(field.type, column.type) {
                    diagnostics.append(
                        .warning(
                            path, "type \(field.type.rawValue) does not match \(DisplayText.quoted(reference)) of type \(column.type.rawValue)"))
                }
                if !field.nullable {
                    edges.append(Edge(from: t, to: targetIndex, field: f))
                }
            }
        }
        diagnostics += cycles(edges, project: project)
        return diagnostics
    }

    /// "Did you mean" costs an edit distance against every candidate; a file of thousands of bad
    /// references gets hints for its first 100 distinct misspellings, keeping validation linear.
    struct HintBudget {
        static let limit = 100
        private var cache: [String: String] = [:]

        /// `key` tells apart the same word looked up among different candidates (a column of two tables).
        mutating func hint(for word: String, key: String? = nil, in candidates: @autoclosure () -> [String]) -> String {
            let key = key ?? word
            if let known = cache[key] { return known }
            guard cache.count < Self.limit else { return "" }
            let hint = Suggestion.hint(for: word, in: candidates())
            cache[key] = hint
            return hint
        }
    }

    private static func compatible(_ a: FieldType, _ b: FieldType) -> Bool {
        let integers: Set<FieldType> = [.integer, .bigint]
        let strings: Set<FieldType> = [.string, .text]
        return a == b || (integers.contains(a) && integers.contains(b)) || (strings.contains(a) && strings.contains(b))
    }

    /// One error per cycle found by an iterative depth-first search (no recursion, so 2,000
    /// tables in a chain cannot overflow the stack).
    private static func cycles(_ edges: [Edge], project: Project) -> [Diagnostic] {
        var outgoing = [[Edge]](repeating: [], count: project.schema.count)
        for edge in edges { outgoing[edge.from].append(edge) }
        enum Mark { case unvisited, onStack, done }
        var marks = [Mark](repeating: .unvisited, count: project.schema.count)
        var diagnostics: [Diagnostic] = []
        for start in project.schema.indices where marks[start] == .unvisited {
            // Stack of (table, next edge to follow); `trail` holds the edge taken into each frame.
            var stack: [(table: Int, next: Int)] = [(start, 0)]
            var trail: [Edge] = []
            marks[start] = .onStack
            while let top = stack.last {
                if top.next < outgoing[top.table].count {
                    let edge = outgoing[top.table][top.next]
                    stack[stack.count - 1].next += 1
                    switch marks[edge.to] {
                    case .unvisited:
                        marks[edge.to] = .onStack
                        stack.append((edge.to, 0))
                        trail.append(edge)
                    case .onStack:
                        let loop = Array(trail.drop(while: { $0.from != edge.to })) + [edge]
                        diagnostics.append(describe(loop, project: project))
                    case .done:
                        break
                    }
                } else {
                    marks[top.table] = .done
                    stack.removeLast()
                    if !trail.isEmpty { trail.removeLast() }
                }
            }
        }
        return diagnostics
    }

    private static func describe(_ loop: [Edge], project: Project) -> Diagnostic {
        let first = loop[0]
        let names = loop.map { DisplayText.escape(project.schema[$0.from].name) } + [DisplayText.escape(project.schema[first.from].name)]
        let columns = loop.map { DisplayText.escape("\(project.schema[$0.from].name).\(project.schema[$0.from].fields[$0.field].name)") }
        let what = loop.count == 1 ? "a required reference of a table to itself" : "required references form a cycle"
        return .error(
            "project.schema[\(first.from)].fields[\(first.field)].references",
            "\(what): \(names.joined(separator: " → ")); make one of \(columns.joined(separator: ", ")) nullable")
    }
}
