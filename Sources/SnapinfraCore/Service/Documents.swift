import Foundation

// The JSON documents every front end prints or returns: the commands' `--json`, the HTTP API and
// the MCP tools. One type per document, so the three cannot drift apart.

/// What every JSON document carries under `metadata`.
public struct JSONMetadata: Encodable, Sendable {
    public var version = SnapinfraVersion.current
    public var provider = "rules"
    /// What the language model did: who decided, the fallback reason, each call's tokens, time and price.
    public var ai: AIReport?

    public init(ai: AIReport? = nil) {
        provider = ai?.provider ?? "rules"
        self.ai = ai
    }
}

/// `{ "success": false, "error": …, "details": […] }`: what any front end answers when it cannot.
public struct FailureDocument: Encodable, Sendable, Error {
    public var success = false
    public var error: String
    public var details: [String]

    public init(error: String, details: [String] = []) {
        self.error = error
        self.details = details
    }

    /// The failure for a project that does not load: every diagnostic, compiler style.
    public init(invalidProject diagnostics: [Diagnostic], source: String) {
        self.init(error: "the project file is invalid", details: diagnostics.map { $0.formatted(source: source) })
    }
}

/// `validate --json`: a project that loads, with its size and its warnings.
public struct ValidateDocument: Encodable, Sendable {
    public struct Data: Encodable, Sendable {
        public var valid = true
        public var tables: Int
        public var endpoints: Int
        /// Each warning, compiler style (`FILE:LINE:COL: warning: PATH: message`).
        public var warnings: [String]
    }

    public var success = true
    public var data: Data
    public var metadata = JSONMetadata()

    public init(project: ProjectFile, diagnostics: [Diagnostic], source: String) {
        data = Data(
            tables: project.project.schema.count, endpoints: project.project.endpoints.count,
            warnings: diagnostics.warnings.map { $0.formatted(source: source) })
    }
}

/// `design --json`: the result under `data`, like every JSON document the tool prints.
public struct DesignDocument: Encodable, Sendable {
    /// The design result's fields, with the security score and the compliance checklist beside them.
    public struct Data: Encodable, Sendable {
        public var result: DesignResult
        public var securityScore: SecurityScore?
        public var compliance: ComplianceChecklist

        enum Keys: String, CodingKey { case securityScore, compliance }

        public func encode(to encoder: Encoder) throws {
            try result.encode(to: encoder)
            var container = encoder.container(keyedBy: Keys.self)
            try container.encodeIfPresent(securityScore, forKey: .securityScore)
            try container.encode(compliance, forKey: .compliance)
        }
    }

    public var success = true
    public var data: Data
    public var metadata: JSONMetadata
}

/// The price of a design on its own (the MCP tool `estimate_cost`): the line-by-line estimate of
/// `design --json` and the budget verdict.
public struct EstimateDocument: Encodable, Sendable {
    public struct Data: Encodable, Sendable {
        public var estimate: CostEstimate
        public var budget: BudgetVerdict?
    }

    public var success = true
    public var data: Data
    public var metadata: JSONMetadata
}

/// `enhancements --json`: the suggestions, each measured against the design.
public struct EnhancementsDocument: Encodable, Sendable {
    public struct Data: Encodable, Sendable {
        public var baseMonthlyCost: Decimal
        public var securityScore: SecurityScore
        public var enhancements: [Enhancement]
        public var compliance: ComplianceChecklist
        /// A model's advice (`--ai`), shown and never applied.
        public var advice: [ModelAdvice]
    }

    public var success = true
    public var data: Data
    public var metadata: JSONMetadata
}

/// What applying one suggestion (with what it requires) does to the files: `enhancements --diff`.
public struct DiffDocument: Encodable, Sendable {
    public struct Data: Encodable, Sendable {
        public var id: String
        /// What is applied with it, because it requires them.
        public var requires: [String]
        /// The unified diff, one line per element (`enhancements --diff ID` prints them).
        public var diff: [String]
    }

    public var success = true
    public var data: Data
    public var metadata = JSONMetadata()
}
