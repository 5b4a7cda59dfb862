/// Who makes the "AI" decisions: the rules engine, or a language model checked against it.
public protocol Advisor: Sendable {
    /// The design for a project, and a report of who decided.
    func design(_ file: ProjectFile, cancel: CancelToken) -> (DesignResult, AIReport)
    /// The suggestions in the advisor's order, with its advice added to the report.
    func rank(_ suggestions: [Enhancement], file: ProjectFile, report: inout AIReport, cancel: CancelToken) -> [Enhancement]
    /// A report with no calls yet, naming this advisor.
    func emptyReport() -> AIReport
}

/// The deterministic rules engine: works offline, answers at once, keeps the catalogue order.
public struct RulesAdvisor: Advisor {
    public init() {}

    public func design(_ file: ProjectFile, cancel: CancelToken) -> (DesignResult, AIReport) {
        (DesignEngine().run(file), .rules)
    }

    public func rank(_ suggestions: [Enhancement], file: ProjectFile, report: inout AIReport, cancel: CancelToken) -> [Enhancement] {
        suggestions
    }

    public func emptyReport() -> AIReport { .rules }
}
