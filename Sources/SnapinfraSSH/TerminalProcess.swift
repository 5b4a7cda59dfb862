import CPty
import Foundation

/// One `snapinfra tui` on a pseudo-terminal of its own: the session leader, so a hang-up reaches
/// it and everything it started.
final class TerminalProcess: @unchecked Sendable {
    let pid: pid_t
    /// The master side of the terminal: what the program writes, and where its input goes.
    let master: Int32

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    init(executable: String, arguments: [String], environment: [String: String], directory: String, rows: Int, columns: Int) throws(Failure) {
        var argv = ([executable] + arguments).map { strdup($0) }
        argv.append(nil)
        var envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") }
        envp.append(nil)
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var fd: Int32 = -1
        let rows = UInt16(clamping: max(rows, 1))
        let columns = UInt16(clamping: max(columns, 1))
        let child = pty_spawn(executable, argv, envp, directory, rows, columns, &fd)
        guard child > 0 else { throw Failure(description: "cannot start the terminal UI: \(String(cString: strerror(errno)))") }
        pid = child
        master = fd
    }

    /// The terminal's new size; the program gets SIGWINCH.
    func resize(rows: Int, columns: Int) {
        _ = pty_resize(master, UInt16(clamping: max(rows, 1)), UInt16(clamping: max(columns, 1)))
    }

    /// SIGHUP to the program's process group, as a dropped connection sends it.
    func hangUp() {
        kill(-pid, SIGHUP)
    }

    /// Waits for the program on a thread of its own, then calls `done` with its exit status
    /// (128 + the signal when a signal ended it).
    func reap(_ done: @escaping @Sendable (Int32) -> Void) {
        let pid = pid
        Thread.detachNewThread {
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            let signal = status & 0x7f
            done(signal == 0 ? (status >> 8) & 0xff : 128 + signal)
        }
    }
}
