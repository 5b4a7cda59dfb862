import ArgumentParser
import Foundation
import SnapinfraAI
import SnapinfraCore

/// `snapinfra draft TEXT`: a project file drafted from a sentence, to review before designing.
struct DraftCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "draft",
        abstract: "Draft a project file from a description (by the model with --ai, by simple rules offline).",
        discussion: """
            Example: snapinfra draft "an API for a dental clinic with appointments and invoices" --out clinic.yaml
            Review the draft ('snapinfra tui clinic.yaml') before generating: it is a starting point.
            Exit status: 0 success, 2 usage error (bad flags, the file exists without --force).
            """
    )

    @Argument(help: "What the project is, in a sentence or a paragraph.")
    var description: String

    @Option(help: "Write the draft to this file (.json, .yaml or .yml) instead of stdout.")
    var out: String?

    @Flag(help: "Print JSON instead of YAML to stdout.")
    var json = false

    @Flag(help: "Replace --out if it exists.")
    var force = false

    @OptionGroup(title: "Language model")
    var ai: AIOptions

    func run() throws {
        let text = description.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw CommandFailure.usage("draft: the description is empty") }
        guard text.count <= DocumentLimits.standard.maxDescriptionLength else {
            throw CommandFailure.usage(
                "draft: the description is \(text.count) characters, over the \(DocumentLimits.standard.maxDescriptionLength) limit")
        }
        var format: DocumentFormat = json ? .json : .yaml
        if let out {
            guard let byName = DocumentFormat.forFileName(out) else { throw CommandFailure.usage("--out: name the file .json, .yaml or .yml") }
            format = byName
            if FileManager.default.fileExists(atPath: out) && !force {
                throw CommandFailure.usage("--out: \(DisplayText.escape(out, limit: 200)) exists; use --force to replace it")
            }
        }
        let assistant = try ai.assistant()
        let (file, report) = assistant.draft(description: text)
        report.warnIfFellBack(source: "draft")
        let content = ProjectWriter.text(file, format: format)
        guard let out else {
            print(content, terminator: "")
            return
        }
        do {
            let url = URL(fileURLWithPath: out)
            try Data(content.utf8).write(to: url, options: .atomic)
        } catch {
            throw CommandFailure.usage("cannot write \(DisplayText.escape(out, limit: 200)): \(error.localizedDescription)")
        }
        let who = report.decidedBy == "rules" ? "the rules (offline)" : report.decidedBy
        StandardError.write(
            "Drafted \(DisplayText.escape(out, limit: 200)) by \(who): \(Plural.count(file.project.schema.count, "table")), \(Plural.count(file.project.endpoints.count, "endpoint")). Review it: snapinfra tui \(DisplayText.escape(out, limit: 200))"
        )
    }
}
