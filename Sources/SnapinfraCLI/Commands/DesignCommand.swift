import ArgumentParser
import Foundation
import SnapinfraAI
import SnapinfraCore

/// `snapinfra design FILE [--json]`: analysis, decisions with reasons, cost breakdown, budget.
struct DesignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "design",
        abstract: "Phase 1: analysis, decisions with reasons, cost breakdown.",
        discussion: "Exit status: 0 success, 1 invalid project, 2 unreadable file or bad flags."
    )

    @Argument(help: "The project file (JSON or YAML); - reads stdin.")
    var file: String

    @Flag(help: "Print one JSON document to stdout.")
    var json = false

    @OptionGroup(title: "Language model")
    var ai: AIOptions

    func run() throws {
        let project = try ProjectInput.requireProject(path: file, json: json)
        let pipeline = Pipeline(advisor: try ai.assistant())
        let designed = pipeline.design(project)
        let (result, report) = (designed.result, designed.report)
        report.warnIfFellBack(source: file == "-" ? "<stdin>" : DisplayText.escape(file, limit: 200))
        let offered = project.options.enableAIEnhancements ? EnhancementEngine().offeredIDs(for: result, file: project) : []
        let score = pipeline.score(designed)
        let compliance = ComplianceChecklist(result: result, file: project, offered: offered)
        if json {
            try JSONOutput.print(
                DesignDocument(success: true, data: .init(result: result, securityScore: score, compliance: compliance), metadata: .init(ai: report)))
        } else {
            print(DesignReport.text(result, projectName: project.project.name, score: score, compliance: compliance), terminator: "")
            if report.provider != "rules" { print("\nLanguage model\n  \(report.summary)") }
        }
        if result.validation.hasErrors { throw ExitCode(1) }
    }
}

/// `design --json`: the result under `data`, like every JSON document the tool prints.
struct DesignDocument: Encodable {
    /// The design result's fields, with the security score and the compliance checklist beside them.
    struct Data: Encodable {
        var result: DesignResult
        var securityScore: SecurityScore?
        var compliance: ComplianceChecklist

        enum Keys: String, CodingKey { case securityScore, compliance }

        func encode(to encoder: Encoder) throws {
            try result.encode(to: encoder)
            var container = encoder.container(keyedBy: Keys.self)
            try container.encodeIfPresent(securityScore, forKey: .securityScore)
            try container.encode(compliance, forKey: .compliance)
        }
    }

    var success: Bool
    var data: Data
    var metadata: JSONMetadata
}
