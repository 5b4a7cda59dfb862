import Foundation

/// A change that makes a design cheaper, with the trade-off it costs.
public struct BudgetCut: Sendable, Hashable, Codable {
    public var id: String
    public var title: String
    /// What the user gives up.
    public var tradeOff: String
    /// Monthly saving against the design it was applied to.
    public var monthlySaving: Decimal
}

/// The catalog of cuts, in the order they harm the least: each keeps the scale and compliance
/// choices (capacity for the peak, encryption, backups and retention stay).
enum BudgetCuts {
    struct Candidate: Sendable {
        var id: String
        var title: String
        var tradeOff: String
        var apply: @Sendable (InfrastructureDesign, DesignInput) -> InfrastructureDesign?
    }

    static let all: [Candidate] = [
        Candidate(
            id: "single-nat", title: "Share one NAT gateway between the zones",
            tradeOff: "if the NAT gateway's zone fails, tasks in the other zone lose outbound access until it returns",
            apply: { design, _ in
                guard var network = design.network, network.natGateways > 1 else { return nil }
                network.natGateways = 1
                var copy = design
                copy.update("network", .network(network))
                copy.record(
                    Decision(
                        resource: "network", setting: "natGateways", value: "1",
                        reason: "Fit to budget: one shared NAT gateway instead of one per zone.", trace: ["budget cut single-nat"]))
                return copy
            }),
        Candidate(
            id: "drop-replica", title: "Drop the read replica",
            tradeOff: "all reads go to the primary, which then needs the cache or a larger class at peak",
            apply: { design, _ in
                guard var db = design.database, db.readReplicas > 0 else { return nil }
                db.readReplicas = 0
                var copy = design
                copy.update("database", .database(db))
                return copy
            }),
        Candidate(
            id: "public-subnets", title: "Run tasks in public subnets without NAT",
            tradeOff: "tasks get public IPs (still closed to everything but the load balancer); not allowed in production",
            apply: { design, input in
                guard !input.isProduction, var network = design.network, network.natGateways > 0, design.compute?.platform == .fargate else {
                    return nil
                }
                network.natGateways = 0
                network.privateCompute = false
                var copy = design
                copy.update("network", .network(network))
                copy.record(
                    Decision(
                        resource: "network", setting: "natGateways", value: "0",
                        reason: "Fit to budget: tasks in public subnets, no NAT gateway.", trace: ["budget cut public-subnets"]))
                return copy
            }),
        Candidate(
            id: "single-az-cache", title: "Run the cache on one node",
            tradeOff: "a cache node failure empties the cache until a new node starts; the database takes the full load meanwhile",
            apply: { design, _ in
                guard var cache = design.cache, cache.nodes > 1 else { return nil }
                cache.nodes = 1
                cache.automaticFailover = false
                var copy = design
                copy.update("cache", .cache(cache))
                return copy
            }),
        Candidate(
            id: "single-az-database", title: "Run the database in one availability zone",
            tradeOff: "a zone or instance failure means a restore from backup (an hour or more of downtime) instead of a one-minute failover",
            apply: { design, _ in
                guard var db = design.database, db.multiAZ, db.service == .rds else { return nil }
                db.multiAZ = false
                var copy = design
                copy.update("database", .database(db))
                copy.record(
                    Decision(
                        resource: "database", setting: "multiAZ", value: "false",
                        reason: "Fit to budget: a single-AZ instance at half the price.", trace: ["budget cut single-az-database"]))
                return copy
            }),
        Candidate(
            id: "drop-cache", title: "Drop the cache",
            tradeOff: "every read reaches the database; latency at peak rises",
            apply: { design, _ in
                guard design.cache != nil else { return nil }
                var copy = design
                copy.remove("cache")
                return copy
            }),
    ]
}
