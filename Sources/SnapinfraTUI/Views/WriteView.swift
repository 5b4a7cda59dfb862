import SnapinfraCore

/// The write screen: the output folder, what writing would do to each file, then the next steps.
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
        let rows = height - (y - top)
        for item in plan.prefix(max(0, rows)) {
            let style =
                item.status == .handEdited ? CellStyle(bold: true, color: .red) : (item.status == .unchanged ? CellStyle(dim: true) : .plain)
            buffer.put(TextLayout.fit(TextLayout.pad(item.status.rawValue, width: 12) + item.path, width: state.width - 2), x: 1, y: y, style: style)
            y += 1
        }
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
