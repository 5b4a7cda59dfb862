import SnapinfraCore

/// The enhancements screen: suggestions grouped by category, toggled with Space, and a detail
/// pane with the facts and the diff the toggle makes. One pane below 60 columns.
enum EnhancementsView {
    static func draw(_ state: AppState, into buffer: inout ScreenBuffer, top: Int, height: Int) {
        guard !state.suggestions.isEmpty else {
            let text = state.suggestionsPending ? "Working out the enhancements…" : "No enhancements apply to this design."
            buffer.put(TextLayout.fit(text, width: state.width - 2), x: 1, y: top + 1)
            return
        }
        let single = state.width < 60
        let listWidth = single ? state.width : max(28, min(46, state.width * 40 / 100))
        let listHeight = single ? max(4, height / 2) : height
        drawList(state, into: &buffer, x: 0, y: top, width: listWidth, height: listHeight)
        if single {
            drawDetail(state, into: &buffer, x: 0, y: top + listHeight, width: state.width, height: height - listHeight)
        } else {
            drawDetail(state, into: &buffer, x: listWidth, y: top, width: state.width - listWidth, height: height)
        }
    }

    /// The list rows: a category heading before each group, then `[x] title`.
    static func rows(_ state: AppState) -> [(text: String, index: Int?)] {
        var rows: [(String, Int?)] = []
        var category: EnhancementCategory?
        for index in state.drawnSuggestionOrder {
            let s = state.suggestions[index]
            if s.category != category {
                category = s.category
                rows.append((s.category.rawValue.uppercased(), nil))
            }
            rows.append(("\(state.applied.contains(s.id) ? "[x]" : "[ ]") \(s.safe ? "" : "* ")\(s.id)", index))
        }
        return rows
    }

    static func drawList(_ state: AppState, into buffer: inout ScreenBuffer, x: Int, y: Int, width: Int, height: Int) {
        let total = state.result.map { Format.money($0.estimate.totalMonthly) } ?? ""
        // The totals always show whole: the word "score" goes first when the list is narrow.
        let counts = "\(state.applied.count)/\(state.suggestions.count) · \(total)"
        let value = state.securityScore.map { Format.number($0.value, digits: 1) }
        var title = counts + (value.map { " · score \($0)" } ?? "")
        if TextWidth.width(of: title) > width - 5, let value { title = counts + " · \(value)%" }
        AppView.box(&buffer, x: x, y: y, width: width, height: height, title: title, focused: !state.focusPreview)
        let all = rows(state)
        let visible = height - 2
        let selectedRow = all.firstIndex { $0.index == state.enhancementSelection } ?? 0
        let start = max(0, min(selectedRow - visible / 2, all.count - visible))
        for (offset, row) in all.dropFirst(start).prefix(visible).enumerated() {
            let selected = row.index == state.enhancementSelection
            let style = row.index == nil ? CellStyle(bold: true, color: .cyan) : CellStyle(reverse: selected)
            buffer.put(TextLayout.pad(TextLayout.fit(row.text, width: width - 2), width: width - 2), x: x + 1, y: y + 1 + offset, style: style)
            if let index = row.index { buffer.clickable(.suggestion(index), x: x + 1, y: y + 1 + offset, width: width - 2) }
        }
    }

    static func detailLines(_ state: AppState, width: Int) -> [StyledLine] {
        guard state.suggestions.indices.contains(state.enhancementSelection) else { return [] }
        let s = state.suggestions[state.enhancementSelection]
        var lines: [StyledLine] = [StyledLine(s.title, CellStyle(bold: true))]
        let facts =
            [
                "\(s.category.rawValue), \(s.severity.rawValue) severity, \(s.safe ? "SAFE" : "not safe: " + reasons(s, among: state.suggestions).joined(separator: ", "))",
                costLine(s, state: state),
                "Risk: \(s.risk.rawValue); reversible: \(s.reversible ? "yes" : "no")",
                "Trigger: \(s.trigger)",
            ] + (s.requires.isEmpty ? [] : ["Requires: " + s.requires.joined(separator: ", ")])
            + (s.conflicts.isEmpty ? [] : ["Conflicts with: " + s.conflicts.joined(separator: ", ")])
            + needs(s, state: state)
        for fact in facts + ["Why: " + s.rationale] {
            for part in TextLayout.wrap(fact, width: width) { lines.append(StyledLine(part)) }
        }
        for control in s.controls {
            let ids = control.checkovIDs.isEmpty ? "" : " (\(control.checkovIDs.joined(separator: ", ")))"
            for part in TextLayout.wrap("Control: \(control.title)\(ids)", width: width) {
                lines.append(StyledLine(part, CellStyle(color: .green)))
            }
        }
        lines.append(StyledLine())
        lines.append(StyledLine(state.applied.contains(s.id) ? "Removing it changes:" : "Applying it changes:", CellStyle(bold: true)))
        if state.previewRequest != nil { lines.append(StyledLine("Working out what it changes…", CellStyle(dim: true))) }
        for line in state.detailDiff {
            let style: CellStyle
            if line.hasPrefix("+++") || line.hasPrefix("---") {
                style = CellStyle(bold: true)
            } else if line.hasPrefix("+") {
                style = CellStyle(color: .green)
            } else if line.hasPrefix("-") {
                style = CellStyle(color: .red)
            } else {
                style = CellStyle(dim: true)
            }
            lines.append(StyledLine(TextLayout.fit(line, width: width), style))
        }
        return lines
    }

    /// The value a suggestion takes: the one given, or what will be asked for.
    static func needs(_ s: Enhancement, state: AppState) -> [String] {
        guard let input = s.input else { return [] }
        guard let value = state.inputs[input.variable] else { return ["Needs: \(input.label), asked for when it is switched on"] }
        return ["Needs: \(input.variable) = \(DisplayText.quoted(value)) (in terraform.tfvars.example)"]
    }

    /// The toggle's cost and score change, measured from the set applied now (so what the line
    /// promises is what pressing Space does), or the engine's figure until that is worked out.
    static func costLine(_ s: Enhancement, state: AppState) -> String {
        let cost = state.detailPreview?.monthlyCostDelta ?? s.monthlyCostDelta
        let score = state.detailPreview == nil ? s.securityScoreDelta : state.detailPreview?.securityScoreDelta
        let money = (cost < 0 ? "−" : cost > 0 ? "+" : "") + Format.money(cost < 0 ? -cost : cost)
        let verb = state.applied.contains(s.id) ? "Removing it" : "Applying it"
        return "\(verb): \(money) a month"
            + (score.map { "; security score \($0 < -0.05 ? "−" : "+")\(Format.number(abs($0), digits: 1))" } ?? "")
    }

    /// Why a suggestion is not safe, never empty for one that is not.
    static func reasons(_ s: Enhancement, among all: [Enhancement]) -> [String] {
        var reasons: [String] = []
        if s.risk != .none { reasons.append("risk of \(s.risk.rawValue)") }
        if !s.reversible { reasons.append("not reversible") }
        if s.needsInput != nil { reasons.append("needs input") }
        if s.monthlyCostDelta > EnhancementEngine.safeCostThreshold {
            reasons.append("costs over \(Format.money(EnhancementEngine.safeCostThreshold))")
        }
        let unsafeRequirements = s.requires.filter { id in all.contains { $0.id == id && !$0.safe } }
        if !unsafeRequirements.isEmpty { reasons.append("requires \(unsafeRequirements.joined(separator: ", ")), which is not safe") }
        if reasons.isEmpty { reasons.append("not judged safe by the engine") }
        return reasons
    }

    static func drawDetail(_ state: AppState, into buffer: inout ScreenBuffer, x: Int, y: Int, width: Int, height: Int) {
        buffer.clickable(.pane, x: x, y: y, width: width, height: height)
        let lines = detailLines(state, width: width - 2)
        let visible = height - 2
        let start = min(state.detailScroll, max(0, lines.count - visible))
        AppView.box(
            &buffer, x: x, y: y, width: width, height: height, title: "Detail \(start + 1)-\(min(lines.count, start + visible))/\(lines.count)",
            focused: state.focusPreview)
        for (row, line) in lines.dropFirst(start).prefix(visible).enumerated() {
            line.draw(into: &buffer, x: x + 1, y: y + 1 + row, width: width - 2)
        }
    }
}
