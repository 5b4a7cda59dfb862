import Foundation
import SnapinfraCore

/// The files screen: the rendered files with a validation mark each, and a preview with line
/// numbers, syntax colouring and search. Below 60 columns one pane shows at a time.
enum FilesView {
    static func draw(_ state: AppState, into buffer: inout ScreenBuffer, top: Int, height: Int) {
        let single = state.width < 60
        // Wide terminals give the list room for the longest paths (infra/terraform/terraform.tfvars.example).
        let listWidth = single ? state.width : max(20, min(56, state.width * 35 / 100))
        if !single || !state.focusPreview {
            drawList(state, into: &buffer, x: 0, y: top, width: listWidth, height: height)
        }
        if !single || state.focusPreview {
            let x = single ? 0 : listWidth
            drawPreview(state, into: &buffer, x: x, y: top, width: state.width - x, height: height)
        }
    }

    static func mark(_ state: AppState, _ file: RenderedFile) -> String {
        state.problems(of: file.path).isEmpty ? "[ok]" : "[!!]"
    }

    static func drawList(_ state: AppState, into buffer: inout ScreenBuffer, x: Int, y: Int, width: Int, height: Int) {
        AppView.box(
            &buffer, x: x, y: y, width: width, height: height, title: "Files \(state.fileSelection + 1)/\(state.files.count)",
            focused: !state.focusPreview)
        let visible = height - 2
        let start = max(0, min(state.fileSelection - visible / 2, state.files.count - visible))
        for (row, index) in state.files.indices.dropFirst(start).prefix(visible).enumerated() {
            let file = state.files[index]
            let selected = index == state.fileSelection
            let shown = file.path.hasPrefix("infra/") ? String(file.path.dropFirst("infra/".count)) : file.path
            let text = TextLayout.pad(TextLayout.fit("\(mark(state, file)) \(shown)", width: width - 2), width: width - 2)
            let problem = !state.problems(of: file.path).isEmpty
            buffer.put(text, x: x + 1, y: y + 1 + row, style: CellStyle(bold: problem, reverse: selected, color: problem ? .red : .normal))
            buffer.clickable(.file(index), x: x + 1, y: y + 1 + row, width: width - 2)
        }
    }

    static func drawPreview(_ state: AppState, into buffer: inout ScreenBuffer, x: Int, y: Int, width: Int, height: Int) {
        buffer.clickable(.pane, x: x, y: y, width: width, height: height)
        guard state.files.indices.contains(state.fileSelection) else {
            AppView.box(&buffer, x: x, y: y, width: width, height: height, title: "Preview", focused: state.focusPreview)
            return
        }
        let file = state.files[state.fileSelection]
        let lines = file.content.components(separatedBy: "\n").dropLast(file.content.hasSuffix("\n") ? 1 : 0)
        let visible = height - 2
        let start = min(state.previewScroll, max(0, lines.count - visible))
        let title = "\(file.path) \(start + 1)-\(min(lines.count, start + visible))/\(lines.count)"
        AppView.box(&buffer, x: x, y: y, width: width, height: height, title: title, focused: state.focusPreview)
        var problemRow = 0
        for problem in state.problems(of: file.path).prefix(2) {
            buffer.put(
                TextLayout.fit("!! \(problem.position.map { "\($0): " } ?? "")\(problem.message)", width: width - 2), x: x + 1, y: y + 1 + problemRow,
                style: CellStyle(bold: true, color: .red))
            problemRow += 1
        }
        let numberWidth = max(3, String(lines.count).count)
        let kind = SyntaxKind(path: file.path)
        for (row, index) in lines.indices.dropFirst(start).prefix(visible - problemRow).enumerated() {
            let line = String(lines[index])
            let number = TextLayout.padLeft(String(index + 1), width: numberWidth) + " "
            buffer.put(number, x: x + 1, y: y + 1 + problemRow + row, style: CellStyle(dim: true))
            // The matched text is marked, not the whole line.
            let style = kind.style(of: line)
            var hit = style
            hit.reverse = true
            hit.underline = true
            var column = x + 2 + numberWidth
            var room = width - numberWidth - 3
            // A line longer than the pane ends in `…`, and one scrolled across starts with it.
            var rest = Substring(line).dropFirst(state.previewColumn)
            let cutLeft = state.previewColumn > 0 && !rest.isEmpty
            let cutRight = TextWidth.width(of: String(rest)) > room - (cutLeft ? 1 : 0)
            if cutLeft {
                buffer.put("…", x: column, y: y + 1 + problemRow + row, style: CellStyle(dim: true))
                column += 1
                room -= 1
                rest = rest.dropFirst()
            }
            if cutRight {
                buffer.put("…", x: column + room - 1, y: y + 1 + problemRow + row, style: CellStyle(dim: true))
                room -= 1
            }
            while room > 0 {
                guard !state.searchQuery.isEmpty, let range = rest.range(of: state.searchQuery, options: .caseInsensitive) else {
                    buffer.put(String(rest), x: column, y: y + 1 + problemRow + row, style: style, maxWidth: room)
                    break
                }
                for (part, look) in [(rest[..<range.lowerBound], style), (rest[range], hit)] where !part.isEmpty && room > 0 {
                    let used = buffer.put(String(part), x: column, y: y + 1 + problemRow + row, style: look, maxWidth: room)
                    column += used
                    room -= used
                }
                rest = rest[range.upperBound...]
                if rest.isEmpty { break }
            }
        }
    }
}

/// Line-level syntax colouring for the preview; meaning never rests on colour alone.
enum SyntaxKind {
    case hcl, yaml, markdown, plain

    init(path: String) {
        if path.hasSuffix(".tf") || path.hasSuffix(".tfvars.example") {
            self = .hcl
        } else if path.hasSuffix(".yml") || path.hasSuffix(".yaml") {
            self = .yaml
        } else if path.hasSuffix(".md") {
            self = .markdown
        } else {
            self = .plain
        }
    }

    func style(of line: String) -> CellStyle {
        let trimmed = line.drop { $0 == " " }
        if trimmed.hasPrefix("#") { return self == .markdown ? CellStyle(bold: true, color: .cyan) : CellStyle(dim: true) }
        switch self {
        case .hcl:
            for keyword in ["resource ", "data ", "variable ", "output ", "locals ", "module ", "provider ", "terraform "]
            where trimmed.hasPrefix(keyword) {
                return CellStyle(bold: true, color: .magenta)
            }
            if trimmed.contains("= \"") { return CellStyle(color: .green) }
            return .plain
        case .yaml:
            if trimmed.hasSuffix(":") { return CellStyle(bold: true, color: .blue) }
            return .plain
        case .markdown:
            return trimmed.hasPrefix("```") || trimmed.hasPrefix("|") ? CellStyle(color: .yellow) : .plain
        case .plain:
            return .plain
        }
    }
}
