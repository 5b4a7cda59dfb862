/// What every rule reads: the project file and its analysis.
public struct DesignInput: Sendable, Hashable {
    public var file: ProjectFile
    public var analysis: RequirementsAnalysis

    public init(file: ProjectFile, analysis: RequirementsAnalysis) {
        self.file = file
        self.analysis = analysis
    }

    public init(file: ProjectFile) {
        self.init(file: file, analysis: Analyzer.analyze(file))
    }

    var options: Options { file.options }
    var environment: Environment { file.options.environment }
    var scale: Scale { file.options.preferences.scale }
    var cost: CostPreference { file.options.preferences.cost }
    var compliance: [Compliance] { file.options.preferences.compliance }
    var isProduction: Bool { environment == .production }
    /// Compliance regimes that ask for audit-grade retention (SOC 2, HIPAA, PCI DSS).
    var needsAuditRetention: Bool { compliance.contains { $0 != .gdpr } }
}
