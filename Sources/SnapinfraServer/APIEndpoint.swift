/// Each path of the API with what the OpenAPI document says of it: the responder routes by this
/// table and the document's `paths` are written from it, so the two cannot disagree.
struct APIEndpoint {
    struct Parameter {
        var name: String
        var description: String
        /// The schema, in YAML flow style.
        var schema: String
        var required = false
    }

    var path: String
    var method: String
    var route: APIRoute
    var operationID: String
    var summary: String
    var parameters: [Parameter] = []
    /// What a 200 holds: its description and the schema (a component name, or inline YAML flow).
    var answer: String
    var schema: String
    /// The error responses, by status (components/responses names).
    var errors: [(status: Int, response: String)] = []

    /// The errors every call can meet.
    static let callErrors: [(Int, String)] = [(400, "BadRequest"), (413, "TooLarge"), (503, "Busy"), (504, "Timeout")]
    /// And those that render, where the tool itself can fail.
    static let renderErrors: [(Int, String)] = [(400, "BadRequest"), (413, "TooLarge"), (500, "Failed"), (503, "Busy"), (504, "Timeout")]

    static let all: [APIEndpoint] = [
        APIEndpoint(
            path: "/api/generate-iac-v2", method: "POST", route: .call(.generate), operationID: "generate",
            summary: "The whole pipeline, files inline (`generate --json`).",
            parameters: [
                Parameter(name: "apply", description: "Comma-separated enhancement ids to apply, in order.", schema: "{type: string}"),
                Parameter(name: "applySafe", description: "Apply every enhancement marked safe.", schema: "{type: boolean}"),
                Parameter(
                    name: "fitBudget", description: "When over budget, the cheapest design that keeps the scale and compliance choices.",
                    schema: "{type: boolean}"),
                Parameter(
                    name: "target",
                    description: "Comma-separated targets (terraform, docker-compose, kubernetes, pulumi); overrides options.targets.",
                    schema: "{type: string}"),
            ],
            answer: "The design, its reasoning and cost, and every file, each checked.", schema: "GenerateDocument", errors: renderErrors),
        APIEndpoint(
            path: "/api/design", method: "POST", route: .call(.design), operationID: "design",
            summary: "Analysis, decisions with reasons, cost breakdown (`design --json`).", answer: "The design.", schema: "DesignDocument",
            errors: callErrors),
        APIEndpoint(
            path: "/api/estimate", method: "POST", route: .call(.estimate), operationID: "estimate",
            summary: "The monthly cost line by line and the budget verdict (the estimate of `design --json`).", answer: "The estimate.",
            schema: "EstimateDocument", errors: callErrors),
        APIEndpoint(
            path: "/api/enhancements", method: "POST", route: .call(.enhancements), operationID: "enhancements",
            summary: "The suggestions with their cost and security-score deltas (`enhancements --json`).", answer: "The suggestions.",
            schema: "EnhancementsDocument", errors: renderErrors),
        APIEndpoint(
            path: "/api/enhancements/diff", method: "POST", route: .call(.diff), operationID: "diffEnhancement",
            summary: "The unified diff that applying one suggestion makes (`enhancements --diff ID`).",
            parameters: [Parameter(name: "id", description: "The enhancement id.", schema: "{type: string, minLength: 1}", required: true)],
            answer: "The diff, one line per element.", schema: "DiffDocument", errors: renderErrors),
        APIEndpoint(
            path: "/api/validate", method: "POST", route: .call(.validate), operationID: "validate",
            summary: "Checks a project file (`validate --json`); an invalid one gets 400 with its diagnostics.",
            answer: "The project is valid (warnings allowed).", schema: "ValidateDocument", errors: callErrors),
        APIEndpoint(
            path: "/healthz", method: "GET", route: .health, operationID: "health", summary: "Whether the server answers.", answer: "It does.",
            schema: "Health"),
        APIEndpoint(
            path: "/openapi.yaml", method: "GET", route: .openAPI, operationID: "openAPI", summary: "This document.",
            answer: "OpenAPI 3.1, YAML.", schema: "{type: string}"),
    ]

    /// The document's `paths`, two spaces deep as they stand in it.
    static var pathsYAML: String {
        var lines = ["paths:"]
        for endpoint in all {
            let call = endpoint.method == "POST"
            lines += [
                "  \(endpoint.path):", "    \(endpoint.method.lowercased()):", "      tags: [\(call ? "project" : "service")]",
                "      operationId: \(endpoint.operationID)", "      summary: \(quoted(endpoint.summary))",
            ]
            if !endpoint.parameters.isEmpty {
                lines.append("      parameters:")
                for parameter in endpoint.parameters {
                    lines += ["        - name: \(parameter.name)", "          in: query"]
                    if parameter.required { lines.append("          required: true") }
                    lines += ["          description: \(quoted(parameter.description))", "          schema: \(parameter.schema)"]
                }
            }
            if call { lines.append("      requestBody: {$ref: '#/components/requestBodies/Project'}") }
            let schema = endpoint.schema.hasPrefix("{") ? endpoint.schema : "{$ref: '#/components/schemas/\(endpoint.schema)'}"
            let media = endpoint.route == .openAPI ? "application/yaml" : "application/json"
            lines += [
                "      responses:", "        '200':", "          description: \(quoted(endpoint.answer))", "          content:",
                "            \(media):", "              schema: \(schema)",
            ]
            for (status, response) in endpoint.errors {
                lines.append("        '\(status)': {$ref: '#/components/responses/\(response)'}")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// A YAML double-quoted scalar (the summaries hold colons and backquotes).
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
