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
        let service = ProjectService(pipeline: Pipeline(advisor: try ai.assistant()))
        let (document, designed) = service.design(project)
        let (result, report) = (designed.result, designed.report)
        report.warnIfFellBack(source: file == "-" ? "<stdin>" : DisplayText.escape(file, limit: 200))
        if json {
            try JSONOutput.print(document)
        } else {
            let data = document.data
            print(
                DesignReport.text(result, projectName: project.project.name, score: data.securityScore, compliance: data.compliance), terminator: "")
            if report.provider != "rules" { print("\nLanguage model\n  \(report.summary)") }
        }
        if result.validation.hasErrors { throw ExitCode(1) }
    }
}
