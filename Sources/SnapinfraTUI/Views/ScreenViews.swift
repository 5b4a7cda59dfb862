import Foundation
import SnapinfraCore
import SnapinfraFiles

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

/// The start screen: a new project, a sentence to draft from, a file to open, the drafts to
/// resume, and the examples.
enum StartView {
    static func draw(_ state: AppState, into buffer: inout ScreenBuffer, top: Int, height: Int) {
        var y = top + 1
        buffer.put(
            TextLayout.fit("Turn a described project into reviewed infrastructure code.", width: state.width - 4), x: 2, y: y,
            style: CellStyle(bold: true))
        y += 2
        if let note = state.sessionNote {
            buffer.put(TextLayout.fit(note, width: state.width - 4), x: 2, y: y - 1)
            y += 1
        }
        let items = state.startItems
        let visible = max(1, top + height - y)
        let first = max(0, min(state.startSelection - visible / 2, items.count - visible))
        for (index, item) in items.enumerated().dropFirst(first).prefix(visible) {
            let selected = index == state.startSelection
            let text = (selected ? "> " : "  ") + line(item, state)
            buffer.put(TextLayout.fit(text, width: state.width - 4), x: 2, y: y, style: selected ? CellStyle(reverse: true) : .plain)
            buffer.clickable(.startItem(index), x: 2, y: y, width: state.width - 4)
            y += 1
        }
    }

    static func line(_ item: StartItem, _ state: AppState) -> String {
        switch item {
        case .new: return "New project — step by step"
        case .describe: return "Describe it in a sentence — a first draft to review"
        case .open: return "Open a project file…"
        case .importFiles: return "Import from OpenAPI or SQL… — tables and endpoints from openapi.yaml, schema.sql"
        case .openFolder: return "Open an output folder… — its project, enhancements and hand edits"
        case .resume(let index):
            let draft = state.drafts[index]
            let name = draft.project.project.name.isEmpty ? "(unnamed)" : DisplayText.escape(draft.project.project.name, limit: 40)
            let source = draft.sourcePath.map { " · " + DisplayText.escape(shortPath($0), limit: 80) } ?? ""
            let applied = draft.applied.map { $0.isEmpty ? "" : ", \($0.count) applied" } ?? ""
            return "Resume \(name) — on \(placeName(draft))\(applied), saved \(timestamp(draft.savedAt))\(source)"
        case .example(let index):
            let example = state.examples[index]
            return "Example " + example.name + " — " + DisplayText.escape(example.file.project.description, limit: 200)
        }
    }

    /// Where a draft was: a screen, or the wizard's step.
    static func placeName(_ draft: Draft) -> String {
        if let screen = draft.place.flatMap({ Screen(rawValue: $0.screen) }), screen != .wizard, screen != .start, draft.step == "review" {
            return screen.title
        }
        return Wizard.Step(rawValue: draft.step)?.title ?? draft.step
    }

    /// A path relative to the working folder when it is under it.
    static func shortPath(_ path: String) -> String {
        let here = FileManager.default.currentDirectoryPath + "/"
        return path.hasPrefix(here) ? String(path.dropFirst(here.count)) : path
    }

    /// `2026-11-23 08:40` in local time.
    static func timestamp(_ date: Date) -> String {
        if date == .distantPast { return "just now" }
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }
}

/// The `?` overlay, generated from the key bindings of the screen: in two columns when one does
/// not fit the height, so every key is listed at 80x24.
enum HelpView {
    static let screenJumps: Set<Action> = [.showDesign, .showFiles, .showEnhancements, .showWrite]

    static func rows(_ screen: Screen) -> [(String, String)] {
        var rows: [(String, String)] = []
        for binding in KeyBindings.bindings(for: screen) {
            if screenJumps.contains(binding.action) {
                if binding.action == .showDesign { rows.append(("1 2 3 4", "Design/Files/Enhance/Write")) }
                continue
            }
            rows.append((binding.keys.map(\.label).joined(separator: " "), binding.description))
        }
        return rows
    }

    static func draw(_ state: AppState, into buffer: inout ScreenBuffer) {
        let rows = rows(state.screen)
        let keyWidth = min(18, rows.map { TextWidth.width(of: $0.0) }.max() ?? 0)
        let textWidth = rows.map { TextWidth.width(of: $0.1) }.max() ?? 0
        let fitsOne = rows.count + 3 <= state.height - 2
        let columns = fitsOne ? 1 : 2
        let perColumn = (rows.count + columns - 1) / columns
        let width = min(state.width - 4, max(40, columns * (keyWidth + 3 + textWidth) + 3))
        let height = min(state.height - 2, perColumn + 3)
        let x = (state.width - width) / 2
        let y = max(1, (state.height - height) / 2)
        for row in y..<(y + height) { buffer.put(String(repeating: " ", count: width), x: x, y: row) }
        AppView.box(&buffer, x: x, y: y, width: width, height: height, title: "Keys (any key closes)", focused: true)
        let columnWidth = (width - 3) / columns
        for column in 0..<columns {
            let part = rows.dropFirst(column * perColumn).prefix(perColumn)
            let keys = min(keyWidth, part.map { TextWidth.width(of: $0.0) }.max() ?? 0)
            let left = x + 2 + column * columnWidth
            for (line, row) in part.enumerated() where line < height - 3 {
                buffer.put(TextLayout.pad(row.0, width: keys), x: left, y: y + 1 + line, style: CellStyle(bold: true))
                buffer.put(TextLayout.fit(row.1, width: max(1, columnWidth - keys - 2)), x: left + keys + 1, y: y + 1 + line)
            }
        }
    }
}
