import Foundation
import SnapinfraCore

/// Project entry, step by step: the project being typed, where the user is, and what validation
/// says about it (in the words of `snapinfra validate`).
public struct Wizard: Sendable, Hashable {
    public enum Step: String, Sendable, Hashable, CaseIterable {
        case basics, database, endpoints, traffic, preferences, targets

        public var title: String {
            switch self {
            case .basics: return "Basics"
            case .database: return "Database and tables"
            case .endpoints: return "Endpoints"
            case .traffic: return "Traffic"
            case .preferences: return "Preferences, compliance and budget"
            case .targets: return "Targets"
            }
        }
    }

    /// A page inside a step: a table's fields, one field, one endpoint.
    public enum Page: Sendable, Hashable {
        case step
        case table(Int)
        case field(table: Int, field: Int)
        case endpoint(Int)
    }

    public var project: ProjectFile
    public var step: Step
    public var page: Page = .step
    /// The selected row of the page.
    public var row = 0
    /// The text of the selected row while it is a text or number field.
    public var field: TextField?
    /// What `validate` says about the project now.
    public private(set) var diagnostics: [Diagnostic] = []
    /// The monthly estimate of the project as it stands, when it is valid.
    public private(set) var estimate: Decimal?
    /// The warnings of the import this project came from (`schema.sql:41:17: warning: …`), shown on
    /// the first step.
    public var importNotes: [String] = []
    /// Where Esc on the first step goes: back to the review screens (editing a loaded project) or
    /// to the start screen.
    public var fromReview: Bool

    public init(project: ProjectFile, step: Step = .basics, fromReview: Bool = false) {
        self.project = project
        self.step = step
        self.fromReview = fromReview
        revalidate()
    }

    /// A blank project: what "New project" starts from.
    public static var blank: ProjectFile {
        ProjectFile(project: Project(name: ""))
    }

    /// The row `x` was pressed on once: a second `x` there removes it, any other key keeps it.
    var pendingRemoval: WizardAction?

    /// The project changed since `diagnostics` and `estimate` were worked out; the runner checks
    /// it off the input loop (`Effect.checkWizard`), so a keystroke never waits for it.
    public private(set) var stale = false

    /// Validates the project now, as `snapinfra validate` would read it from a file.
    public mutating func revalidate() {
        install(Self.check(project), for: project)
    }

    /// Marks the project changed; the check follows.
    mutating func invalidate() { stale = true }

    /// Takes a check's result if it is for the project as it is now.
    public mutating func install(_ check: WizardCheck, for checked: ProjectFile) {
        guard checked == project else { return }
        diagnostics = check.diagnostics
        estimate = check.estimate
        stale = false
    }

    /// What `validate` says of a project (written as JSON and loaded, so the messages are the same
    /// words) and its monthly estimate when it is valid. Pure; safe on any thread.
    public static func check(_ project: ProjectFile) -> WizardCheck {
        let text = ProjectWriter.text(project, format: .json)
        let diagnostics = ProjectLoader().load(Array(text.utf8), format: .json).diagnostics.map {
            var plain = $0
            plain.position = nil
            return plain
        }
        let valid = !diagnostics.contains { $0.severity == .error }
        return WizardCheck(diagnostics: diagnostics, estimate: valid ? DesignEngine().run(project).estimate.totalMonthly : nil)
    }

    /// Puts the cursor back where a draft says it was, where that page still exists.
    public mutating func restore(page name: String?, table: Int?, field: Int?, endpoint: Int?, row: Int?) {
        let tables = project.project.schema
        switch name {
        case "table" where table.map(tables.indices.contains) == true:
            page = .table(table ?? 0)
        case "field" where table.map(tables.indices.contains) == true && field.map(tables[table ?? 0].fields.indices.contains) == true:
            page = .field(table: table ?? 0, field: field ?? 0)
        case "endpoint" where endpoint.map(project.project.endpoints.indices.contains) == true:
            page = .endpoint(endpoint ?? 0)
        default:
            page = .step
        }
        self.row = min(max(0, row ?? 0), max(0, rows.count - 1))
    }

    public var stepNumber: Int { (Step.allCases.firstIndex(of: step) ?? 0) + 1 }

    /// The first problem at a path (or, for a list row, under it).
    public func problem(at path: String, under: Bool = false) -> Diagnostic? {
        diagnostics.first { $0.path == path && $0.severity == .error }
            ?? diagnostics.first { $0.path == path }
            ?? (under ? diagnostics.first { $0.path.hasPrefix(path + ".") || $0.path.hasPrefix(path + "[") } : nil)
    }

    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
}

/// The wizard's live validation and estimate, worked out for one version of the project.
public struct WizardCheck: Sendable, Hashable {
    public var diagnostics: [Diagnostic]
    public var estimate: Decimal?
}
