import Foundation

/// `snapinfra.json`: what a run wrote, so the next run can tell its own files from hand edits and
/// merge with them.
public struct Manifest: Sendable, Hashable, Codable {
    public struct Tool: Sendable, Hashable, Codable {
        public var name = "snapinfra"
        public var version = SnapinfraVersion.current
    }

    public struct Entry: Sendable, Hashable, Codable {
        public var path: String
        /// SHA-256 of the file as Snapinfra generated it.
        public var sha256: String
        public var source: String
        /// Where the generated file is kept for the next three-way merge (absent in manifests of
        /// versions before merging).
        public var base: String?
        /// SHA-256 of the file as written, when hand edits were merged into it.
        public var written: String?
        /// The file was deleted by hand and left deleted.
        public var deletedByHand: Bool?
    }

    public static let fileName = "snapinfra.json"
    /// The folder, inside the output, that keeps each generated file as it was generated: the base
    /// of the next merge. It belongs in git with the output, so any clone can merge.
    public static let baseFolder = ".snapinfra/base"

    public var tool: Tool
    public var project: ProjectFile
    /// The targets rendered (absent in manifests of early versions).
    public var targets: [Target]?
    public var design: InfrastructureDesign
    public var monthlyEstimate: Decimal
    public var appliedEnhancements: [String]
    /// The budget cuts made when the design was fitted to the budget (`f`, `--fit-budget`).
    public var budgetCuts: [String]?
    public var files: [Entry]

    /// The manifest of writing `files`; `plan` says which of them kept hand edits.
    public init(project: ProjectFile, result: DesignResult, files: [RenderedFile], appliedEnhancements: [String] = [], plan: OutputPlan? = nil) {
        tool = Tool()
        self.project = project
        targets = project.options.targets
        design = result.design
        monthlyEstimate = result.estimate.totalMonthly
        self.appliedEnhancements = appliedEnhancements
        if result.budget?.fitted == true { budgetCuts = result.budget?.cuts.map(\.id) }
        let items = Dictionary(plan?.items.map { ($0.path, $0) } ?? [], uniquingKeysWith: { a, _ in a })
        self.files = files.map { file in
            var entry = Entry(path: file.path, sha256: SHA256.hex(file.content), source: file.source, base: Self.basePath(file.path))
            if let item = items[file.path] {
                if let kept = item.writtenWithEdits {
                    entry.written = kept
                } else if item.status == .deletedByHand {
                    entry.deletedByHand = true
                } else if let content = item.content, content != file.content, item.writes || item.status == .unchanged {
                    entry.written = SHA256.hex(content)
                }
            }
            return entry
        }
    }

    /// Where the base of a file is kept, relative to the output folder.
    public static func basePath(_ path: String) -> String { "\(baseFolder)/\(path)" }

    /// How a file of the output stands against what was written.
    public enum FileState: String, Sendable, Hashable, CaseIterable {
        case asWritten = "as written"
        case changedByHand = "changed by hand"
        case missing
        case deletedByHand = "deleted by hand"
    }

    /// Each file's state, given the SHA-256 of each path on disk now.
    public func states(onDisk: [String: String]) -> [(path: String, state: FileState)] {
        files.map { entry in
            guard let hash = onDisk[entry.path] else { return (entry.path, entry.deletedByHand == true ? .deletedByHand : .missing) }
            return (entry.path, hash == entry.sha256 || hash == entry.written ? .asWritten : .changedByHand)
        }
    }
}
