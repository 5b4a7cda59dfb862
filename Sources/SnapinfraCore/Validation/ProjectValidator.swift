/// Checks the relations inside a decoded project: duplicate names, references, cycles of required
/// references, endpoint paths and routes.
///
/// Every rule reports its problems by path; none stops the others.
public struct ProjectValidator: Sendable {
    public init() {}

    /// All problems of a project, errors and warnings, in document order.
    public func validate(_ file: ProjectFile) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        checkProjectName(file.project, into: &diagnostics)
        diagnostics += TableRules.check(file.project)
        diagnostics += ReferenceRules.check(file.project)
        diagnostics += EndpointRules.check(file.project)
        if file.project.database.type == .none && !file.project.schema.isEmpty {
            diagnostics.append(
                .warning(
                    "project.database.type",
                    "\"none\" is set but \(file.project.schema.count) table(s) are declared; no database will be built for them"))
        }
        if file.project.database.type == .dynamodb {
            for (t, table) in file.project.schema.enumerated() where !table.fields.contains(where: \.primaryKey) {
                diagnostics.append(.error("project.schema[\(t)]", "a DynamoDB table needs a primaryKey field (its partition key)"))
            }
        }
        return diagnostics
    }

    private func checkProjectName(_ project: Project, into diagnostics: inout [Diagnostic]) {
        if DisplayText.containsUnsafe(project.name) {
            diagnostics.append(
                .warning(
                    "project.name",
                    "contains control or bidirectional-formatting characters; they are left out of every generated name"))
        }
    }
}
