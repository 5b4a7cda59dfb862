import SnapinfraCore

/// Draws the whole UI for a state into a screen buffer. Pure: the same state gives the same screen.
public enum AppView {
    public static let minimumWidth = 40
    public static let minimumHeight = 10
    static let titleStyle = CellStyle(bold: true, reverse: true)
    static let hintStyle = CellStyle(reverse: true)

    public static func render(_ state: AppState) -> ScreenBuffer {
        var buffer = ScreenBuffer(width: state.width, height: state.height)
        guard state.width >= minimumWidth, state.height >= minimumHeight else {
            let lines = ["Terminal too small: \(state.width)x\(state.height)", "need \(minimumWidth)x\(minimumHeight)", "q quits"]
            for (index, line) in lines.enumerated() where index < state.height {
                buffer.put(TextLayout.fit(line, width: state.width), x: 0, y: index, style: index == 0 ? CellStyle(bold: true) : .plain)
            }
            return buffer
        }
        let contentHeight = state.height - 3
        var position = ""
        switch state.screen {
        case .start:
            StartView.draw(state, into: &buffer, top: 1, height: contentHeight)
        case .design:
            position = DesignView.draw(state, into: &buffer, top: 1, height: contentHeight)
        case .files:
            FilesView.draw(state, into: &buffer, top: 1, height: contentHeight)
        case .enhancements:
            EnhancementsView.draw(state, into: &buffer, top: 1, height: contentHeight)
        case .write:
            WriteView.draw(state, into: &buffer, top: 1, height: contentHeight)
        case .wizard:
            WizardView.draw(state, into: &buffer, top: 1, height: contentHeight)
        }
        drawTitle(state, position: position, into: &buffer)
        drawMessage(state, into: &buffer)
        drawHints(state, into: &buffer)
        if state.showHelp { HelpView.draw(state, into: &buffer) }
        return buffer
    }

    static func drawTitle(_ state: AppState, position: String, into buffer: inout ScreenBuffer) {
        buffer.fill(y: 0, from: 0, width: state.width, style: titleStyle)
        var title = " Snapinfra"
        if let wizard = state.wizard, state.screen == .wizard {
            let name = wizard.project.project.name.isEmpty ? "new project" : DisplayText.escape(wizard.project.project.name, limit: 30)
            title += " · \(name) · step \(wizard.stepNumber)/\(Wizard.Step.allCases.count)"
        } else if let project = state.project {
            // Environment, scale, region and traffic: what a what-if changes, always in view.
            let rps = project.project.traffic.requestsPerSecond.map { ", \(Format.number($0)) rps" } ?? ""
            title +=
                " · " + (state.scenario != nil ? "WHAT IF · " : "") + DisplayText.escape(project.project.name, limit: 30)
                + " · \(project.options.environment.rawValue), \(project.options.preferences.scale.rawValue), \(project.options.region)\(rps)"
        }
        var tabs = ""
        var spans: [(Screen, Int, Int)] = []
        if state.result != nil && state.screen != .wizard && state.screen != .start {
            // Narrow terminals show the other screens by initial, so the project name keeps its room.
            let compact = state.width < 110
            for screen in [Screen.design, .files, .enhancements, .write] {
                let label = screen == state.screen ? "[\(screen.title)]" : compact ? String(screen.title.prefix(1)) : " \(screen.title) "
                if !tabs.isEmpty { tabs += " " }
                spans.append((screen, TextWidth.width(of: tabs), TextWidth.width(of: label)))
                tabs += label
            }
            if !position.isEmpty { tabs += "  " + position }
            tabs += " "
        }
        let room = state.width - TextWidth.width(of: tabs)
        buffer.put(TextLayout.fit(title, width: max(0, room - 1)), x: 0, y: 0, style: titleStyle)
        buffer.put(tabs, x: max(0, room), y: 0, style: titleStyle)
        for (screen, offset, width) in spans { buffer.clickable(.screen(screen), x: max(0, room) + offset, y: 0, width: width) }
    }

    static func drawMessage(_ state: AppState, into buffer: inout ScreenBuffer) {
        let y = state.height - 2
        if let prompt = state.prompt {
            let room = max(10, state.width - TextWidth.width(of: prompt.label) - 1)
            let (text, cursor) = prompt.field.visible(width: room)
            buffer.put(prompt.label, x: 0, y: y, style: CellStyle(bold: true))
            let x = TextWidth.width(of: prompt.label)
            buffer.put(TextLayout.pad(text, width: room), x: x, y: y, style: CellStyle(underline: true))
            let under = cursor < TextWidth.width(of: text) ? String(Array(text)[WizardView.index(of: cursor, in: text)]) : " "
            buffer.put(under, x: x + cursor, y: y, style: CellStyle(reverse: true))
            if let message = state.message, y > 1 {
                buffer.put(TextLayout.fit(message, width: state.width), x: 0, y: y - 1, style: CellStyle(color: .yellow))
            }
        } else if let busy = state.busy {
            let text = "\(busy.glyph) \(busy.label): \(busy.change)… Esc cancels" + (state.message.map { "  " + $0 } ?? "")
            buffer.put(TextLayout.fit(text, width: state.width), x: 0, y: y, style: CellStyle(bold: true, color: .cyan))
        } else if let draft = state.searchDraft {
            buffer.put(
                TextLayout.fit("Search: /" + draft + "▏  Enter find, Esc cancel", width: state.width), x: 0, y: y, style: CellStyle(bold: true))
        } else if let message = state.message {
            buffer.put(TextLayout.fit(message, width: state.width), x: 0, y: y, style: CellStyle(bold: true, color: .yellow))
        } else if let result = state.result {
            let total =
                "Total \(Format.money(result.estimate.totalMonthly))/month (\(Format.money(result.estimate.minMonthly)) – \(Format.money(result.estimate.maxMonthly)))"
            let problems = state.validation.errors.count
            let status = problems == 0 ? "all \(state.files.count) files valid" : "\(problems) file problem(s)"
            buffer.put(
                TextLayout.fit("\(total) · \(status)", width: state.width), x: 0, y: y,
                style: problems == 0 ? .plain : CellStyle(bold: true, color: .red))
        }
    }

    static func drawHints(_ state: AppState, into buffer: inout ScreenBuffer) {
        let y = state.height - 1
        buffer.fill(y: y, from: 0, width: state.width, style: hintStyle)
        let bindings = KeyBindings.bindings(for: state.screen).filter { $0.inHintBar && state.offers($0.action) }
        // `Tab next screen`, `? help` and `q quit` always fit: they are placed first from the right.
        let always: Set<Action> = [.nextScreen, .help, .quit]
        let fixed = bindings.filter { always.contains($0.action) }
        let others = bindings.filter { !always.contains($0.action) }
        func label(_ binding: KeyBinding) -> String {
            let keys = binding.keys.contains(.left) && binding.keys.contains(.right) ? "←→" : binding.keys[0].label
            return "\(keys) \(binding.description.replacingOccurrences(of: "what if: ", with: ""))"
        }
        let tail = fixed.map(label).joined(separator: "  ")
        var head = ""
        for binding in others {
            let candidate = head.isEmpty ? label(binding) : head + "  " + label(binding)
            if TextWidth.width(of: candidate) + TextWidth.width(of: tail) + 3 > state.width { break }
            head = candidate
        }
        buffer.put(" " + head, x: 0, y: y, style: hintStyle)
        buffer.put(tail + " ", x: max(0, state.width - TextWidth.width(of: tail) - 1), y: y, style: hintStyle)
    }

    /// A box with a title, drawn with line-drawing characters.
    static func box(_ buffer: inout ScreenBuffer, x: Int, y: Int, width: Int, height: Int, title: String, focused: Bool) {
        guard width >= 2, height >= 2 else { return }
        let style = focused ? CellStyle(bold: true, color: .cyan) : .plain
        let horizontal = String(repeating: "─", count: width - 2)
        buffer.put("┌" + horizontal + "┐", x: x, y: y, style: style)
        buffer.put("└" + horizontal + "┘", x: x, y: y + height - 1, style: style)
        for row in (y + 1)..<(y + height - 1) {
            buffer.put("│", x: x, y: row, style: style)
            buffer.put("│", x: x + width - 1, y: row, style: style)
        }
        buffer.put(
            " " + TextLayout.fit(title, width: width - 4) + " ", x: x + 1, y: y,
            style: focused ? CellStyle(bold: true, color: .cyan) : CellStyle(bold: true))
    }
}
