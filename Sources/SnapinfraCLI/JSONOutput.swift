import Foundation
import SnapinfraCore

/// Prints one JSON document to stdout and nothing else there.
enum JSONOutput {
    static func print<T: Encodable>(_ value: T) throws {
        FileHandle.standardOutput.write(Data((try JSONText.encode(value) + "\n").utf8))
    }

    static func printFailure(_ message: String, diagnostics: [Diagnostic], source: String) throws {
        var failure = FailureDocument(invalidProject: diagnostics, source: source)
        failure.error = message
        try print(failure)
    }
}
