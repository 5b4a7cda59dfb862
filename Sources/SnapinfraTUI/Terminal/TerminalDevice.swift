/// What the input loop needs of a terminal: ncurses in the program, a scripted fake in the tests,
/// so the loop itself (signals aside) runs in-process under test.
@MainActor
public protocol TerminalDevice: AnyObject {
    /// Columns and rows now.
    var size: (width: Int, height: Int) { get }
    /// A signal that asked the program to stop, or nil.
    var pendingSignal: Int32? { get }
    /// Waits up to `timeout` milliseconds for input.
    func read(timeout: Int32) -> TerminalInput
    /// Shows a frame.
    func present(_ buffer: ScreenBuffer)
    /// Puts the terminal back as it was.
    func close()
}

/// One thing read from a terminal.
public enum TerminalInput: Sendable, Hashable {
    case key(Key)
    case resize
    case none
}
