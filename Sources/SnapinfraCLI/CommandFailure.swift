import Foundation

/// A failure that ends a command with a message and one of the documented exit codes.
struct CommandFailure: Error {
    var message: String
    var exitCode: Int32

    /// Exit 2: bad flags, unreadable file, something not available.
    static func usage(_ message: String) -> CommandFailure { CommandFailure(message: message, exitCode: 2) }
}

/// Writes lines to standard error.
enum StandardError {
    static func write(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
