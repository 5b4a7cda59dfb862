import CWidth
import Testing

@testable import SnapinfraTUI

@Suite struct ScreenBufferTests {
    init() {
        _ = cw_set_ctype("C.UTF-8")
    }

    @Test func putClipsToWidthAndKeepsWideCharactersWhole() {
        var buffer = ScreenBuffer(width: 10, height: 2)
        let used = buffer.put("日本語テキスト", x: 0, y: 0)
        #expect(used == 10)
        #expect(buffer.text == "日本語テキ\n          ")
        var narrow = ScreenBuffer(width: 5, height: 1)
        narrow.put("ab日本", x: 0, y: 0)
        #expect(narrow.text == "ab日 ")
    }

    @Test func unsafeCharactersAreDrawnAsQuestionMarks() {
        var buffer = ScreenBuffer(width: 8, height: 1)
        buffer.put("a\u{1B}b\u{202E}c", x: 0, y: 0)
        #expect(buffer.text == "a?b?c   ")
    }

    @Test func emojiSequencesKeepAlignment() {
        #expect(TextWidth.width(of: "👩‍💻") == 2)
        #expect(TextWidth.width(of: "café") == 4)
        #expect(TextWidth.width(of: "e\u{301}") == 1)
    }
}

@Suite struct BackgroundWorkTests {
    /// A toggle starts a job and shows a spinner; the old totals stay until it finishes; Esc puts
    /// the previous choice back and drops the late result.
    @Test func togglesRunOffTheLoopAndEscCancels() throws {
        var state = AppState(project: try exampleProject("saas-api.json"), width: 100, height: 30)
        state = press(state, [.tab, .tab]).0
        #expect(state.screen == .enhancements)
        let before = state.result?.estimate.totalMonthly
        let (started, effects) = Update.update(state, .key(.character(" ")))
        guard case .run(let job)? = effects.first else {
            Issue.record("a toggle must start a job, not work on the input loop")
            return
        }
        #expect(started.busy != nil && started.result?.estimate.totalMonthly == before)
        let spinning = Update.update(started, .tick).0
        #expect(AppView.render(spinning).text.contains("/ Applying: Applied "))
        let cancelled = Update.update(spinning, .key(.escape)).0
        #expect(cancelled.busy == nil && cancelled.applied.isEmpty && cancelled.message == "Cancelled; nothing changed.")
        let late = Update.update(cancelled, .finished(job.run())).0
        #expect(late.applied.isEmpty && late.result?.estimate.totalMonthly == before, "a cancelled job's result is dropped")
        let finished = Update.update(started, .finished(job.run())).0
        #expect(finished.busy == nil && finished.applied == [state.suggestions[0].id])
        #expect(finished.message?.contains("score") == true)
    }

    @Test func whatIfRedesignsOffTheLoop() throws {
        let state = AppState(project: try exampleProject("shop.json"), width: 100, height: 30)
        let (busy, effects) = Update.update(state, .key(.character("e")))
        #expect(busy.busy?.label == "Designing" && busy.project?.options.environment == .production)
        guard case .run(let job)? = effects.first else {
            Issue.record("a what-if must start a job")
            return
        }
        let typed = Update.update(busy, .key(.character("s"))).0
        #expect(typed.message == "Designing… 1 key waiting; Esc cancels.", "changes wait while the design runs")
        #expect(Update.update(typed, .key(.tab)).0.screen == .files, "reading goes on")
        let (done, next) = Update.update(typed, .finished(job.run()))
        #expect(done.project?.options.environment == .development)
        // The typed-ahead `s` runs next.
        #expect(done.busy?.label == "Designing" && next.count == 1)
    }
}

@Suite struct DeferredSuggestionTests {
    /// The first frame needs only the design; the suggestions follow from a job started after it.
    @Test func suggestionsFollowTheFirstFrame() throws {
        let first = AppState(project: try exampleProject("shop.json"), width: 80, height: 24, suggestLater: true)
        #expect(first.suggestions.isEmpty && first.suggestionsPending && first.result != nil)
        let (busy, effects) = Update.update(first, .started)
        guard case .run(let job)? = effects.first else {
            Issue.record("the first frame must start the suggestions job")
            return
        }
        let cancelled = Update.update(busy, .key(.escape)).0
        #expect(cancelled.suggestionsPending && cancelled.busy == nil)
        let (again, more) = Update.update(Update.update(cancelled, .key(.tab)).0, .key(.tab))
        #expect(again.screen == .enhancements && again.busy != nil && more.count == 1, "opening the screen works them out again")
        let done = Update.update(busy, .finished(job.run())).0
        #expect(!done.suggestionsPending && done.suggestions.count > 10)
    }
}
