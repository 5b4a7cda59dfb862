import CWidth
import Foundation
import SnapinfraCore
import Testing

@testable import SnapinfraTUI

let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// Tests measure text in a UTF-8 locale, as a real terminal does.
let utf8Locale: Bool = cw_set_ctype("C.UTF-8") != 0

func exampleProject(_ name: String) throws -> ProjectFile {
    _ = utf8Locale
    let url = repositoryRoot.appendingPathComponent("examples/\(name)")
    let result = ProjectLoader().load([UInt8](try Data(contentsOf: url)), format: DocumentFormat.forFileName(name))
    guard let file = result.file else { throw CocoaError(.fileReadCorruptFile) }
    return file
}

/// Sends keys through `update`, returning the final state and whether a quit was asked. Slow work
/// is done at once here, as if the worker thread finished before the next key.
func press(_ state: AppState, _ keys: [Key]) -> (AppState, Bool) {
    var state = state
    var quit = false
    for key in keys {
        var (next, effects) = Update.update(state, .key(key))
        while let effect = effects.first {
            effects.removeFirst()
            if effect == .quit { quit = true }
            if case .run(let job) = effect { (next, _) = Update.update(next, .finished(job.run())) }
            if case .checkWizard(let project) = effect { (next, _) = Update.update(next, .wizardChecked(project, Wizard.check(project))) }
            if case .preview(let request) = effect { (next, _) = Update.update(next, .previewed(number: request.number, request.run())) }
        }
        state = next
    }
    return (state, quit)
}

/// Compares a screen with a golden text file; `SNAPINFRA_RECORD=1` rewrites it.
func checkScreen(_ state: AppState, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let text = AppView.render(state).text + "\n"
    let url = repositoryRoot.appendingPathComponent("Tests/SnapinfraTUITests/Golden/\(name).txt")
    if ProcessInfo.processInfo.environment["SNAPINFRA_RECORD"] == "1" {
        try text.write(to: url, atomically: true, encoding: .utf8)
        return
    }
    let expected = try? String(contentsOf: url, encoding: .utf8)
    #expect(
        expected == text, "screen \(name) differs from its golden file; rerun with SNAPINFRA_RECORD=1 after checking", sourceLocation: sourceLocation)
}
