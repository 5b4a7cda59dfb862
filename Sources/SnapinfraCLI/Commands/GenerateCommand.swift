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
            changes Snapinfra did not make (use --force to overwrite them).
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

    @Flag(help: "Print one JSON document to stdout (the original API's response shape).")
    var json = false

    @Flag(help: "Overwrite files changed by hand since the last run.")
    var force = false

    @Flag(help: "Print what each file would become (new, changed, unchanged, hand-edited, removed) and write nothing.")
    var dryRun = false

    @Option(help: "A folder of templates that replace the built-in ones of the same name.")
    var templates: String?

    @OptionGroup(title: "Language model")
    var ai: AIOptions

    private func printPlan(_ plan: OutputPlan) {
        for item in plan.items {
            print("\(item.status.rawValue.padding(toLength: 11, withPad: " ", startingAt: 0)) \(DisplayText.escape(out, limit: 200))/\(item.path)")
        }
    }

    func validate() throws {
        if apply != nil && applySafe { throw ValidationError("--apply and --apply-safe cannot be combined") }
    }

    func run() throws {
        let assistant = try ai.assistant()
        var project = try ProjectInput.requireProject(path: file, json: json)
        if let target {
            project.options.targets = try Self.targets(target)
        }
        let templateSet = try loadTemplates()
        var (designed, report) = assistant.design(project)
        report.warnIfFellBack(source: file == "-" ? "<stdin>" : DisplayText.escape(file, limit: 200))
        let engine = EnhancementEngine()
        var chosen: [String] = []
        if let apply {
            chosen = apply.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        } else if applySafe || project.options.autoApplyEnhancements {
            chosen = engine.safeIDs(for: designed, file: project)
        }
        let result: DesignResult
        do {
            result = try engine.apply(chosen, to: designed, file: project)
        } catch {
            throw CommandFailure.usage("--apply: \(error)")
        }
        let targets = project.options.targets.filter(\.isAvailable)
        let rendered: [RenderedFile]
        do {
            rendered = try Renderer(templates: templateSet).render(result, targets: targets)
        } catch {
            throw CommandFailure(message: "\(error)", exitCode: 1)
        }
        let validation = OutputValidator().validate(rendered)
        if validation.hasErrors {
            for problem in validation {
                StandardError.write(problem.formattedInFile)
            }
            if json {
                try JSONOutput.print(
                    JSONOutput.Failure(error: "the generated output is invalid; nothing was written", details: validation.map(\.formattedInFile)))
            }
            throw ExitCode(1)
        }
        let writer = OutputWriter(path: out)
        let plan: OutputPlan
        do {
            plan = try writer.plan(rendered)
        } catch {
            throw CommandFailure.usage("\(error)")
        }
        for note in plan.notes { StandardError.write("note: \(note)") }
        if !plan.conflicts.isEmpty && !force && !dryRun {
            for path in plan.conflicts {
                StandardError.write(
                    "\(DisplayText.escape(out, limit: 200))/\(path): error: changed by hand since Snapinfra wrote it; use --force to overwrite")
            }
            if json {
                try JSONOutput.print(JSONOutput.Failure(error: "the output folder holds changes Snapinfra did not make", details: plan.conflicts))
            }
            throw ExitCode(3)
        }
        if dryRun {
            if json {
                try JSONOutput.print(DryRun(files: plan.items.map { DryRun.File(path: $0.path, status: $0.status.rawValue) }))
            } else {
                printPlan(plan)
            }
            return
        }
        do {
            try writer.write(plan, manifest: Manifest(project: project, result: result, files: rendered, appliedEnhancements: chosen))
        } catch {
            throw CommandFailure.usage("\(error)")
        }
        if json {
            var remaining = project.options.enableAIEnhancements ? engine.suggestions(for: result, file: project) : []
            remaining = assistant.rank(remaining, file: project, report: &report)
            var response = GenerateResponse(
                result: result, files: rendered, validation: validation, targets: targets, enhancements: remaining, applied: chosen)
            response.metadata = JSONMetadata(ai: report)
            if let reason = report.fallbackReason { response.data.validation.warnings.append(reason) }
            try JSONOutput.print(response)
        } else {
            printPlan(plan)
            if report.provider != "rules" { print("Language model: \(report.summary)") }
            print(
                "Estimated \(Format.money(result.estimate.totalMonthly)) a month (\(Format.money(result.estimate.minMonthly)) – \(Format.money(result.estimate.maxMonthly))). Next: read \(DisplayText.escape(out, limit: 200))/DEPLOY.md."
            )
        }
    }

    static func targets(_ list: String) throws -> [Target] {
        var result: [Target] = []
        for name in list.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
            guard let target = Target(rawValue: name) else {
                throw CommandFailure.usage(
                    "--target: \(DisplayText.quoted(name)) is not one of terraform, docker-compose, kubernetes, pulumi"
                        + Suggestion.hint(for: name, in: Target.allCases.map(\.rawValue)))
            }
            guard target.isAvailable else { throw CommandFailure.usage("--target: \(target.rawValue) is not available yet") }
            if !result.contains(target) { result.append(target) }
        }
        if result.isEmpty { throw CommandFailure.usage("--target needs at least one target") }
        return result
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
    }
    var success = true
    var files: [File]
}
