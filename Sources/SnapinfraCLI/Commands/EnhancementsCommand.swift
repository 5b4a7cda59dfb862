import ArgumentParser
import Foundation
import SnapinfraAI
import SnapinfraCore

/// `snapinfra enhancements FILE [--json]`: the suggestions, their impact and safety.
struct EnhancementsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enhancements",
        abstract: "Phase 3: the suggestions for the design, their cost, controls, risk and safety.",
        discussion: "Apply them with 'snapinfra generate FILE --out DIR --apply ID,ID' or --apply-safe."
    )

    @Argument(help: "The project file (JSON or YAML); - reads stdin.")
    var file: String

    @Flag(help: "Print one JSON document to stdout.")
    var json = false

    @Option(name: .customLong("diff"), help: "Print the unified diff that applying this enhancement (with what it requires) makes to the files.")
    var diffID: String?

    @OptionGroup(title: "Language model")
    var ai: AIOptions

    func run() throws {
        let project = try ProjectInput.requireProject(path: file, json: json)
        let pipeline = Pipeline(advisor: try ai.assistant())
        var designed = pipeline.design(project)
        designed.report.warnIfFellBack(source: file == "-" ? "<stdin>" : DisplayText.escape(file, limit: 200))
        var suggestions = pipeline.suggestions(for: designed)
        if let diffID {
            try printDiff(diffID, suggestions: suggestions, pipeline: pipeline, designed: designed)
            return
        }
        guard let score = pipeline.score(designed) else { throw CommandFailure(message: "the templates could not be rendered", exitCode: 1) }
        suggestions = pipeline.rank(suggestions, &designed)
        let result = designed.result
        let report = designed.report
        if json {
            try JSONOutput.print(
                EnhancementsDocument(
                    success: true,
                    data: .init(
                        baseMonthlyCost: result.estimate.totalMonthly, securityScore: score, enhancements: suggestions,
                        compliance: ComplianceChecklist(result: result, file: project, offered: suggestions.map(\.id)), advice: report.advice),
                    metadata: .init(ai: report)))
            return
        }
        if suggestions.isEmpty {
            print("No enhancements apply to this design" + (project.options.enableAIEnhancements ? "." : " (enableAIEnhancements is false)."))
            return
        }
        print(
            "\(suggestions.count) enhancements for \(DisplayText.escape(project.project.name, limit: 80)) (now \(Format.money(result.estimate.totalMonthly)) a month, security score \(Format.number(score.value, digits: 1))):\n"
        )
        for s in suggestions {
            let sign = s.monthlyCostDelta >= 0 ? "+" : ""
            let scoreText = s.securityScoreDelta.map { ", score \($0 >= 0 ? "+" : "")\(Format.number($0, digits: 1))" } ?? ""
            print(
                "\(s.safe ? "[safe]" : "[    ]") \(s.id)  (\(s.category.rawValue), \(s.severity.rawValue), \(sign)\(Format.money(s.monthlyCostDelta))/month\(scoreText))"
            )
            print("       \(s.title)")
            print("       why: \(s.rationale)")
            print(
                "       trigger: \(s.trigger); risk: \(s.risk.rawValue); reversible: \(s.reversible ? "yes" : "no")"
                    + (s.needsInput.map { "; needs \($0)" } ?? ""))
            if !s.controls.isEmpty {
                print("       controls: " + s.controls.map { "\($0.title) (\($0.checkovIDs.joined(separator: ", ")))" }.joined(separator: "; "))
            }
            if !s.requires.isEmpty { print("       requires: \(s.requires.joined(separator: ", "))") }
            if !s.conflicts.isEmpty { print("       conflicts with: \(s.conflicts.joined(separator: ", "))") }
        }
        if !report.advice.isEmpty {
            print("\nAdvice from \(report.rankedBy) (shown, never applied):")
            for advice in report.advice { print("  - \(advice.title): \(advice.detail)") }
        }
        for note in report.notes { print("Note: \(note)") }
        if report.provider != "rules" { print("\nLanguage model: \(report.summary)") }
        print("\nSee what one changes: snapinfra enhancements FILE --diff ID")
    }

    /// The unified diff of the files one suggestion changes, applied with what it requires.
    private func printDiff(_ id: String, suggestions: [Enhancement], pipeline: Pipeline, designed: Designed) throws {
        guard let suggestion = suggestions.first(where: { $0.id == id }) else {
            let message =
                EnhancementEngine.catalogIDs.contains(id)
                ? "enhancement \(DisplayText.quoted(id)) does not apply to this design"
                : "unknown enhancement \(DisplayText.quoted(id))" + Suggestion.hint(for: id, in: EnhancementEngine.catalogIDs)
            throw CommandFailure.usage(message)
        }
        let offered = Set(suggestions.map(\.id))
        let requires = suggestion.requires.filter(offered.contains)
        do {
            let base = try pipeline.run(designed, applying: requires)
            let applied = try pipeline.run(designed, applying: requires + [id])
            print(LineDiff.unified(from: base.files, to: applied.files).joined(separator: "\n"))
        } catch {
            throw CommandFailure(message: "\(error)", exitCode: 1)
        }
    }
}

struct EnhancementsDocument: Encodable {
    struct Data: Encodable {
        var baseMonthlyCost: Decimal
        var securityScore: SecurityScore
        var enhancements: [Enhancement]
        var compliance: ComplianceChecklist
        /// A model's advice (`--ai`), shown and never applied.
        var advice: [ModelAdvice]
    }

    var success: Bool
    var data: Data
    var metadata: JSONMetadata
}
