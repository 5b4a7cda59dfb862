/// A key press, decoded from the terminal.
public enum Key: Sendable, Hashable {
    case up, down, left, right, pageUp, pageDown, home, end
    case tab, backTab, enter, escape, backspace
    case character(Character)

    /// How the key is written in hints and help: `↑`, `PgDn`, `q`.
    public var label: String {
        switch self {
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .tab: return "Tab"
        case .backTab: return "S-Tab"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .backspace: return "Bksp"
        case .character(" "): return "Space"
        case .character(let c): return String(c)
        }
    }
}

/// What the program tells `update`.
public enum Message: Sendable, Hashable {
    case key(Key)
    case resize(width: Int, height: Int)
    /// What writing to the output folder would do, or why it cannot.
    case planned(folder: String, items: [PlannedFile])
    case planFailed(String)
    /// The files were written (count), or why not.
    case written(folder: String, count: Int)
    case writeFailed(String)
    /// Work off the input loop finished.
    case finished(JobResult)
    /// Time passed while work is under way (the spinner turns).
    case tick
    /// The first frame is on screen: deferred work may start.
    case started
}

/// One file of a write plan, as the write screen lists it.
public struct PlannedFile: Sendable, Hashable {
    public var path: String
    public var status: String

    public init(path: String, status: String) {
        self.path = path
        self.status = status
    }
}

/// What `update` asks the program to do; performed outside `update`.
public enum Effect: Sendable, Hashable {
    case quit
    /// Compare the rendered files with the output folder.
    case plan(folder: String)
    /// Write the rendered files; `overwriteHandEdits` only after the user confirmed it.
    case write(folder: String, overwriteHandEdits: Bool)
    /// Do slow work on another thread and answer with `.finished`.
    case run(Job)
}
