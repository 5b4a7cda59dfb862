import SnapinfraCore

/// The wizard: the step's rows with their values, the text field with its cursor, and what
/// validation says beside each row, in the words of `snapinfra validate`.
enum WizardView {
    static func draw(_ state: AppState, into buffer: inout ScreenBuffer, top: Int, height: Int) {
        guard let wizard = state.wizard else { return }
        let width = state.width
        let steps = Wizard.Step.allCases.count
        var header = "Step \(wizard.stepNumber)/\(steps) · \(wizard.step.title)"
        if wizard.page != .step { header += " › " + wizard.pageTitle }
        buffer.put(TextLayout.fit(header, width: width - 2), x: 1, y: top, style: CellStyle(bold: true, color: .cyan))
        let rows = wizard.rows
        let labelWidth = min(34, max(16, width / 3))
        let valueX = 2 + labelWidth
        let valueWidth = max(8, width - valueX - 2)
        // Rows scroll with the selection; two lines stay for the summary at the bottom.
        let visible = max(1, height - 4)
        let first = max(0, min(wizard.row - visible / 2, rows.count - visible))
        var y = top + 2
        for (index, row) in rows.enumerated().dropFirst(first).prefix(visible) {
            let selected = index == wizard.row
            let problem = wizard.problem(at: row.path, under: row.isList)
            if case .action = row.kind {
                let text = (selected ? "> " : "  ") + row.label
                let room = problem == nil ? width - 3 : labelWidth + 8
                buffer.put(TextLayout.fit(text, width: room), x: 1, y: y, style: selected ? CellStyle(reverse: true) : CellStyle(bold: true))
                if let problem { note(problem, x: labelWidth + 10, y: y, width: width - labelWidth - 11, into: &buffer) }
                y += 1
                continue
            }
            buffer.put(
                TextLayout.pad(TextLayout.fit((selected ? "> " : "  ") + row.label, width: labelWidth), width: labelWidth), x: 1, y: y,
                style: selected ? CellStyle(bold: true) : .plain)
            var shown = row.value(wizard.project)
            if case .choice = row.kind { shown = "‹ " + shown + " ›" }
            let noteWidth = problem == nil ? 0 : min(valueWidth / 2, 50)
            let fieldWidth = max(6, valueWidth - noteWidth - (noteWidth > 0 ? 1 : 0))
            if selected, let field = wizard.field, row.isTextual {
                let (text, cursor) = field.visible(width: fieldWidth)
                buffer.put(TextLayout.pad(text, width: fieldWidth), x: valueX, y: y, style: CellStyle(underline: true))
                let under = cursor < TextWidth.width(of: text) ? String(Array(text)[Self.index(of: cursor, in: text)]) : " "
                buffer.put(under, x: valueX + cursor, y: y, style: CellStyle(reverse: true))
            } else {
                let display = DisplayText.escape(shown, limit: 200)
                buffer.put(
                    TextLayout.fit(display.isEmpty && row.isTextual ? "—" : display, width: fieldWidth), x: valueX, y: y,
                    style: selected ? CellStyle(reverse: true) : CellStyle(color: .green))
            }
            if let problem { note(problem, x: valueX + fieldWidth + 1, y: y, width: noteWidth, into: &buffer) }
            y += 1
        }
        if wizard.step == .basics, wizard.page == .step, !wizard.importNotes.isEmpty {
            drawImportNotes(wizard.importNotes, top: y + 1, bottom: top + height - 4, width: width, into: &buffer)
        }
        // The bottom: the selected row's problem in full, as `snapinfra validate` words it; then the
        // estimate as it stands, or how many problems are left.
        let summaryY = top + height - 1
        if rows.indices.contains(wizard.row), let problem = wizard.problem(at: rows[wizard.row].path, under: rows[wizard.row].isList) {
            let lines = TextLayout.wrap("\(problem.severity.rawValue): \(problem.pathAndMessage)", width: width - 2).prefix(2)
            for (offset, line) in lines.enumerated() {
                buffer.put(
                    line, x: 1, y: summaryY - lines.count + offset,
                    style: problem.severity == .error ? CellStyle(bold: true, color: .red) : CellStyle(bold: true, color: .yellow))
            }
        }
        if let estimate = wizard.estimate {
            // "no problems" only when there are none at all: a warning is a problem worth reading.
            let warnings = wizard.diagnostics.filter { $0.severity == .warning }.count
            let status = warnings == 0 ? "no problems" : Plural.count(warnings, "warning")
            buffer.put(
                TextLayout.fit("Estimate as it stands: \(Format.money(estimate)) a month · \(status)", width: width - 2), x: 1, y: summaryY,
                style: CellStyle(color: warnings == 0 ? .green : .yellow))
        } else if let first = wizard.diagnostics.first(where: { $0.severity == .error }) {
            buffer.put(
                TextLayout.fit("\(Plural.count(wizard.errorCount, "problem")): \(first.pathAndMessage)", width: width - 2), x: 1, y: summaryY,
                style: CellStyle(color: .red))
        }
    }

    /// The import's warnings under the first step's rows, each wrapped, as many as fit.
    static func drawImportNotes(_ notes: [String], top: Int, bottom: Int, width: Int, into buffer: inout ScreenBuffer) {
        guard bottom > top else { return }
        buffer.put(
            TextLayout.fit("From the import, \(Plural.count(notes.count, "warning")):", width: width - 2), x: 1, y: top,
            style: CellStyle(bold: true, color: .yellow))
        var y = top + 1
        for (index, note) in notes.enumerated() {
            let lines = TextLayout.wrap(DisplayText.escape(note, limit: 400), width: width - 6).prefix(3)
            // The last line left says how many more there are, when not all of them fit.
            let fits = y + lines.count - 1 <= bottom - (index == notes.count - 1 ? 0 : 1)
            guard fits else {
                buffer.put(
                    TextLayout.fit(
                        index == 0 ? "  snapinfra import prints them" : "  … and \(notes.count - index) more: snapinfra import prints them all",
                        width: width - 2), x: 1, y: y,
                    style: CellStyle(color: .yellow))
                return
            }
            for (offset, line) in lines.enumerated() {
                buffer.put(TextLayout.fit((offset == 0 ? "  " : "    ") + line, width: width - 2), x: 1, y: y, style: CellStyle(color: .yellow))
                y += 1
            }
        }
    }

    /// A problem beside its row: red for errors, yellow for warnings.
    static func note(_ problem: Diagnostic, x: Int, y: Int, width: Int, into buffer: inout ScreenBuffer) {
        guard width > 4 else { return }
        let style = problem.severity == .error ? CellStyle(color: .red) : CellStyle(color: .yellow)
        buffer.put(TextLayout.fit("! " + problem.message, width: width), x: x, y: y, style: style)
    }

    /// The character index at a display column.
    static func index(of column: Int, in text: String) -> Int {
        var used = 0
        for (offset, character) in text.enumerated() {
            if used >= column { return offset }
            used += TextWidth.width(of: String(character))
        }
        return max(0, text.count - 1)
    }
}
