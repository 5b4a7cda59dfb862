import Crypto
import Foundation

/// Where one visitor's drafts live: a folder per key, or per session code for visitors without
/// one, so a dropped visitor who comes back is offered Resume and no one sees another's drafts.
/// In demo mode, a scratch folder per session instead, removed when it ends.
struct VisitorHome {
    var path: String
    /// The code a visitor without a key types as their user name to come back.
    var code: String?
    /// Removed when the session ends (demo mode).
    var scratch: Bool

    static func resolve(_ visitor: Visitor, stateRoot: String, demo: Bool) throws -> VisitorHome {
        let manager = FileManager.default
        if demo {
            let path = NSTemporaryDirectory() + "snapinfra-demo-" + randomCode(length: 12)
            try manager.createDirectory(atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            return VisitorHome(path: path, code: nil, scratch: true)
        }
        let visitors = stateRoot + "/visitors"
        let home: VisitorHome
        if let key = visitor.key {
            let digest = SHA256.hash(data: Data(key.utf8)).map { String(format: "%02x", $0) }.joined()
            home = VisitorHome(path: visitors + "/key-" + digest.prefix(24), code: nil, scratch: false)
        } else {
            let user = visitor.user.lowercased()
            if isCode(user), manager.fileExists(atPath: visitors + "/code-" + user) {
                home = VisitorHome(path: visitors + "/code-" + user, code: user, scratch: false)
            } else {
                let code = randomCode(length: 8)
                home = VisitorHome(path: visitors + "/code-" + code, code: code, scratch: false)
            }
        }
        try manager.createDirectory(atPath: home.path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        return home
    }

    /// Letters and digits that cannot be mistaken for one another when read off a screen.
    static let alphabet = Array("abcdefghjkmnpqrstuvwxyz23456789")

    static func randomCode(length: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
    }

    static func isCode(_ text: String) -> Bool {
        text.count == 8 && text.allSatisfy { alphabet.contains($0) }
    }

    /// The environment of the session's `snapinfra tui`: the visitor's own folders, the terminal
    /// the client asked for, and nothing else of the server's but PATH and LANG.
    func environment(term: String, server: [String: String], demo: Bool, reconnect: String) -> [String: String] {
        var environment = [
            "TERM": term.isEmpty ? "xterm-256color" : term,
            "LANG": server["LANG"].flatMap { $0.isEmpty ? nil : $0 } ?? "C.UTF-8",
            "PATH": server["PATH"] ?? "/usr/local/bin:/usr/bin:/bin",
            "HOME": path,
            "XDG_STATE_HOME": path + "/state",
            "XDG_CONFIG_HOME": path + "/config",
            "XDG_CACHE_HOME": path + "/cache",
            "TMPDIR": demo ? path + "/tmp" : (server["TMPDIR"] ?? "/tmp"),
        ]
        if let code {
            environment["SNAPINFRA_SESSION_NOTE"] = "Session code \(code): to come back to your drafts, connect with \(reconnect)"
        }
        if demo { environment["SNAPINFRA_FILE_ROOT"] = path }
        return environment
    }
}
