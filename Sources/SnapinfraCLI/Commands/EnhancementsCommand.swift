import ArgumentParser
import Foundation
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

    func run() throws {
        let project = try ProjectInput.requireProject(path: file, json: json)
        let result = DesignEngine().run(project)
        let suggestions = project.options.enableAIEnhancements ? EnhancementEngine().suggestions(for: result, file: project) : []
        if json {
            try JSONOutput.print(
                EnhancementsDocument(
                    success: true, data: .init(baseMonthlyCost: result.estimate.totalMonthly, enhancements: suggestions), metadata: .init()))
            return
        }
        if suggestions.isEmpty {
            print("No enhancements apply to this design" + (project.options.enableAIEnhancements ? "." : " (enableAIEnhancements is false)."))
            return
        }
        print(
            "\(suggestions.count) enhancements for \(DisplayText.escape(project.project.name, limit: 80)) (now \(Format.money(result.estimate.totalMonthly)) a month):\n"
        )
        for s in suggestions {
            let sign = s.monthlyCostDelta >= 0 ? "+" : ""
            print(
                "\(s.safe ? "[safe]" : "[    ]") \(s.id)  (\(s.category.rawValue), \(s.severity.rawValue), \(sign)\(Format.money(s.monthlyCostDelta))/month)"
            )
            print("       \(s.title)")
            print("       why: \(s.rationale)")
            print(
                "       trigger: \(s.trigger); risk: \(s.risk.rawValue); reversible: \(s.reversible ? "yes" : "no")"
                    + (s.needsInput.map { "; needs \($0)" } ?? ""))
            if !s.controls.isEmpty {
                print("       controls: " + s.controls.map { "\($0.title) (\($0.checkovIDs.joined(separator: ", ")))" }.joined(separator: "; "))
            }
        }
    }
}

struct EnhancementsDocument: Encodable {
    struct Data: Encodable {
        var baseMonthlyCost: Decimal
        var enhancements: [Enhancement]
    }

    var success: Bool
    var data: Data
    var metadata: JSONMetadata
}
