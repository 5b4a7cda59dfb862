import Foundation

/// Sizes the database: service, engine version, instance class, storage, availability, backups.
enum DatabaseRules {
    static func engineVersion(_ engine: DatabaseEngine) -> String {
        switch engine {
        case .postgres: return "16"
        case .mysql: return "8.0"
        case .mariadb: return "10.11"
        case .mongodb: return "5.0"
        case .dynamodb, .none: return ""
        }
    }

    static func port(_ engine: DatabaseEngine) -> Int {
        switch engine {
        case .postgres: return 5_432
        case .mysql, .mariadb: return 3_306
        case .mongodb: return 27_017
        case .dynamodb, .none: return 0
        }
    }

    static func design(_ input: DesignInput, into design: inout InfrastructureDesign) {
        let engine = input.file.project.database.type
        guard engine != .none else {
            design.decisions.append(
                Decision(
                    resource: "database", setting: "service", value: "none",
                    reason: "The project sets database.type to \"none\", so no database is built.",
                    trace: ["database.type = none"]))
            return
        }
        if engine == .dynamodb {
            DynamoDBRules.design(input, into: &design)
            return
        }
        let service: DatabaseService = engine == .mongodb ? .documentDB : .rds
        let storage = storageGB(input.analysis, service: service)
        let hits = design.cache == nil ? 0 : DatabaseSizing.cacheHitRate
        let sized = size(input, cacheHits: hits, storageGB: storage.gb, service: service)
        var traces = sized.trace
        if hits > 0 {
            traces.insert(
                "\(Int(hits * 100))% of reads are served by the cache, so the database takes \(Format.number(input.analysis.peakRPS * (1 - input.analysis.readShare * hits))) of \(Format.number(input.analysis.peakRPS)) peak rps",
                at: 0)
        }
        let replicas = readReplicas(input, design: design, service: service, storageGB: storage.gb)
        let instanceClass = replicas.count > 0 ? replicas.writer : sized.instanceClass
        // With readers, the writer's trace is its share of the load against its own class.
        if replicas.count > 0 { traces = replicas.writerTrace + replicas.trace }
        let engineName = service == .documentDB ? "Amazon DocumentDB (MongoDB-compatible)" : "RDS for \(engine.rawValue)"
        design.decisions.append(
            Decision(
                resource: "database", setting: "service", value: service.rawValue,
                reason: service == .documentDB
                    ? "MongoDB runs as Amazon DocumentDB, the managed MongoDB-compatible service, so no cluster has to be operated by hand."
                    : "\(engineName) gives managed backups, patching and failover for the \(engine.rawValue) engine the project asks for.",
                trace: ["database.type = \(engine.rawValue)"]))
        design.decisions.append(
            Decision(
                resource: "database", setting: "instanceClass", value: instanceClass,
                reason: sized.fits
                    ? "\(instanceClass) is the cheapest Graviton class that holds the peak's CPU, the working set's memory and the connections."
                    : "\(instanceClass) is the largest class the catalog prices, and it does not hold the peak: the data must be split.",
                trace: traces))
        design.decisions.append(
            Decision(
                resource: "database", setting: "storage",
                value: service == .documentDB
                    ? "\(Format.number(Double(storage.gb))) GB"
                    : "\(Format.number(Double(storage.gb))) GB gp3, autoscaling to \(Format.number(Double(storage.max))) GB",
                reason: service == .documentDB
                    ? "DocumentDB's cluster volume grows by itself and is billed per GB used; the estimate prices the data expected in 3 months."
                    : "Three months of data with headroom, growing by itself up to two years' worth; gp3 gives \(Format.number(DatabaseSizing.baselineIOPS(storageGB: storage.gb))) IOPS at this size for the gp2 price.",
                trace: storage.trace))

        let multiAZ = input.isProduction
        design.decisions.append(
            Decision(
                resource: "database", setting: "multiAZ", value: multiAZ ? "true" : "false",
                reason: multiAZ
                    ? (service == .documentDB
                        ? "A second instance in another availability zone takes over in about a minute if the primary fails."
                        : "A standby in a second availability zone takes over in about a minute if the primary fails.")
                    : "Outside production a single-AZ instance halves the database price; a failure means a restore, not an outage for users.",
                trace: ["environment = \(input.environment.rawValue)"]))

        let retention = backupRetention(input)
        design.decisions.append(
            Decision(
                resource: "database", setting: "backupRetentionDays", value: "\(retention.days)",
                reason: retention.reason, trace: [retention.trace]))
        if let note = retentionNote(input) {
            design.decisions.append(note)
        }
        if service == .rds, let alternative = AuroraComparison.decision(input, rdsClass: instanceClass, storageGB: storage.gb, multiAZ: multiAZ) {
            design.decisions.append(alternative)
        }
        if replicas.count > 0 {
            design.decisions.append(
                Decision(
                    resource: "database", setting: "readReplicas", value: "\(replicas.count)",
                    reason: "Readers take the reads for less than a writer large enough to serve them too.", trace: replicas.trace))
        }

        let spec = DatabaseSpec(
            service: service, engine: engine, engineVersion: engineVersion(engine), instanceClass: instanceClass,
            storageGB: storage.gb, storageType: service == .documentDB ? "docdb" : "gp3", multiAZ: multiAZ, backupRetentionDays: retention.days,
            deletionProtection: input.isProduction, storageEncrypted: true, readReplicas: replicas.count,
            port: port(engine), tables: [], maxStorageGB: service == .documentDB ? nil : storage.max)
        design.resources.append(Resource(id: "database", spec: .database(spec), dependsOn: design.network == nil ? [] : ["network"]))
        if service == .rds {
            design.resources.append(
                Resource(
                    id: "database_secret", spec: .secret(SecretSpec(purpose: "database master password", managedByService: true)),
                    dependsOn: ["database"]))
            design.decisions.append(
                Decision(
                    resource: "database_secret", setting: "management", value: "managed by RDS",
                    reason:
                        "RDS creates and rotates the master password in Secrets Manager, so no password appears in code, variables or state outputs.",
                    trace: ["database.service = rds"]))
        }
    }

    /// The classes a project may use: none below the floors its environment and scale set.
    static func floor(_ input: DesignInput) -> (InstanceClass) -> Bool {
        { c in
            if input.isProduction && c.value == "db.t4g.micro" { return false }
            // Sustained load at growth scale in production outlasts a burstable class's credits.
            if (input.scale == .enterprise || (input.scale == .growth && input.isProduction)) && c.isBurstable { return false }
            if input.scale >= .growth && c.memoryGB < 4 { return false }
            return true
        }
    }

    /// Application connections at peak: a pool per task (about one task per vCPU at peak), or one
    /// per concurrent function.
    static func connections(_ input: DesignInput) -> Int {
        let a = input.analysis
        let vcpu = a.peakRPS * a.appCPUMSPerRequest / 1_000 / ComputeRules.targetUtilisation
        return max(20, Int(vcpu.rounded(.up)) * DatabaseSizing.poolPerTask)
    }

    static func size(_ input: DesignInput, cacheHits: Double, storageGB: Int, service: DatabaseService)
        -> (instanceClass: String, fits: Bool, trace: [String], hourly: Decimal)
    {
        let classes = service == .rds ? DatabaseSizing.rdsClasses : DatabaseSizing.documentDBClasses
        let load = DatabaseSizing.load(input, cacheHits: cacheHits, connections: connections(input))
        let engine = input.file.project.database.type
        var (chosen, fits) = DatabaseSizing.choose(classes, load: load, floor: floor(input), engine: engine, region: input.options.region)
        var bump: String?
        if input.cost == .performance, fits, let index = classes.firstIndex(where: { $0.value == chosen.value }), index < classes.count - 1 {
            bump = "\(classes[index + 1].value): one class up from \(chosen.value) for cost preference \"performance\""
            chosen = classes[index + 1]
        }
        var trace = DatabaseSizing.trace(chosen, load, fits: fits)
        if let bump { trace.append(bump) }
        let hourly = DatabaseSizing.hourly(chosen, engine: DatabaseSizing.pricingEngine(engine), region: input.options.region)
        return (chosen.value, fits, trace, hourly)
    }

    /// The database's hourly price without and with a cache in front, for the cache decision.
    static func cacheComparison(_ input: DesignInput, design: InfrastructureDesign)
        -> (without: Decimal, withoutClass: String, with: Decimal, withClass: String)
    {
        let storage = storageGB(input.analysis, service: .rds).gb
        let instances = Decimal(input.isProduction ? 2 : 1)
        let without = size(input, cacheHits: 0, storageGB: storage, service: .rds)
        let with = size(input, cacheHits: DatabaseSizing.cacheHitRate, storageGB: storage, service: .rds)
        return (without.hourly * instances, without.instanceClass, with.hourly * instances, with.instanceClass)
    }

    /// Storage for the data of the next three months with a quarter free, and an autoscaling
    /// ceiling for two years of it.
    static func storageGB(_ analysis: RequirementsAnalysis, service: DatabaseService) -> (gb: Int, max: Int, trace: [String]) {
        let needed = analysis.dataSizeIn3MonthsGB * storageHeadroom
        let gb = min(65_536, max(20, Int((needed / 10).rounded(.up)) * 10))
        let later = analysis.dataSizeIn24MonthsGB * storageHeadroom
        let ceiling = min(65_536, max(gb * 2, Int((later / 10).rounded(.up)) * 10))
        var trace = [
            "\(Format.number(analysis.dataSizeGB, digits: 2)) GB now + 3 months at \(Format.number(analysis.dataGrowthGBPerMonth, digits: 2)) GB a month = \(Format.number(analysis.dataSizeIn3MonthsGB, digits: 2)) GB × \(Format.number(storageHeadroom, digits: 2)) headroom = \(Format.number(needed, digits: 2)) GB"
                + (needed < 20 ? ", under the 20 GB minimum" : "") + " → \(Format.number(Double(gb))) GB"
        ]
        if service == .rds {
            trace.append(
                "autoscaling ceiling: \(Format.number(analysis.dataSizeIn24MonthsGB, digits: 2)) GB in 24 months × \(Format.number(storageHeadroom, digits: 2)) = \(Format.number(later, digits: 2)) GB, at least twice the start → \(Format.number(Double(ceiling))) GB"
            )
        }
        return (gb, ceiling, trace)
    }

    /// Free space kept on the volume (the free-storage alarm fires at 10% free).
    static let storageHeadroom = 1.25

    /// How old rows leave a SQL database when tables declare `retentionDays`.
    static func retentionNote(_ input: DesignInput) -> Decision? {
        let tables = input.file.project.schema.filter { $0.retentionDays != nil }
        guard !tables.isEmpty else { return nil }
        let list = tables.map { "\($0.name) \($0.retentionDays ?? 0) days" }.joined(separator: ", ")
        return Decision(
            resource: "database", setting: "retention", value: list,
            reason:
                "Growth stops at each table's horizon: partition these tables by day or month (pg_partman, or MySQL RANGE partitions) and drop the partitions past it, or archive them to S3 first.",
            trace: tables.map { "\($0.name).retentionDays = \($0.retentionDays ?? 0)" })
    }

    static func backupRetention(_ input: DesignInput) -> (days: Int, reason: String, trace: String) {
        switch input.environment {
        case .development:
            return (1, "One day of automated backups is enough to undo a bad migration during development.", "environment = development")
        case .staging:
            return (7, "A week of backups lets staging be reset to any recent day.", "environment = staging")
        case .production:
            if input.needsAuditRetention {
                let regimes = input.compliance.filter { $0 != .gdpr }.map(\.rawValue).joined(separator: ", ")
                return (
                    35, "35 days, the RDS maximum, keeps a month of restore points for the audit trail that \(regimes) expects.",
                    "environment = production and compliance includes \(regimes)"
                )
            }
            return (14, "Two weeks of point-in-time recovery covers problems found after a release cycle.", "environment = production")
        }
    }

    /// Readers for a read-heavy production load whose writer would otherwise need a class above
    /// the large size: the cheapest of one writer alone, a writer and one reader, or two, each
    /// sized for the writes plus its share of the reads. None with a cache in front.
    static func readReplicas(_ input: DesignInput, design: InfrastructureDesign, service: DatabaseService, storageGB: Int)
        -> (count: Int, writer: String, writerTrace: [String], trace: [String])
    {
        guard service == .rds, input.isProduction, design.cache == nil else { return (0, "", [], []) }
        let load = DatabaseSizing.load(input, cacheHits: 0, connections: connections(input))
        guard load.readShareOfCPU >= 0.7, load.peakVCPU > 2 else { return (0, "", [], []) }
        let engine = input.file.project.database.type
        let region = input.options.region
        var best: (count: Int, writer: String, monthly: Decimal, fits: Bool, trace: [String])?
        var lines: [String] = []
        for readers in 0...2 {
            var share = load
            share.peakVCPU = load.peakVCPU * (1 - load.readShareOfCPU) + load.peakVCPU * load.readShareOfCPU / Double(readers + 1)
            share.averageVCPU = load.averageVCPU * (1 - load.readShareOfCPU) + load.averageVCPU * load.readShareOfCPU / Double(readers + 1)
            let (c, fits) = DatabaseSizing.choose(DatabaseSizing.rdsClasses, load: share, floor: floor(input), engine: engine, region: region)
            let hourly = DatabaseSizing.hourly(c, engine: DatabaseSizing.pricingEngine(engine), region: region)
            let monthly = hourly * Decimal(2 + readers) * 730
            lines.append(
                "\(readers) reader\(readers == 1 ? "" : "s"): \(c.value) × \(2 + readers) instances (Multi-AZ writer) = \(Format.money(monthly)) a month"
            )
            if best == nil || (fits && (!(best?.fits ?? false) || monthly < (best?.monthly ?? 0))) {
                best = (readers, c.value, monthly, fits, DatabaseSizing.trace(c, share, fits: fits))
            }
        }
        guard let best, best.count > 0 else { return (0, "", [], []) }
        return (best.count, best.writer, best.trace, ["\(Int(load.readShareOfCPU * 100))% of the database CPU is reads"] + lines)
    }
}
