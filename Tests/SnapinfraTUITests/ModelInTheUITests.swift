import FakeModelServer
import Foundation
import SnapinfraAI
import SnapinfraCore
import Testing

@testable import SnapinfraTUI

/// The terminal UI with a language model: the rules design first, the model's from a job, Esc
/// cancels, and the screen says who decided and what it cost.
@Suite(.serialized) struct ModelInTheUITests {
    func assistant(_ server: FakeModelServer, timeout: Double = 5) throws -> AIAssistant {
        let flags = AISettings.Flags(provider: "openai", model: "test-model", baseURL: server.baseURL, timeout: "\(timeout)")
        return AIAssistant(settings: try AISettings.resolve(flags: flags, environment: [:], configText: nil))
    }

    /// Runs the first job (the one the runner starts after the first frame) with the assistant.
    func firstJob(_ state: AppState, _ assistant: AIAssistant) -> (AppState, Job?) {
        let (started, effects) = Update.update(state, .started)
        guard case .run(let job)? = effects.first else { return (started, nil) }
        return (Update.update(started, .finished(job.run(pipeline: Pipeline(advisor: assistant)))).0, job)
    }

    @Test func theModelsDesignReplacesTheRulesDesignAndSaysWhoDecided() throws {
        let file = try exampleProject("tiny-todo.yaml")
        let input = DesignInput(file: file)
        let menu = DesignMenu(design: RulesDesigner().design(input), input: input)
        let decisions = menu.items.map { item -> [String: String] in
            let value = item.setting == "compute.memoryMB" ? "1536" : item.current
            return ["setting": item.setting, "value": value, "reason": "Picked in the test."]
        }
        let reply = String(decoding: try JSONSerialization.data(withJSONObject: ["decisions": decisions]), as: UTF8.self)
        let server = try FakeModelServer([
            .status(200, FakeModelServer.openAI(reply)), .status(200, FakeModelServer.openAI(#"{"ranking": [], "advice": []}"#)),
        ])
        let state = AppState(project: file, width: 100, height: 30, suggestLater: true, aiModel: "test-model")
        #expect(state.result?.design.compute?.memoryMB == 512, "the first frame shows the rules design")
        let (after, job) = firstJob(state, try assistant(server))
        #expect(job?.askModel == true)
        #expect(after.result?.design.compute?.memoryMB == 1_536)
        #expect(after.aiReport.decidedBy == "test-model")
        #expect(after.message?.hasPrefix("Decided by test-model.") == true)
        let screen = AppView.render(after).text
        #expect(screen.contains("LANGUAGE MODEL (openai)"))
        #expect(screen.contains("test-model: 2 calls, 1,624 → 328 tokens"))
        #expect(after.designLines.map(\.text).contains("  compute.memory = 1536 MB arm64  · test-model"))
    }

    @Test func aFailingModelLeavesTheRulesDesignAndTheReasonOnScreen() throws {
        let file = try exampleProject("shop.json")
        let server = try FakeModelServer([.status(503, "busy")])
        let state = AppState(project: file, width: 100, height: 30, suggestLater: true, aiModel: "test-model")
        let before = state.result
        // The retries of a 503 end the call, not the phase's timeout: room for a loaded machine.
        let (after, _) = firstJob(state, try assistant(server, timeout: 30))
        #expect(after.result == before)
        #expect(after.message?.hasPrefix("Model: model call failed: HTTP 503: busy; used rules.") == true, "\(after.message ?? "nil")")
        #expect(AppView.render(after).text.contains("model call failed: HTTP 503: busy; used rules"))
    }

    @Test func escWhileAskingKeepsTheRulesAndStopsAskingTheModel() throws {
        let file = try exampleProject("shop.json")
        let state = AppState(project: file, width: 100, height: 30, suggestLater: true, aiModel: "test-model")
        let (asking, effects) = Update.update(state, .started)
        #expect(asking.busy?.label == "Asking test-model")
        guard case .run(let job)? = effects.first else { throw CancellationError() }
        let (cancelled, _) = Update.update(asking, .key(.escape))
        #expect(cancelled.busy == nil)
        #expect(cancelled.aiModel == nil)
        #expect(cancelled.message == "Cancelled the model; the rules engine decides from now on.")
        // A cancelled call ends at once and its late result is dropped.
        let server = try FakeModelServer([.delayed(8, "{}")])
        let token = CancelToken()
        token.cancel()
        let started = Date()
        let late = job.run(pipeline: Pipeline(advisor: try assistant(server, timeout: 20)), cancel: token)
        // Long before the server's 8 s answer; the margin covers the job's own design and render on a loaded machine.
        #expect(Date().timeIntervalSince(started) < 6)
        #expect(late.ai?.fallbackReason == "model call cancelled; used rules")
        #expect(Update.update(cancelled, .finished(late)).0.result == cancelled.result)
    }

    @Test func describingAProjectAsksTheModelOffTheLoopAndOpensTheWizardOnItsDraft() throws {
        var start = AppState(examples: [], width: 100, height: 30)
        start.aiModel = "test-model"
        let keys: [Key] = [.down, .enter] + "a clinic with patients".map { .character($0) } + [.enter]
        var state = start
        var effects: [Effect] = []
        for key in keys { (state, effects) = Update.update(state, .key(key)) }
        #expect(effects == [.draft("a clinic with patients")])
        #expect(state.busy?.label == "Asking test-model")
        let project =
            #"{"project": {"name": "clinic", "schema": [{"name": "patients", "fields": [{"name": "id", "type": "uuid", "primaryKey": true}]}]}}"#
        let server = try FakeModelServer([.status(200, FakeModelServer.openAI(project))])
        let (file, report) = try assistant(server).draft(description: "a clinic with patients")
        state = Update.update(state, .drafted(file, report)).0
        #expect(state.screen == .wizard)
        #expect(state.wizard?.project.project.name == "clinic")
        #expect(state.message?.hasPrefix("Drafted by test-model (test-model: 1 call") == true)
    }
}
