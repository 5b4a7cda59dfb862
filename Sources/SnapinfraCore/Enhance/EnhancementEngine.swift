import Foundation

/// Phase 3: suggests enhancements for a design, measures each one, and applies a chosen set.
public struct EnhancementEngine: Sendable {
    public var estimator: CostEstimator
    /// A suggestion that raises the monthly cost by more than this is never "safe".
    public static let safeCostThreshold: Decimal = 10

    public init(estimator: CostEstimator = CostEstimator()) {
        self.estimator = estimator
    }

    /// Every id the catalog knows.
    public static var catalogIDs: [String] { EnhancementCatalog.all.map(\.id) }

    /// The suggestions that apply to a design, in the categories the project asks for, measured.
    public func suggestions(for result: DesignResult, file: ProjectFile) -> [Enhancement] {
        applicable(to: result, file: file).map { rule, trigger in
            var changed = result.design
            rule.apply(&changed)
            let delta = estimator.estimate(changed, analysis: result.analysis).totalMonthly - result.estimate.totalMonthly
            let safe = rule.risk == .none && rule.reversible && rule.needsInput == nil && delta <= Self.safeCostThreshold
            return Enhancement(
                id: rule.id, title: rule.title, category: rule.category, severity: rule.severity, rationale: rule.rationale,
                trigger: trigger, risk: rule.risk, reversible: rule.reversible, needsInput: rule.needsInput, conflicts: rule.conflicts,
                requires: rule.requires, controls: rule.controls, monthlyCostDelta: delta, safe: safe)
        }
    }

    /// The rules that fire on a design, in the focused categories, with their triggers (not priced).
    private func applicable(to result: DesignResult, file: ProjectFile) -> [(rule: EnhancementRule, trigger: String)] {
        let input = DesignInput(file: file, analysis: result.analysis)
        return EnhancementCatalog.all.compactMap { rule in
            guard file.options.enhancementFocus.contains(rule.category), let trigger = rule.trigger(result.design, input) else { return nil }
            return (rule, trigger)
        }
    }

    /// The design with the given enhancements applied, priced again. Unknown ids, ids that do not
    /// apply, conflicts and missing requirements are refused with a message.
    public func apply(_ ids: [String], to result: DesignResult, file: ProjectFile) throws(EnhancementError) -> DesignResult {
        guard !ids.isEmpty else { return result }
        let offered = applicable(to: result, file: file).map(\.rule.id)
        var design = result.design
        for id in ids {
            guard let rule = EnhancementCatalog.all.first(where: { $0.id == id }) else {
                throw EnhancementError(message: "unknown enhancement \(DisplayText.quoted(id))" + Suggestion.hint(for: id, in: Self.catalogIDs))
            }
            guard offered.contains(id) else {
                throw EnhancementError(
                    message: "enhancement \(DisplayText.quoted(id)) does not apply to this design (or its category is not in enhancementFocus)")
            }
            if let conflict = rule.conflicts.first(where: ids.contains) {
                throw EnhancementError(message: "\(id) conflicts with \(conflict); choose one")
            }
            if let missing = rule.requires.first(where: { !ids.contains($0) }) {
                throw EnhancementError(message: "\(id) requires \(missing)")
            }
            rule.apply(&design)
            design.record(Decision(resource: "enhancement", setting: id, value: "applied", reason: rule.rationale, trace: [rule.title]))
        }
        let validation = DesignValidator(catalog: estimator.catalog).validate(design)
        if validation.hasErrors {
            throw EnhancementError(message: "the enhanced design is invalid: \(validation.errors.map(\.pathAndMessage).joined(separator: "; "))")
        }
        var next = result
        next.design = design
        next.estimate = estimator.estimate(design, analysis: result.analysis)
        next.validation = validation
        return next
    }

    /// The ids of the suggestions marked safe.
    public func safeIDs(for result: DesignResult, file: ProjectFile) -> [String] {
        suggestions(for: result, file: file).filter(\.safe).map(\.id)
    }
}
