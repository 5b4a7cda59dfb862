extension EnhancementCatalog {
    static let performance: [EnhancementRule] = [
        EnhancementRule(
            id: "rds-performance-insights", title: "Enable RDS Performance Insights", category: .performance, severity: .medium,
            rationale: "Shows which queries load the database; the 7-day retention used here is free.",
            controls: [Controls.performanceInsights],
            trigger: { design, _ in
                guard let db = design.database, db.service == .rds, !design.hardening.performanceInsights else { return nil }
                // RDS for MySQL and MariaDB do not offer it on the smallest burstable classes; PostgreSQL does.
                guard let instanceClass = db.instanceClass else { return nil }
                if db.engine != .postgres, ["db.t3.micro", "db.t3.small", "db.t4g.micro", "db.t4g.small"].contains(instanceClass) { return nil }
                return "\(instanceClass) without Performance Insights"
            },
            apply: { design, _ in design.hardening.performanceInsights = true }),
        EnhancementRule(
            id: "rds-read-replica", title: "Add a read replica", category: .performance, severity: .medium,
            rationale: "Reads move to a second instance, so the primary keeps its capacity for writes; the application reads DATABASE_READ_HOSTS.",
            conflicts: ["cache-in-front"],
            trigger: { design, input in
                guard let db = design.database, db.service == .rds, db.readReplicas == 0, input.environment != .development,
                    input.analysis.isReadHeavy
                else { return nil }
                return "\(Format.number(input.analysis.readShare * 100))% reads all go to the primary"
            },
            apply: { design, _ in design.editDatabase { $0.readReplicas = 1 } }),
        EnhancementRule(
            id: "cache-in-front", title: "Put a Valkey cache in front of the database", category: .performance, severity: .medium,
            rationale: "Repeated reads come from memory in well under a millisecond and never reach the database.",
            conflicts: ["rds-read-replica"],
            trigger: { design, input in
                guard design.cache == nil, design.compute?.platform == .fargate, let db = design.database, db.service != .dynamoDB,
                    input.analysis.isReadHeavy
                else { return nil }
                return "\(Format.number(input.analysis.readShare * 100))% reads and no cache"
            },
            apply: { design, input in addCache(&design, input) }),
        EnhancementRule(
            id: "ecs-scale-on-requests", title: "Scale on requests per task as well as CPU", category: .performance, severity: .low,
            rationale: "Handlers that wait on the database saturate on requests long before CPU; a second target tracks them.",
            trigger: { design, _ in
                design.compute?.platform == .fargate && design.entryPoint?.kind == .applicationLoadBalancer && !design.hardening.scaleOnRequests
                    ? "tasks scale on CPU only" : nil
            },
            apply: { design, _ in design.hardening.scaleOnRequests = true }),
    ]

    static let reliability: [EnhancementRule] = [
        EnhancementRule(
            id: "rds-multi-az", title: "Run the database Multi-AZ", category: .reliability, severity: .high,
            rationale: "A standby in a second zone takes over in about a minute when the primary or its zone fails.",
            controls: [Controls.multiAZ],
            trigger: { design, input in
                guard let db = design.database, db.service == .rds, !db.multiAZ else { return nil }
                return "single-AZ database in \(input.environment.rawValue)"
            },
            apply: { design, _ in design.editDatabase { $0.multiAZ = true } }),
        EnhancementRule(
            id: "rds-backup-35-days", title: "Keep 35 days of database backups", category: .reliability, severity: .medium,
            rationale: "Problems found weeks later (a bad migration, silent corruption) can still be rolled back.",
            trigger: { design, _ in
                guard let db = design.database, db.service != .dynamoDB, db.backupRetentionDays < 35 else { return nil }
                return "backups are kept \(Plural.count(db.backupRetentionDays, "day"))"
            },
            apply: { design, _ in design.editDatabase { $0.backupRetentionDays = 35 } }),
        EnhancementRule(
            id: "rds-deletion-protection", title: "Protect the database from deletion", category: .reliability, severity: .medium,
            rationale: "A mistaken destroy or a wrong workspace cannot drop the database while protection is on.",
            controls: [Controls.deletionProtection],
            trigger: { design, _ in
                guard let db = design.database, db.service != .dynamoDB, !db.deletionProtection else { return nil }
                return "deletion protection is off"
            },
            apply: { design, _ in design.editDatabase { $0.deletionProtection = true } }),
        EnhancementRule(
            id: "cache-replica", title: "Add a cache replica with automatic failover", category: .reliability, severity: .low,
            rationale: "A replica in a second zone keeps the cache warm through a node failure.",
            trigger: { design, _ in
                guard let cache = design.cache, cache.nodes < 2 else { return nil }
                return "the cache runs on one node"
            },
            apply: { design, _ in
                guard var cache = design.cache else { return }
                cache.nodes = 2
                cache.automaticFailover = true
                design.update("cache", .cache(cache))
            }),
        EnhancementRule(
            id: "lambda-reserved-concurrency", title: "Cap the function's concurrency", category: .reliability, severity: .medium,
            rationale: "A burst queues at the API instead of opening more database connections than the instance accepts.",
            needsInput: "an account concurrency quota that leaves 100 unreserved (new accounts may have 10 in all)",
            controls: [Controls.functionConcurrency],
            trigger: { design, _ in
                guard design.compute?.platform == .lambda, design.hardening.functionConcurrencyLimit == nil else { return nil }
                return "the function may scale to the account's whole concurrency"
            },
            apply: { design, input in design.hardening.functionConcurrencyLimit = concurrencyLimit(design, input) }),
    ]

    /// Three times the concurrency the peak needs, at least 10.
    static func concurrencyLimit(_ design: InfrastructureDesign, _ input: DesignInput) -> Int {
        let seconds = Double(design.compute?.assumedDurationMS ?? 200) / 1_000
        return max(10, Int((input.analysis.peakRPS * seconds * 3).rounded(.up)))
    }

    /// A cache sized like the rules size one, with its CPU alarm where the design has alarms.
    static func addCache(_ design: inout InfrastructureDesign, _ input: DesignInput) {
        let cachedGB = input.analysis.dataSizeIn3MonthsGB * CacheRules.cachedFraction
        let reads = input.analysis.peakRPS * input.analysis.readShare
        let node = CacheRules.node(gb: cachedGB, ops: reads)
        let trace =
            "\(Format.number(cachedGB, digits: 2)) GB cached and \(Format.number(reads)) reads per second at peak fit \(node.value)'s \(Format.number(node.memoryGB, digits: 2)) GB"
        let nodes = input.isProduction ? 2 : 1
        let spec = CacheSpec(
            engine: "valkey", engineVersion: "8.0", nodeType: node.value, nodes: nodes, automaticFailover: nodes > 1, port: 6_379)
        design.resources.append(Resource(id: "cache", spec: .cache(spec), dependsOn: ["network"]))
        design.record(
            Decision(
                resource: "cache", setting: "nodeType", value: "\(spec.nodeType) × \(nodes)", reason: "Sized for the hot data and the reads at peak.",
                trace: [trace]))
        if var monitoring = design.monitoring, input.isProduction, !monitoring.alarms.isEmpty {
            monitoring.alarms.append("cache-cpu")
            design.update("monitoring", .monitoring(monitoring))
        }
    }
}
