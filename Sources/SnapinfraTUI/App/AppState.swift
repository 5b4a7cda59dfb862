import SnapinfraCore

/// The screens of the terminal UI.
public enum Screen: String, Sendable, Hashable, CaseIterable {
    case start, design, files, enhancements, write

    public var title: String {
        switch self {
        case .start: return "Start"
        case .design: return "Design"
        case .files: return "Files"
        case .enhancements: return "Enhance"
        case .write: return "Write"
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
    public var showHelp = false
    public var project: ProjectFile?
    public var result: DesignResult?
    public var files: [RenderedFile] = []
    public var validation: [Diagnostic] = []
    /// The security score of the files now shown.
    public private(set) var securityScore: SecurityScore?
    public var examples: [ExampleProject] = []
    public var startSelection = 0
    public var designScroll = 0
    public var fileSelection = 0
    public var previewScroll = 0
    public var focusPreview = false
    /// The text being typed after `/`, while searching.
    public var searchDraft: String?
    public var searchQuery = ""
    public var message: String?
    /// The write screen: folder, the plan for it, and what happened.
    public var outputFolder = ""
    public var editingFolder = false
    public var plan: [PlannedFile]?
    public var confirmOverwrite = false
    public var writtenTo: String?
    /// The design screen's lines, laid out for the current width (kept so a key press does not
    /// lay the whole report out again).
    public private(set) var designLines: [StyledLine] = []
    /// The design before enhancements, the suggestions for it, and the ones switched on (in order).
    public private(set) var baseResult: DesignResult?
    public private(set) var suggestions: [Enhancement] = []
    public var applied: [String] = []
    public var undoStack: [[String]] = []
    public var enhancementSelection = 0
    /// The diff the selected suggestion's toggle makes to the files, kept between frames.
    public private(set) var detailDiff: [String] = []
    public var detailScroll = 0

    /// A UI on the start screen, offering the given examples.
    public init(examples: [ExampleProject], width: Int, height: Int) {
        screen = .start
        self.examples = examples
        self.width = width
        self.height = height
    }

    /// A UI with a project loaded, on the design screen.
    public init(project: ProjectFile, width: Int, height: Int) {
        screen = .design
        self.width = width
        self.height = height
        load(project)
    }

    /// Designs and renders a project; the UI shows the result at once.
    mutating func load(_ project: ProjectFile) {
        self.project = project
        if outputFolder.isEmpty { outputFolder = "out/" + Naming.slug(project.project.name) }
        let base = DesignEngine().run(project)
        baseResult = base
        suggestions = project.options.enableAIEnhancements ? EnhancementEngine().suggestions(for: base, file: project) : []
        applied = applied.filter { id in suggestions.contains { $0.id == id } }
        enhancementSelection = min(enhancementSelection, max(0, suggestions.count - 1))
        rebuild()
    }

    /// Applies the switched-on enhancements to the base design and renders and validates again.
    mutating func rebuild() {
        guard let project, let base = baseResult else { return }
        plan = nil
        writtenTo = nil
        let result = (try? EnhancementEngine().apply(applied, to: base, file: project)) ?? base
        self.result = result
        files = render(result)
        validation = files.isEmpty ? [.error("", "the templates could not be rendered")] : OutputValidator().validate(files)
        securityScore = files.isEmpty ? nil : SecurityScore(files: files)
        fileSelection = min(fileSelection, max(0, files.count - 1))
        layOut()
        // The diff costs a second render; only the enhancements screen shows it.
        if screen == .enhancements { refreshDiff() } else { detailDiff = [] }
    }

    private func render(_ result: DesignResult) -> [RenderedFile] {
        (try? Renderer().render(result, targets: project?.options.targets.filter(\.isAvailable) ?? [])) ?? []
    }

    /// The diff of toggling the selected suggestion, against the files now.
    mutating func refreshDiff() {
        detailScroll = 0
        guard let project, let base = baseResult, suggestions.indices.contains(enhancementSelection) else {
            detailDiff = []
            return
        }
        let id = suggestions[enhancementSelection].id
        let toggled = applied.contains(id) ? applied.filter { $0 != id } : applied + [id]
        guard let other = try? EnhancementEngine().apply(toggled, to: base, file: project) else {
            detailDiff = ["(cannot apply this combination)"]
            return
        }
        let otherFiles = render(other)
        detailDiff = applied.contains(id) ? LineDiff.unified(from: otherFiles, to: files) : LineDiff.unified(from: files, to: otherFiles)
    }

    /// Lays the design report out again for the current width.
    mutating func layOut() {
        designLines = result.map { DesignLines.make($0, width: max(20, width - 2)) } ?? []
    }

    /// Problems of one rendered file.
    public func problems(of path: String) -> [Diagnostic] {
        validation.filter { $0.path == path }
    }
}
