import Foundation
import SnapinfraCore
import SnapinfraFiles
import Testing

@testable import SnapinfraTUI

/// The Enhance screen's numbers and movement can be trusted: the cursor follows the rows as drawn,
/// diffs read old → new with `-` before `+`, and every delta is measured from what is applied now.
@Suite struct ReviewScreenTests {
    func enhanceScreen(_ name: String = "shop.json") throws -> AppState {
        let state = press(AppState(project: try exampleProject(name), width: 100, height: 30), [.tab, .tab]).0
        #expect(state.screen == .enhancements)
        return state
    }

    @Test func theCursorFollowsTheRowsAsDrawn() throws {
        var state = try enhanceScreen()
        let drawn = EnhancementsView.rows(state).compactMap(\.index)
        #expect(Set(drawn.map { state.suggestions[$0].category }).count > 2, "several categories, or the test proves nothing")
        state = press(state, [.home]).0
        var visited = [state.enhancementSelection]
        for _ in 1..<drawn.count {
            state = press(state, [.character("j")]).0
            visited.append(state.enhancementSelection)
        }
        #expect(visited == drawn)
        state = press(state, [.character("j")]).0
        #expect(state.enhancementSelection == drawn.last, "the cursor stops at the last row")
        state = press(state, [.character("k")]).0
        #expect(state.enhancementSelection == drawn[drawn.count - 2])
    }

    @Test func diffsReadOldToNewWithDeletionsFirst() throws {
        let old = [RenderedFile(path: "f", content: "a\nb\nc\n", source: "t", target: nil)]
        let new = [RenderedFile(path: "f", content: "a\nx\nc\n", source: "t", target: nil)]
        #expect(LineDiff.unified(from: old, to: new, context: 1) == ["--- a/f", "+++ b/f", " a", "-b", "+x", " c"])
        var state = try enhanceScreen()
        // Apply the selected suggestion; its removal must show the lines it added as "-".
        let id = state.suggestions[state.enhancementSelection].id
        let before = state.files
        state = press(state, [.character(" ")]).0
        #expect(state.applied.contains(id))
        let added = state.detailDiff.filter { $0.hasPrefix("-") && !$0.hasPrefix("---") }.map { String($0.dropFirst()) }
        #expect(!added.isEmpty)
        let now = state.files.map(\.content).joined(separator: "\n")
        let then = before.map(\.content).joined(separator: "\n")
        for line in added where !line.isEmpty { #expect(now.contains(line), "a removed line is in the current files: \(line)") }
        #expect(added.contains { !then.contains($0) }, "and some of them were not there before the suggestion")
        #expect(AppView.render(state).text.contains("Removing it:"))
    }

    @Test func deltasAreMeasuredFromTheSetAppliedNow() throws {
        var state = try enhanceScreen()
        let first = state.suggestions[state.enhancementSelection].id
        state = press(state, [.character(" "), .character("j")]).0
        let second = state.suggestions[state.enhancementSelection]
        #expect(state.applied == [first] && !state.applied.contains(second.id))
        let shown = try #require(state.detailPreview?.monthlyCostDelta)
        let promisedScore = try #require(state.detailPreview?.securityScoreDelta)
        let before = try #require(state.result?.estimate.totalMonthly)
        let scoreBefore = try #require(state.securityScore?.value)
        state = press(state, [.character(" ")]).0
        if state.prompt != nil {
            // It needs a value (alb-https asks for the certificate): given, the toggle goes on.
            state = press(state, typing("arn:aws:acm:us-east-1:111122223333:certificate/1234") + [.enter]).0
        }
        let after = try #require(state.result?.estimate.totalMonthly)
        #expect(shown == after - before, "the detail promised \(shown), the toggle did \(after - before)")
        let scoreAfter = try #require(state.securityScore?.value)
        #expect(abs(promisedScore - (scoreAfter - scoreBefore)) < 1e-9)
    }

    @Test func unsafeSuggestionsSayWhyAndControlsHaveNoEmptyParentheses() throws {
        let state = try enhanceScreen("saas-api.json")
        for s in state.suggestions where !s.safe {
            #expect(!EnhancementsView.reasons(s, among: state.suggestions).isEmpty, "\(s.id)")
        }
        var all = state
        for index in state.suggestions.indices {
            all.enhancementSelection = index
            let text = EnhancementsView.detailLines(all, width: 80).map(\.text).joined(separator: "\n")
            #expect(!text.contains("not safe: \n") && !text.contains("not safe:\n") && !text.hasSuffix("not safe: "))
            #expect(!text.contains("()"), "\(state.suggestions[index].id)")
        }
    }

    /// In a file that fits on screen, `n` still walks the matches and wraps; only the match is marked.
    @Test func searchWalksEveryMatchInAShortFileAndWraps() throws {
        var state = AppState(project: try exampleProject("saas-api.json"), width: 100, height: 40)
        state = press(state, [.tab]).0
        let index = try #require(state.files.firstIndex { $0.path.hasSuffix("versions.tf") })
        state = press(state, Array(repeating: Key.down, count: index)).0
        #expect(state.files[state.fileSelection].path.hasSuffix("versions.tf"))
        let lines = state.files[state.fileSelection].content.components(separatedBy: "\n")
        let count = lines.filter { $0.localizedCaseInsensitiveContains("version") }.count
        #expect(count >= 2 && lines.count < 30, "a short file with several matches")
        state = press(state, [.character("/")] + "version".map { Key.character($0) } + [.enter]).0
        var seen = [state.message ?? ""]
        for _ in 0..<count {
            state = press(state, [.character("n")]).0
            seen.append(state.message ?? "")
        }
        #expect(
            seen.map { String($0.prefix(13)) } == (1...count).map { "Match \($0) of \(count)".padding(toLength: 13, withPad: " ", startingAt: 0) } + [
                "Match 1 of \(count)".padding(toLength: 13, withPad: " ", startingAt: 0)
            ])
        state = press(state, [.character("N")]).0
        #expect(state.message?.hasPrefix("Match \(count) of \(count)") == true, "N wraps backwards too")
        // Only the matched word is reversed, not its line.
        let screen = AppView.render(state)
        let rows = screen.text.components(separatedBy: "\n")
        let row = try #require(rows.firstIndex { $0.contains("required_version") })
        let line = Array(rows[row])
        let start = try #require((0..<line.count).first { String(line[$0..<min(line.count, $0 + 16)]) == "required_version" })
        #expect(screen[start + 9, row].style.reverse, "the match is marked")
        #expect(!screen[start, row].style.reverse, "the rest of its line is not")
    }

    /// Cycling through the environments comes back to the same design and the same price.
    @Test(arguments: ["shop.json", "saas-api.json", "ride-events.yaml", "tiny-todo.yaml"]) func cyclingEnvironmentsReturnsToTheStart(name: String)
        throws
    {
        // With the safe suggestions applied, as a reviewer would have them.
        let state = press(AppState(project: try exampleProject(name), width: 100, height: 30), [.tab, .tab, .character("a"), .tab, .tab]).0
        #expect(!state.applied.isEmpty)
        let start = try #require(state.result?.estimate.totalMonthly)
        let cycled = press(state, [.character("e"), .character("e"), .character("e")]).0
        #expect(cycled.project?.options.environment == state.project?.options.environment)
        #expect(cycled.result?.estimate.totalMonthly == start)
        #expect(Set(cycled.applied) == Set(state.applied))
    }

    /// The hint bar offers only what would do something now.
    @Test func theHintBarOffersOnlyWhatCanHappen() throws {
        // Wide enough for every hint, so only the state decides what is shown.
        let state = press(AppState(project: try exampleProject("shop.json"), width: 200, height: 30), [.tab, .tab]).0
        func hints(_ state: AppState) -> String { String(AppView.render(state).text.split(separator: "\n").last ?? "") }
        #expect(hints(state).contains("a apply every safe") && !hints(state).contains("U undo"))
        let applied = press(state, [.character("a")]).0
        #expect(hints(applied).contains("U undo"))
        #expect(!hints(applied).contains("a apply every safe"), "nothing safe is left to apply: \(hints(applied))")
        var off = try exampleProject("shop.json")
        off.options.enableAIEnhancements = false
        let empty = press(AppState(project: off, width: 200, height: 30), [.tab, .tab]).0
        #expect(empty.suggestions.isEmpty)
        #expect(!hints(empty).contains("Space") && !hints(empty).contains("a apply"))
    }

    /// The deploy commands on the Write screen are never cut at 80 columns: long ones continue
    /// with a backslash, so each pastes as one command.
    @Test func deployCommandsFitAndStillPaste() {
        let long = "cd out/a-rather-long-project-name/infra/terraform && cp terraform.tfvars.example terraform.tfvars"
        let lines = WriteView.shellLines(long, width: 78)
        #expect(lines == ["  cd out/a-rather-long-project-name/infra/terraform && \\", "    cp terraform.tfvars.example terraform.tfvars"])
        #expect(lines.allSatisfy { TextWidth.width(of: $0) <= 78 })
        let joined = lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ").replacingOccurrences(of: "\\ ", with: "")
        #expect(joined == long)
        #expect(WriteView.shellLines("terraform init", width: 78) == ["  terraform init"])
    }

    /// The Enhance totals are whole at 80 columns, even with a four-figure bill.
    @Test func theTotalsTitleIsNeverCut() throws {
        let state = press(AppState(project: try exampleProject("ride-events.yaml"), width: 80, height: 24), [.tab, .tab]).0
        let line = String(AppView.render(state).text.split(separator: "\n")[1])
        let total = try #require(state.result.map { Format.money($0.estimate.totalMonthly) })
        #expect(line.contains(total), "\(line)")
        let score = try #require(state.securityScore.map { Format.number($0.value, digits: 1) })
        #expect(line.contains(score) && !line.prefix(34).contains("…"), "\(line)")
    }
}

@Suite struct FamiliarKeyTests {
    /// lazygit/k9s/less keys: 1–4 and [ ] between screens, Ctrl-D/Ctrl-U half pages, g/G on the
    /// suggestion list, and `u` scrolling (never undoing) on every screen.
    @Test func screensHalfPagesListEndsAndUndoOnItsOwnKey() throws {
        let state = AppState(project: try exampleProject("shop.json"), width: 100, height: 30)
        #expect(press(state, [.character("3")]).0.screen == .enhancements)
        #expect(press(state, [.character("2")]).0.screen == .files)
        #expect(press(state, [.character("4")]).0.screen == .write)
        #expect(press(state, [.character("4"), .character("1")]).0.screen == .design)
        #expect(press(state, [.character("]")]).0.screen == .files)
        #expect(press(state, [.character("[")]).0.screen == .write)
        let half = press(state, [.control("d")]).0
        #expect(half.designScroll == (30 - 4) / 2)
        #expect(press(half, [.control("u")]).0.designScroll == 0)
        var enhance = press(state, [.character("3")]).0
        let order = enhance.drawnSuggestionOrder
        enhance = press(enhance, [.character("G")]).0
        #expect(enhance.enhancementSelection == order.last)
        enhance = press(enhance, [.character("g")]).0
        #expect(enhance.enhancementSelection == order.first)
        let applied = press(enhance, [.character(" ")]).0
        #expect(applied.applied.count == 1)
        let scrolled = press(applied, [.control("d"), .character("u")]).0
        #expect(scrolled.applied.count == 1 && scrolled.detailScroll == 0, "u scrolls the detail back up; it does not undo")
        #expect(press(applied, [.character("U")]).0.applied.isEmpty)
    }
}

@Suite struct ReviewReportKeyTests {
    /// `R` on the Write screen writes REVIEW.md into the output folder, with the totals on screen.
    @Test func theReportKeyWritesWhatTheScreenShows() throws {
        var state = AppState(project: try exampleProject("shop.json"), width: 100, height: 30)
        state = press(state, [.character("3"), .character(" "), .character("4")]).0
        let (_, effects) = Update.update(state, .key(.character("R")))
        guard case .writeReport(let path, let text)? = effects.first else {
            Issue.record("no report effect: \(effects)")
            return
        }
        #expect(path == state.outputFolder + "/REVIEW.md")
        let total = try #require(state.result?.estimate.totalMonthly)
        #expect(text.contains("| **Total** | | | **\(Format.money(total))** |"))
        #expect(text.contains("1 applied"), "the toggled suggestion is counted")
        #expect(Update.update(state, .reportWritten(path: path)).0.message?.hasPrefix("Wrote the review report to") == true)
    }
}

@Suite struct ScenarioTests {
    /// A what-if opens a scenario beside the project: the project (and its draft) stay as they were
    /// until Enter keeps it; Esc goes back; writing waits for the choice.
    @Test func aWhatIfIsAScenarioUntilKept() throws {
        let project = try exampleProject("shop.json")
        var state = AppState(project: project, width: 100, height: 30)
        state.draftID = "test-draft"
        let baseCost = try #require(state.result?.estimate.totalMonthly)
        let (started, effects) = Update.update(state, .key(.character("e")))
        #expect(!effects.contains { if case .saveDraft = $0 { true } else { false } }, "a scenario is not an edit")
        guard case .run(let job)? = effects.first else {
            Issue.record("the what-if started no job")
            return
        }
        let (whatIf, doneEffects) = Update.update(started, .finished(job.run()))
        #expect(!doneEffects.contains { if case .saveDraft = $0 { true } else { false } })
        #expect(whatIf.scenario?.changes == ["development"])
        #expect(whatIf.project?.options.environment == .development && whatIf.editedProject == project)
        let screen = AppView.render(whatIf).text
        #expect(screen.contains("WHAT IF: development") && screen.contains("Changed decisions") && screen.contains("Cost by resource"))
        var wide = whatIf
        wide = Update.update(wide, .resize(width: 130, height: 30)).0
        #expect(AppView.render(wide).text.contains("WHAT IF · Harbour Shop · development, startup, us-east-1, 15 rps"))
        let refused = press(whatIf, [.character("4"), .character("w")]).0
        #expect(refused.message?.hasPrefix("A what-if is open") == true && refused.writtenTo == nil)
        let dropped = press(whatIf, [.escape]).0
        #expect(dropped.scenario == nil && dropped.project == project && dropped.result?.estimate.totalMonthly == baseCost)
        let (kept, keptEffects) = Update.update(whatIf, .key(.enter))
        #expect(kept.scenario == nil && kept.project?.options.environment == .development && kept.editedProject?.options.environment == .development)
        #expect(keptEffects.contains { if case .saveDraft(let d) = $0 { d.project.options.environment == .development } else { false } })
    }

    /// Esc while a what-if is still designing puts the scenario back as it was, not half-open.
    @Test func cancellingAWhatIfKeepsTheScenarioAsItWas() throws {
        let state = AppState(project: try exampleProject("shop.json"), width: 100, height: 30)
        let first = press(state, [.character("e")]).0
        let (busy, _) = Update.update(first, .key(.character("s")))
        #expect(busy.scenario?.changes.count == 2)
        let cancelled = Update.update(busy, .key(.escape)).0
        #expect(cancelled.scenario == first.scenario && cancelled.busy == nil)
    }
}

@Suite struct PreviewPanTests {
    /// Long preview lines end in `…`; → scrolls across them (each line then starts with `…`), ←
    /// scrolls back and then returns to the list; another file starts at the left again.
    @Test func longLinesAreMarkedAndScrollSideways() throws {
        let state = AppState(project: try exampleProject("shop.json"), width: 80, height: 24)
        let files = press(state, [.character("2"), .down, .down, .down, .character("l")]).0
        #expect(files.focusPreview && files.previewColumn == 0)
        let before = AppView.render(files).text
        #expect(before.split(separator: "\n").contains { $0.contains("…│") }, "a long line ends in …:\n\(before)")
        let right = press(files, [.right]).0
        #expect(right.previewColumn == Update.previewPan)
        #expect(
            AppView.render(right).text.split(separator: "\n").contains { $0.range(of: #"^\S*│.* +[0-9]+ …"#, options: .regularExpression) != nil })
        let back = press(right, [.left]).0
        #expect(back.previewColumn == 0 && back.focusPreview)
        #expect(!press(back, [.left]).0.focusPreview)
        #expect(press(right, [.escape, .down]).0.previewColumn == 0)
    }
}

@Suite struct WizardHelpTests {
    /// F1 opens help anywhere in the wizard; `?` types into a text field and opens help elsewhere;
    /// any key closes help without reaching the wizard.
    @Test func f1AndQuestionMarkOutsideTextFields() throws {
        var state = AppState(project: try exampleProject("shop.json"), width: 100, height: 30)
        state = press(state, [.character("p")]).0
        let name = try #require(state.wizard?.project.project.name)
        #expect(state.wizard?.field != nil, "the first row is the name field")
        let typed = press(state, [.character("?")]).0
        #expect(typed.wizard?.project.project.name == name + "?" && !typed.showHelp)
        let help = press(state, [.f1]).0
        #expect(help.showHelp && AppView.render(help).text.contains("Keys (any key closes)"))
        let closed = press(help, [.character("x")]).0
        #expect(!closed.showHelp && closed.wizard?.project.project.name == name, "the closing key is not typed")
        var row = state
        for _ in 0..<12 where row.wizard?.field != nil { row = press(row, [.down]).0 }
        #expect(row.wizard?.field == nil, "a row that is not a text field")
        #expect(press(row, [.character("?")]).0.showHelp)
        #expect(AppView.render(state).text.contains("F1 help"))
    }
}

@Suite struct RemovalTests {
    /// Removing a table (or a field, an endpoint) asks first: a second `x` on the same row removes
    /// it, any other key keeps it.
    @Test func removingATableAsksFirst() throws {
        let project = try exampleProject("shop.json")
        var state = AppState(examples: [], width: 100, height: 30)
        Update.startWizard(&state, Wizard(project: project, step: .database), source: nil)
        var row = state
        for _ in 0..<10 where !AppView.render(row).text.contains("> Table customers") { row = press(row, [.down]).0 }
        let asked = press(row, [.character("x")]).0
        #expect(asked.message?.hasPrefix("Remove table customers and its 4 fields?") == true, "\(asked.message ?? "")")
        #expect(asked.wizard?.project.project.schema.count == 5)
        let kept = press(asked, [.down, .up, .character("x")]).0
        #expect(kept.wizard?.project.project.schema.count == 5, "moving away forgets the question")
        let removed = press(asked, [.character("x")]).0
        #expect(removed.wizard?.project.project.schema.count == 4 && removed.message == "Removed table customers.")
    }

    /// Forgetting a draft on the start screen asks first too.
    @Test func forgettingADraftAsksFirst() throws {
        let draft = Draft(id: "d1", savedAt: Date(), step: "review", sourcePath: nil, project: try exampleProject("shop.json"))
        var state = AppState(examples: [], width: 100, height: 30, drafts: [draft])
        state.startSelection = state.startItems.firstIndex(of: .resume(0)) ?? 0
        let (asked, effects) = Update.update(state, .key(.character("x")))
        #expect(effects.isEmpty && asked.drafts.count == 1 && asked.message?.hasPrefix("Forget the draft of Harbour Shop?") == true)
        #expect(Update.update(asked, .key(.down)).0.pendingDraftRemoval == nil)
        let (forgot, done) = Update.update(asked, .key(.character("x")))
        #expect(forgot.drafts.isEmpty && done == [.deleteDraft("d1")])
    }
}

@Suite struct DetailFocusTests {
    /// Enter or `l` on the Enhance screen focuses the detail, where j/k scroll it; Esc or `h` go
    /// back to the list, where j/k move the selection again.
    @Test func enterFocusesTheDetailAndEscComesBack() throws {
        let state = press(AppState(project: try exampleProject("shop.json"), width: 100, height: 30), [.character("3")]).0
        let selected = state.enhancementSelection
        let focused = press(state, [.enter, .character("j"), .character("j")]).0
        #expect(focused.focusPreview && focused.detailScroll == 2 && focused.enhancementSelection == selected)
        let back = press(focused, [.escape, .character("j")]).0
        #expect(!back.focusPreview && back.enhancementSelection != selected)
        #expect(press(state, [.character("l")]).0.focusPreview && !press(state, [.character("l"), .character("h")]).0.focusPreview)
        #expect(!press(focused, [.character("2"), .character("3")]).0.focusPreview, "coming back to the screen starts on the list")
    }
}
