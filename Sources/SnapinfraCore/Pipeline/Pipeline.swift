import Foundation

/// The one way from a project to checked files: design, enhance, render, validate. Every command,
/// the terminal UI's jobs and any other front end call it; none puts the phases together itself,
/// and each failure comes back as a `PipelineError` for the front end to show.
///
/// A pipeline remembers what it rendered and parsed, so within a session a toggle re-renders only
/// the Terraform files whose template reads a field the toggle changed, and parses only those.
public final class Pipeline: Sendable {
    public let advisor: any Advisor
    public let templates: TemplateSet
    let engine: EnhancementEngine
    let memo = RenderMemo()
    let cache = HCLParseCache()

    public init(advisor: any Advisor = RulesAdvisor(), templates: TemplateSet = .embedded, estimator: CostEstimator = CostEstimator()) {
        self.advisor = advisor
        self.templates = templates
        engine = EnhancementEngine(estimator: estimator)
    }

    /// The design for a project, from the advisor (or from the rules alone).
    public func design(_ project: ProjectFile, rulesOnly: Bool = false, cancel: CancelToken = CancelToken()) -> Designed {
        let (result, report) = (rulesOnly ? RulesAdvisor() : advisor).design(project, cancel: cancel)
        return Designed(project: project, result: result, report: report)
    }

    /// The design fitted to the budget: the cheapest design that keeps the scale and compliance
    /// choices (the budget verdict's fit), priced, with a verdict that says what was traded away.
    /// Nil when the design is within budget or no cut keeps those choices.
    public func fitToBudget(_ designed: Designed) -> Designed? {
        guard let verdict = designed.result.budget, verdict.overBudget, let fit = verdict.fit else { return nil }
        var result = designed.result
        result.design = fit.design
        result.estimate = fit.estimate
        result.budget = verdict.fitted(fit)
        return Designed(project: designed.project, result: result, report: designed.report)
    }

    /// The suggestions for a design, each measured against it; none when the project turns them off.
    public func suggestions(for designed: Designed) -> [Enhancement] {
        guard designed.project.options.enableAIEnhancements else { return [] }
        return engine.suggestions(for: designed.result, file: designed.project, memo: memo, cache: cache)
    }

    /// The security score of a design's Terraform, without writing or checking the other files
    /// (what measuring the suggestions rendered is reused); nil if a template does not render.
    public func score(_ designed: Designed) -> SecurityScore? {
        try? SecurityScore(result: designed.result, templates: templates, cache: cache, memo: memo)
    }

    /// The suggestions in the advisor's order, its advice added to the report.
    public func rank(_ suggestions: [Enhancement], _ designed: inout Designed, cancel: CancelToken = CancelToken()) -> [Enhancement] {
        advisor.rank(suggestions, file: designed.project, report: &designed.report, cancel: cancel)
    }

    /// The ids of the suggestions marked safe, leaving out any that conflicts with one before it.
    public func safeIDs(_ suggestions: [Enhancement]) -> [String] {
        EnhancementEngine.compatible(suggestions.filter(\.safe))
    }

    /// The design with `ids` applied, in that order, priced and judged against the budget again.
    /// `inputs` are the values given for the suggestions that need one (by variable); those of
    /// suggestions not applied are left out.
    public func enhance(_ designed: Designed, applying ids: [String], inputs: [String: String] = [:]) throws(PipelineError) -> Enhanced {
        do {
            var result = try engine.apply(ids, to: designed.result, file: designed.project)
            let wanted = Set(ids.compactMap { EnhancementCatalog.rule($0)?.input?.variable })
            let given = inputs.filter { wanted.contains($0.key) }
            result.design.inputs = given.isEmpty ? nil : given
            return Enhanced(designed: designed, applied: ids, result: result)
        } catch {
            throw .enhancement(error)
        }
    }

    /// The files for `targets` (the project's available targets when nil), plus DEPLOY.md.
    public func render(_ enhanced: Enhanced, targets: [Target]? = nil) throws(PipelineError) -> Rendered {
        let targets = targets ?? enhanced.project.options.targets
        do {
            let files = try Renderer(templates: templates).render(enhanced.result, targets: targets, memo: memo)
            return Rendered(enhanced: enhanced, targets: targets, files: files)
        } catch {
            throw .template(error)
        }
    }

    /// Every file checked, and the security score, from one parse of each Terraform file.
    public func validate(_ rendered: Rendered) -> Validated {
        let terraform = ParsedTerraform(rendered.files.filter { $0.target == .terraform }, cache: cache)
        let findings = OutputValidator().validate(rendered.files, terraform: terraform)
        return Validated(rendered: rendered, findings: findings, score: SecurityScore(files: rendered.files, cache: cache))
    }

    /// Enhance, render and validate in one call.
    public func run(
        _ designed: Designed, applying ids: [String] = [], inputs: [String: String] = [:], targets: [Target]? = nil
    ) throws(PipelineError) -> Validated {
        validate(try render(try enhance(designed, applying: ids, inputs: inputs), targets: targets))
    }

    /// What toggling one suggestion would do from the set applied now: the unified diff of the
    /// files (old, as now, to new), led by what the toggle takes along or why it is refused, and the
    /// cost and score deltas against the current design.
    public func preview(toggling id: String, at current: Validated, suggestions: [Enhancement]) -> TogglePreview {
        let applied = current.rendered.enhanced.applied
        let toggle = EnhancementToggle(id, in: applied, suggestions: suggestions)
        if toggle.refused { return TogglePreview(lines: [toggle.message]) }
        let other: Validated
        do {
            other = try run(
                current.rendered.enhanced.designed, applying: toggle.applied, inputs: current.result.design.inputs ?? [:],
                targets: current.rendered.targets)
        } catch {
            return TogglePreview(lines: ["This combination cannot be applied: \(error)"])
        }
        let along = Set(toggle.applied).symmetricDifference(applied).count > 1 ? [toggle.message] : []
        return TogglePreview(
            lines: along + LineDiff.unified(from: current.files, to: other.files),
            monthlyCostDelta: other.result.estimate.totalMonthly - current.result.estimate.totalMonthly,
            securityScoreDelta: ((other.score.value - current.score.value) * 10).rounded() / 10)
    }
}

/// What one toggle would do, measured against what is applied now.
public struct TogglePreview: Sendable, Hashable {
    public var lines: [String]
    public var monthlyCostDelta: Decimal?
    public var securityScoreDelta: Double?

    public init(lines: [String], monthlyCostDelta: Decimal? = nil, securityScoreDelta: Double? = nil) {
        self.lines = lines
        self.monthlyCostDelta = monthlyCostDelta
        self.securityScoreDelta = securityScoreDelta
    }
}
