import ArgumentParser
import Foundation
import SnapinfraCore

/// `snapinfra validate FILE`: checks a project file and prints diagnostics.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a project file; print diagnostics to stderr.",
        discussion: "Exit status: 0 valid (warnings allowed), 1 invalid, 2 unreadable file or bad flags."
    )

    @Argument(help: "The project file (JSON or YAML); - reads stdin.")
    var file: String

    @Flag(help: "Print one JSON document to stdout (the diagnostics still go to stderr).")
    var json = false

    func run() throws {
        let input = try ProjectInput(path: file)
        input.reportDiagnostics()
        let diagnostics = input.result.diagnostics
        guard let project = input.result.file else {
            if json { try JSONOutput.print(FailureDocument(invalidProject: diagnostics, source: input.sourceName)) }
            throw ExitCode(1)
        }
        if json {
            try JSONOutput.print(ValidateDocument(project: project, diagnostics: diagnostics, source: input.sourceName))
            return
        }
        let warnings = diagnostics.warnings.count
        let counts = [
            Plural.count(project.project.schema.count, "table"),
            Plural.count(project.project.endpoints.count, "endpoint"),
            Plural.count(warnings, "warning"),
        ]
        print("\(input.sourceName): valid: \(counts.joined(separator: ", "))")
    }
}
