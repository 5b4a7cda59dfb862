import SnapinfraCore

/// The design screen's content: budget banner, analysis, decisions with reasons and traces, and the
/// cost table, laid out for a width.
enum DesignLines {
    static let heading = CellStyle(bold: true, color: .cyan)
    static let strong = CellStyle(bold: true)
    static let faint = CellStyle(dim: true)

    /// `notices`: warnings about the project itself, shown first (text addressed to a model).
    static func make(_ result: DesignResult, ai: AIReport = .rules, notices: [String] = [], width: Int) -> [StyledLine] {
        var lines: [StyledLine] = []
        for notice in notices {
            for line in TextLayout.wrap("! \(notice)", width: width) { lines.append(StyledLine(line, CellStyle(bold: true, color: .yellow))) }
        }
        if !notices.isEmpty { lines.append(StyledLine()) }
        if let budget = result.budget, budget.overBudget {
            for line in TextLayout.wrap("! OVER BUDGET. \(budget.summary)", width: width) {
                lines.append(StyledLine(TextLayout.pad(line, width: width), CellStyle(bold: true, reverse: true, color: .red)))
            }
            lines.append(StyledLine())
        }
        if width >= DesignDiagram.minimumWidth {
            lines += DesignDiagram.architecture(result.design, width: width)
            lines += DesignDiagram.costChart(result.estimate, width: width)
        }
        if ai.provider != "rules" { model(ai, width: width, into: &lines) }
        analysis(result.analysis, width: width, into: &lines)
        decisions(result.design.decisions, width: width, into: &lines)
        cost(result, width: width, into: &lines)
        return lines
    }

    /// A what-if beside the project it started from: the cost of each, every decision that
    /// differs, and every resource whose monthly cost differs.
    static func scenario(_ scenario: Scenario, now result: DesignResult, width: Int) -> [StyledLine] {
        let banner = "WHAT IF: \(scenario.changes.joined(separator: ", ")). Enter keeps it in the project, Esc goes back."
        var lines = TextLayout.wrap(banner, width: width).map {
            StyledLine(TextLayout.pad($0, width: width), CellStyle(bold: true, reverse: true, color: .yellow))
        }
        let before = scenario.baselineResult
        let delta = result.estimate.totalMonthly - before.estimate.totalMonthly
        lines.append(
            StyledLine(
                "  Monthly cost  \(Format.money(result.estimate.totalMonthly)) here, \(Format.money(before.estimate.totalMonthly)) in the project ("
                    + (delta >= 0 ? "+" : "") + Format.money(delta) + ")", strong))
        if let budget = result.budget, budget.fitted == true, before.budget?.fitted != true {
            lines.append(StyledLine("  Traded away to fit the budget", strong))
            for cut in budget.cuts {
                for line in TextLayout.wrap("\(cut.title) (saves \(Format.money(cut.monthlySaving))): \(cut.tradeOff)", width: width - 4) {
                    lines.append(StyledLine("    " + line))
                }
            }
        }
        let old = Dictionary(before.design.decisions.map { ($0.id, $0.value) }, uniquingKeysWith: { first, _ in first })
        let changed = result.design.decisions.filter { old[$0.id] != nil && old[$0.id] != $0.value && !$0.id.hasPrefix("enhancement.") }
        if !changed.isEmpty {
            lines.append(StyledLine("  Changed decisions", strong))
            for decision in changed {
                for line in TextLayout.wrap("\(decision.id): \(old[decision.id] ?? "") → \(decision.value)", width: width - 4) {
                    lines.append(StyledLine("    " + line))
                }
            }
        }
        let costs = Dictionary(before.estimate.resources.map { ($0.address, $0.monthlyCost) }, uniquingKeysWith: +)
        let now = Dictionary(result.estimate.resources.map { ($0.address, $0.monthlyCost) }, uniquingKeysWith: +)
        let addresses = Set(costs.keys).union(now.keys).filter { costs[$0] != now[$0] }.sorted()
        if !addresses.isEmpty {
            lines.append(StyledLine("  Cost by resource", strong))
            for address in addresses {
                let a = costs[address] ?? 0
                let b = now[address] ?? 0
                let text = "\(address)  \(Format.money(a)) → \(Format.money(b)) (\(b - a >= 0 ? "+" : "")\(Format.money(b - a)))"
                lines.append(StyledLine("    " + TextLayout.fit(text, width: width - 4)))
            }
        }
        lines.append(StyledLine())
        return lines
    }

    static func analysis(_ a: RequirementsAnalysis, width: Int, into lines: inout [StyledLine]) {
        lines.append(StyledLine("ANALYSIS", heading))
        let rows: [(String, String)] = [
            (
                "Tables, fields, keys",
                [
                    Plural.count(a.tables, "table"), Plural.count(a.fields, "field"), Plural.count(a.foreignKeys, "foreign key"),
                    Plural.count(a.indexes, "index", "indexes"),
                ]
                .joined(separator: ", ")
            ),
            (
                "Endpoints",
                "\(a.endpoints)"
                    + (a.endpointsByMethod.isEmpty
                        ? "" : " (\(a.endpointsByMethod.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")))")
                    + ", \(a.authenticatedEndpoints) auth, \(a.uploadEndpoints) upload"
            ),
            ("Read share", "\(Format.number(a.readShare * 100))% (\(a.readShareBasis))"),
            ("Requests/s", "\(Format.number(a.averageRPS)) average, \(Format.number(a.peakRPS)) peak"),
            ("Data", "\(Format.number(a.dataSizeGB, digits: 2)) GB now, \(Format.number(a.dataSizeIn12MonthsGB, digits: 2)) GB in a year"),
            ("Complexity", "\(a.complexity.rawValue) (score \(Format.number(a.complexityScore)))"),
        ]
        let label = 22
        for (name, value) in rows {
            let wrapped = TextLayout.wrap(value, width: max(10, width - label - 2))
            for (index, part) in wrapped.enumerated() {
                let prefix = index == 0 ? TextLayout.pad("  " + name, width: label + 2) : String(repeating: " ", count: label + 2)
                lines.append(StyledLine(runs: [.init(text: prefix, style: faint), .init(text: part, style: .plain)]))
            }
        }
        lines.append(StyledLine())
    }

    /// Who decided, what the calls cost, why the rules took over, and the model's advice.
    static func model(_ ai: AIReport, width: Int, into lines: inout [StyledLine]) {
        lines.append(StyledLine("LANGUAGE MODEL (\(ai.provider))", heading))
        for part in TextLayout.wrap(ai.summary, width: width - 2) {
            lines.append(StyledLine("  " + part, ai.fallbackReason == nil ? .plain : CellStyle(color: .yellow)))
        }
        for call in ai.calls {
            let tokens = "\(call.promptTokens) → \(call.completionTokens)\(call.tokensEstimated ? " (est.)" : "")"
            let line = "\(call.purpose): \(tokens) tokens, \(call.latencyMS) ms, \(Plural.count(call.attempts, "attempt")), \(call.outcome)"
            for (index, part) in TextLayout.wrap(line, width: width - 6).enumerated() {
                lines.append(StyledLine((index == 0 ? "    ↳ " : "      ") + part, faint))
            }
        }
        if !ai.advice.isEmpty {
            lines.append(StyledLine("  Advice from \(ai.rankedBy) (shown, never applied):", strong))
            for advice in ai.advice {
                for (index, part) in TextLayout.wrap("\(advice.title): \(advice.detail)", width: width - 6).enumerated() {
                    lines.append(StyledLine((index == 0 ? "    - " : "      ") + part))
                }
            }
        }
        for note in ai.notes {
            for (index, part) in TextLayout.wrap(note, width: width - 6).enumerated() {
                lines.append(StyledLine((index == 0 ? "    ! " : "      ") + part, faint))
            }
        }
        lines.append(StyledLine())
    }

    static func decisions(_ decisions: [Decision], width: Int, into lines: inout [StyledLine]) {
        lines.append(StyledLine("DECISIONS (why each resource is what it is)", heading))
        for decision in decisions {
            let by = decision.source == "rules" ? "" : "  · " + decision.source
            lines.append(
                StyledLine(runs: [
                    .init(text: "  " + decision.id, style: strong), .init(text: " = ", style: .plain),
                    .init(
                        text: TextLayout.fit(decision.value, width: max(4, width - decision.id.count - 5 - by.count)),
                        style: CellStyle(bold: true, color: .green)),
                    .init(text: by, style: CellStyle(color: .magenta)),
                ]))
            for part in TextLayout.wrap(decision.reason, width: width - 4) { lines.append(StyledLine("    " + part)) }
            for trace in decision.trace {
                for (index, part) in TextLayout.wrap(trace, width: width - 6).enumerated() {
                    lines.append(StyledLine((index == 0 ? "    ↳ " : "      ") + part, faint))
                }
            }
        }
        lines.append(StyledLine())
    }

    static func cost(_ result: DesignResult, width: Int, into lines: inout [StyledLine]) {
        let estimate = result.estimate
        lines.append(StyledLine("MONTHLY COST (\(estimate.currency), \(estimate.region); * = usage-based)", heading))
        let costWidth = 13
        let quantityWidth = width >= 90 ? 22 : 0
        let nameWidth = max(10, width - costWidth - quantityWidth - 1)
        for resource in estimate.resources {
            lines.append(
                StyledLine(runs: [
                    .init(
                        text: TextLayout.pad(
                            TextLayout.fit("  " + resource.address, width: nameWidth + quantityWidth), width: nameWidth + quantityWidth),
                        style: strong),
                    .init(text: TextLayout.padLeft(Format.money(resource.monthlyCost), width: costWidth + 1), style: strong),
                ]))
            for (index, line) in resource.lines.enumerated() {
                let branch = index == resource.lines.count - 1 ? "    └─ " : "    ├─ "
                let name = branch + line.name + (line.kind == .usage ? " *" : "") + (line.price?.grade == .derived ? " ≈" : "")
                let quantity = line.monthlyQuantity.map { "\(Format.quantity($0)) \(line.unit)" } ?? ""
                let cost = line.monthlyCost.map(Format.money) ?? "not in catalog"
                var runs: [StyledLine.Run] = [.init(text: TextLayout.pad(TextLayout.fit(name, width: nameWidth), width: nameWidth), style: .plain)]
                if quantityWidth > 0 {
                    runs.append(.init(text: TextLayout.padLeft(TextLayout.fit(quantity, width: quantityWidth), width: quantityWidth), style: faint))
                }
                runs.append(
                    .init(text: TextLayout.padLeft(cost, width: costWidth + 1), style: line.priceNotFound ? CellStyle(color: .yellow) : .plain))
                lines.append(StyledLine(runs: runs))
            }
        }
        let total = nameWidth + quantityWidth
        func row(_ label: String, _ value: String, _ style: CellStyle = .plain) {
            let valueWidth = max(costWidth + 1, TextWidth.width(of: value) + 1)
            let labelWidth = max(0, total + costWidth + 1 - valueWidth)
            lines.append(
                StyledLine(runs: [
                    .init(text: TextLayout.pad(TextLayout.fit("  " + label, width: labelWidth), width: labelWidth), style: style),
                    .init(text: TextLayout.padLeft(value, width: valueWidth), style: style),
                ]))
        }
        lines.append(StyledLine())
        row("Always-on", Format.money(estimate.alwaysOnMonthly))
        row("Usage-based *", Format.money(estimate.usageMonthly))
        row("TOTAL", Format.money(estimate.totalMonthly), strong)
        row("Range (min – max)", "\(Format.money(estimate.minMonthly)) – \(Format.money(estimate.maxMonthly))")
        if estimate.committedMonthly < estimate.totalMonthly {
            row("With 1-year commitments", Format.money(estimate.committedMonthly), faint)
        }
        if estimate.derivedMonthly > 0 {
            row("≈ by a rule: \(Format.number(estimate.derivedShare))% of the total", Format.money(estimate.derivedMonthly), faint)
        }
        if let budget = result.budget {
            lines.append(StyledLine())
            for part in TextLayout.wrap(budget.summary, width: width - 2) {
                lines.append(StyledLine("  " + part, budget.overBudget ? CellStyle(bold: true, color: .red) : CellStyle(color: .green)))
            }
        }
        if !estimate.notes.isEmpty {
            lines.append(StyledLine())
            lines.append(StyledLine("  ≈ Prices derived by a stated rule:", faint))
            for note in estimate.notes {
                for part in TextLayout.wrap(note, width: width - 6) { lines.append(StyledLine("    " + part, faint)) }
            }
        }
    }
}
