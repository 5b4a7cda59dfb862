import Foundation

/// How `snapinfra serve --ssh` listens and what one session gets.
public struct SSHSettings: Sendable {
    /// Loopback unless another address is given explicitly.
    public var host = "127.0.0.1"
    /// 0 picks a free port (the address is printed once listening).
    public var port = 2222
    /// An OpenSSH ed25519 private key; nil: the one generated and kept under the state folder.
    public var hostKeyPath: String?
    /// Sessions at once; one more is told so and closed.
    public var maxSessions = 20
    /// A session without a keystroke this long ends, with a message.
    public var idle: Duration = .seconds(15 * 60)
    /// Each session on the start screen with the examples, writing only in a scratch folder of
    /// its own, removed when it ends.
    public var demo = false
    /// The `snapinfra` binary each session runs (`snapinfra tui`).
    public var executable: String
    /// Where sessions start (its `examples/` are listed on the start screen).
    public var directory: String
    /// The server's environment: XDG folders, PATH, LANG.
    public var environment: [String: String]

    public init(executable: String, directory: String, environment: [String: String]) {
        self.executable = executable
        self.directory = directory
        self.environment = environment
    }

    /// `[HOST:]PORT`, `[::1]:PORT`.
    public static func address(_ text: String) -> (host: String, port: Int)? {
        var host = "127.0.0.1"
        var portText = Substring(text)
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            host = String(text[text.index(after: text.startIndex)..<close])
            portText = text[text.index(after: close)...].drop { $0 == ":" }
        } else if let colon = text.lastIndex(of: ":") {
            host = String(text[..<colon])
            portText = text[text.index(after: colon)...]
        }
        guard let port = Int(portText), (0...65535).contains(port), !host.isEmpty else { return nil }
        return (host, port)
    }
}
