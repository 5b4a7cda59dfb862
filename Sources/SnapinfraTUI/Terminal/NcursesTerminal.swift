import CNcursesw
import CTermGuard
import Glibc

/// The only type that talks to ncurses: opens the terminal, reads keys, pushes a screen buffer.
/// All calls happen on the main actor (ncurses is not thread-safe).
@MainActor
public final class NcursesTerminal: TerminalDevice {
    public enum OpenError: Error, CustomStringConvertible {
        case notATerminal
        case cannotOpen(String)
        case noCursorAddressing(String)

        public var description: String {
            switch self {
            case .notATerminal:
                return "the terminal UI needs a terminal on stdin and stdout; for scripts and CI use 'snapinfra generate FILE --out DIR'"
            case .cannotOpen(let term):
                return "ncurses cannot open terminal type '\(term)'; set TERM (for example TERM=xterm-256color)"
            case .noCursorAddressing(let term):
                return "terminal type '\(term)' cannot move the cursor; the terminal UI needs a full-screen terminal"
            }
        }
    }

    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private let colors: Bool
    private let unicode: Bool
    private var pairs: [CellStyle.Color: Int16] = [:]
    private var closed = false

    public init() throws {
        _ = snap_setlocale_from_env()
        guard isatty(0) == 1, isatty(1) == 1 else { throw OpenError.notATerminal }
        let term = getenv("TERM").map { String(cString: $0) } ?? "unknown"
        _ = tg_save_tty(STDIN_FILENO)
        set_escdelay(25)
        guard let screen = snap_newterm(nil) else { throw OpenError.cannotOpen(term) }
        self.screen = screen
        set_term(screen)
        window = snap_stdscr()
        if Self.capability("cup") == nil {
            endwin()
            delscreen(screen)
            throw OpenError.noCursorAddressing(term)
        }
        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        intrflush(window, false)
        _ = curs_set(0)
        let noColor = getenv("NO_COLOR").map { String(cString: $0).isEmpty == false } ?? false
        colors = has_colors() && !noColor
        if colors {
            start_color()
            _ = use_default_colors()
        }
        unicode = snap_locale_is_utf8() != 0
        // Bracketed paste: pasted text arrives as one piece, so a newline in it is not Enter.
        Self.send(Self.pasteOn)
        // The mouse, where the terminal reports it (SNAPINFRA_MOUSE=0 leaves it to the terminal,
        // for selecting text); Shift-drag still selects in most terminals.
        let mouse = getenv("SNAPINFRA_MOUSE").map { String(cString: $0) != "0" } ?? true
        if mouse { _ = snap_mouse_on() }
        // A crash or a signal turns mouse reporting off too, whichever mode the terminal took.
        var restore = Self.pasteOff + "\u{1b}[?1000l\u{1b}[?1002l\u{1b}[?1006l"
        for capability in ["rmcup", "cnorm", "sgr0", "rmkx"] {
            if let value = Self.capability(capability) { restore += value }
        }
        tg_set_restore_sequence(restore)
        tg_install_signal_handlers()
    }

    /// A string capability of the terminal from terminfo, or nil when it has none.
    private static func capability(_ name: String) -> String? {
        name.withCString { pointer -> String? in
            // tigetstr does not write through its argument; the C header just lacks `const`.
            guard let value = tigetstr(UnsafeMutablePointer(mutating: pointer)), Int(bitPattern: value) != -1 else { return nil }
            return String(cString: value)
        }
    }

    /// The terminal's size now.
    public var size: (width: Int, height: Int) {
        var y: Int32 = 0
        var x: Int32 = 0
        snap_getmaxyx(window, &y, &x)
        return (Int(x), Int(y))
    }

    /// A signal that asked the program to stop (SIGINT, SIGTERM, SIGHUP, SIGQUIT), or nil.
    public var pendingSignal: Int32? {
        let signal = tg_pending_signal()
        return signal == 0 ? nil : signal
    }

    /// Waits up to `timeout` milliseconds for a key.
    public func read(timeout: Int32) -> TerminalInput {
        wtimeout(window, timeout)
        var character: wint_t = 0
        let result = wget_wch(window, &character)
        if result == ERR { return .none }
        if Int(result) == SNAP_KEY_CODE_YES {
            switch Int(character) {
            case SNAP_KEY_UP: return .key(.up)
            case SNAP_KEY_DOWN: return .key(.down)
            case SNAP_KEY_LEFT: return .key(.left)
            case SNAP_KEY_RIGHT: return .key(.right)
            case SNAP_KEY_PPAGE: return .key(.pageUp)
            case SNAP_KEY_NPAGE: return .key(.pageDown)
            case SNAP_KEY_HOME: return .key(.home)
            case SNAP_KEY_END: return .key(.end)
            case SNAP_KEY_BTAB: return .key(.backTab)
            case SNAP_KEY_ENTER: return .key(.enter)
            case SNAP_KEY_BACKSPACE: return .key(.backspace)
            case SNAP_KEY_DC: return .key(.delete)
            case SNAP_KEY_RESIZE: return .resize
            case SNAP_KEY_F1: return .key(.f1)
            case SNAP_KEY_MOUSE:
                var x: Int32 = 0
                var y: Int32 = 0
                var button: Int32 = 0
                guard snap_getmouse(&x, &y, &button) != 0 else { return .none }
                switch button {
                case 1: return .key(.click(x: Int(x), y: Int(y)))
                case 4, 5: return .key(.wheel(up: button == 4, x: Int(x), y: Int(y)))
                default: return .none
                }
            default: return .none
            }
        }
        switch character {
        case 9: return .key(.tab)
        case 10, 13: return .key(.enter)
        case 8, 127: return .key(.backspace)
        case 1...26:
            // Ctrl-A … Ctrl-Z (Tab, Enter and Backspace are taken above).
            return .key(.control(Character(Unicode.Scalar(UInt8(96 + character)))))
        case 27:
            // A bare Esc, or the start of a sequence ncurses did not know: swallow the rest.
            wtimeout(window, 0)
            var next: wint_t = 0
            let peeked = wget_wch(window, &next)
            if peeked != ERR {
                if Int(peeked) == SNAP_KEY_CODE_YES {
                    // A whole key (↓ right after Esc): put it back as a key code, not a character.
                    ungetch(Int32(next))
                    return .key(.escape)
                }
                if next == 91 || next == 79 {
                    // A sequence ncurses did not decode (it arrives split, or after another Esc when
                    // keys come fast): decode the common ones, swallow the rest.
                    var parameters = ""
                    var byte: wint_t = 0
                    while wget_wch(window, &byte) != ERR, !(64...126).contains(byte) {
                        if let scalar = Unicode.Scalar(UInt32(byte)) { parameters.unicodeScalars.append(scalar) }
                    }
                    if byte == 126 && parameters == "200" { return .key(.paste(readPaste())) }
                    return Self.decode(final: byte, parameters: parameters).map { .key($0) } ?? .none
                }
                // A key typed right after Esc is a key of its own, not part of a sequence.
                unget_wch(wchar_t(bitPattern: UInt32(next)))
            }
            return .key(.escape)
        default:
            guard let scalar = Unicode.Scalar(UInt32(character)), character >= 32 else { return .none }
            return .key(.character(Character(scalar)))
        }
    }

    static let pasteOn = "\u{1B}[?2004h"
    static let pasteOff = "\u{1B}[?2004l"

    static func send(_ text: String) {
        _ = text.withCString { write(1, $0, strlen($0)) }
    }

    /// The text between `ESC [200~` and `ESC [201~` (at most 1 MiB; the rest is dropped).
    private func readPaste() -> String {
        wtimeout(window, 200)
        var text = ""
        var count = 0
        var character: wint_t = 0
        while wget_wch(window, &character) != ERR {
            if character == 27 {
                var tail = ""
                var byte: wint_t = 0
                while wget_wch(window, &byte) != ERR {
                    if let scalar = Unicode.Scalar(UInt32(byte)) { tail.unicodeScalars.append(scalar) }
                    if (64...126).contains(byte) && byte != 91 { break }
                }
                if tail == "[201~" { break }
                continue
            }
            if count < 1 << 20, let scalar = Unicode.Scalar(UInt32(character)) {
                text.unicodeScalars.append(scalar)
                count += 1
            }
        }
        return text
    }

    /// The key an escape sequence stands for: `ESC [ A` is ↑, `ESC [ 3 ~` is Delete.
    static func decode(final: wint_t, parameters: String) -> Key? {
        switch final {
        case 65: return .up
        case 66: return .down
        case 67: return .right
        case 68: return .left
        case 72: return .home
        case 70: return .end
        case 90: return .backTab
        case 126:
            switch parameters.split(separator: ";").first {
            case "1", "7": return .home
            case "3": return .delete
            case "4", "8": return .end
            case "5": return .pageUp
            case "6": return .pageDown
            default: return nil
            }
        default: return nil
        }
    }

    /// Draws a buffer; ncurses sends only what changed.
    public func present(_ buffer: ScreenBuffer) {
        werase(window)
        for y in 0..<buffer.height {
            for x in 0..<buffer.width {
                let cell = buffer[x, y]
                if cell.isContinuation { continue }
                draw(cell, x: x, y: y)
            }
        }
        wnoutrefresh(window)
        doupdate()
    }

    private func draw(_ cell: Cell, x: Int, y: Int) {
        var attributes = SNAP_A_NORMAL
        if cell.style.bold { attributes |= SNAP_A_BOLD }
        if cell.style.reverse { attributes |= SNAP_A_REVERSE }
        if cell.style.dim { attributes |= SNAP_A_DIM }
        if cell.style.underline { attributes |= SNAP_A_UNDERLINE }
        let pair = colors ? colorPair(cell.style.color) : 0
        var text = cell.text
        if !unicode, let scalar = text.unicodeScalars.first, !scalar.isASCII {
            if let acs = Self.lineDrawing[scalar] {
                mvwaddch(window, Int32(y), Int32(x), acs | chtype(attributes) | chtype(pair) << 8)
                return
            }
            text = "?"
        }
        var wide = Array(text.unicodeScalars.prefix(5).map { wchar_t(bitPattern: $0.value) })
        wide.append(0)
        _ = snap_mvadd_grapheme(window, Int32(y), Int32(x), wide, attributes, Int32(pair))
    }

    /// ASCII-art replacements for line drawing where the locale cannot show Unicode.
    private static let lineDrawing: [Unicode.Scalar: chtype] = [
        "─": chtype(UInt8(ascii: "-")), "│": chtype(UInt8(ascii: "|")), "┌": chtype(UInt8(ascii: "+")), "┐": chtype(UInt8(ascii: "+")),
        "└": chtype(UInt8(ascii: "+")), "┘": chtype(UInt8(ascii: "+")), "├": chtype(UInt8(ascii: "+")), "↳": chtype(UInt8(ascii: ">")),
        "…": chtype(UInt8(ascii: "~")), "·": chtype(UInt8(ascii: "-")), "–": chtype(UInt8(ascii: "-")), "→": chtype(UInt8(ascii: ">")),
        "↑": chtype(UInt8(ascii: "^")), "↓": chtype(UInt8(ascii: "v")), "▏": chtype(UInt8(ascii: "|")), "×": chtype(UInt8(ascii: "x")),
        "┬": chtype(UInt8(ascii: "+")), "┴": chtype(UInt8(ascii: "+")), "┤": chtype(UInt8(ascii: "+")), "█": chtype(UInt8(ascii: "#")),
        "▒": chtype(UInt8(ascii: "=")), "−": chtype(UInt8(ascii: "-")), "←": chtype(UInt8(ascii: "<")), "≈": chtype(UInt8(ascii: "~")),
        "÷": chtype(UInt8(ascii: "/")),
    ]

    private func colorPair(_ color: CellStyle.Color) -> Int16 {
        if color == .normal { return 0 }
        if let pair = pairs[color] { return pair }
        let number = Int16(pairs.count + 1)
        let foreground: Int16
        switch color {
        case .red: foreground = Int16(COLOR_RED)
        case .green: foreground = Int16(COLOR_GREEN)
        case .yellow: foreground = Int16(COLOR_YELLOW)
        case .blue: foreground = Int16(COLOR_BLUE)
        case .magenta: foreground = Int16(COLOR_MAGENTA)
        case .cyan: foreground = Int16(COLOR_CYAN)
        case .normal: foreground = -1
        }
        init_pair(number, foreground, -1)
        pairs[color] = number
        return number
    }

    /// Leaves full-screen mode; safe to call twice.
    public func close() {
        guard !closed else { return }
        closed = true
        Self.send(Self.pasteOff)
        _ = mousemask(0, nil)
        _ = curs_set(1)
        endwin()
        delscreen(screen)
    }
}
