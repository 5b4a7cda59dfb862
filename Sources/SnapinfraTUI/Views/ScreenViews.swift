import SnapinfraCore

/// The design screen: one scrollable page of analysis, decisions and cost.
enum DesignView {
    /// Draws the page; returns the position text for the title (`1-20/126`).
    static func draw(_ state: AppState, into buffer: inout ScreenBuffer, top: Int, height: Int) -> String {
        guard state.result != nil else { return "" }
        let lines = state.designLines
        let start = min(state.designScroll, max(0, lines.count - height))
        for (row, line) in lines.dropFirst(start).prefix(height).enumerated() {
            line.draw(into: &buffer, x: 1, y: top + row, width: state.width - 2)
        }
        return "\(start + 1)-\(min(lines.count, start + height))/\(lines.count)"
    }
}

/// The start screen: the example projects to open.
enum StartView {
    static func draw(_ state: AppState, into buffer: inout ScreenBuffer, top: Int, height: Int) {
        var y = top + 1
        buffer.put("Turn a described project into reviewed infrastructure code.", x: 2, y: y, style: CellStyle(bold: true))
        y += 2
        if state.examples.isEmpty {
            buffer.put(TextLayout.fit("No examples found here. Open a project with: snapinfra tui FILE", width: state.width - 4), x: 2, y: y)
            return
        }
        buffer.put("Open an example project:", x: 2, y: y)
        y += 1
        for (index, example) in state.examples.enumerated() where y < top + height {
            let selected = index == state.startSelection
            let text = (selected ? "> " : "  ") + example.name + " — " + DisplayText.escape(example.file.project.description, limit: 200)
            buffer.put(TextLayout.fit(text, width: state.width - 4), x: 2, y: y, style: selected ? CellStyle(reverse: true) : .plain)
            y += 1
        }
        if y + 1 < top + height {
            buffer.put(TextLayout.fit("Or open your own: snapinfra tui FILE", width: state.width - 4), x: 2, y: y + 1, style: CellStyle(dim: true))
        }
    }
}

/// The `?` overlay, generated from the key bindings of the screen.
enum HelpView {
    static func draw(_ state: AppState, into buffer: inout ScreenBuffer) {
        let bindings = KeyBindings.bindings(for: state.screen)
        let rows = bindings.map { binding in
            (binding.keys.map(\.label).joined(separator: " "), binding.description)
        }
        let keyWidth = min(18, rows.map { TextWidth.width(of: $0.0) }.max() ?? 0)
        let width = min(state.width - 4, max(40, keyWidth + 6 + (rows.map { TextWidth.width(of: $0.1) }.max() ?? 0)))
        let height = min(state.height - 2, rows.count + 3)
        let x = (state.width - width) / 2
        let y = max(1, (state.height - height) / 2)
        for row in y..<(y + height) { buffer.put(String(repeating: " ", count: width), x: x, y: row) }
        AppView.box(&buffer, x: x, y: y, width: width, height: height, title: "Keys (any key closes)", focused: true)
        for (index, row) in rows.prefix(height - 3).enumerated() {
            buffer.put(TextLayout.pad(row.0, width: keyWidth), x: x + 2, y: y + 1 + index, style: CellStyle(bold: true))
            buffer.put(TextLayout.fit(row.1, width: width - keyWidth - 5), x: x + 3 + keyWidth, y: y + 1 + index)
        }
    }
}
