/// One call to a model: what it was for, what it cost, how long it took, how it ended.
public struct ModelCall: Sendable, Hashable, Codable {
    /// `design`, `design-repair`, `ranking`, `draft`, …
    public var purpose: String
    public var model: String
    public var promptTokens: Int
    public var completionTokens: Int
    /// True when the server reported no usage and the counts are estimates (four characters a token).
    public var tokensEstimated: Bool
    public var latencyMS: Int
    /// HTTP attempts, counting retries after 429 and 5xx answers.
    public var attempts: Int
    /// Estimated price of the call in USD; nil when the model's price is unknown.
    public var costUSD: Double?
    /// `ok`, or what went wrong (`timed out after 5 s`, `HTTP 500`, `reply invalid: …`).
    public var outcome: String

    public init(
        purpose: String, model: String, promptTokens: Int, completionTokens: Int, tokensEstimated: Bool, latencyMS: Int, attempts: Int,
        costUSD: Double?, outcome: String
    ) {
        self.purpose = purpose
        self.model = model
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.tokensEstimated = tokensEstimated
        self.latencyMS = latencyMS
        self.attempts = attempts
        self.costUSD = costUSD
        self.outcome = outcome
    }
}

extension ModelCall {
    /// Whether the model answered at all (validly or not), as against a timeout, an HTTP error or a
    /// dropped connection.
    public var reachedModel: Bool { outcome == "ok" || outcome.hasPrefix("reply invalid") }
}

/// What the "AI" phases did for one run: who decided, why the rules took over if they did, and
/// every call with its tokens, time and price. Never holds an API key.
public struct AIReport: Sendable, Hashable, Codable {
    /// `rules`, `openai` or `anthropic`.
    public var provider: String
    /// The model's name, or `rules`.
    public var model: String
    /// Who made the design decisions: the model's name, or `rules`.
    public var decidedBy: String
    /// Why the rules engine took over, in the words the output shows:
    /// `model reply invalid: …; used rules`.
    public var fallbackReason: String?
    public var calls: [ModelCall]
    /// The model's advice (shown, never applied).
    public var advice: [ModelAdvice]
    /// Who ordered the suggestions: the model's name, or `rules`.
    public var rankedBy: String
    /// What was dropped from the model's answers and why (advice against a guard rail).
    public var notes: [String] = []

    public init(provider: String, model: String) {
        self.provider = provider
        self.model = model
        decidedBy = "rules"
        fallbackReason = nil
        calls = []
        advice = []
        rankedBy = "rules"
    }

    /// The report of a run on the rules engine alone.
    public static let rules = AIReport(provider: "rules", model: "rules")

    public var promptTokens: Int { calls.reduce(0) { $0 + $1.promptTokens } }
    public var completionTokens: Int { calls.reduce(0) { $0 + $1.completionTokens } }
    public var latencyMS: Int { calls.reduce(0) { $0 + $1.latencyMS } }
    public var costUSD: Double? {
        calls.isEmpty || calls.contains { $0.costUSD == nil } ? nil : calls.reduce(0) { $0 + ($1.costUSD ?? 0) }
    }

    /// One line for a status bar or a report: `gpt-4o-mini: 2 calls, 1,204 → 310 tokens, 2.4 s, $0.0004`.
    public var summary: String {
        if provider == "rules" { return "rules engine (offline)" }
        var line = "\(DisplayText.escape(model, limit: 40)): \(Plural.count(calls.count, "call")), "
        line += "\(Format.number(Double(promptTokens))) → \(Format.number(Double(completionTokens))) tokens, "
        line += "\(Format.number(Double(latencyMS) / 1_000, digits: 1)) s"
        if let cost = costUSD { line += ", $" + Format.number(cost, digits: 4) }
        if let reason = fallbackReason { line += " — " + DisplayText.escape(reason, limit: 160) }
        return line
    }
}
