import Foundation
import SnapinfraCore

/// The "AI" phases with a language model: design decisions, ranking and advice, drafting a project.
///
/// Every reply is untrusted: it is parsed and checked against the same schema and guard rails as the
/// rules engine, one repair round sends the problems back, and then the rules engine takes over and
/// the report says why. Each phase ends within `settings.timeout`, or at once when cancelled.
public final class AIAssistant: @unchecked Sendable {
    public let settings: AISettings
    let client: ChatClient

    public init(settings: AISettings) {
        self.settings = settings
        client = ChatClient(settings: settings)
    }

    /// Who each decision names as its author.
    public var source: String { settings.provider == .rules ? "rules" : DisplayText.escape(settings.model, limit: 60) }

    public func emptyReport() -> AIReport {
        AIReport(provider: settings.provider.rawValue, model: settings.provider == .rules ? "rules" : source)
    }

    // MARK: Design

    /// The design for a project: the model's choices applied to the rules design when its reply is
    /// valid, the rules design otherwise.
    public func design(_ file: ProjectFile, cancel: CancelToken = CancelToken()) -> (DesignResult, AIReport) {
        let input = DesignInput(file: file)
        let engine = DesignEngine()
        let rules = engine.designer.design(input)
        let rulesResult = engine.result(for: rules, input: input)
        var report = emptyReport()
        guard settings.provider != .rules else { return (rulesResult, report) }
        let menu = DesignMenu(design: rules, input: input)
        guard !menu.items.isEmpty else {
            report.fallbackReason = "nothing for the model to decide; used rules"
            return (rulesResult, report)
        }
        let source = self.source
        let outcome = ask(DesignPrompt.make(input: input, menu: menu), purpose: "design", report: &report, cancel: cancel) {
            text throws(ModelReplyError) in
            let choices = try ModelDesign.parse(text, menu: menu)
            let design = ModelDesign.apply(choices, to: rules, menu: menu, source: source)
            let result = engine.result(for: design, input: input)
            var problems = result.validation.errors.map(\.pathAndMessage)
            if let files = try? Renderer().render(result, targets: [.terraform]) {
                problems += GuardRails.check(files).map(\.pathAndMessage)
            }
            if !problems.isEmpty { throw ModelReplyError(problems) }
            return result
        }
        switch outcome {
        case .success(let result):
            report.decidedBy = source
            return (result, report)
        case .failure(let reason):
            report.fallbackReason = reason.text
            return (rulesResult, report)
        }
    }

    // MARK: Ranking and advice

    /// The suggestions in the model's order, with its advice in the report; the engine's order when
    /// the model's reply is unusable.
    public func rank(_ suggestions: [Enhancement], file: ProjectFile, report: inout AIReport, cancel: CancelToken = CancelToken()) -> [Enhancement] {
        guard settings.provider != .rules, !suggestions.isEmpty else { return suggestions }
        // An endpoint that just failed to answer is not asked again in the same run.
        if let last = report.calls.last, !last.reachedModel { return suggestions }
        let offered = suggestions.map(\.id)
        let source = self.source
        let prompt = EnhancementRanking.prompt(suggestions: suggestions, input: DesignInput(file: file))
        let outcome = ask(prompt, purpose: "ranking", report: &report, cancel: cancel) { text throws(ModelReplyError) in
            try EnhancementRanking.parse(text, offered: offered, source: source)
        }
        guard case .success(let ranking) = outcome else { return suggestions }
        report.rankedBy = source
        report.advice = ranking.advice
        report.notes += ranking.dropped
        return ranking.sorted(suggestions)
    }

    // MARK: Drafting

    /// A project drafted from a description, for the user to review; the rules draft when the model
    /// cannot give a valid one. The draft's description is the user's text, never the model's.
    public func draft(description: String, cancel: CancelToken = CancelToken()) -> (ProjectFile, AIReport) {
        var report = emptyReport()
        var fallback = ProjectDraft.rules(description: description)
        guard settings.provider != .rules else { return (fallback, report) }
        let outcome = ask(ProjectDraft.prompt(description: description), purpose: "draft", report: &report, cancel: cancel) {
            text throws(ModelReplyError) in
            try ProjectDraft.parse(text)
        }
        switch outcome {
        case .success(var file):
            file.project.description = fallback.project.description
            report.decidedBy = source
            return (file, report)
        case .failure(let reason):
            report.fallbackReason = reason.text
            fallback.project.description = String(description.prefix(DocumentLimits.standard.maxDescriptionLength))
            return (fallback, report)
        }
    }

    // MARK: One question, one repair round

    /// Why the rules took over, in the words the output shows.
    struct Fallback: Error {
        var text: String
    }

    /// Sends the prompt; checks the reply; on problems sends them back once; gives up at the deadline.
    func ask<T>(
        _ prompt: ModelPrompt, purpose: String, report: inout AIReport, cancel: CancelToken,
        check: (String) throws(ModelReplyError) -> T
    ) -> Result<T, Fallback> {
        let deadline = Date().addingTimeInterval(settings.timeout)
        var prompt = prompt
        for round in 0..<2 {
            let callPurpose = round == 0 ? purpose : "\(purpose)-repair"
            let reply: ChatReply
            var attempts = 0
            do {
                reply = try client.send(prompt, deadline: deadline, cancel: cancel, attempts: &attempts)
            } catch {
                var failed = call(callPurpose, prompt: prompt, reply: nil, deadline: deadline, outcome: "\(error)")
                failed.attempts = max(1, attempts)
                report.calls.append(failed)
                let verb = error == .cancelled ? "model call cancelled" : "model call failed: \(error)"
                return .failure(Fallback(text: "\(verb); used rules"))
            }
            do throws(ModelReplyError) {
                if reply.truncated { throw ModelReplyError("reply: cut off at the \(prompt.maxReplyTokens)-token limit") }
                let value = try check(reply.text)
                report.calls.append(call(callPurpose, prompt: prompt, reply: reply, deadline: deadline, outcome: "ok"))
                return .success(value)
            } catch {
                report.calls.append(call(callPurpose, prompt: prompt, reply: reply, deadline: deadline, outcome: "reply invalid: \(error)"))
                if round == 1 || cancel.isCancelled || Date() >= deadline {
                    return .failure(Fallback(text: "model reply invalid: \(error); used rules"))
                }
                prompt = prompt.repair(reply: reply.text, problems: error)
            }
        }
        return .failure(Fallback(text: "model reply invalid; used rules"))
    }

    private func call(_ purpose: String, prompt: ModelPrompt, reply: ChatReply?, deadline: Date, outcome: String) -> ModelCall {
        let promptTokens = reply?.promptTokens ?? prompt.estimatedTokens
        let completionTokens = reply?.completionTokens ?? 0
        let elapsed = settings.timeout - deadline.timeIntervalSinceNow
        return ModelCall(
            purpose: purpose, model: source, promptTokens: promptTokens, completionTokens: completionTokens,
            tokensEstimated: reply?.tokensEstimated ?? true, latencyMS: reply?.latencyMS ?? Int(max(0, elapsed) * 1_000),
            attempts: reply?.attempts ?? 1,
            costUSD: ModelPrices.cost(settings: settings, promptTokens: reply == nil ? 0 : promptTokens, completionTokens: completionTokens),
            outcome: client.redact(outcome))
    }
}

/// The model as the pipeline's advisor: its answers checked, the rules taking over on any failure.
extension AIAssistant: Advisor {}
