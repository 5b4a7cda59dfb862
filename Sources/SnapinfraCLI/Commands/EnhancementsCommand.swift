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
        let service = ProjectService(pipeline: Pipeline(advisor: try ai.assistant()))
        if let diffID {
            do {
                print(try service.diff(project, id: diffID).data.diff.joined(separator: "\n"))
            } catch .usage(let message) {
                throw CommandFailure.usage(message)
            } catch {
                throw CommandFailure(message: error.document.error, exitCode: 1)
            }
            return
        }
        let document: EnhancementsDocument
        let designed: Designed
        do {
            (document, designed) = try service.enhancements(project)
        } catch {
            throw CommandFailure(message: error.document.error, exitCode: 1)
        }
        designed.report.warnIfFellBack(source: file == "-" ? "<stdin>" : DisplayText.escape(file, limit: 200))
        if json {
            try JSONOutput.print(document)
            return
        }
        let (suggestions, score, result, report) = (document.data.enhancements, document.data.securityScore, designed.result, designed.report)
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
}
