import Foundation
import SnapinfraCore
import SnapinfraFiles
import Testing

@testable import SnapinfraTUI

/// Sends keys and collects the effects (jobs are run at once, as in `press`).
func pressCollecting(_ state: AppState, _ keys: [Key]) -> (AppState, [Effect]) {
    var state = state
    var all: [Effect] = []
    for key in keys {
        var (next, effects) = Update.update(state, .key(key))
        while let effect = effects.first {
            effects.removeFirst()
            all.append(effect)
            if case .run(let job) = effect {
                let (after, more) = Update.update(next, .finished(job.run()))
                next = after
                effects += more
            }
            if case .preview(let request) = effect { (next, _) = Update.update(next, .previewed(number: request.number, request.run())) }
        }
        state = next
    }
    return (state, all)
}

func typing(_ text: String) -> [Key] { text.map { .character($0) } }

@Suite struct TextFieldTests {
    @Test func editingKeysWorkAtTheCursor() {
        var field = TextField("hello world")
        #expect(field.apply(.home) == .moved)
        #expect(field.apply(.delete) == .edited)
        #expect(field.text == "ello world")
        _ = field.apply(.character("H"))
        _ = field.apply(.end)
        _ = field.apply(.control("w"))
        #expect(field.text == "Hello ")
        _ = field.apply(.backspace)
        #expect(field.text == "Hello")
        _ = field.apply(.left)
        _ = field.apply(.left)
        _ = field.apply(.control("k"))
        #expect((field.text, field.cursor) == ("Hel", 3))
        _ = field.apply(.control("u"))
        #expect(field.text.isEmpty)
    }

    @Test func wideCharactersMoveAsOneAndTheCursorStaysInView() {
        _ = utf8Locale
        var field = TextField("歯科クリニック")
        _ = field.apply(.left)
        _ = field.apply(.backspace)
        #expect(field.text == "歯科クリニク")
        let (shown, column) = field.visible(width: 8)
        #expect(TextWidth.width(of: shown) <= 8)
        #expect(column <= 8 && column >= 0)
        #expect(shown.contains("ク"))
    }

    @Test func aPasteIsOneLineWithoutControlCharacters() {
        var field = TextField("a")
        #expect(field.apply(.paste("b\nc\td\u{1B}[2J\u{202E}e")) == .edited)
        #expect(field.text == "ab c d[2Je")
        #expect(field.cursor == field.text.count)
    }

    @Test func aPasteIntoANumberFieldIsRefusedWhole() {
        var state = press(AppState(examples: [], width: 100, height: 30), [.enter] + typing("x") + [.enter, .enter, .down, .down, .enter]).0
        state = press(state, [.paste("12 rps")]).0
        #expect(state.message == #"project.traffic.requestsPerSecond: a number; " " cannot be part of it"#)
        #expect(state.wizard?.project.project.traffic.requestsPerSecond == nil)
        state = press(state, [.paste("12.5\n")]).0
        #expect(state.wizard?.project.project.traffic.requestsPerSecond == 12.5)
    }

    @Test func pastedTextStopsAtTheLimitAndSaysSo() {
        var field = TextField("", limit: 5)
        let outcomes = "abcdefgh".map { field.apply(.character($0)) }
        #expect(field.text == "abcde")
        #expect(outcomes.last == .tooLong)
    }
}

@Suite struct ProjectEntryTests {
    var start: AppState { AppState(examples: [], width: 100, height: 30) }

    @Test func aNewProjectGoesStepByStepWithValidationInTheWordsOfValidate() throws {
        var (state, _) = press(start, [.enter])
        #expect(state.screen == .wizard)
        #expect(state.wizard?.problem(at: "project.name")?.message == "must not be empty")
        #expect(AppView.render(state).text.contains("Step 1/6 · Basics"))
        (state, _) = press(state, typing("clinic-api") + [.enter])
        #expect(state.wizard?.step == .database)
        // Add a table: it starts with an id and an empty name, which validation points at.
        (state, _) = press(state, [.down, .enter])
        #expect(state.wizard?.page == .table(0))
        #expect(AppView.render(state).text.contains("! must not be empty"))
        (state, _) = press(state, typing("patients") + [.down] + typing("5000"))
        #expect(state.wizard?.project.project.schema[0].name == "patients")
        #expect(state.wizard?.project.project.schema[0].estimatedRows == 5_000)
        // A field whose reference is picked from the existing columns.
        (state, _) = press(state, [.down, .down, .enter] + typing("owner_id") + [.down, .down, .down, .down, .down, .down, .right])
        let field = try #require(state.wizard?.project.project.schema[0].fields.last)
        #expect(field.name == "owner_id")
        #expect(field.references == "patients.id")
        // The same words `snapinfra validate` uses for this project.
        let written = ProjectWriter.text(try #require(state.wizard?.project), format: .json)
        let validate = ProjectLoader().load(Array(written.utf8), format: .json).diagnostics.map(\.pathAndMessage)
        let shown = try #require(state.wizard?.problem(at: "project.schema[0].fields[1].references"))
        #expect(validate.contains(shown.pathAndMessage))
        #expect(AppView.render(state).text.contains(shown.pathAndMessage.prefix(60)))
    }

    @Test func numberFieldsRefuseWhatCannotBeANumberAndSayWhy() {
        var state = press(start, [.enter] + typing("x") + [.enter, .enter, .down, .down, .enter]).0
        #expect(state.wizard?.step == .traffic)
        state = press(state, typing("1a")).0
        #expect(state.message == #"project.traffic.requestsPerSecond: a number; "a" cannot be part of it"#)
        state = press(state, typing(".5")).0
        #expect(state.wizard?.project.project.traffic.requestsPerSecond == 1.5)
    }

    @Test func crudEndpointsComeFromATableAndFinishingDesignsTheProject() throws {
        var state = press(start, [.enter] + typing("shop") + [.enter, .down, .enter] + typing("orders") + [.escape, .down, .down, .enter]).0
        #expect(state.wizard?.step == .endpoints)
        state = press(state, [.up, .enter]).0
        #expect(state.message == "Added 5 endpoints for orders.")
        #expect(
            state.wizard?.project.project.endpoints.map { "\($0.method.rawValue) \($0.path)" } == [
                "GET /orders", "POST /orders", "GET /orders/{id}", "PUT /orders/{id}", "DELETE /orders/{id}",
            ])
        state = press(state, [.down, .down, .enter, .enter, .enter, .enter]).0
        #expect(state.screen == .design)
        #expect(state.result?.design.projectName == "shop")
        #expect(state.message?.hasPrefix("Designed: $") == true)
    }

    @Test func finishingWithProblemsSaysWhatToFixFirst() {
        let state = press(start, [.enter, .enter, .enter, .enter, .enter, .enter, .enter]).0
        #expect(state.screen == .wizard)
        #expect(state.message == "Fix 1 problem first: project.name: must not be empty")
    }

    @Test func everyChangeIsSavedToTheDraftAndAResumeBringsItAllBack() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("drafts-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = DraftStore(folder: folder)
        let keys: [Key] = [.enter] + typing("hangup") + [.enter, .down, .enter] + typing("orders") + [.down] + typing("1200")
        var state = start
        var saves = 0
        for key in keys {
            let (next, effects) = pressCollecting(state, [key])
            for case .saveDraft(let draft) in effects {
                try store.save(draft)
                saves += 1
            }
            state = next
        }
        #expect(saves >= keys.count - 3, "a save after every change (a row move alone waits for the next one)")
        // The process dies here (SIGHUP); nothing but the store survives.
        let drafts = store.list()
        #expect(drafts.count == 1)
        let again = AppState(examples: [], width: 100, height: 30, drafts: drafts)
        #expect(AppView.render(again).text.contains("Resume hangup — on Database and tables, saved"))
        let resumed = press(again, [.down, .down, .down, .down, .down, .enter]).0
        #expect(resumed.wizard?.step == .database)
        #expect(resumed.wizard?.page == state.wizard?.page && resumed.wizard?.row == state.wizard?.row, "the same editor and row")
        #expect(resumed.wizard?.page == .table(0))
        #expect(resumed.wizard?.project == state.wizard?.project)
        #expect(resumed.wizard?.project.project.schema.first?.estimatedRows == 1_200)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(names.allSatisfy { $0.hasSuffix(".json") && !$0.hasPrefix(".") }, "no temporary files left behind")
    }

    @Test func editingFromTheReviewScreensDesignsAgainAndSaysWhatTheCostDid() throws {
        let loaded = AppState(project: try exampleProject("shop.json"), width: 100, height: 30)
        let before = try #require(loaded.result?.estimate.totalMonthly)
        var state = press(loaded, [.character("p")]).0
        #expect(state.screen == .wizard)
        #expect(state.wizard?.fromReview == true)
        // Preferences: scale startup → growth.
        state = press(state, [.enter, .enter, .enter, .enter, .down, .right]).0
        #expect(state.wizard?.project.options.preferences.scale == .growth)
        let estimate = try #require(state.wizard?.estimate)
        #expect(AppView.render(state).text.contains("Estimate as it stands: \(Format.money(estimate)) a month"))
        state = press(state, [.escape, .escape, .escape, .escape, .escape]).0
        #expect(state.screen == .design)
        let after = try #require(state.result?.estimate.totalMonthly)
        #expect(after > before)
        #expect(state.message == "Designed again: \(Format.money(before)) → \(Format.money(after)) a month.")
    }

    @Test func saveAsAndOpenAreEffectsWithTheirAnswers() throws {
        var state = press(start, [.enter] + typing("clinic")).0
        var effects: [Effect]
        (state, effects) = pressCollecting(state, [.control("o"), .enter])
        #expect(effects.contains(.saveProject(path: "clinic.yaml", project: try #require(state.wizard?.project), overwrite: false)))
        state = Update.update(state, .projectSaveFailed("clinic.yaml exists: Enter again replaces it, Esc keeps it.", exists: true)).0
        (state, effects) = pressCollecting(state, [.enter])
        #expect(effects.contains { if case .saveProject(_, _, true) = $0 { return true } else { return false } })

        var open = press(start, [.down, .down, .enter] + typing("exa")).0
        (open, effects) = pressCollecting(open, [.tab])
        #expect(effects == [.complete("exa")])
        open = Update.update(open, .completed(path: "exa", candidates: ["examples/"])).0
        #expect(open.prompt?.field.text == "examples/")
        open = Update.update(open, .completed(path: "examples/", candidates: ["examples/shop.json", "examples/saas-api.json"])).0
        #expect(open.prompt?.field.text == "examples/s")
        let shop = try exampleProject("shop.json")
        open = Update.update(open, .fileOpened(path: "examples/shop.json", project: shop, problems: [])).0
        #expect(open.screen == .design)
        #expect(open.draftSource == Draft.source("examples/shop.json"))
    }

    /// The wizard's summary never says "no problems" beside a warning, and its hint bar offers `x`.
    @Test func theWizardCountsWarningsAndOffersRemove() throws {
        var project = try exampleProject("tiny-todo.yaml")
        for index in project.project.schema[0].fields.indices { project.project.schema[0].fields[index].primaryKey = false }
        var state = AppState(examples: [], width: 100, height: 30)
        Update.startWizard(&state, Wizard(project: project), source: nil)
        let text = AppView.render(state).text
        #expect(text.contains("a month · 1 warning"), "\(text)")
        #expect(!text.contains("no problems"))
        #expect(text.contains("x remove"))
        state.width = 80
        #expect(AppView.render(state).text.contains("x remove"), "at 80 columns too")
    }

    @Test func aPastedOutputFolderIsOneCleanLine() throws {
        var state = AppState(project: try exampleProject("tiny-todo.yaml"), width: 100, height: 30)
        state = press(state, [.tab, .tab, .tab, .character("o"), .control("u")]).0
        #expect(state.prompt?.field.text == "")
        state = press(state, [.paste("build/infra\n\u{1B}[31m")]).0
        // The shared line editor: a newline becomes a space, the escape is dropped.
        #expect(state.prompt?.field.text == "build/infra [31m")
        state = press(state, [.enter]).0
        #expect(state.outputFolder == "build/infra [31m")
        #expect(!DisplayText.containsUnsafe(state.outputFolder))
    }

    @Test func aSentenceBecomesADraftToReview() {
        let state = press(start, [.down, .enter] + typing("a booking API with rooms and guests") + [.enter]).0
        #expect(state.screen == .wizard)
        #expect(state.wizard?.project.project.schema.map(\.name) == ["rooms", "guests"])
        #expect(state.message?.hasPrefix("Drafted 2 tables and 10 endpoints") == true)
    }
}
