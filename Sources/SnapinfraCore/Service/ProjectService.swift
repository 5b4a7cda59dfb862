import Foundation

/// What the front ends offer, over one pipeline: what `validate`, `design`, `enhancements` and
/// `generate` compute, as the documents their `--json` prints. The commands, the HTTP API and the
/// MCP tools all call it, so the same input gives the same bytes everywhere. Nothing here reads
/// or writes a file.
public struct ProjectService: Sendable {
    public let pipeline: Pipeline

    public init(pipeline: Pipeline) {
        self.pipeline = pipeline
    }

    /// Why an operation on a valid project could not be done.
    public enum Failure: Error, Sendable, Equatable {
        /// The request asks for something that does not exist here (an enhancement id, a
        /// combination); the CLI's exit 2, the API's 400.
        case usage(String)
        /// The templates did not render, or the rendered files failed their checks: our fault,
        /// never the caller's (exit 1, the API's 500).
        case failed(String, details: [String] = [])

        public var document: FailureDocument {
            switch self {
            case .usage(let message): FailureDocument(error: message)
            case .failed(let message, let details): FailureDocument(error: message, details: details)
            }
        }
    }

    /// `design --json`, and the design it describes.
    public func design(_ project: ProjectFile) -> (document: DesignDocument, designed: Designed) {
        let designed = pipeline.design(project)
        let result = designed.result
        let offered = project.options.enableAIEnhancements ? EnhancementEngine().offeredIDs(for: result, file: project) : []
        let compliance = ComplianceChecklist(result: result, file: project, offered: offered)
        let document = DesignDocument(
            data: .init(result: result, securityScore: pipeline.score(designed), compliance: compliance), metadata: .init(ai: designed.report))
        return (document, designed)
    }

    /// The estimate and the budget verdict of the design, as `design --json` prices it.
    public func estimate(_ project: ProjectFile) -> EstimateDocument {
        let designed = pipeline.design(project)
        return EstimateDocument(
            data: .init(estimate: designed.result.estimate, budget: designed.result.budget), metadata: .init(ai: designed.report))
    }

    /// `enhancements --json`, and the design the suggestions were measured against.
    public func enhancements(_ project: ProjectFile) throws(Failure) -> (document: EnhancementsDocument, designed: Designed) {
        var designed = pipeline.design(project)
        let suggestions = pipeline.suggestions(for: designed)
        guard let score = pipeline.score(designed) else { throw .failed("the templates could not be rendered") }
        let ranked = pipeline.rank(suggestions, &designed)
        let result = designed.result
        let document = EnhancementsDocument(
            data: .init(
                baseMonthlyCost: result.estimate.totalMonthly, securityScore: score, enhancements: ranked,
                compliance: ComplianceChecklist(result: result, file: project, offered: ranked.map(\.id)), advice: designed.report.advice),
            metadata: .init(ai: designed.report))
        return (document, designed)
    }

    /// The unified diff that applying `id` (with the suggestions it requires) makes to the files.
    public func diff(_ project: ProjectFile, id: String) throws(Failure) -> DiffDocument {
        let designed = pipeline.design(project)
        let suggestions = pipeline.suggestions(for: designed)
        guard let suggestion = suggestions.first(where: { $0.id == id }) else {
            let message =
                EnhancementEngine.catalogIDs.contains(id)
                ? "enhancement \(DisplayText.quoted(id)) does not apply to this design"
                : "unknown enhancement \(DisplayText.quoted(id))" + Suggestion.hint(for: id, in: EnhancementEngine.catalogIDs)
            throw .usage(message)
        }
        let offered = Set(suggestions.map(\.id))
        let requires = suggestion.requires.filter(offered.contains)
        do {
            let base = try pipeline.run(designed, applying: requires)
            let applied = try pipeline.run(designed, applying: requires + [id])
            return DiffDocument(data: .init(id: id, requires: requires, diff: LineDiff.unified(from: base.files, to: applied.files)))
        } catch {
            throw .failed("\(error)")
        }
    }

    /// What `generate` is asked for besides the project.
    public struct GenerateRequest: Sendable, Hashable {
        /// Enhancement ids to apply, in order; nil: none, or the safe ones (below).
        public var apply: [String]?
        /// Apply every suggestion marked safe (also when the project sets `autoApplyEnhancements`).
        public var applySafe = false
        /// When over budget, the cheapest design that keeps the scale and compliance choices.
        public var fitBudget = false
        /// Overrides `options.targets`.
        public var targets: [Target]?
        /// Values for the suggestions that take one, by variable.
        public var inputs: [String: String] = [:]

        public init(
            apply: [String]? = nil, applySafe: Bool = false, fitBudget: Bool = false, targets: [Target]? = nil, inputs: [String: String] = [:]
        ) {
            self.apply = apply
            self.applySafe = applySafe
            self.fitBudget = fitBudget
            self.targets = targets
            self.inputs = inputs
        }
    }

    /// One `generate` run: the design (fitted when asked), what was applied, and the checked files.
    public struct Generated: Sendable {
        public var designed: Designed
        public var chosen: [String]
        public var enhanced: Enhanced
        public var validated: Validated
        /// The suggestions for the design before any was applied, when they were measured.
        public var offered: [Enhancement]?
        /// What the run decided on its own (the budget fit, nothing to apply), for stderr.
        public var notes: [String]
    }

    /// Design, fit, apply, render and validate, as `generate` does before it writes anything.
    public func generate(_ project: ProjectFile, _ request: GenerateRequest) throws(Failure) -> Generated {
        var project = project
        if let targets = request.targets { project.options.targets = targets }
        var designed = pipeline.design(project)
        var notes: [String] = []
        if request.fitBudget {
            if let fitted = pipeline.fitToBudget(designed) {
                designed = fitted
                notes.append(designed.result.budget?.summary ?? "fitted to the budget")
            } else {
                let why =
                    designed.result.budget == nil ? "the project sets no budget" : "within budget, or no cut keeps the scale and compliance choices"
                notes.append("--fit-budget: \(why); nothing was cut")
            }
        }
        var offered: [Enhancement]?
        var chosen: [String] = []
        if let apply = request.apply {
            chosen = apply
        } else if request.applySafe || project.options.autoApplyEnhancements {
            let suggestions = pipeline.suggestions(for: designed)
            offered = suggestions
            chosen = pipeline.safeIDs(suggestions)
            if !project.options.enableAIEnhancements {
                notes.append("options.enableAIEnhancements is false, so there are no suggestions to apply")
            }
        }
        let enhanced: Enhanced
        let validated: Validated
        do {
            enhanced = try pipeline.enhance(designed, applying: chosen, inputs: request.inputs)
            validated = pipeline.validate(try pipeline.render(enhanced))
        } catch .enhancement(let error) {
            throw .usage("--apply: \(error)")
        } catch {
            throw .failed("\(error)")
        }
        if validated.hasErrors {
            throw .failed("the generated output is invalid; nothing was written", details: validated.findings.map(\.formattedInFile))
        }
        return Generated(designed: designed, chosen: chosen, enhanced: enhanced, validated: validated, offered: offered, notes: notes)
    }

    /// Parses the templates and takes a small project through design, render, validation and
    /// suggestions with the rules alone (never a model), so that the Swift runtime's first look at
    /// each type and the template parsing happen before a server's first request, not during it.
    public static func warmUp() {
        TemplateSet.embedded.prepare()
        let service = ProjectService(pipeline: Pipeline())
        if let generated = try? service.generate(SyntheticProject.make(tables: 3, endpoints: 6), GenerateRequest()) {
            _ = service.response(generated)
        }
    }

    /// `generate --json`: the original API's response, with the suggestions still open for the
    /// generated design measured against it.
    public func response(_ generated: Generated) -> GenerateResponse {
        var after = Designed(project: generated.designed.project, result: generated.enhanced.result, report: generated.designed.report)
        let remaining = pipeline.rank(pipeline.suggestions(for: after), &after)
        var response = GenerateResponse(validated: generated.validated, enhancements: remaining)
        response.metadata = JSONMetadata(ai: after.report)
        if let reason = after.report.fallbackReason { response.data.validation.warnings.append(reason) }
        return response
    }
}
