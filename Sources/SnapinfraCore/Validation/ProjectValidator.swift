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
        diagnostics += priceCoverage(file)
        if file.project.database.type == .dynamodb {
            for (t, table) in file.project.schema.enumerated() where !table.fields.contains(where: \.primaryKey) {
                diagnostics.append(.error("project.schema[\(t)]", "a DynamoDB table needs a primaryKey field (its partition key)"))
            }
        }
        return diagnostics
    }

    /// A region the price catalog does not cover, or a service it cannot price there, is refused:
    /// the estimate would otherwise rest on another region's figures.
    private func priceCoverage(_ file: ProjectFile) -> [Diagnostic] {
        let region = file.options.region
        let supported = PriceCatalog.catalogRegions
        guard file.options.cloud == .aws else { return [] }
        guard supported.contains(region) else {
            return [
                .error(
                    "options.region",
                    "\(DisplayText.quoted(region)) has no prices in the catalog, so no estimate can be made there; supported regions: \(supported.joined(separator: ", "))"
                )
            ]
        }
        if file.project.database.type == .dynamodb, PriceCatalog.aws.price(.dynamoDBWriteMillion, region: region) == nil {
            let priced = PriceCatalog.aws.regionsWithFigure(.dynamoDBWriteMillion)
            return [
                .error(
                    "options.region",
                    "DynamoDB has no prices for \(region) in the catalog; it is priced in \(priced.joined(separator: " and ")) (or choose another database.type)"
                )
            ]
        }
        return []
    }

    private func checkProjectName(_ project: Project, into diagnostics: inout [Diagnostic]) {
        for (text, path) in [(project.name, "project.name"), (project.description, "project.description")] {
            if let warning = PromptInjection.warning(text, path: path) { diagnostics.append(warning) }
        }
        if DisplayText.containsUnsafe(project.name) {
            diagnostics.append(
                .warning(
                    "project.name",
                    "contains control or bidirectional-formatting characters; they are left out of every generated name"))
        }
    }
}
