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

/// The catalog of cuts, in the order they harm the least. None removes what the user chose: in
/// production or under a compliance profile, Multi-AZ, backups, encryption and capacity for the
/// peak stay, and a cut that takes capacity away (a cache, a replica) sizes the database again for
/// the same peak.
enum BudgetCuts {
    struct Candidate: Sendable {
        var id: String
        var title: String
        var tradeOff: String
        var apply: @Sendable (InfrastructureDesign, DesignInput) -> InfrastructureDesign?
    }

    /// Whether availability choices are the user's to keep: production, or any compliance regime.
    static func keepsAvailability(_ input: DesignInput) -> Bool { input.isProduction || !input.compliance.isEmpty }

    /// Log retention a cut may shorten to, where no audit regime asks for a year.
    static let shortRetentionDays = 90

    static let all: [Candidate] = [
        Candidate(
            id: "s3-endpoint", title: "Route S3 and ECR image pulls through a free gateway endpoint",
            tradeOff: "none to speak of; bucket policies that name the NAT's address must allow the endpoint instead",
            apply: { design, _ in
                guard let network = design.network, network.natGateways > 0, !design.hardening.s3GatewayEndpoint else { return nil }
                var copy = design
                copy.hardening.s3GatewayEndpoint = true
                return copy
            }),
        Candidate(
            id: "single-nat", title: "Share one NAT gateway between the zones",
            tradeOff: "if the NAT gateway's zone fails, tasks in the other zone lose outbound access until it returns",
            apply: { design, _ in
                guard var network = design.network, network.natGateways > 1 else { return nil }
                network.natGateways = 1
                return cut(
                    design, "single-nat", .network(network), "natGateways", "1", "Fit to budget: one shared NAT gateway instead of one per zone.")
            }),
        Candidate(
            id: "endpoints-instead-of-nat", title: "Reach AWS through VPC endpoints instead of NAT gateways",
            tradeOff: "tasks reach only ECR, S3, CloudWatch Logs and Secrets Manager; any call to the internet or another AWS service fails",
            apply: { design, input in
                guard var network = design.network, network.natGateways > 0, network.privateCompute, design.compute?.platform == .fargate,
                    PriceCatalog.aws.price(.interfaceEndpointHour, region: input.options.region) != nil,
                    PriceCatalog.aws.price(.interfaceEndpointGB, region: input.options.region) != nil
                else { return nil }
                network.natGateways = 0
                network.interfaceEndpoints = true
                return cut(
                    design, "endpoints-instead-of-nat", .network(network), "natGateways", "0",
                    "Fit to budget: VPC endpoints for ECR, CloudWatch Logs and Secrets Manager, and the S3 gateway, instead of NAT."
                ) { $0.hardening.s3GatewayEndpoint = true }
            }),
        Candidate(
            id: "shorter-log-retention", title: "Keep logs \(shortRetentionDays) days instead of a year",
            tradeOff: "incidents older than three months can no longer be traced in the logs",
            apply: { design, input in
                guard !input.needsAuditRetention, var monitoring = design.monitoring, monitoring.logRetentionDays > shortRetentionDays else {
                    return nil
                }
                monitoring.logRetentionDays = shortRetentionDays
                return cut(
                    design, "shorter-log-retention", .monitoring(monitoring), "logRetentionDays", "\(shortRetentionDays)",
                    "Fit to budget: no compliance regime asks for a year of logs.")
            }),
        Candidate(
            id: "one-year-commitments", title: "Commit for a year: a Compute Savings Plan and reserved database and cache instances",
            tradeOff: "one-year terms that cannot be cancelled: the baseline is paid for even if the design shrinks",
            apply: { design, _ in
                var copy = design
                copy.hardening.computeSavingsPlan = design.compute != nil
                copy.hardening.reservedDatabase = design.database?.service == .rds
                copy.hardening.reservedCache = design.cache != nil
                return copy.activeHardening.commitments == design.activeHardening.commitments ? nil : copy
            }),
        Candidate(
            id: "drop-replica", title: "Drop the read replicas and size the writer for all reads",
            tradeOff: "one instance takes every read; a replica no longer shields the writer from a heavy report",
            apply: { design, input in
                guard let db = design.database, db.readReplicas > 0 else { return nil }
                return resized(design, input, cacheHits: 0) { $0.readReplicas = 0 }
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
                return cut(design, "public-subnets", .network(network), "natGateways", "0", "Fit to budget: tasks in public subnets, no NAT gateway.")
            }),
        Candidate(
            id: "single-az-cache", title: "Run the cache on one node",
            tradeOff: "a cache node failure empties the cache until a new node starts; the database takes the full load meanwhile",
            apply: { design, input in
                guard !keepsAvailability(input), var cache = design.cache, cache.nodes > 1 else { return nil }
                cache.nodes = 1
                cache.automaticFailover = false
                var copy = design
                copy.update("cache", .cache(cache))
                return copy
            }),
        Candidate(
            id: "single-az-database", title: "Run the database in one availability zone",
            tradeOff: "a zone or instance failure means a restore from backup (an hour or more of downtime) instead of a one-minute failover",
            apply: { design, input in
                guard !keepsAvailability(input), var db = design.database, db.multiAZ, db.service == .rds else { return nil }
                db.multiAZ = false
                return cut(design, "single-az-database", .database(db), "multiAZ", "false", "Fit to budget: a single-AZ instance at half the price.")
            }),
        Candidate(
            id: "drop-cache", title: "Drop the cache and size the database for every read",
            tradeOff: "every read reaches the database; latency at peak rises",
            apply: { design, input in
                guard design.cache != nil else { return nil }
                var copy = design
                copy.remove("cache")
                if var monitoring = copy.monitoring {
                    monitoring.alarms.removeAll { $0 == "cache-cpu" }
                    copy.update("monitoring", .monitoring(monitoring))
                }
                return resized(copy, input, cacheHits: 0) { _ in }
            }),
    ]

    /// The design with one resource's spec replaced, and the decision that says the cut made it.
    static func cut(
        _ design: InfrastructureDesign, _ id: String, _ spec: ResourceSpec, _ setting: String, _ value: String, _ reason: String,
        also: (inout InfrastructureDesign) -> Void = { _ in }
    ) -> InfrastructureDesign {
        var copy = design
        let resource = copy.resources.first { $0.spec.kind == spec.kind }?.id ?? spec.kind.rawValue
        copy.update(resource, spec)
        also(&copy)
        copy.record(Decision(resource: resource, setting: setting, value: value, reason: reason, trace: ["budget cut \(id)"]))
        return copy
    }

    /// The design with its database changed and then sized again for the same peak.
    static func resized(_ design: InfrastructureDesign, _ input: DesignInput, cacheHits: Double, change: (inout DatabaseSpec) -> Void)
        -> InfrastructureDesign?
    {
        guard var db = design.database, db.service != .dynamoDB else { return nil }
        change(&db)
        let sized = DatabaseRules.size(input, cacheHits: cacheHits, storageGB: db.storageGB, service: db.service)
        db.instanceClass = sized.instanceClass
        var copy = design
        copy.update("database", .database(db))
        copy.record(
            Decision(
                resource: "database", setting: "instanceClass", value: sized.instanceClass,
                reason: "Sized again for the same peak after the budget cut.", trace: sized.trace))
        return copy
    }

    /// What no cut may take, for the summary when the design stays over budget.
    static func kept(_ design: InfrastructureDesign, _ input: DesignInput) -> [String] {
        var kept: [String] = []
        if let db = design.database, db.multiAZ, keepsAvailability(input), db.service != .dynamoDB {
            kept.append("the Multi-AZ database (\(input.isProduction ? "production" : input.compliance.map(\.rawValue).joined(separator: ", ")))")
        }
        if let db = design.database, db.backupRetentionDays > 0 {
            kept.append("\(db.backupRetentionDays)-day backups")
        }
        kept.append("encryption at rest")
        kept.append("capacity for the \(Format.number(input.analysis.peakRPS)) rps peak")
        if input.needsAuditRetention {
            kept.append("a year of logs for \(input.compliance.filter { $0 != .gdpr }.map(\.rawValue).joined(separator: ", "))")
        }
        return kept
    }
}
