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
    /// A suggestion that requires another is measured on top of it, and is safe only if that one is.
    /// `memo` and `cache` keep rendered texts and parse trees across calls (a pipeline's session).
    public func suggestions(
        for result: DesignResult, file: ProjectFile, memo: RenderMemo = RenderMemo(), cache: HCLParseCache = HCLParseCache()
    ) -> [Enhancement] {
        let input = DesignInput(file: file, analysis: result.analysis)
        // Most files are the same in every variant: each template whose fields are unchanged is
        // rendered once, and each distinct text parsed once.
        let baseScore = score(result.design, result, cache, memo)
        let rules = applicable(to: result, file: file)
        // Each one is a render and a score; they are independent, so they use every core.
        let measured = Self.parallelMap(rules) { rule, trigger in
            var base = result.design
            for id in rule.requires { EnhancementCatalog.rule(id)?.apply(&base, input) }
            var changed = base
            rule.apply(&changed, input)
            let baseCost = rule.requires.isEmpty ? result.estimate.totalMonthly : estimator.estimate(base, analysis: result.analysis).totalMonthly
            let delta = estimator.estimate(changed, analysis: result.analysis).totalMonthly - baseCost
            let before = rule.requires.isEmpty ? baseScore : score(base, result, cache, memo)
            let scoreDelta = score(changed, result, cache, memo).flatMap { after in before.map { ((after - $0) * 10).rounded() / 10 } }
            let safe = rule.risk == .none && rule.reversible && rule.needsInput == nil && delta <= Self.safeCostThreshold
            return Enhancement(
                id: rule.id, title: rule.title, category: rule.category, severity: rule.severity, rationale: rule.rationale,
                trigger: trigger, risk: rule.risk, reversible: rule.reversible, needsInput: rule.needsInput, conflicts: rule.conflicts,
                requires: rule.requires, controls: rule.controls, monthlyCostDelta: delta, securityScoreDelta: scoreDelta, safe: safe,
                input: rule.input)
        }
        let safeIDs = Set(measured.filter(\.safe).map(\.id))
        let offered = Set(measured.map(\.id))
        return measured.map { suggestion in
            var suggestion = suggestion
            // A requirement that is not offered is already in effect.
            suggestion.safe = suggestion.safe && suggestion.requires.allSatisfy { safeIDs.contains($0) || !offered.contains($0) }
            return suggestion
        }
    }

    /// `transform` over `items` on all cores, in order.
    static func parallelMap<T: Sendable, U: Sendable>(_ items: [T], _ transform: @Sendable (T) -> U) -> [U] {
        let slots = ResultSlots<U>(items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            let value = transform(items[index])
            slots.lock.withLock { slots.values[index] = value }
        }
        // concurrentPerform returns after every iteration has stored its value.
        return slots.values.compactMap { $0 }
    }

    /// The security score of a design rendered with the built-in templates.
    private func score(_ design: InfrastructureDesign, _ result: DesignResult, _ cache: HCLParseCache, _ memo: RenderMemo) -> Double? {
        var copy = result
        copy.design = design
        return (try? SecurityScore(result: copy, cache: cache, memo: memo))?.value
    }

    /// The ids of the suggestions for a design, without measuring them (no pricing, no rendering).
    public func offeredIDs(for result: DesignResult, file: ProjectFile) -> [String] {
        applicable(to: result, file: file).map(\.rule.id)
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
        let input = DesignInput(file: file, analysis: result.analysis)
        var design = result.design
        for id in ids {
            guard let rule = EnhancementCatalog.rule(id) else {
                throw EnhancementError(message: "unknown enhancement \(DisplayText.quoted(id))" + Suggestion.hint(for: id, in: Self.catalogIDs))
            }
            guard offered.contains(id) else {
                throw EnhancementError(
                    message: "enhancement \(DisplayText.quoted(id)) does not apply to this design (or its category is not in enhancementFocus)")
            }
            if let conflict = rule.conflicts.first(where: ids.contains) {
                throw EnhancementError(message: "\(id) conflicts with \(conflict); choose one")
            }
            if let missing = rule.requires.first(where: { !ids.contains($0) && offered.contains($0) }) {
                throw EnhancementError(message: "\(id) requires \(missing); apply both")
            }
            rule.apply(&design, input)
            design.record(Decision(resource: "enhancement", setting: id, value: "applied", reason: rule.rationale, trace: [rule.title]))
        }
        let validation = DesignValidator(catalog: estimator.catalog).validate(design)
        if validation.hasErrors {
            throw EnhancementError(message: "the enhanced design is invalid: \(validation.errors.map(\.pathAndMessage).joined(separator: "; "))")
        }
        var next = result
        next.design = design
        next.estimate = estimator.estimate(design, analysis: result.analysis)
        // The verdict follows the estimate it judges, or DEPLOY.md and the Design screen would
        // show one total in the table and another in the sentence under it.
        if let fitted = result.budget, fitted.fitted == true {
            next.budget = fitted.repriced(next.estimate.totalMonthly)
        } else {
            next.budget = BudgetFitter(estimator: estimator).verdict(design, estimate: next.estimate, input: input)
        }
        next.validation = validation
        return next
    }

    /// The ids of the suggestions in order, leaving out any that conflicts with one taken before it.
    public static func compatible(_ suggestions: [Enhancement]) -> [String] {
        var ids: [String] = []
        for s in suggestions where Set(s.conflicts).isDisjoint(with: ids) { ids.append(s.id) }
        return ids
    }

    /// The ids of the suggestions marked safe.
    public func safeIDs(for result: DesignResult, file: ProjectFile) -> [String] {
        Self.compatible(suggestions(for: result, file: file).filter(\.safe))
    }
}

/// Results written from several threads, one slot each.
private final class ResultSlots<U: Sendable>: @unchecked Sendable {
    var values: [U?]
    let lock = NSLock()

    init(_ count: Int) { values = Array(repeating: nil, count: count) }
}
