import ArgumentParser
import Foundation
import SnapinfraAI
import SnapinfraCore
import SnapinfraFiles

/// `snapinfra generate FILE --out DIR`: the whole pipeline, non-interactive.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Design, render and validate the infrastructure files, and write them into a folder.",
        discussion: """
            Exit status: 0 success, 1 invalid project or output, 2 usage error, 3 the folder holds \
            changes Snapinfra did not make (--merge keeps them, --force overwrites them), or, with --merge, \
            a hand edit conflicts with the new output (nothing is written; each conflict is listed).

            --merge merges per hunk, three ways: the base is what Snapinfra wrote last time, kept in \
            DIR/.snapinfra/base/ (commit it with the output). Hand edits are kept where the new output \
            does not change the same lines.
            """
    )

    @Argument(help: "The project file (JSON or YAML); - reads stdin.")
    var file: String

    @Option(help: "The output folder.")
    var out: String

    @Option(help: "Comma-separated targets (terraform,docker-compose); overrides options.targets.")
    var target: String?

    @Option(help: "Comma-separated enhancement ids to apply.")
    var apply: String?

    @Flag(help: "Apply every enhancement marked safe.")
    var applySafe = false

    @Option(
        name: .customLong("var"),
        help:
            "A value a suggestion needs, as NAME=VALUE (alarm_email, budget_email, certificate_arn); it goes into terraform.tfvars.example and the manifest."
    )
    var values: [String] = []

    @Flag(help: "When over budget, generate the cheapest design that keeps the scale and compliance choices (the cuts are said).")
    var fitBudget = false

    @Flag(help: "Print one JSON document to stdout (the original API's response shape).")
    var json = false

    @Flag(help: "Overwrite files changed by hand since the last run.")
    var force = false

    @Flag(help: "Keep hand edits: merge each file changed by hand with the new output, per hunk; any conflict writes nothing (exit 3).")
    var merge = false

    @Flag(help: "Print what each file would become (new, changed, unchanged, hand-edited, removed) and write nothing.")
    var dryRun = false

    @Option(help: "Also write a Markdown review report here: decisions, costs, suggestions applied and declined, compliance, validation.")
    var report: String?

    @Option(help: "A folder of templates that replace the built-in ones of the same name.")
    var templates: String?

    @OptionGroup(title: "Language model")
    var ai: AIOptions

    private func printPlan(_ plan: OutputPlan) {
        for item in plan.items {
            let status = item.status.rawValue
            let padded = status.count < 11 ? status + String(repeating: " ", count: 11 - status.count) : status
            print(
                "\(padded) \(DisplayText.escape(out, limit: 200))/\(DisplayText.escape(item.path, limit: 200))"
                    + (item.detail.map { " (\($0))" } ?? ""))
        }
    }

    func validate() throws {
        if apply != nil && applySafe { throw ValidationError("--apply and --apply-safe cannot be combined") }
        if merge && force { throw ValidationError("--merge keeps hand edits and --force overwrites them; give one") }
    }

    func run() throws {
        var project = try ProjectInput.requireProject(path: file, json: json)
        if let target {
            project.options.targets = try Self.targets(target)
        }
        if let report {
            // Checked before anything is written: a report that cannot be written is a usage error.
            var isFolder: ObjCBool = false
            let folder = URL(fileURLWithPath: report).deletingLastPathComponent().path
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
                throw CommandFailure.usage("--report: \(DisplayText.escape(folder, limit: 200)) is not a folder")
            }
        }
        let service = ProjectService(pipeline: Pipeline(advisor: try ai.assistant(), templates: try loadTemplates()))
        var request = ProjectService.GenerateRequest(applySafe: applySafe, fitBudget: fitBudget, inputs: try Self.inputs(values))
        if let apply {
            request.apply = ServiceCall.list(apply)
        }
        let generated: ProjectService.Generated
        do {
            generated = try service.generate(project, request)
        } catch .usage(let message) {
            throw CommandFailure.usage(message)
        } catch .failed(let message, let details) {
            for line in details { StandardError.write(line) }
            if json { try JSONOutput.print(FailureDocument(error: message, details: details)) }
            if details.isEmpty { throw CommandFailure(message: message, exitCode: 1) }
            throw ExitCode(1)
        }
        for note in generated.notes { StandardError.write("note: \(note)") }
        let (designed, enhanced, validated, chosen) = (generated.designed, generated.enhanced, generated.validated, generated.chosen)
        designed.report.warnIfFellBack(source: file == "-" ? "<stdin>" : DisplayText.escape(file, limit: 200))
        for name in request.inputs.keys.sorted() where enhanced.result.design.inputs?[name] == nil {
            StandardError.write("note: --var \(name): no suggestion applied takes it, so it is not used")
        }
        let rendered = validated.files
        for problem in validated.findings where problem.severity != .error {
            StandardError.write(problem.formattedInFile)
        }
        let writer = OutputWriter(path: out)
        let plan: OutputPlan
        do {
            plan = try writer.plan(rendered, merge: merge)
        } catch {
            throw CommandFailure.usage("\(error)")
        }
        for note in plan.notes { StandardError.write("note: \(note)") }
        let shownFolder = DisplayText.escape(out, limit: 200)
        if !plan.mergeConflicts.isEmpty && !dryRun {
            let report = plan.conflictReport(folder: shownFolder)
            for line in report { StandardError.write(line) }
            let hunks = plan.mergeConflicts.map(\.openConflicts).reduce(0, +)
            StandardError.write(
                "\(Plural.count(hunks, "conflict")) in \(Plural.count(plan.mergeConflicts.count, "file")); nothing was written. Edit the files so the hunks no longer overlap, or settle them on the TUI's Write screen (snapinfra tui \(shownFolder))."
            )
            if json {
                try JSONOutput.print(FailureDocument(error: "hand edits conflict with the new output; nothing was written", details: report))
            }
            throw ExitCode(3)
        }
        if plan.mergesHandEdits {
            // What the folder would hold is validated again, hand edits and all.
            let merged = OutputValidator().validate(plan.filesAsWritten(rendered)).filter { $0.severity == .error }
            if !merged.isEmpty {
                for problem in merged { StandardError.write(problem.formattedInFile + " (after merging hand edits)") }
                if json {
                    try JSONOutput.print(
                        FailureDocument(error: "the merged output is invalid; nothing was written", details: merged.map(\.formattedInFile)))
                }
                throw ExitCode(1)
            }
        }
        if !plan.conflicts.isEmpty && !force && !dryRun {
            for path in plan.conflicts {
                StandardError.write(
                    "\(DisplayText.escape(out, limit: 200))/\(path): error: changed by hand since Snapinfra wrote it; --merge keeps the edits, --force overwrites them"
                )
            }
            if json {
                try JSONOutput.print(FailureDocument(error: "the output folder holds changes Snapinfra did not make", details: plan.conflicts))
            }
            throw ExitCode(3)
        }
        if dryRun {
            if json {
                try JSONOutput.print(
                    DryRun(
                        files: plan.items.map {
                            DryRun.File(
                                path: $0.path, status: $0.status.rawValue, handEditsKept: $0.status == .merged ? $0.merge?.keptEdits : nil,
                                conflicts: $0.status == .conflict ? $0.openConflicts : nil)
                        }))
            } else {
                printPlan(plan)
            }
            return
        }
        let result = enhanced.result
        do {
            try writer.write(plan, manifest: Manifest(project: project, result: result, files: rendered, appliedEnhancements: chosen, plan: plan))
        } catch {
            throw CommandFailure.usage("\(error)")
        }
        if let report {
            let suggestions = generated.offered ?? service.pipeline.suggestions(for: designed)
            let compliance = ComplianceChecklist(result: result, file: project, offered: suggestions.map(\.id))
            do {
                try Data(ReviewReport.markdown(validated, suggestions: suggestions, compliance: compliance).utf8)
                    .write(to: URL(fileURLWithPath: report), options: .atomic)
            } catch {
                throw CommandFailure(
                    message: "\(DisplayText.escape(report, limit: 200)): cannot write the report: \(error.localizedDescription)", exitCode: 1)
            }
        }
        if json {
            try JSONOutput.print(service.response(generated))
        } else {
            printPlan(plan)
            if designed.report.provider != "rules" { print("Language model: \(designed.report.summary)") }
            print(
                "Estimated \(Format.money(result.estimate.totalMonthly)) a month (\(Format.money(result.estimate.minMonthly)) – \(Format.money(result.estimate.maxMonthly))). Next: read \(DisplayText.escape(out, limit: 200))/DEPLOY.md."
            )
        }
    }

    /// `--var NAME=VALUE`, each name one of the values suggestions take and each value checked as
    /// the variable's validation would.
    static func inputs(_ values: [String]) throws -> [String: String] {
        var inputs: [String: String] = [:]
        for value in values {
            let parts = value.split(separator: "=", maxSplits: 1).map(String.init)
            let names = EnhancementInput.allCases.map(\.variable)
            guard parts.count == 2, let input = EnhancementInput(rawValue: parts[0]) else {
                throw CommandFailure.usage(
                    "--var: \(DisplayText.quoted(value)) is not NAME=VALUE with NAME one of \(names.joined(separator: ", "))"
                        + Suggestion.hint(for: parts.first ?? "", in: names))
            }
            if let problem = input.problem(parts[1]) { throw CommandFailure.usage("--var \(problem)") }
            inputs[input.variable] = parts[1].trimmingCharacters(in: .whitespaces)
        }
        return inputs
    }

    static func targets(_ list: String) throws -> [Target] {
        do {
            return try ServiceCall.targets(list, option: "--target")
        } catch {
            throw CommandFailure.usage(error.document.error)
        }
    }

    private func loadTemplates() throws -> TemplateSet {
        guard let templates else { return .embedded }
        let root = URL(fileURLWithPath: templates)
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else {
            throw CommandFailure.usage("cannot read templates from \(DisplayText.escape(templates, limit: 200))")
        }
        var sources: [String: String] = [:]
        for case let url as URL in enumerator where url.pathExtension == "mustache" {
            let name = url.standardizedFileURL.path.replacingOccurrences(of: root.standardizedFileURL.path + "/", with: "")
            sources[name] = try String(contentsOf: url, encoding: .utf8)
        }
        do {
            return try TemplateSet.overriding(sources)
        } catch {
            throw CommandFailure(message: "\(error)", exitCode: 2)
        }
    }
}

/// `generate --dry-run --json`: the plan, one entry per file.
struct DryRun: Encodable {
    struct File: Encodable {
        var path: String
        var status: String
        /// Merged files: the hand edits kept.
        var handEditsKept: Int?
        /// Conflicting files: the hunks to settle.
        var conflicts: Int?
    }
    var success = true
    var files: [File]
}
