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

/// A size tier: a value and the largest load it is meant for.
struct Tier: Sendable {
    var value: String
    var name: String
    var maxDataGB: Double
    var maxPeakRPS: Double
}

/// Picks the smallest tier whose limits hold the load, and explains why in a trace line.
enum TierChooser {
    static func choose(_ tiers: [Tier], dataGB: Double, peakRPS: Double) -> (index: Int, trace: String) {
        let index = tiers.firstIndex { dataGB <= $0.maxDataGB && peakRPS <= $0.maxPeakRPS } ?? tiers.count - 1
        let tier = tiers[index]
        let usesData = tiers.contains { $0.maxDataGB.isFinite }
        let load =
            usesData ? "\(Format.number(dataGB, digits: 2)) GB of data and \(Format.number(peakRPS)) peak rps" : "\(Format.number(peakRPS)) peak rps"
        if index == 0 {
            return (index, "\(tier.value): \(load) fit the \(tier.name) tier's \(limits(tier))")
        }
        let below = tiers[index - 1]
        var crossed: [String] = []
        if usesData && dataGB > below.maxDataGB { crossed.append("\(Format.number(dataGB, digits: 2)) GB of data") }
        if peakRPS > below.maxPeakRPS { crossed.append("\(Format.number(peakRPS)) peak rps") }
        let verb = crossed.count == 1 ? "exceeds" : "exceed"
        var line = "\(tier.value): \(crossed.joined(separator: " and ")) \(verb) the \(below.name) tier's \(limits(below))"
        if index < tiers.count - 1 { line += " and \(crossed.count == 1 ? "fits" : "fit") the \(tier.name) tier's \(limits(tier))" }
        return (index, line)
    }

    static func limits(_ tier: Tier) -> String {
        let rps = "\(Format.number(tier.maxPeakRPS)) rps"
        return tier.maxDataGB.isFinite ? "\(Format.number(tier.maxDataGB)) GB / \(rps)" : rps
    }
}
