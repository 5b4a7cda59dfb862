import Foundation

/// A cache node type and what it holds.
struct CacheNode: Sendable {
    var value: String
    /// Memory for data, GB (ElastiCache keeps 25% back by default).
    var memoryGB: Double
    /// Small-object operations per second one node serves with room to spare.
    var opsPerSecond: Double
}

/// Adds a cache in front of the database when it pays for itself: when the database it lets the
/// design run costs less, by at least the cache's own price, than the database without it.
enum CacheRules {
    static let nodes: [CacheNode] = [
        CacheNode(value: "cache.t4g.micro", memoryGB: 0.5 * 0.75, opsPerSecond: 20_000),
        CacheNode(value: "cache.t4g.small", memoryGB: 1.37 * 0.75, opsPerSecond: 40_000),
        CacheNode(value: "cache.t4g.medium", memoryGB: 3.09 * 0.75, opsPerSecond: 60_000),
        CacheNode(value: "cache.m6g.large", memoryGB: 6.38 * 0.75, opsPerSecond: 100_000),
        CacheNode(value: "cache.r6g.large", memoryGB: 13.07 * 0.75, opsPerSecond: 100_000),
    ]
    /// Share of the data a read cache keeps: the hot objects of the hot set.
    static let cachedFraction = 0.05

    /// The node type for a cached set of `gb` and `ops` operations per second.
    static func node(gb: Double, ops: Double) -> CacheNode {
        nodes.first { $0.memoryGB >= gb && $0.opsPerSecond >= ops } ?? nodes[nodes.count - 1]
    }

    static func design(_ input: DesignInput, platform: ComputePlatform, into design: inout InfrastructureDesign) {
        let analysis = input.analysis
        let engine = input.file.project.database.type
        let reads = analysis.peakRPS * analysis.readShare
        guard platform.runsContainers, engine != .none, engine != .dynamodb, reads > 0 else {
            design.decisions.append(
                Decision(
                    resource: "cache", setting: "enabled", value: "false",
                    reason: platform == .lambda
                        ? "Functions keep no warm connections to a cache, and this traffic does not need one."
                        : "There is no relational database whose reads a cache could take.",
                    trace: ["compute = \(platform.rawValue)", "database.type = \(engine.rawValue)"]))
            return
        }
        let comparison = DatabaseRules.cacheComparison(input, design: design)
        let cachedGB = analysis.dataSizeIn3MonthsGB * cachedFraction
        let node = node(gb: cachedGB, ops: reads)
        let count = input.isProduction ? 2 : 1
        let region = input.options.region
        let cacheHourly =
            (PriceCatalog.aws.price(.elastiCacheNode(engine: "valkey", nodeType: node.value), region: region)?.usd ?? 0) * Decimal(count)
        let month = Decimal(730)
        let saving = (comparison.without - comparison.with) * month
        let cost = cacheHourly * month
        var trace = [
            "database without a cache: \(comparison.withoutClass) at \(Format.money(comparison.without * month)) a month; with \(Int(DatabaseSizing.cacheHitRate * 100))% of reads served from cache: \(comparison.withClass) at \(Format.money(comparison.with * month))",
            "\(count) × \(node.value) costs \(Format.money(cost)) a month against a \(Format.money(saving)) saving on the database",
        ]
        let pays = saving >= cost
        let wanted = input.cost == .performance && reads >= 100
        if wanted && !pays {
            trace.append("cost preference \"performance\" and \(Format.number(reads)) reads per second at peak: sub-millisecond reads")
        }
        guard pays || wanted else {
            design.decisions.append(
                Decision(
                    resource: "cache", setting: "enabled", value: "false",
                    reason: "A cache would cost more than the database capacity it saves, so reads go to the database directly.",
                    trace: trace))
            return
        }
        design.decisions.append(
            Decision(
                resource: "cache", setting: "enabled", value: "true",
                reason: pays
                    ? "A Valkey cache in front of the database costs less than the larger database it replaces."
                    : "A Valkey cache serves repeated reads in well under a millisecond, as the performance preference asks.",
                trace: trace))
        design.decisions.append(
            Decision(
                resource: "cache", setting: "nodeType", value: "\(node.value) × \(count)",
                reason: count == 2
                    ? "Valkey costs 20% less than Redis OSS on the same node; a replica in a second zone takes over automatically."
                    : "Valkey costs 20% less than Redis OSS on the same node; one node is enough outside production.",
                trace: [
                    "\(Format.number(cachedGB, digits: 2)) GB cached (\(Int(cachedFraction * 100))% of the data in 3 months) and \(Format.number(reads)) reads per second at peak"
                        + (node.memoryGB >= cachedGB && node.opsPerSecond >= reads
                            ? " fit \(node.value)'s \(Format.number(node.memoryGB, digits: 2)) GB and \(Format.number(node.opsPerSecond)) operations per second"
                            : " exceed \(node.value), the largest node sized here (\(Format.number(node.memoryGB, digits: 2)) GB): it keeps the hottest part and evicts the rest")
                ]))
        let spec = CacheSpec(engine: "valkey", engineVersion: "8.0", nodeType: node.value, nodes: count, automaticFailover: count > 1, port: 6_379)
        design.resources.append(Resource(id: "cache", spec: .cache(spec), dependsOn: ["network"]))
    }
}
