import Foundation
import SnapinfraCore

/// Loads a project from text in tests.
func load(_ text: String, format: DocumentFormat = .json) -> ProjectLoader.Result {
    ProjectLoader().load(Array(text.utf8), format: format)
}

/// The diagnostics of a load as `severity PATH: message` lines, for exact assertions.
func lines(_ result: ProjectLoader.Result) -> [String] {
    result.diagnostics.map { "\($0.severity.rawValue) \($0.pathAndMessage)" }
}

/// The repository root, found from this file's path.
let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The example project files shipped in `examples/`.
func exampleFiles() throws -> [URL] {
    let folder = repositoryRoot.appendingPathComponent("examples")
    return try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
        .filter { DocumentFormat.forFileName($0.lastPathComponent) != nil }
        .sorted { $0.lastPathComponent < $1.lastPathComponent }
}

/// A minimal valid project document with the given `project` members spliced in (JSON).
func projectJSON(_ projectMembers: String = "", options: String = "{}") -> String {
    let extra = projectMembers.isEmpty ? "" : ", " + projectMembers
    return #"{"project": {"name": "demo""# + extra + #"}, "options": "# + options + "}"
}
