import CWidth

/// How a cell is drawn. Styles never carry meaning alone: state is also shown as text.
public struct CellStyle: Sendable, Hashable {
    public var bold = false
    public var reverse = false
    public var dim = false
    public var underline = false
    public var color: Color = .normal

    public enum Color: Sendable, Hashable {
        case normal, red, green, yellow, blue, magenta, cyan
    }

    public init(bold: Bool = false, reverse: Bool = false, dim: Bool = false, underline: Bool = false, color: Color = .normal) {
        self.bold = bold
        self.reverse = reverse
        self.dim = dim
        self.underline = underline
        self.color = color
    }

    public static let plain = CellStyle()
}

/// One terminal cell: a grapheme and its style; the second cell of a wide character is a
/// continuation and holds nothing.
public struct Cell: Sendable, Hashable {
    public var text: String
    public var style: CellStyle
    public var isContinuation: Bool

    public static let blank = Cell(text: " ", style: .plain, isContinuation: false)
}

/// Something a mouse click can choose, as the view that drew it says.
public enum ClickTarget: Sendable, Hashable {
    case screen(Screen)
    case startItem(Int)
    case suggestion(Int)
    case file(Int)
    case planned(Int)
    /// The Files preview or the Enhance detail: a click focuses it, the wheel scrolls it.
    case pane
}

/// An in-memory screen that views draw into; one small type pushes it to the real terminal.
public struct ScreenBuffer: Sendable, Hashable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Where a click lands: each row span a view drew, and what it stands for.
    public private(set) var targets: [ClickRegion] = []

    public struct ClickRegion: Sendable, Hashable {
        public var y: Int
        public var x: Range<Int>
        public var target: ClickTarget
    }

    /// Marks a span of one row as standing for `target`.
    public mutating func clickable(_ target: ClickTarget, x: Int, y: Int, width: Int) {
        guard width > 0 else { return }
        targets.append(ClickRegion(y: y, x: x..<(x + width), target: target))
    }

    /// Marks a rectangle as standing for `target`.
    public mutating func clickable(_ target: ClickTarget, x: Int, y: Int, width: Int, height: Int) {
        for row in y..<(y + max(0, height)) { clickable(target, x: x, y: row, width: width) }
    }

    /// What a click at (x, y) chooses; the span drawn last wins.
    public func target(x: Int, y: Int) -> ClickTarget? {
        targets.last { $0.y == y && $0.x.contains(x) }?.target
    }

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        cells[y * width + x]
    }

    /// Writes text at (x, y), clipped to `maxWidth` columns and the screen; returns columns used.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: CellStyle = .plain, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(width, x + (maxWidth ?? width))
        var column = x
        for character in text {
            let shown = TextWidth.displayable(character)
            let columns = TextWidth.width(of: shown)
            if columns == 0 { continue }
            if column + columns > limit { break }
            if column >= 0 {
                cells[y * width + column] = Cell(text: String(shown), style: style, isContinuation: false)
                if columns == 2 {
                    cells[y * width + column + 1] = Cell(text: "", style: style, isContinuation: true)
                }
            }
            column += columns
        }
        return column - x
    }

    /// Fills a row span with one style (for selection bars and title lines).
    public mutating func fill(y: Int, from x: Int, width span: Int, style: CellStyle) {
        guard y >= 0, y < height else { return }
        for column in max(0, x)..<min(width, x + span) {
            cells[y * width + column].style = style
        }
    }

    /// The screen as plain text lines, trailing spaces kept, for golden tests.
    public var text: String {
        (0..<height).map { row in
            (0..<width).compactMap { column -> String? in
                let cell = self[column, row]
                return cell.isContinuation ? nil : cell.text
            }.joined()
        }.joined(separator: "\n")
    }
}

/// Terminal column widths of text, from libc's wcwidth.
public enum TextWidth {
    /// Columns a character takes: 0, 1 or 2.
    public static func width(of character: Character) -> Int {
        guard let first = character.unicodeScalars.first else { return 0 }
        if first.isASCII { return first.value >= 0x20 && first.value != 0x7F ? 1 : 0 }
        let columns = cw_wcwidth(first.value)
        return columns < 0 ? 1 : Int(columns)
    }

    /// Columns a string takes.
    public static func width(of text: String) -> Int {
        text.reduce(0) { $0 + width(of: displayable($1)) }
    }

    /// The character as it can be drawn: control and bidi characters become `?`, clusters are cut
    /// to their first scalar plus combining marks (so emoji sequences keep borders aligned).
    public static func displayable(_ character: Character) -> Character {
        var scalars = String.UnicodeScalarView()
        for (index, scalar) in character.unicodeScalars.enumerated() {
            if index == 0 {
                let value = scalar.value
                if value < 0x20 || (0x7F...0x9F).contains(value) || [0x061C, 0x200E, 0x200F].contains(value)
                    || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
                {
                    return "?"
                }
                scalars.append(scalar)
            } else if scalar.properties.generalCategory == .nonspacingMark, scalars.count < 5 {
                scalars.append(scalar)
            } else {
                break
            }
        }
        return Character(String(scalars))
    }
}
