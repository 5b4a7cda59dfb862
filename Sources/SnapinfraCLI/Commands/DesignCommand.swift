import ArgumentParser
import Foundation
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

    func run() throws {
        let project = try ProjectInput.requireProject(path: file, json: json)
        let result = DesignEngine().run(project)
        if json {
            try JSONOutput.print(DesignDocument(success: true, data: result, metadata: .init()))
        } else {
            print(DesignReport.text(result, projectName: project.project.name), terminator: "")
        }
        if result.validation.hasErrors { throw ExitCode(1) }
    }
}

/// `design --json`: the result under `data`, like every JSON document the tool prints.
struct DesignDocument: Encodable {
    var success: Bool
    var data: DesignResult
    var metadata: JSONMetadata
}
