import SnapinfraCore
import SnapinfraFiles

/// The screens of the terminal UI.
public enum Screen: String, Sendable, Hashable, CaseIterable {
    case start, design, files, enhancements, write
    /// Project entry, step by step.
    case wizard

    public var title: String {
        switch self {
        case .start: return "Start"
        case .design: return "Design"
        case .files: return "Files"
        case .enhancements: return "Enhance"
        case .write: return "Write"
        case .wizard: return "Project"
        }
    }
}

/// A modal state over the screen: help, a search being typed, a question at the bottom, or a
/// second press asked for (to overwrite hand edits, to forget a draft).
public enum Mode: Sendable, Hashable {
    case normal
    case help
    case searching(String)
    case prompt(Prompt)
    case confirmingOverwrite
    /// `x` was pressed once on this draft (its id) on the start screen.
    case confirmingDraftRemoval(String)
}

/// A what-if being explored beside the project it started from. The screens show the scenario;
/// the project stays as it was until Enter keeps the scenario, and Esc goes back to the baseline.
public struct Scenario: Sendable, Hashable {
    public var baseline: ProjectFile
    public var baselineResult: DesignResult
    public var baselineApplied: [String]
    /// The what-ifs taken, in order ("staging", "scale growth").
    public var changes: [String]
    /// Whether the baseline was fitted to the budget (Esc puts that back).
    public var baselineFitted = false
}

/// A line of the start screen.
public enum StartItem: Sendable, Hashable {
    case new, describe, open, importFiles, openFolder
    case resume(Int)
    case example(Int)
}

/// A one-line question at the bottom of the screen: a path to open or save to, or a description.
public struct Prompt: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case open, saveAs, describe
        /// SQL and OpenAPI files to import, separated by spaces.
        case importFiles
        /// An output folder written before, to reopen.
        case openFolder
        /// The folder the Write screen writes to.
        case outputFolder
        /// The value a suggestion needs before it is switched on (its id, and what it asks for).
        case enhancementInput(String, EnhancementInput)
    }

    public var kind: Kind
    public var field: TextField
    /// Enter again replaces the existing file.
    public var confirmOverwrite = false

    /// What Tab completes: the last path of an import, else the whole text.
    public var completionTarget: String {
        guard kind == .importFiles else { return field.text }
        return field.text.hasSuffix(" ") ? "" : field.text.split(separator: " ").last.map(String.init) ?? ""
    }

    /// The text with its completion target replaced.
    public func completing(with path: String) -> String {
        guard kind == .importFiles else { return path }
        return String(field.text.dropLast(completionTarget.count)) + path
    }

    public var label: String {
        switch kind {
        case .open: return "Open project file (Tab completes): "
        case .importFiles: return "Import SQL and OpenAPI files (spaces between, Tab completes): "
        case .openFolder: return "Open output folder (Tab completes): "
        case .saveAs: return "Save the project as (.json, .yaml): "
        case .describe: return "Describe the project in a sentence: "
        case .outputFolder: return "Output folder (Tab completes, Enter plans): "
        case .enhancementInput(_, let input): return "\(input.variable), \(input.label): "
        }
    }
}

/// A project offered on the start screen.
public struct ExampleProject: Sendable, Hashable {
    public var name: String
    public var file: ProjectFile

    public init(name: String, file: ProjectFile) {
        self.name = name
        self.file = file
    }
}

/// Everything the terminal UI shows, as one value; `update` makes a new one for each message.
public struct AppState: Sendable {
    public var screen: Screen
    public var width: Int
    public var height: Int
    /// What the keys go to now, besides the screen: one value, so no two modal states can be on
    /// at once.
    public var mode: Mode = .normal
    public var project: ProjectFile?
    /// Every finding shown for the files: the pipeline's, and why a set could not be applied.
    public private(set) var validation: [Diagnostic] = []
    public var examples: [ExampleProject] = []
    public var startSelection = 0
    public var designScroll = 0
    public var fileSelection = 0
    public var previewScroll = 0
    public var focusPreview = false
    /// Characters of each preview line scrolled off to the left.
    public var previewColumn = 0
    public var searchQuery = ""
    /// The line of the match shown last, where `n` and `N` continue from.
    public var searchLine: Int?
    public var message: String?
    /// The write screen: folder, the plan for it, and what happened.
    public var outputFolder = ""
    public var plan: [PlannedFile]?
    /// The file selected on the Write screen, and how far its diff is scrolled.
    public var writeSelection = 0
    public var writeScroll = 0
    public var writtenTo: String?
    /// The design screen's lines, laid out for the current width (kept so a key press does not
    /// lay the whole report out again).
    public private(set) var designLines: [StyledLine] = []
    /// The design before enhancements, the suggestions for it, and the ones switched on (in order).
    public private(set) var baseResult: DesignResult?
    public private(set) var suggestions: [Enhancement] = []
    public var applied: [String] = []
    /// Chosen suggestions the current design does not offer (another environment's), kept so
    /// that a what-if there and back returns to the same set.
    public var keptAside: [String] = []
    public var undoStack: [[String]] = []
    public var enhancementSelection = 0
    /// The diff the selected suggestion's toggle makes to the files, kept between frames.
    /// What toggling the selected suggestion would do: its diff, and its cost and score deltas
    /// against the set applied now.
    public private(set) var detailPreview: TogglePreview?
    /// The files and findings on screen as the pipeline's last stage.
    public private(set) var current: Validated?
    /// The design shown, its files and their security score: all from `current`.
    public var result: DesignResult? { current?.result ?? baseResult }
    public var files: [RenderedFile] { current?.files ?? [] }
    public var securityScore: SecurityScore? { current?.score }
    public var detailDiff: [String] { detailPreview?.lines ?? [] }
    /// The toggle preview asked for and not answered yet.
    public private(set) var previewRequest: PreviewRequest?
    var previewsAsked = 0
    public var detailScroll = 0
    /// Work under way off the input loop, if any.
    public var busy: Busy?
    /// The suggestions are still to be worked out (see `init(project:width:height:suggestLater:)`).
    public var suggestionsPending = false
    /// Keys that change the design, typed while work was under way.
    public var queuedKeys: [Key] = []
    var nextJobID = 0
    /// The language model's name when one makes the decisions (`--ai`); nil on the rules engine.
    public var aiModel: String?
    /// What the model did for the design now shown.
    public private(set) var aiReport: AIReport = .rules
    /// Project entry, while the wizard is open.
    public var wizard: Wizard?
    /// The draft this session saves to after every change, once there is one.
    public var draftID: String?
    /// The file the project was opened from, if any.
    public var draftSource: String?
    /// The one folder this session may read and write in (an SSH demo session's scratch
    /// folder); nil: anywhere the user may.
    public var fileRoot: String?
    /// Shown on the start screen: how a visitor without a key comes back to their drafts.
    public var sessionNote: String?
    /// The drafts the start screen offers, newest first (kept up to date as this one is saved).
    public var drafts: [Draft] = []
    /// Something changed since the project was opened: from then on the session is a draft.
    public var sessionChanged = false
    /// Unique to this run of the program, given by whoever starts it (the time and a random part):
    /// `update` makes draft ids from it and a counter, so it stays pure.
    public var session = "session"
    var draftsStarted = 0
    /// How each file of the output folder stands against what was written there, when it was
    /// opened from one (`snapinfra tui DIR`) or planned on the Write screen.
    public var folderStates: [String: Manifest.FileState] = [:]
    /// Esc on the wizard's first step asked once to discard edits that have problems.
    public var confirmDiscard = false
    /// The what-if scenario on screen, if one is open.
    public var scenario: Scenario?
    /// The design is fitted to the budget (`f`): every design from now on is the cheapest that
    /// keeps the scale and compliance choices, until a what-if with it is dropped.
    public var fitToBudget = false
    /// Values given for the suggestions that need one, by variable (`alarm_email`).
    public var inputs: [String: String] = [:]

    /// The help overlay is open.
    public var showHelp: Bool {
        get { mode == .help }
        set { if newValue { mode = .help } else if mode == .help { mode = .normal } }
    }

    /// The text being typed after `/`, while searching.
    public var searchDraft: String? {
        get { if case .searching(let text) = mode { text } else { nil } }
        set {
            if let newValue {
                mode = .searching(newValue)
            } else if case .searching = mode {
                mode = .normal
            }
        }
    }

    /// The question being typed at the bottom, if any.
    public var prompt: Prompt? {
        get { if case .prompt(let prompt) = mode { prompt } else { nil } }
        set {
            if let newValue {
                mode = .prompt(newValue)
            } else if case .prompt = mode {
                mode = .normal
            }
        }
    }

    /// The draft `x` was pressed on once on the start screen: a second `x` forgets it.
    public var pendingDraftRemoval: String? {
        get { if case .confirmingDraftRemoval(let id) = mode { id } else { nil } }
        set {
            if let newValue {
                mode = .confirmingDraftRemoval(newValue)
            } else if case .confirmingDraftRemoval = mode {
                mode = .normal
            }
        }
    }

    /// The Write screen asked once whether to overwrite files changed by hand.
    public var confirmOverwrite: Bool {
        get { mode == .confirmingOverwrite }
        set { if newValue { mode = .confirmingOverwrite } else if mode == .confirmingOverwrite { mode = .normal } }
    }

    /// What the start screen lists: new, describe, open, the drafts, the examples.
    public var startItems: [StartItem] {
        [.new, .describe, .open, .importFiles, .openFolder] + drafts.indices.map { .resume($0) } + examples.indices.map { .example($0) }
    }

    /// The project as the user has it now: the wizard's while it is open.
    /// The project as the user has it: the wizard's while it is open, the baseline while a what-if
    /// scenario is explored (a scenario is not an edit until it is kept).
    public var editedProject: ProjectFile? { wizard?.project ?? scenario?.baseline ?? project }

    /// A new draft id: the session's, numbered.
    public mutating func newDraftID() -> String {
        draftsStarted += 1
        return "\(session)-\(draftsStarted)"
    }

    /// The draft of this session as it stands: the project, the enhancements switched on, the
    /// output folder and where the user is; nil before the session has a draft.
    public var currentDraft: Draft? {
        guard let id = draftID, let project = editedProject else { return nil }
        var draft = Draft(id: id, savedAt: .distantPast, step: wizard?.step.rawValue ?? "review", sourcePath: draftSource, project: project)
        // While a what-if is open the set is the baseline's: a scenario is not kept until Enter.
        draft.applied = scenario?.baselineApplied ?? applied
        draft.keptAside = scenario == nil ? keptAside : []
        draft.outputFolder = outputFolder.isEmpty ? nil : outputFolder
        draft.fitToBudget = (scenario.map(\.baselineFitted) ?? fitToBudget) ? true : nil
        draft.inputs = inputs.isEmpty ? nil : inputs
        draft.place = place
        return draft
    }

    /// The screen and its cursor, as a draft keeps them.
    var place: Draft.Place {
        var place = Draft.Place(screen: wizard == nil ? screen.rawValue : Screen.wizard.rawValue)
        if suggestions.indices.contains(enhancementSelection) { place.enhancement = suggestions[enhancementSelection].id }
        if files.indices.contains(fileSelection) { place.file = files[fileSelection].path }
        place.designScroll = designScroll
        if let wizard {
            switch wizard.page {
            case .step: place.page = "step"
            case .table(let table): (place.page, place.table) = ("table", table)
            case .field(let table, let field): (place.page, place.table, place.field) = ("field", table, field)
            case .endpoint(let endpoint): (place.page, place.endpoint) = ("endpoint", endpoint)
            }
            place.row = wizard.row
            place.fromReview = wizard.fromReview
        }
        return place
    }

    /// What a change to is worth saving for: the project, the set chosen, the folder, and the
    /// screen or wizard page (a cursor move alone is saved with the next change, and on exit).
    private var savedShape: [String] {
        let page = place
        return [
            wizard?.step.rawValue ?? "", page.screen, page.page ?? "", "\(page.table ?? -1)/\(page.field ?? -1)/\(page.endpoint ?? -1)",
        ]
    }

    /// The draft to save after a change, if this change needs one. Opening a project is not a
    /// change; the first edit, toggle, kept what-if or new output folder is, and from then on the
    /// session is saved after each change and whenever the screen or wizard page moves.
    mutating func draftToSave(after previous: AppState) -> Draft? {
        guard draftID != nil, let project = editedProject else { return nil }
        let chosen = Set(applied + keptAside)
        let changed =
            (previous.editedProject != nil && project != previous.editedProject && previous.draftID == draftID)
            || (previous.result != nil && scenario == nil && previous.scenario == nil && chosen != Set(previous.applied + previous.keptAside))
            || (!previous.outputFolder.isEmpty && outputFolder != previous.outputFolder)
            || (scenario == nil && previous.scenario == nil && fitToBudget != previous.fitToBudget)
            || inputs != previous.inputs
        if changed { sessionChanged = true }
        guard sessionChanged else { return nil }
        guard changed || savedShape != previous.savedShape || draftID != previous.draftID else { return nil }
        return currentDraft
    }

    /// A UI on the start screen, offering the given examples.
    public init(examples: [ExampleProject], width: Int, height: Int, drafts: [Draft] = []) {
        screen = .start
        self.examples = examples
        self.drafts = drafts
        self.width = width
        self.height = height
    }

    /// A UI with a project loaded, on the design screen.
    /// With `suggestLater`, the first frame shows the design at once and the suggestions (a render
    /// and a score for each) follow from a job the runner starts after that frame.
    /// With `aiModel`, that job also asks the model to design and to rank the suggestions.
    /// `applied` switches enhancements on from the start, and `fitted` fits the design to the budget
    /// (a reopened output folder's choices).
    public init(
        project: ProjectFile, width: Int, height: Int, suggestLater: Bool = false, aiModel: String? = nil, applied: [String] = [],
        fitted: Bool = false, inputs: [String: String] = [:]
    ) {
        screen = .design
        self.width = width
        self.height = height
        self.aiModel = aiModel
        self.applied = applied
        fitToBudget = fitted
        self.inputs = inputs
        if suggestLater {
            var job = job(for: project, redesign: true)
            job.suggest = false
            install(job.run())
            suggestionsPending = project.options.enableAIEnhancements || aiModel != nil || !applied.isEmpty
        } else {
            load(project)
        }
    }

    /// Designs and renders a project at once (the first design, from the start screen).
    mutating func load(_ project: ProjectFile) {
        install(job(for: project, redesign: true).run())
    }

    /// The work that brings the screen up to date with a project and the switched-on enhancements.
    mutating func job(for project: ProjectFile, redesign: Bool) -> Job {
        nextJobID += 1
        let diffFor = screen == .enhancements && suggestions.indices.contains(enhancementSelection) ? suggestions[enhancementSelection].id : nil
        return Job(
            id: nextJobID, project: project, applied: applied + keptAside, base: redesign ? nil : baseResult,
            suggestions: redesign ? [] : suggestions,
            diffFor: diffFor, suggest: redesign || suggestionsPending, askModel: aiModel != nil && redesign, fitToBudget: fitToBudget, inputs: inputs)
    }

    /// Shows what a job produced.
    mutating func install(_ done: JobResult) {
        project = done.project
        if done.suggested { suggestionsPending = false }
        if let ai = done.ai { aiReport = ai }
        if outputFolder.isEmpty { outputFolder = "out/" + Naming.slug(done.project.project.name) }
        baseResult = done.base
        let selected = suggestions.indices.contains(enhancementSelection) ? suggestions[enhancementSelection].id : nil
        suggestions = done.suggestions
        enhancementSelection =
            selected.flatMap { id in suggestions.firstIndex { $0.id == id } } ?? min(enhancementSelection, max(0, suggestions.count - 1))
        applied = done.applied
        keptAside = done.keptAside
        plan = nil
        writtenTo = nil
        validation = done.validation
        current = done.validated
        fileSelection = min(fileSelection, max(0, files.count - 1))
        layOut()
        detailScroll = 0
        // The job worked out the diff for the suggestion selected when it started; another render
        // is needed only if the selection or the screen moved meanwhile.
        let shown = suggestions.indices.contains(enhancementSelection) ? suggestions[enhancementSelection].id : nil
        if screen != .enhancements {
            detailPreview = nil
            previewRequest = nil
        } else if shown != nil, shown == done.diffFor {
            detailPreview = done.diff
            previewRequest = nil
        } else {
            refreshDiff()
        }
    }

    /// Asks for the diff of toggling the selected suggestion, against the files now; the runner
    /// works it out off the input loop (`Effect.preview`) and `install(_:for:)` takes the answer.
    mutating func refreshDiff() {
        detailScroll = 0
        detailPreview = nil
        guard let current, suggestions.indices.contains(enhancementSelection) else {
            previewRequest = nil
            return
        }
        previewsAsked += 1
        previewRequest = PreviewRequest(
            number: previewsAsked, id: suggestions[enhancementSelection].id, current: current, suggestions: suggestions)
    }

    /// Takes a toggle preview if it answers the request still open.
    mutating func install(_ preview: TogglePreview, for number: Int) {
        guard previewRequest?.number == number else { return }
        detailPreview = preview
        previewRequest = nil
    }

    /// Whether an action has anything to act on now; the hint bar offers only those.
    public func offers(_ action: Action) -> Bool {
        switch action {
        case .toggle, .moveDown, .moveUp: return screen != .enhancements || !suggestions.isEmpty
        case .applySafe: return suggestions.contains { $0.safe && !applied.contains($0.id) }
        case .undo: return screen != .enhancements || !undoStack.isEmpty
        case .keepScenario, .dropScenario: return scenario != nil
        case .fitBudget: return !fitToBudget && result?.budget?.fit != nil
        case .keepMine, .takeNew, .keepBoth: return plan?.contains { $0.item.openConflicts > 0 } ?? false
        default: return true
        }
    }

    /// Indices of the suggestions in the order the Enhance screen draws them: by category, then
    /// in the engine's (or the model's) order within each.
    public var drawnSuggestionOrder: [Int] {
        EnhancementCategory.allCases.flatMap { category in suggestions.indices.filter { suggestions[$0].category == category } }
    }

    /// Lays the design report out again for the current width.
    mutating func layOut() {
        let notices =
            project.map { p in
                [
                    PromptInjection.warning(p.project.name, path: "project.name"),
                    PromptInjection.warning(p.project.description, path: "project.description"),
                ]
                .compactMap { $0.map(\.pathAndMessage) }
            } ?? []
        designLines =
            result.map { result in
                let compared = scenario.map { DesignLines.scenario($0, now: result, width: max(20, width - 2)) } ?? []
                return compared + DesignLines.make(result, ai: aiReport, notices: notices, width: max(20, width - 2))
            } ?? []
    }

    /// Problems of one rendered file.
    public func problems(of path: String) -> [Diagnostic] {
        validation.filter { $0.path == path }
    }
}
