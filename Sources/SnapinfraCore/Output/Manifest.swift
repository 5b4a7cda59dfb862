import Foundation

/// `snapinfra.json`: what a run wrote, so the next run can tell its own files from hand edits.
public struct Manifest: Sendable, Hashable, Codable {
    public struct Tool: Sendable, Hashable, Codable {
        public var name = "snapinfra"
        public var version = SnapinfraVersion.current
    }

    public struct Entry: Sendable, Hashable, Codable {
        public var path: String
        public var sha256: String
        public var source: String
    }

    public static let fileName = "snapinfra.json"

    public var tool: Tool
    public var project: ProjectFile
    public var design: InfrastructureDesign
    public var monthlyEstimate: Decimal
    public var appliedEnhancements: [String]
    public var files: [Entry]

    public init(project: ProjectFile, result: DesignResult, files: [RenderedFile], appliedEnhancements: [String] = []) {
        tool = Tool()
        self.project = project
        design = result.design
        monthlyEstimate = result.estimate.totalMonthly
        self.appliedEnhancements = appliedEnhancements
        self.files = files.map { Entry(path: $0.path, sha256: SHA256.hex($0.content), source: $0.source) }
    }
}
