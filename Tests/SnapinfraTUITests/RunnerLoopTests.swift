import Foundation
import SnapinfraCore
import Testing

@testable import SnapinfraTUI

/// A terminal that plays a script: keys and resizes, and waits for text to appear on screen (as a
/// person waits for the spinner to stop). It records every frame the loop presents.
@MainActor
final class ScriptedTerminal: TerminalDevice {
    enum Step {
        case key(Key)
        case resize(Int, Int)
        /// Nothing more is sent until the screen shows this text, or the deadline passes.
        case waitFor(String)
    }

    private var steps: [Step]
    private(set) var frames: [String] = []
    private(set) var timedOut: String?
    private(set) var closed = false
    private var width: Int
    private var height: Int
    private var waitingSince: Date?
    static let patience: TimeInterval = 60

    init(width: Int, height: Int, _ steps: [Step]) {
        self.width = width
        self.height = height
        self.steps = steps
    }

    var size: (width: Int, height: Int) { (width, height) }
    var pendingSignal: Int32? { nil }
    var lastFrame: String { frames.last ?? "" }

    func read(timeout: Int32) -> TerminalInput {
        guard let step = steps.first else { return .key(.character("q")) }
        switch step {
        case .key(let key):
            steps.removeFirst()
            return .key(key)
        case .resize(let w, let h):
            steps.removeFirst()
            (width, height) = (w, h)
            return .resize
        case .waitFor(let text):
            if lastFrame.contains(text) {
                steps.removeFirst()
                waitingSince = nil
                return read(timeout: timeout)
            }
            let since = waitingSince ?? Date()
            waitingSince = since
            if Date().timeIntervalSince(since) > Self.patience {
                timedOut = text
                steps = []
                return .key(.character("q"))
            }
            Thread.sleep(forTimeInterval: 0.01)
            return .none
        }
    }

    func present(_ buffer: ScreenBuffer) { frames.append(buffer.text) }

    func close() { closed = true }
}

@MainActor
@Suite struct RunnerLoopTests {
    /// The real input loop, through a scripted terminal: the suggestions arrive from the worker, a
    /// toggle is applied, a what-if is started and cancelled with Esc, the window shrinks, and q quits.
    @Test func toggleWhatIfCancelledResizeAndQuit() throws {
        let project = try exampleProject("shop.json")
        let terminal = ScriptedTerminal(
            width: 100, height: 30,
            [
                // The suggestions come from the first job, on the worker.
                .waitFor("Design"), .key(.tab), .key(.tab), .waitFor("[ ] vpc-flow-logs"),
                .key(.character(" ")), .waitFor("[x] vpc-flow-logs"), .waitFor(" 1/"),
                .key(.backTab), .key(.backTab), .waitFor("[Design]"),
                .key(.character("e")), .waitFor("Designing"), .key(.escape), .waitFor("Cancelled"),
                .resize(80, 24), .key(.tab), .key(.tab), .waitFor("[x] vpc-flow-logs"),
                .key(.character("q")),
            ])
        let code = TUIRunner.loop(terminal) { width, height in
            AppState(project: project, width: width, height: height, suggestLater: true)
        }
        #expect(terminal.timedOut == nil, "the screen never showed \(terminal.timedOut ?? "")")
        #expect(code == 0 && terminal.closed)
        let last = terminal.lastFrame.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(last.count == 24 && last.allSatisfy { $0.count <= 80 }, "the last frame is not 80x24")
        #expect(terminal.lastFrame.contains(" 1/"), "one suggestion applied:\n\(terminal.lastFrame)")
        #expect(terminal.lastFrame.contains("production"), "Esc kept the environment:\n\(terminal.lastFrame)")
        #expect(!terminal.frames.contains { $0.contains("· staging,") }, "the cancelled what-if never showed")
    }
}

@Suite struct WizardCheckTests {
    /// A keystroke in the wizard changes the project at once and asks for the check as an effect;
    /// a check for an older version of the project is ignored, the current one is shown.
    @Test func theLiveCheckIsAnEffectAndOnlyTheLatestCounts() throws {
        let project = try exampleProject("shop.json")
        var state = AppState(project: project, width: 100, height: 30)
        state = Update.update(state, .key(.character("p"))).0
        let before = try #require(state.wizard)
        let (typed, effects) = Update.update(state, .key(.character("x")))
        let wizard = try #require(typed.wizard)
        let checks = effects.compactMap { effect -> ProjectFile? in
            if case .checkWizard(let project) = effect { return project }
            return nil
        }
        guard let asked = checks.first, checks.count == 1 else {
            Issue.record("not one check asked for: \(effects.count) effects")
            return
        }
        #expect(asked == wizard.project && wizard.stale && asked != before.project)
        var old = Wizard.check(before.project)
        old.estimate = 1
        let ignored = Update.update(typed, .wizardChecked(before.project, old)).0
        #expect(ignored.wizard?.stale == true && ignored.wizard?.estimate != 1)
        let checked = Update.update(typed, .wizardChecked(asked, Wizard.check(asked))).0
        #expect(checked.wizard?.stale == false && checked.wizard?.diagnostics == Wizard.check(asked).diagnostics)
    }
}
