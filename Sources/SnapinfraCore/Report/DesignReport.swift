/// The design phase as a readable report: analysis, decisions with reasons and traces, cost table,
/// budget verdict.
public enum DesignReport {
    public static func text(
        _ result: DesignResult, projectName: String, score: SecurityScore? = nil, compliance: ComplianceChecklist? = nil
    ) -> String {
        let a = result.analysis
        var out: [String] = []
        out.append("Design for \(DisplayText.escape(projectName, limit: 80)) — \(result.design.environment.rawValue), \(result.design.region)")
        out.append("")
        out.append("Analysis")
        let methods = a.endpointsByMethod.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        let metrics: [(String, String)] = [
            ("Tables / fields / foreign keys / indexes", "\(a.tables) / \(a.fields) / \(a.foreignKeys) / \(a.indexes)"),
            (
                "Endpoints",
                "\(a.endpoints)" + (methods.isEmpty ? "" : " (\(methods))")
                    + ", \(a.authenticatedEndpoints) with auth, \(a.uploadEndpoints) with uploads"
            ),
            ("Read share", "\(Format.number(a.readShare * 100))% (\(a.readShareBasis))"),
            ("Requests per second", "\(Format.number(a.averageRPS)) average, \(Format.number(a.peakRPS)) peak (\(a.rpsBasis))"),
            ("Requests per month", "\(Format.number(a.monthlyRequests / 1_000_000, digits: 2))M"),
            ("Data size", "\(Format.number(a.dataSizeGB, digits: 2)) GB now, \(Format.number(a.dataSizeIn12MonthsGB, digits: 2)) GB in 12 months"),
            ("Data growth", "\(Format.number(a.dataGrowthGBPerMonth, digits: 2)) GB a month (\(a.dataGrowthBasis))"),
            ("Complexity", "\(a.complexity.rawValue) (score \(Format.number(a.complexityScore)))"),
        ]
        let width = metrics.map { $0.0.count }.max() ?? 0
        for (label, value) in metrics {
            out.append("  \(label)\(String(repeating: " ", count: width - label.count))  \(value)")
        }
        out.append("")
        out.append("Decisions")
        for decision in result.design.decisions {
            out.append("  \(decision.id) = \(decision.value)  [\(decision.source)]")
            out.append("    \(decision.reason)")
            for line in decision.trace { out.append("    ↳ \(line)") }
        }
        out.append("")
        out.append("Monthly cost (\(result.estimate.currency), \(result.estimate.region))")
        out.append(CostTable.text(result.estimate))
        if let budget = result.budget {
            out.append("")
            out.append("Budget")
            out.append("  \(budget.summary)")
            if budget.overBudget {
                for cut in budget.cuts {
                    out.append("  - \(cut.title): saves \(Format.money(cut.monthlySaving)) a month; trade-off: \(cut.tradeOff)")
                }
            }
        }
        if let score {
            out.append("")
            out.append("Security score: \(Format.number(score.value, digits: 1)) (\(score.passed) of \(score.total) checks pass)")
            let titles = Dictionary(grouping: score.failing, by: \.title).sorted { $0.key < $1.key }
            for (title, checks) in titles {
                let ids = Set(checks.map(\.checkID)).sorted().joined(separator: ", ")
                out.append("  - \(title) (\(ids)): \(Set(checks.map(\.resource)).sorted().joined(separator: ", "))")
            }
        }
        if let compliance, !compliance.items.isEmpty {
            out.append("")
            out.append("Compliance")
            out += compliance.lines
        }
        if !result.validation.isEmpty {
            out.append("")
            out.append("Design problems")
            for diagnostic in result.validation { out.append("  \(diagnostic.severity.rawValue): \(diagnostic.pathAndMessage)") }
        }
        return out.joined(separator: "\n") + "\n"
    }
}
