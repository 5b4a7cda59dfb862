import SnapinfraCore
import SnapinfraFiles
import SnapinfraImport

/// A key press, decoded from the terminal.
public enum Key: Sendable, Hashable {
    case up, down, left, right, pageUp, pageDown, home, end
    case tab, backTab, enter, escape, backspace, delete
    /// Help in the wizard, where `?` is a character a field may hold.
    case f1
    case character(Character)
    /// Ctrl and a letter (`control("w")` is Ctrl-W), for the keys text fields and the wizard use.
    case control(Character)
    /// Text pasted in one piece (bracketed paste), newlines and all.
    case paste(String)
    /// The left button pressed at a cell, and the wheel turned over one (when the terminal
    /// reports the mouse).
    case click(x: Int, y: Int)
    case wheel(up: Bool, x: Int, y: Int)

    /// How the key is written in hints and help: `↑`, `PgDn`, `q`.
    public var label: String {
        switch self {
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .tab: return "Tab"
        case .backTab: return "S-Tab"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .backspace: return "Bksp"
        case .delete: return "Del"
        case .f1: return "F1"
        case .control(let c): return "Ctrl-" + c.uppercased()
        case .paste: return "paste"
        case .click: return "click"
        case .wheel(let up, _, _): return up ? "wheel up" : "wheel down"
        case .character(" "): return "Space"
        case .character(let c): return String(c)
        }
    }
}

/// What the program tells `update`.
public enum Message: Sendable, Hashable {
    case key(Key)
    case resize(width: Int, height: Int)
    /// What writing to the output folder would do, or why it cannot.
    case planned(folder: String, items: [PlannedFile], notes: [String] = [])
    case planFailed(String)
    /// The files were written (count), or why not.
    case written(folder: String, count: Int)
    case writeFailed(String)
    /// Tab completion for a path: the candidates for what was typed.
    case completed(path: String, candidates: [String])
    /// A project file was read: the project, or the problems that kept it from loading.
    case fileOpened(path: String, project: ProjectFile?, problems: [String])
    /// SQL and OpenAPI files were imported: the project, or why there is none, and every warning.
    case imported(paths: [String], result: ImportResult)
    /// An output folder was read: its manifest's project and set, or why it cannot be reopened.
    case folderOpened(path: String, opened: OpenedFolder?, problem: String?)
    /// The project was saved as a file, or why not (`exists` asks to confirm a replacement).
    case projectSaved(path: String)
    case projectSaveFailed(String, exists: Bool)
    /// The model drafted a project from a description (or the rules did, and the report says why).
    case drafted(ProjectFile, AIReport)
    /// A draft could not be saved.
    case draftSaveFailed(String)
    /// Work off the input loop finished.
    case finished(JobResult)
    /// Time passed while work is under way (the spinner turns).
    case tick
    /// The first frame is on screen: deferred work may start.
    case started
    /// The review report was written.
    case reportWritten(path: String)
    /// The wizard's project was validated and priced (as it was when asked).
    case wizardChecked(ProjectFile, WizardCheck)
    /// A toggle preview, for the request of that number.
    case previewed(number: Int, TogglePreview)
}

/// What an output folder's manifest gives back: the project, the enhancements applied, and how
/// each file stands against what was written.
public struct OpenedFolder: Sendable, Hashable {
    public var project: ProjectFile
    public var applied: [String]
    /// The design was fitted to the budget.
    public var fitted: Bool
    /// Values given for the suggestions that need one, by variable.
    public var inputs: [String: String]
    public var states: [String: Manifest.FileState]

    public init(
        project: ProjectFile, applied: [String], fitted: Bool = false, inputs: [String: String] = [:], states: [String: Manifest.FileState]
    ) {
        self.project = project
        self.applied = applied
        self.fitted = fitted
        self.inputs = inputs
        self.states = states
    }

    /// What a manifest and the files' states give back.
    public init(_ manifest: Manifest, states: [String: Manifest.FileState]) {
        self.init(
            project: manifest.project, applied: manifest.appliedEnhancements, fitted: manifest.budgetCuts?.isEmpty == false,
            inputs: manifest.design.inputs ?? [:], states: states)
    }
}

/// One file of a write plan, as the write screen lists it: what writing does to it, how it stands
/// on disk against what was written last, and the diff writing makes to what is there.
public struct PlannedFile: Sendable, Hashable {
    public var item: OutputPlan.Item
    public var onDisk: Manifest.FileState?
    /// The unified diff from the file on disk to what would be written.
    public var diff: [String]

    public var path: String { item.path }
    public var status: OutputPlan.Status { item.status }

    public init(_ item: OutputPlan.Item, onDisk: Manifest.FileState? = nil, diff: [String] = []) {
        self.item = item
        self.onDisk = onDisk
        self.diff = diff
    }

    public init(path: String, status: OutputPlan.Status) {
        self.init(OutputPlan.Item(path: path, status: status, content: nil))
    }
}

/// What `update` asks the program to do; performed outside `update`.
public enum Effect: Sendable, Hashable {
    case quit
    /// Compare the rendered files with the output folder.
    case plan(folder: String)
    /// Write the rendered files, merged with the hand edits there and each conflict settled as
    /// `resolutions` says (by path, then conflict); `overwriteHandEdits` (after the user confirmed
    /// it) writes the new files over every hand edit instead.
    case write(folder: String, overwriteHandEdits: Bool, resolutions: [String: [Int: ThreeWayMerge.Resolution]] = [:])
    /// Do slow work on another thread and answer with `.finished`.
    case run(Job)
    /// List the files a partly typed path could be (`.completed`).
    case complete(String)
    /// Read and check a project file (`.fileOpened`).
    case openFile(String)
    /// Read SQL and OpenAPI files and import one project from them (`.imported`).
    case importFiles([String])
    /// Read an output folder's manifest (`.folderOpened`).
    case openFolder(String)
    /// Write the project as JSON or YAML, by the file's extension (`.projectSaved`).
    case saveProject(path: String, project: ProjectFile, overwrite: Bool)
    /// Ask the language model to draft a project from a description, off the input loop (`.drafted`).
    case draft(String)
    /// Forget a draft.
    case deleteDraft(String)
    /// Save the draft, atomically, stamped with the time it is saved.
    case saveDraft(Draft)
    /// Write the review report (`.reportWritten`, or `.writeFailed` with the reason).
    case writeReport(path: String, text: String)
    /// Validate and price the wizard's project off the input loop (`.wizardChecked`).
    case checkWizard(ProjectFile)
    /// Work out what toggling a suggestion would do, off the input loop (`.previewed`).
    case preview(PreviewRequest)
}
