import SnapinfraCore

/// The write screen: the output folder, what writing would do to each file and how it stands on
/// disk, the diff writing makes to the selected file (or its conflicts with hand edits), then the
/// next steps.
enum WriteView {
    static func draw(_ state: AppState, into buffer: inout ScreenBuffer, top: Int, height: Int) {
        var y = top
        let folder = DisplayText.escape(state.outputFolder, limit: 200)
        buffer.put(TextLayout.fit("Output folder: \(folder)", width: state.width - 2), x: 1, y: y, style: CellStyle(bold: true))
        y += 2
        guard let plan = state.plan else {
            buffer.put("Comparing with the folder…", x: 1, y: y, style: CellStyle(dim: true))
            return
        }
        if let written = state.writtenTo {
            buffer.put(
                TextLayout.fit("Written to \(DisplayText.escape(written, limit: 200)). Deploy with:", width: state.width - 2), x: 1, y: y,
                style: CellStyle(bold: true, color: .green))
            y += 1
            for line in steps(state).flatMap({ shellLines($0, width: state.width - 2) }) where y < top + height {
                buffer.put(line, x: 1, y: y)
                y += 1
            }
            y += 1
        }
        let rows = top + height - y
        guard rows > 1 else { return }
        let detailLines = plan.indices.contains(state.writeSelection) ? detail(plan[state.writeSelection]) : []
        // The list takes what it needs up to half the room when there is a diff to show.
        let listRows = detailLines.isEmpty ? rows - 1 : max(3, min(plan.count, (rows - 1) / 2))
        let onDiskWidth = 16
        let statusWidth = max(12, min(30, plan.map { TextWidth.width(of: $0.item.label) }.max() ?? 12) + 1)
        buffer.put(
            TextLayout.fit(
                TextLayout.pad("ON DISK", width: onDiskWidth) + TextLayout.pad("WRITING", width: statusWidth) + "FILE", width: state.width - 2),
            x: 1, y: y, style: CellStyle(dim: true))
        y += 1
        let first = max(0, min(state.writeSelection - listRows / 2, plan.count - listRows))
        for (index, item) in plan.enumerated().dropFirst(first).prefix(listRows) {
            let selected = index == state.writeSelection
            var style: CellStyle =
                item.item.openConflicts > 0
                ? CellStyle(bold: true, color: .red)
                : item.status == .unchanged ? CellStyle(dim: true) : (item.status == .merged ? CellStyle(color: .green) : .plain)
            if selected { style.reverse = true }
            let onDisk = item.onDisk?.rawValue ?? (item.status == .new ? "missing" : "not ours")
            let text =
                TextLayout.pad(onDisk, width: onDiskWidth) + TextLayout.pad(item.item.label, width: statusWidth)
                + DisplayText.escape(item.path, limit: 200)
            buffer.put(TextLayout.fit(text, width: state.width - 2), x: 1, y: y, style: style)
            buffer.clickable(.planned(index), x: 1, y: y, width: state.width - 2)
            y += 1
        }
        guard !detailLines.isEmpty, y < top + height - 1 else { return }
        let selected = plan[state.writeSelection]
        let title = selected.item.openConflicts > 0 ? "conflicts with your edits" : "what writing changes on disk"
        let heading = "── \(DisplayText.escape(selected.path, limit: 80)): \(title) "
        let rule = heading + String(repeating: "─", count: max(0, state.width - 2 - TextWidth.width(of: heading)))
        buffer.put(TextLayout.fit(rule, width: state.width - 2), x: 1, y: y, style: CellStyle(dim: true))
        y += 1
        for line in detailLines.dropFirst(state.writeScroll) where y < top + height {
            let style: CellStyle =
                line.hasPrefix("+")
                ? CellStyle(color: .green)
                : line.hasPrefix("-") ? CellStyle(color: .red) : line.hasPrefix("@@") || line.hasPrefix("──") ? CellStyle(dim: true) : .plain
            buffer.put(TextLayout.fit(DisplayText.escape(line, limit: 400), width: state.width - 2), x: 1, y: y, style: style)
            y += 1
        }
    }

    /// What the pane under the list shows for a file: its open conflicts (your lines, then the
    /// new ones), or the diff writing makes to it.
    static func detail(_ file: PlannedFile) -> [String] {
        let item = file.item
        guard let merge = item.merge, item.openConflicts > 0 else {
            if let note = item.note, file.diff.isEmpty { return ["  " + note] }
            return file.diff.filter { !$0.hasPrefix("--- ") && !$0.hasPrefix("+++ ") }
        }
        var lines: [String] = []
        if let note = item.note { lines.append("  " + note) }
        for (index, conflict) in merge.conflicts.enumerated() where item.resolutions[index] == nil {
            lines.append("── conflict \(index + 1) of \(merge.conflicts.count): line \(conflict.mineLine) on disk, \(conflict.newLine) new")
            lines += conflict.mine.map { "-" + $0 }
            if conflict.mine.isEmpty { lines.append("  (nothing on disk)") }
            lines += conflict.new.map { "+" + $0 }
            if conflict.new.isEmpty { lines.append("  (nothing new)") }
        }
        lines.append("  m keeps yours (-), t takes the new (+), b keeps both; the first open conflict is settled.")
        return lines
    }

    /// A command as lines that fit and still paste as one command: broken after `&&` with a
    /// trailing backslash, never cut.
    static func shellLines(_ command: String, width: Int) -> [String] {
        guard TextWidth.width(of: "  " + command) > width else { return ["  " + command] }
        let parts = command.components(separatedBy: " && ")
        return parts.enumerated().map { index, part in
            (index == 0 ? "  " : "    ") + part + (index < parts.count - 1 ? " && \\" : "")
        }
    }

    static func steps(_ state: AppState) -> [String] {
        let targets = state.project?.options.targets ?? []
        var steps: [String] = []
        if targets.contains(.terraform) {
            steps += [
                "cd \(state.outputFolder)/infra/terraform && cp terraform.tfvars.example terraform.tfvars",
                "terraform init && terraform plan -out plan.tfplan && terraform apply plan.tfplan",
            ]
        }
        if targets.contains(.dockerCompose) { steps += ["cd \(state.outputFolder) && cp .env.example .env && docker compose up --build"] }
        return steps
    }
}
