import Foundation

/// Adds a cache in front of the database when reads and load make it pay.
enum CacheRules {
    static let tiers: [Tier] = [
        Tier(value: "cache.t4g.micro", name: "micro", maxDataGB: .infinity, maxPeakRPS: 300),
        Tier(value: "cache.t4g.small", name: "small", maxDataGB: .infinity, maxPeakRPS: 1_000),
        Tier(value: "cache.t4g.medium", name: "medium", maxDataGB: .infinity, maxPeakRPS: 3_000),
        Tier(value: "cache.m6g.large", name: "large", maxDataGB: .infinity, maxPeakRPS: 8_000),
        Tier(value: "cache.r6g.large", name: "memory-optimised large", maxDataGB: .infinity, maxPeakRPS: .infinity),
    ]

    /// Share of cached reads that never reach the database.
    static let hitRate = 0.8

    static func design(_ input: DesignInput, platform: ComputePlatform, into design: inout InfrastructureDesign) {
        let analysis = input.analysis
        let readShare = "\(Format.number(analysis.readShare * 100))% reads"
        let peak = "\(Format.number(analysis.peakRPS)) peak rps"
        var trigger: String?
        let engine = input.file.project.database.type
        if platform == .fargate && engine != .none && engine != .dynamodb {
            if analysis.isReadHeavy && analysis.peakRPS >= 150 {
                trigger = "\(readShare) and \(peak) cross the 70% / 150 rps read-cache threshold"
            } else if input.scale >= .growth && analysis.peakRPS >= 300 {
                trigger = "scale \"\(input.scale.rawValue)\" and \(peak) cross the 300 rps threshold"
            } else if input.cost == .performance && analysis.peakRPS >= 100 {
                trigger = "cost preference \"performance\" and \(peak) cross the 100 rps threshold"
            }
        }
        guard let trigger else {
            design.decisions.append(
                Decision(
                    resource: "cache", setting: "enabled", value: "false",
                    reason: "The database can serve this load directly, so a cache would add cost and a consistency problem for little gain.",
                    trace: ["\(readShare) (\(analysis.readShareBasis)), \(peak): below every cache threshold"]))
            return
        }
        let (index, tierTrace) = TierChooser.choose(tiers, dataGB: 0, peakRPS: analysis.peakRPS)
        let nodeType = tiers[index].value
        let nodes = input.isProduction ? 2 : 1
        design.decisions.append(
            Decision(
                resource: "cache", setting: "enabled", value: "true",
                reason: "A Valkey cache in front of the database absorbs repeated reads, which are most of this API's traffic.",
                trace: [trigger]))
        design.decisions.append(
            Decision(
                resource: "cache", setting: "nodeType", value: "\(nodeType) × \(nodes)",
                reason: nodes == 2
                    ? "Valkey costs 20% less than Redis OSS on the same node; a replica in a second zone takes over automatically."
                    : "Valkey costs 20% less than Redis OSS on the same node; one node is enough outside production.",
                trace: [tierTrace]))
        let spec = CacheSpec(engine: "valkey", engineVersion: "8.0", nodeType: nodeType, nodes: nodes, automaticFailover: nodes > 1, port: 6_379)
        design.resources.append(Resource(id: "cache", spec: .cache(spec), dependsOn: ["network"]))
    }
}
