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

    /// Does the work. Thread-safe: everything it reads is in the job, and the assistant (when the
    /// job asks the model) only talks HTTP; `cancel` stops a call in flight.
    public func run(assistant: AIAssistant? = nil, cancel: CancelToken = CancelToken()) -> JobResult {
        let model = askModel ? assistant : nil
        var report: AIReport?
        let base: DesignResult
        if let given = self.base {
            base = given
        } else if let model {
            let (designed, designReport) = model.design(project, cancel: cancel)
            base = designed
            report = designReport
        } else {
            base = DesignEngine().run(project)
        }
        var suggestions =
            !suggest ? self.suggestions : (project.options.enableAIEnhancements ? EnhancementEngine().suggestions(for: base, file: project) : [])
        if suggest, let model, !cancel.isCancelled {
            var ranked = report ?? model.emptyReport()
            suggestions = model.rank(suggestions, file: project, report: &ranked, cancel: cancel)
            report = ranked
        }
        // What this design does not offer is kept aside, not dropped: a what-if to another
        // environment and back must return to the same set.
        let offered = Set(suggestions.map(\.id))
        let keptAside = applied.filter { !offered.contains($0) }
        let applied = applied.filter(offered.contains)
        let result = (try? EnhancementEngine().apply(applied, to: base, file: project)) ?? base
        let files = Self.render(result, project)
        let validation = files.isEmpty ? [Diagnostic.error("", "the templates could not be rendered")] : OutputValidator().validate(files)
        let score = files.isEmpty ? nil : SecurityScore(files: files)
        var diff = TogglePreview(lines: [])
        let diffed = diffFor.flatMap { id in suggestions.contains { $0.id == id } ? id : nil }
        if let diffed {
            diff = Self.toggleDiff(
                diffed, applied: applied, suggestions: suggestions, base: base, result: result, files: files, score: score, project: project)
        }
        return JobResult(
            id: id, project: project, base: base, suggestions: suggestions, applied: applied, keptAside: keptAside, result: result, files: files,
            validation: validation, securityScore: score, diffFor: diffed,
            diff: diff, suggested: suggest, ai: report)
    }

    static func render(_ result: DesignResult, _ project: ProjectFile) -> [RenderedFile] {
        (try? Renderer().render(result, targets: project.options.targets.filter(\.isAvailable))) ?? []
    }

    /// What toggling one suggestion does from the set applied now: the unified diff, old (as now)
    /// to new, led by what the toggle takes along or why it is refused, and the cost and score
    /// deltas against the current design, not against the design with no enhancements.
    static func toggleDiff(
        _ id: String, applied: [String], suggestions: [Enhancement], base: DesignResult, result: DesignResult, files: [RenderedFile],
        score current: SecurityScore?, project: ProjectFile
    ) -> TogglePreview {
        let toggle = EnhancementToggle(id, in: applied, suggestions: suggestions)
        if toggle.refused { return TogglePreview(lines: [toggle.message]) }
        guard let other = try? EnhancementEngine().apply(toggle.applied, to: base, file: project) else {
            return TogglePreview(lines: ["(cannot apply this combination)"])
        }
        let otherFiles = render(other, project)
        let along = Set(toggle.applied).symmetricDifference(applied).count > 1 ? [toggle.message] : []
        // The current files were scored when they were rendered; only the other side is scored here.
        let score = current.flatMap { now in otherFiles.isEmpty ? nil : SecurityScore(files: otherFiles).value - now.value }
        return TogglePreview(
            lines: along + LineDiff.unified(from: files, to: otherFiles),
            monthlyCostDelta: other.estimate.totalMonthly - result.estimate.totalMonthly, securityScoreDelta: score)
    }
}

/// What one toggle would do, measured against what is applied now.
public struct TogglePreview: Sendable, Hashable {
    public var lines: [String]
    public var monthlyCostDelta: Decimal?
    public var securityScoreDelta: Double?
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
    public var result: DesignResult
    public var files: [RenderedFile]
    public var validation: [Diagnostic]
    public var securityScore: SecurityScore?
    /// The suggestion `diff` is for, if the job worked one out.
    public var diffFor: String?
    public var diff: TogglePreview
    /// Whether `suggestions` were worked out by this job.
    public var suggested: Bool
    /// What the model did, when the job asked it.
    public var ai: AIReport?
}

/// The job under way, and what Esc puts back.
public struct Busy: Sendable, Hashable {
    public var jobID: Int
    /// "Designing", "Applying", `Busy.suggesting`.
    public var label: String
    /// Said when it is done, before the new totals.
    public var change: String
    public var frame = 0
    public var previousApplied: [String]
    public var previousUndo: [[String]]

    /// The label of the job that works out the first suggestions after the first frame.
    static let suggesting = "Suggesting"
    static let spinner: [Character] = ["|", "/", "-", "\\"]
    var glyph: Character { Self.spinner[frame % Self.spinner.count] }
}
