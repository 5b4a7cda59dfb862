/// A line of text made of styled runs.
public struct StyledLine: Sendable, Hashable {
    public struct Run: Sendable, Hashable {
        public var text: String
        public var style: CellStyle
    }

    public var runs: [Run]

    public init(_ text: String = "", _ style: CellStyle = .plain) {
        runs = text.isEmpty ? [] : [Run(text: text, style: style)]
    }

    public init(runs: [Run]) {
        self.runs = runs
    }

    public var text: String { runs.map(\.text).joined() }

    /// Draws the line at (x, y), clipped to `width` columns.
    func draw(into buffer: inout ScreenBuffer, x: Int, y: Int, width: Int) {
        var column = x
        for run in runs {
            let room = x + width - column
            guard room > 0 else { return }
            column += buffer.put(run.text, x: column, y: y, style: run.style, maxWidth: room)
        }
    }
}

/// Word wrapping by display width.
enum TextLayout {
    static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let candidate = current.isEmpty ? String(word) : current + " " + word
            if TextWidth.width(of: candidate) <= width {
                current = candidate
                continue
            }
            if !current.isEmpty { lines.append(current) }
            var rest = String(word)
            while TextWidth.width(of: rest) > width {
                let head = truncate(rest, width: width)
                lines.append(head)
                rest = String(rest.dropFirst(head.count))
            }
            current = rest
        }
        if !current.isEmpty { lines.append(current) }
        return lines.isEmpty ? [""] : lines
    }

    /// The longest prefix that fits `width` columns.
    static func truncate(_ text: String, width: Int) -> String {
        var out = ""
        var used = 0
        for character in text {
            let w = TextWidth.width(of: TextWidth.displayable(character))
            if used + w > width { break }
            out.append(character)
            used += w
        }
        return out
    }

    /// The text cut to `width` columns with an ellipsis when cut.
    static func fit(_ text: String, width: Int) -> String {
        guard width > 0 else { return "" }
        if TextWidth.width(of: text) <= width { return text }
        return truncate(text, width: width - 1) + "…"
    }

    static func pad(_ text: String, width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - TextWidth.width(of: text)))
    }

    static func padLeft(_ text: String, width: Int) -> String {
        String(repeating: " ", count: max(0, width - TextWidth.width(of: text))) + text
    }
}
