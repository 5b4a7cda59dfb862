import Foundation

/// What the sessions of one server share: the settings, the count against `maxSessions`, the
/// running programs (hung up on shutdown), and the log.
final class SessionRegistry: @unchecked Sendable {
    let settings: SSHSettings
    /// `$XDG_STATE_HOME/snapinfra/ssh`: the host key and each visitor's folder.
    let stateRoot: String
    /// What a keyless visitor is told to type to come back: `ssh -p PORT CODE@HOST`.
    var reconnectHint: @Sendable (String) -> String = { "ssh \($0)@HOST" }
    private let lock = NSLock()
    private var active = 0
    private var running: [pid_t: TerminalProcess] = [:]

    init(settings: SSHSettings) {
        self.settings = settings
        stateRoot = HostKey.stateRoot(environment: settings.environment)
    }

    /// Takes a slot; false when every one is taken.
    func acquire() -> Bool {
        lock.withLock {
            guard active < settings.maxSessions else { return false }
            active += 1
            return true
        }
    }

    func release() {
        lock.withLock { active -= 1 }
    }

    func started(_ process: TerminalProcess) {
        lock.withLock { running[process.pid] = process }
    }

    func ended(_ process: TerminalProcess) {
        _ = lock.withLock { running.removeValue(forKey: process.pid) }
    }

    /// Every running session, hung up (the server is stopping).
    func hangUpAll() -> Int {
        let all = lock.withLock { Array(running.values) }
        for process in all { process.hangUp() }
        return all.count
    }

    var runningCount: Int { lock.withLock { running.count } }

    func log(_ line: String) {
        FileHandle.standardError.write(Data(("snapinfra serve --ssh: " + line + "\n").utf8))
    }
}
