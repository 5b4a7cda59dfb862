import SnapinfraCore
import SnapinfraImport

/// "Import from OpenAPI or SQL…": the imported project opens in the wizard, with the import's
/// warnings on its first step; what cannot be imported keeps the prompt open with the reason.
extension Update {
    static func imported(_ input: AppState, _ paths: [String], _ result: ImportResult) -> (AppState, [Effect]) {
        var state = input
        guard let file = result.file else {
            let first = result.diagnostics.first { $0.diagnostic.severity == .error }?.formatted
            let reason: String
            switch result.failure {
            case .unreadable(let message), .invalid(let message), .usage(let message): reason = message
            case nil: reason = "nothing was imported"
            }
            state.message = DisplayText.escape(first.map { "\($0) (\(reason))" } ?? reason, limit: 400)
            return (state, [])
        }
        state.prompt = nil
        var wizard = Wizard(project: file)
        // By the file's name alone, so a note keeps its message on a small terminal.
        // Differences between the inputs first, the statements skipped after them.
        let warnings = result.diagnostics.filter { $0.diagnostic.severity == .warning }
        let skipped = warnings.filter { $0.diagnostic.message.contains("skipped") }
        wizard.importNotes = (warnings.filter { !$0.diagnostic.message.contains("skipped") } + skipped).map {
            $0.diagnostic.formatted(source: DisplayText.escape(lastComponent($0.source), limit: 60))
        }
        startWizard(&state, wizard, source: nil)
        let names = paths.map { DisplayText.escape(lastComponent($0), limit: 40) }.joined(separator: ", ")
        state.message = "Imported \(result.summary) from \(names): review every step."
        return (state, [])
    }
}
