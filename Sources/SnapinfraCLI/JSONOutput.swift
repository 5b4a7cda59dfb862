import Foundation
import SnapinfraAI
import SnapinfraCore

/// What every JSON document carries under `metadata`.
struct JSONMetadata: Encodable {
    var version = SnapinfraVersion.current
    var provider = "rules"
    /// What the language model did: who decided, the fallback reason, each call's tokens, time and price.
    var ai: AIReport?

    init(ai: AIReport? = nil) {
        provider = ai?.provider ?? "rules"
        self.ai = ai
    }
}

/// Prints one JSON document to stdout and nothing else there.
enum JSONOutput {
    static func print<T: Encodable>(_ value: T) throws {
        FileHandle.standardOutput.write(Data((try JSONText.encode(value) + "\n").utf8))
    }

    struct Failure: Encodable {
        var success = false
        var error: String
        var details: [String]
    }

    static func printFailure(_ message: String, diagnostics: [Diagnostic], source: String) throws {
        try print(Failure(error: message, details: diagnostics.map { $0.formatted(source: source) }))
    }
}
