import Foundation
import SnapinfraCore
import SnapinfraFiles
import Testing

@testable import SnapinfraTUI

/// The whole session is the draft: toggles, a kept what-if, the folder and the cursor come back
/// on Resume exactly as they were; opening a file creates no draft until the first change.
@Suite struct SessionDraftTests {
    private func temporaryStore() -> DraftStore {
        DraftStore(folder: FileManager.default.temporaryDirectory.appendingPathComponent("drafts-\(UUID().uuidString)"))
    }

    /// Keys through `update`, saving every draft it asks to save, as the runner does.
    private func pressSaving(_ state: AppState, _ keys: [Key], into store: DraftStore) throws -> (AppState, Int) {
        var state = state
        var saves = 0
        for key in keys {
            let (next, effects) = pressCollecting(state, [key])
            for case .saveDraft(var draft) in effects {
                draft.savedAt = Date()
                try store.save(draft)
                saves += 1
            }
            state = next
        }
        return (state, saves)
    }

    @Test func openingCreatesNoDraftAndTheFirstToggleDoes() throws {
        let store = temporaryStore()
        defer { try? FileManager.default.removeItem(at: store.folder) }
        var state = AppState(project: try exampleProject("shop.json"), width: 100, height: 30)
        state.draftID = Draft.newID()
        state.draftSource = Draft.source("examples/shop.json")
        var saves = 0
        (state, saves) = try pressSaving(state, [.tab, .tab, .character("j"), .character("k"), .character("3")], into: store)
        #expect(saves == 0, "moving around is not a change")
        (state, saves) = try pressSaving(state, [.character(" ")], into: store)
        #expect(saves == 1 && store.list().first?.applied == state.applied && !state.applied.isEmpty)
    }

    @Test func aHangUpAfterThreeTogglesAndAKeptWhatIfResumesExactly() throws {
        let store = temporaryStore()
        defer { try? FileManager.default.removeItem(at: store.folder) }
        var state = AppState(project: try exampleProject("saas-api.json"), width: 100, height: 30)
        state.draftID = Draft.newID()
        state.draftSource = Draft.source("examples/saas-api.json")
        // A what-if kept (staging), then three suggestions on the Enhance screen.
        (state, _) = try pressSaving(state, [.character("e"), .enter], into: store)
        #expect(state.project?.options.environment == .development || state.project?.options.environment == .staging)
        // A toggle that needs a value (alb-https, its certificate) asks for it first.
        for key in [Key.character("3"), .character(" "), .character("j"), .character(" "), .character("j"), .character(" "), .character("j")] {
            (state, _) = try pressSaving(state, [key], into: store)
            if state.prompt != nil {
                (state, _) = try pressSaving(state, typing("arn:aws:acm:us-east-1:111122223333:certificate/1234") + [.enter], into: store)
            }
        }
        // Three toggles; one may bring along what it needs.
        #expect(state.applied.count >= 3)
        // The hang-up: the runner saves the session, cursor and all, before it exits.
        var last = try #require(state.currentDraft)
        last.savedAt = Date()
        try store.save(last)

        let drafts = store.list()
        #expect(drafts.count == 1, "one draft per source")
        let again = AppState(examples: [], width: 100, height: 30, drafts: drafts)
        let line = AppView.render(again).text
        #expect(line.contains("Resume Acme Accounts — on Enhance, \(state.applied.count) applied, saved "))
        #expect(AppView.render(AppState(examples: [], width: 160, height: 30, drafts: drafts)).text.contains(" · examples/saas-api.json"))
        let resumed = press(again, [.down, .down, .down, .down, .down, .enter]).0
        #expect(resumed.screen == .enhancements)
        #expect(resumed.applied == state.applied)
        #expect(resumed.inputs == state.inputs)
        #expect(resumed.project == state.project)
        #expect(resumed.enhancementSelection == state.enhancementSelection)
        #expect(resumed.result?.estimate.totalMonthly == state.result?.estimate.totalMonthly)
        #expect(resumed.securityScore?.value == state.securityScore?.value)
        let header = { (s: AppState) in AppView.render(s).text.split(separator: "\n").first.map(String.init) }
        #expect(header(resumed) == header(state), "the same totals on screen")
    }

    @Test func draftsAreOnePerSourceAndPruned() throws {
        let store = temporaryStore()
        defer { try? FileManager.default.removeItem(at: store.folder) }
        let project = try exampleProject("shop.json")
        let now = Date()
        try store.save(Draft(id: "a", savedAt: now.addingTimeInterval(-60), step: "review", sourcePath: "/x/shop.json", project: project))
        try store.save(Draft(id: "b", savedAt: now, step: "review", sourcePath: "/x/shop.json", project: project))
        #expect(store.list().map(\.id) == ["b"], "a second draft of a source replaces the first")
        try store.save(Draft(id: "old", savedAt: now.addingTimeInterval(-31 * 24 * 3600), step: "review", sourcePath: nil, project: project))
        for index in 0..<52 {
            try store.save(Draft(id: "n\(index)", savedAt: now.addingTimeInterval(Double(-index)), step: "review", sourcePath: nil, project: project))
        }
        #expect(store.prune(now: now) == 4, "the one over 30 days old and the three past the newest 50")
        #expect(store.list(limit: .max).count == 50 && !store.list(limit: .max).contains { $0.id == "old" })
        let names = try FileManager.default.contentsOfDirectory(atPath: store.folder.path)
        #expect(names.allSatisfy { !$0.hasSuffix(".tmp") }, "no temporary file is left")
    }

    @Test func anOutputFolderReopensWithItsSetAndItsFileStates() throws {
        let project = try exampleProject("shop.json")
        let start = AppState(examples: [], width: 100, height: 30)
        var state = press(start, [.down, .down, .down, .down, .enter]).0
        #expect(state.prompt?.kind == .openFolder)
        let opened = OpenedFolder(
            project: project, applied: ["vpc-flow-logs"],
            states: ["DEPLOY.md": .changedByHand, "docker-compose.yml": .asWritten, ".env.example": .missing])
        state = Update.update(state, .folderOpened(path: "out/shop", opened: opened, problem: nil)).0
        #expect(state.screen == .design && state.applied == ["vpc-flow-logs"] && state.outputFolder == "out/shop")
        #expect(state.message == "Opened out/shop: 1 file as written, 1 changed by hand, 1 missing. 4 compares the files with the folder.")
        #expect(state.draftSource == Draft.source("out/shop") && !state.sessionChanged)
        let refused = Update.update(
            press(start, [.down, .down, .down, .down, .enter]).0, .folderOpened(path: "nowhere", opened: nil, problem: "holds no snapinfra.json"))
        #expect(refused.0.message == "nowhere: holds no snapinfra.json")
    }
}

/// `f`: the cheapest design that fits the budget, shown as a scenario with what it traded away.
@Suite struct FitToBudgetTests {
    @Test func fitIsAScenarioThatEnterKeepsAndEscDrops() throws {
        let loaded = AppState(project: try exampleProject("shop.json"), width: 100, height: 40)
        let before = try #require(loaded.result?.estimate.totalMonthly)
        #expect(loaded.result?.budget?.overBudget == true && loaded.offers(.fitBudget))
        let fitted = press(loaded, [.character("f")]).0
        let after = try #require(fitted.result?.estimate.totalMonthly)
        #expect(after < before && fitted.result?.budget?.overBudget == false && fitted.result?.budget?.fitted == true)
        let text = AppView.render(fitted).text
        #expect(text.contains("WHAT IF: fit to budget") && text.contains("Traded away to fit the budget"))
        #expect(fitted.project == loaded.project, "a fit is a design choice, not a project edit")
        let dropped = press(fitted, [.escape]).0
        #expect(!dropped.fitToBudget && dropped.result?.estimate.totalMonthly == before)
        var kept = press(fitted, [.enter]).0
        #expect(kept.fitToBudget && kept.scenario == nil && kept.result?.estimate.totalMonthly == after && !kept.offers(.fitBudget))
        kept.draftID = "fit"
        #expect(kept.currentDraft?.fitToBudget == true)
        // A what-if after the fit is fitted too.
        let busier = press(kept, [.character("+"), .enter]).0
        #expect(busier.fitToBudget)
    }
}

/// `/` searches every list and text pane; `n` and `N` go on from the match shown.
@Suite struct SearchEverywhereTests {
    @Test func eachScreenFindsItsRows() throws {
        let loaded = AppState(project: try exampleProject("shop.json"), width: 100, height: 30)
        let design = press(loaded, typing("/multiAZ") + [.enter]).0
        #expect(design.designScroll > 0 && design.message?.hasPrefix("Match 1 of") == true)
        #expect(design.designLines[design.designScroll].runs.map(\.text).joined().contains("multiAZ"))

        let enhance = press(loaded, [.character("3")] + typing("/flow") + [.enter]).0
        #expect(enhance.suggestions[enhance.enhancementSelection].id.contains("flow"))
        let next = press(enhance, [.character("n")]).0
        #expect(next.message?.hasPrefix("Match") == true)

        let examples = try ["tiny-todo.yaml", "shop.json"].map { ExampleProject(name: $0, file: try exampleProject($0)) }
        let start = press(AppState(examples: examples, width: 100, height: 30), typing("/shop") + [.enter]).0
        #expect(start.startItems[start.startSelection] == .example(1))
        let missing = press(AppState(examples: examples, width: 100, height: 30), typing("/nothing-like-it") + [.enter]).0
        #expect(missing.message == "No match for \"nothing-like-it\"" && missing.startSelection == 0)
    }
}

/// The mouse: a click selects what was drawn under it, the wheel scrolls; the keyboard alone still
/// does everything.
@Suite struct MouseTests {
    private func column(of text: String, in state: AppState, row: Int) throws -> Int {
        let line = String(AppView.render(state).text.split(separator: "\n", omittingEmptySubsequences: false)[row])
        let range = try #require(line.range(of: text))
        return line.distance(from: line.startIndex, to: range.lowerBound)
    }

    @Test func clicksSelectAndTheWheelScrolls() throws {
        let loaded = AppState(project: try exampleProject("shop.json"), width: 100, height: 30)
        let files = Update.update(loaded, .key(.click(x: try column(of: " F ", in: loaded, row: 0) + 1, y: 0))).0
        #expect(files.screen == .files)
        let third = Update.update(files, .key(.click(x: 3, y: 4))).0
        #expect(third.fileSelection == 2 && !third.focusPreview)
        let preview = Update.update(third, .key(.click(x: 60, y: 10))).0
        #expect(preview.focusPreview)
        let scrolled = Update.update(preview, .key(.wheel(up: false, x: 60, y: 10))).0
        #expect(scrolled.previewScroll == 3)
        let design = Update.update(loaded, .key(.wheel(up: false, x: 10, y: 10))).0
        #expect(design.designScroll == 3)
        // On Enhance a click picks the suggestion on that row, as drawn.
        let enhance = press(loaded, [.character("3")]).0
        let row = try #require(EnhancementsView.rows(enhance).firstIndex { $0.index != nil && $0.index != enhance.enhancementSelection })
        let picked = Update.update(enhance, .key(.click(x: 5, y: 2 + row))).0
        #expect(picked.enhancementSelection == EnhancementsView.rows(enhance)[row].index)
        // On the start screen a click selects, and a click on the selected line opens it.
        let examples = try ["tiny-todo.yaml", "shop.json"].map { ExampleProject(name: $0, file: try exampleProject($0)) }
        let start = AppState(examples: examples, width: 100, height: 30)
        let y = 4 + 6
        let selected = Update.update(start, .key(.click(x: 10, y: y))).0
        #expect(selected.startSelection == 6 && selected.screen == .start)
        let opened = Update.update(selected, .key(.click(x: 10, y: y))).0
        #expect(opened.screen == .design && opened.project?.project.name == "Harbour Shop")
    }
}

/// A suggestion that needs a value asks for it when switched on; the value goes into
/// terraform.tfvars.example and the manifest's design, never into the code.
@Suite struct SuggestionInputTests {
    @Test func theAlarmEmailIsAskedForCheckedAndRendered() throws {
        let loaded = AppState(project: try exampleProject("shop.json"), width: 100, height: 30)
        var state = press(loaded, [.character("3")]).0
        let index = try #require(state.suggestions.firstIndex { $0.id == "alarm-email" })
        state.enhancementSelection = index
        state = press(state, [.character(" ")]).0
        #expect(state.prompt?.kind == .enhancementInput("alarm-email", .alarmEmail) && !state.applied.contains("alarm-email"))
        state = press(state, typing("not-an-address") + [.enter]).0
        #expect(state.message?.contains("is not an email address") == true && state.prompt != nil)
        state = press(state, [.control("u")] + typing("o\"${x}@harbour.example") + [.enter]).0
        #expect(state.prompt == nil && state.applied.contains("alarm-email"))
        #expect(state.inputs == ["alarm_email": "o\"${x}@harbour.example"])
        let tfvars = try #require(state.files.first { $0.path.hasSuffix("terraform.tfvars.example") })
        let line = try #require(tfvars.content.split(separator: "\n").first { $0.hasPrefix("alarm_email") })
        #expect(line.hasSuffix(#"= "o\"$${x}@harbour.example""#), "escaped as an HCL string")
        #expect(!state.files.filter { $0.path.hasSuffix(".tf") }.contains { $0.content.contains("harbour.example") }, "never in the code")
        #expect(state.result?.design.inputs == ["alarm_email": "o\"${x}@harbour.example"], "the manifest's design holds it")
        state.draftID = "inputs"
        #expect(state.currentDraft?.inputs == state.inputs)
        // Off and on again: the value is not asked twice.
        let again = press(state, [.character(" "), .character(" ")]).0
        #expect(again.prompt == nil && again.applied.contains("alarm-email"))
        // Esc leaves the suggestion off.
        var other = press(loaded, [.character("3")]).0
        other.enhancementSelection = index
        let cancelled = press(other, [.character(" "), .escape]).0
        #expect(cancelled.prompt == nil && !cancelled.applied.contains("alarm-email"))
    }
}

/// j/k on the Enhance screen never wait for the toggle preview: it is an effect, and an answer to
/// an older request is dropped.
@Suite struct PreviewEffectTests {
    @Test func theFrameComesFirstAndTheDiffFollows() throws {
        let enhance = press(AppState(project: try exampleProject("shop.json"), width: 100, height: 30), [.character("3")]).0
        let (moved, effects) = Update.update(enhance, .key(.character("j")))
        let request = try #require(effects.compactMap { if case .preview(let r) = $0 { r } else { nil } }.first)
        #expect(moved.detailPreview == nil && request.id == moved.suggestions[moved.enhancementSelection].id)
        #expect(AppView.render(moved).text.contains("Working out what it changes…"))
        let (again, more) = Update.update(moved, .key(.character("j")))
        let newer = try #require(more.compactMap { if case .preview(let r) = $0 { r } else { nil } }.first)
        let stale = Update.update(again, .previewed(number: request.number, request.run())).0
        #expect(stale.detailPreview == nil, "an answer for the row left behind is dropped")
        let shown = Update.update(stale, .previewed(number: newer.number, newer.run())).0
        #expect(shown.detailPreview != nil && shown.previewRequest == nil && !shown.detailDiff.isEmpty)
    }
}
