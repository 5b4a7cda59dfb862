import Foundation
import MCP
import SnapinfraCore

/// The tools `snapinfra mcp` offers. Each reads a project and answers with the JSON of the
/// matching command's `--json`; none writes a file or runs anything.
enum MCPTools {
    struct Entry {
        var tool: Tool
        var operation: ServiceCall.Operation
    }

    static let project: Value = .object([
        "description": .string(
            "The project file (see Snapinfra's project format): a JSON object, or its text in JSON or YAML. Its options choose the environment, region, targets and budget."
        ),
        "type": .array([.string("object"), .string("string")]),
    ])

    static func schema(_ properties: [String: Value] = [:], required: [String] = []) -> Value {
        var all = properties
        all["project"] = project
        return .object([
            "type": .string("object"),
            "properties": .object(all),
            "required": .array((["project"] + required).map { .string($0) }),
            "additionalProperties": .bool(false),
        ])
    }

    /// The arguments a tool takes besides the project.
    static func properties(_ operation: ServiceCall.Operation) -> [String] {
        switch operation {
        case .diff: ["id"]
        case .generate: ["apply", "applySafe", "targets"]
        default: []
        }
    }

    static func tool(_ name: String, _ title: String, _ description: String, _ schema: Value) -> Tool {
        Tool(
            name: name, title: title, description: description, inputSchema: schema,
            annotations: .init(title: title, readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false))
    }

    static let all: [Entry] = [
        Entry(
            tool: tool(
                "validate_project", "Validate a project",
                "Checks a project file: every error and warning with the path it points to (project.schema[2].fields[0].references: …). The JSON of `snapinfra validate --json`.",
                schema()), operation: .validate),
        Entry(
            tool: tool(
                "design", "Design the infrastructure",
                "Analyses the project and sizes every AWS resource, each decision with its reasons, priced line by line, with the security score and the compliance checklist. The JSON of `snapinfra design --json`.",
                schema()), operation: .design),
        Entry(
            tool: tool(
                "estimate_cost", "Estimate the monthly cost",
                "The design's monthly cost, line by line from the price catalog, with the budget verdict and what to cut when over budget. The estimate and budget of `snapinfra design --json`.",
                schema()), operation: .estimate),
        Entry(
            tool: tool(
                "list_enhancements", "List the suggested enhancements",
                "The security, cost, performance, monitoring and reliability suggestions for the design, each with its cost delta, security-score delta, risk and whether it is safe to apply. The JSON of `snapinfra enhancements --json`.",
                schema()), operation: .enhancements),
        Entry(
            tool: tool(
                "diff_enhancement", "Show what an enhancement changes",
                "The unified diff that applying one suggestion (with what it requires) makes to the generated files. The lines of `snapinfra enhancements --diff ID`.",
                schema(
                    ["id": .object(["type": .string("string"), "description": .string("The enhancement id, from list_enhancements.")])],
                    required: ["id"])
            ), operation: .diff),
        Entry(
            tool: tool(
                "render", "Render the infrastructure files",
                "Renders the Terraform, Docker Compose, Kubernetes and Pulumi files of the design, each checked before it is returned, inline with the validation results and the security score. Nothing is written. The JSON of `snapinfra generate --json`.",
                schema([
                    "apply": .object([
                        "type": .string("array"), "items": .object(["type": .string("string")]),
                        "description": .string("Enhancement ids to apply, in order."),
                    ]),
                    "applySafe": .object(["type": .string("boolean"), "description": .string("Apply every enhancement marked safe.")]),
                    "targets": .object([
                        "type": .string("array"),
                        "items": .object(["type": .string("string"), "enum": .array(Target.allCases.map { .string($0.rawValue) })]),
                        "description": .string("Overrides options.targets."),
                    ]),
                ])), operation: .generate),
    ]
}
