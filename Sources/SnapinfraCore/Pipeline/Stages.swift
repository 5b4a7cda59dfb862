/// The stages of the one pipeline, each the input of the next:
/// project file → `Designed` → `Enhanced` (a set of enhancements applied) → `Rendered` → `Validated`.
/// The estimate travels with each design (`DesignResult.estimate`).

/// A project's design, with the analysis, the estimate and who decided.
public struct Designed: Sendable, Hashable {
    public var project: ProjectFile
    public var result: DesignResult
    public var report: AIReport

    public init(project: ProjectFile, result: DesignResult, report: AIReport = .rules) {
        self.project = project
        self.result = result
        self.report = report
    }
}

/// A design with enhancements applied, in the order chosen, and priced again.
public struct Enhanced: Sendable, Hashable {
    public var designed: Designed
    public var applied: [String]
    public var result: DesignResult

    public var project: ProjectFile { designed.project }
}

/// The files for the chosen targets.
public struct Rendered: Sendable, Hashable {
    public var enhanced: Enhanced
    public var targets: [Target]
    public var files: [RenderedFile]
}

/// The files checked: syntax, references, guard rails and structure, and the security score, all
/// from one parse of each Terraform file.
public struct Validated: Sendable, Hashable {
    public var rendered: Rendered
    public var findings: [Diagnostic]
    public var score: SecurityScore

    public var files: [RenderedFile] { rendered.files }
    public var result: DesignResult { rendered.enhanced.result }
    public var hasErrors: Bool { findings.hasErrors }
}

/// Why a stage could not produce its output. Every front end reports it; none falls back silently.
public enum PipelineError: Error, Sendable, Hashable, CustomStringConvertible {
    /// An enhancement set that cannot be applied (unknown, not offered, conflicting, incomplete).
    case enhancement(EnhancementError)
    /// A template that does not render (a team's own templates).
    case template(TemplateError)

    public var description: String {
        switch self {
        case .enhancement(let error): return error.message
        case .template(let error): return error.description
        }
    }
}
