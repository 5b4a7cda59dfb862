import Foundation
import Testing

/// Compares text with a checked-in golden file; `SNAPINFRA_RECORD=1 swift test` rewrites them.
enum Golden {
    static let folder = repositoryRoot.appendingPathComponent("Tests/SnapinfraCoreTests/Golden")

    static func check(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["SNAPINFRA_RECORD"] == "1" {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("no golden file \(name); run SNAPINFRA_RECORD=1 swift test", sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            Issue.record("\(name) differs from its golden file:\n\(diff(expected, actual))", sourceLocation: sourceLocation)
        }
    }

    /// The first differing lines, with their numbers.
    static func diff(_ expected: String, _ actual: String) -> String {
        let a = expected.components(separatedBy: "\n")
        let b = actual.components(separatedBy: "\n")
        var out: [String] = []
        for index in 0..<max(a.count, b.count) where out.count < 12 {
            let left = index < a.count ? a[index] : "<end>"
            let right = index < b.count ? b[index] : "<end>"
            if left != right { out += ["@@ line \(index + 1)", "- \(left)", "+ \(right)"] }
        }
        return out.joined(separator: "\n")
    }
}
