import Foundation
import SnapinfraCore
import SnapinfraImport
import Testing

@testable import SnapinfraTUI

/// "Import from OpenAPI or SQL…" on the start screen: several paths, Tab completing the last one,
/// the project opened in the wizard with the import's warnings, and a failure that keeps the prompt.
@Suite struct ImportScreenTests {
    private func source(_ path: String) throws -> ImportSource {
        ImportSource(name: path, text: try String(contentsOf: repositoryRoot.appendingPathComponent(path), encoding: .utf8))
    }

    private func importPrompt() throws -> AppState {
        var state = AppState(examples: [], width: 80, height: 24)
        state.startSelection = try #require(state.startItems.firstIndex(of: .importFiles))
        return pressCollecting(state, [.enter]).0
    }

    @Test func tabCompletesTheLastPathAndEnterImportsThemAll() throws {
        let prompt = try importPrompt()
        #expect(prompt.prompt?.kind == .importFiles)
        let (typed, effects) = pressCollecting(prompt, typing("a.sql Tests/Fixtures/import/sh") + [.tab])
        #expect(effects.last == .complete("Tests/Fixtures/import/sh"))
        let completed = Update.update(
            typed,
            .completed(
                path: "Tests/Fixtures/import/sh", candidates: ["Tests/Fixtures/import/shop-api.yaml", "Tests/Fixtures/import/shop-postgres.sql"])
        ).0
        #expect(completed.prompt?.field.text == "a.sql Tests/Fixtures/import/shop-")
        let paths = ["Tests/Fixtures/import/shop-postgres.sql", "Tests/Fixtures/import/shop-api.yaml"]
        var entered = completed
        entered.prompt?.field = TextField(paths.joined(separator: " "), limit: 16_384)
        let (_, importing) = pressCollecting(entered, [.enter])
        #expect(importing.last == .importFiles(paths))
        let opened = Update.update(entered, .imported(paths: paths, result: ProjectImporter.run(try paths.map(source)))).0
        #expect(opened.screen == .wizard && opened.prompt == nil)
        #expect(opened.wizard?.project.project.schema.map(\.name) == ["customers", "categories", "orders"])
        #expect(
            opened.message
                == "Imported 3 tables, 2 foreign keys, 4 endpoints, 7 skipped statements from shop-postgres.sql, shop-api.yaml: review every step.")
        // The differences between the files come before the statements skipped.
        #expect(opened.wizard?.importNotes.first?.hasPrefix("shop-api.yaml:69:16: warning: components.schemas.Order: \"total\" is string") == true)
        #expect(opened.wizard?.importNotes.count == 9)
        let screen = AppView.render(opened).text
        #expect(screen.contains("From the import, 9 warnings:") && screen.contains("… and"))
        try checkScreen(opened, "import-wizard-80x24")
    }

    @Test func whatCannotBeImportedKeepsThePromptWithTheReason() throws {
        let prompt = try importPrompt()
        let paths = ["examples/shop.json"]
        let failed = Update.update(prompt, .imported(paths: paths, result: ProjectImporter.run(try paths.map(source)))).0
        #expect(failed.screen == .start && failed.prompt?.kind == .importFiles)
        #expect(failed.message?.hasPrefix("examples/shop.json:1:1: error: not an OpenAPI document") == true)
    }
}
