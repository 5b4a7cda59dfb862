import Foundation
import SnapinfraAI
import SnapinfraCore

/// Work too slow for the input loop: designing again after a what-if, or applying a new set of
/// enhancements and rendering and validating every file. The runner does it on another thread
/// while the screen shows a spinner; Esc drops the result and puts the previous choice back.
public struct Job: Sendable, Hashable {
    public var id: Int
    public var project: ProjectFile
    public var applied: [String]
    /// The design and suggestions to apply to; nil designs the project again (a what-if).
    public var base: DesignResult?
    public var suggestions: [Enhancement]
    /// The suggestion whose toggle diff the enhancements screen shows, if it is open.
    public var diffFor: String?
    /// Work out the suggestions (a what-if, or the first ones after the first frame); otherwise
    /// keep `suggestions`.
    public var suggest = true
    /// Ask the language model (when one is configured) to design and to rank the suggestions.
    public var askModel = false
    /// Fit a new design to the budget (the cheapest that keeps the scale and compliance choices).
    public var fitToBudget = false
    /// Values given for the suggestions that need one, by variable.
    public var inputs: [String: String] = [:]

    /// The pipeline of a session on the rules alone: what it has rendered and parsed is kept, so a
    /// toggle re-renders only the files it touches.
    public static let rules = Pipeline()

    /// Does the work. Thread-safe: everything it reads is in the job, and the pipeline's advisor
    /// (when the job asks the model) only talks HTTP; `cancel` stops a call in flight.
    public func run(pipeline: Pipeline = Job.rules, cancel: CancelToken = CancelToken()) -> JobResult {
        var designed: Designed
        var report: AIReport?
        if let base {
            designed = Designed(project: project, result: base, report: pipeline.advisor.emptyReport())
        } else {
            designed = pipeline.design(project, rulesOnly: !askModel, cancel: cancel)
            if askModel { report = designed.report }
            if fitToBudget, let fitted = pipeline.fitToBudget(designed) { designed = fitted }
        }
        var suggestions = suggest ? pipeline.suggestions(for: designed) : self.suggestions
        if suggest, askModel, !cancel.isCancelled {
            suggestions = pipeline.rank(suggestions, &designed, cancel: cancel)
            report = designed.report
        }
        // What this design does not offer is kept aside, not dropped: a what-if to another
        // environment and back must return to the same set.
        let offered = Set(suggestions.map(\.id))
        var keptAside = applied.filter { !offered.contains($0) }
        var applied = self.applied.filter(offered.contains)
        var problems: [Diagnostic] = []
        var validated: Validated?
        do {
            validated = try pipeline.run(designed, applying: applied, inputs: inputs)
        } catch {
            // Said on screen, never hidden: the design is shown without the set, which is kept.
            problems.append(.error("enhancements", "\(error); showing the design without them"))
            keptAside += applied
            applied = []
            validated = try? pipeline.run(designed)
        }
        guard let validated else {
            return JobResult(
                id: id, project: project, base: designed.result, suggestions: suggestions, applied: applied, keptAside: keptAside,
                validation: problems + [.error("", "the templates could not be rendered")], diffFor: nil, diff: TogglePreview(lines: []),
                suggested: suggest, ai: report, validated: nil)
        }
        let diffed = diffFor.flatMap { id in suggestions.contains { $0.id == id } ? id : nil }
        let diff = diffed.map { pipeline.preview(toggling: $0, at: validated, suggestions: suggestions) } ?? TogglePreview(lines: [])
        return JobResult(
            id: id, project: project, base: designed.result, suggestions: suggestions, applied: applied, keptAside: keptAside,
            validation: problems + validated.findings, diffFor: diffed, diff: diff, suggested: suggest, ai: report, validated: validated)
    }
}

/// A toggle preview to work out off the input loop: for which suggestion, from which state, and
/// which request it answers (a newer one makes it stale).
public struct PreviewRequest: Sendable, Hashable {
    public var number: Int
    public var id: String
    public var current: Validated
    public var suggestions: [Enhancement]

    /// Does the work; thread-safe like a job.
    public func run(pipeline: Pipeline = Job.rules) -> TogglePreview {
        pipeline.preview(toggling: id, at: current, suggestions: suggestions)
    }
}

/// What a job produced, handed back to `update` in one message.
public struct JobResult: Sendable, Hashable {
    public var id: Int
    public var project: ProjectFile
    public var base: DesignResult
    public var suggestions: [Enhancement]
    public var applied: [String]
    /// Chosen suggestions this design does not offer, kept for when it does again.
    public var keptAside: [String]
    /// Every finding shown: the pipeline's, and why a set could not be applied.
    public var validation: [Diagnostic]
    /// The suggestion `diff` is for, if the job worked one out.
    public var diffFor: String?
    public var diff: TogglePreview
    /// Whether `suggestions` were worked out by this job.
    public var suggested: Bool
    /// What the model did, when the job asked it.
    public var ai: AIReport?
    /// The pipeline's last stage: the design with the set applied, its files and score; nil if the
    /// templates could not be rendered.
    public var validated: Validated?

    /// The design shown: with the set applied, or the base when nothing could be rendered.
    public var result: DesignResult { validated?.result ?? base }
    public var files: [RenderedFile] { validated?.files ?? [] }
    public var securityScore: SecurityScore? { validated?.score }
}

/// The job under way, and what Esc puts back.
public struct Busy: Sendable, Hashable {
    /// What the work is, which decides what its end says and what Esc does.
    public enum Kind: Sendable, Hashable {
        /// The first suggestions after the first frame, on the rules.
        case suggesting
        /// The first design and ranking, from the model (named).
        case asking(model: String)
        /// A what-if: the project designed again.
        case designing
        /// A new set of enhancements applied.
        case applying
        /// A project drafted from a description by the model (named).
        case drafting(model: String)
    }

    public var kind: Kind
    /// The job whose result ends it; nil for a draft, which is not a job.
    public var jobID: Int?
    /// Said when it is done, before the new totals.
    public var change: String
    public var frame = 0
    public var previousApplied: [String]
    public var previousUndo: [[String]]
    /// The scenario before a what-if, which Esc puts back, and whether the design was fitted.
    public var previousScenario: Scenario?
    public var previousFitToBudget = false

    public init(kind: Kind, jobID: Int?, change: String, previousApplied: [String], previousUndo: [[String]]) {
        self.kind = kind
        self.jobID = jobID
        self.change = change
        self.previousApplied = previousApplied
        self.previousUndo = previousUndo
    }

    /// What the status line calls it.
    public var label: String {
        switch kind {
        case .suggesting: return "Suggesting"
        case .asking(let model), .drafting(let model): return "Asking \(DisplayText.escape(model, limit: 30))"
        case .designing: return "Designing"
        case .applying: return "Applying"
        }
    }

    /// Whether it works out the first suggestions (its end says how many there are).
    var isFirstSuggestions: Bool {
        switch kind {
        case .suggesting, .asking: return true
        default: return false
        }
    }

    /// Whether it asks the model (Esc then keeps the rules from then on).
    var asksModel: Bool {
        switch kind {
        case .asking, .drafting: return true
        default: return false
        }
    }

    static let spinner: [Character] = ["|", "/", "-", "\\"]
    var glyph: Character { Self.spinner[frame % Self.spinner.count] }
}
