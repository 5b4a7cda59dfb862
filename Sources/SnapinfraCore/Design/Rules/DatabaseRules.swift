import Foundation

/// Sizes the database: service, engine version, instance class, storage, availability, backups.
enum DatabaseRules {
    /// RDS classes (Graviton, priced in every catalog region) and the load each is meant for.
    static let rdsTiers: [Tier] = [
        Tier(value: "db.t4g.micro", name: "micro", maxDataGB: 2, maxPeakRPS: 30),
        Tier(value: "db.t4g.small", name: "small", maxDataGB: 10, maxPeakRPS: 100),
        Tier(value: "db.t4g.medium", name: "medium", maxDataGB: 40, maxPeakRPS: 300),
        Tier(value: "db.m6g.large", name: "large", maxDataGB: 150, maxPeakRPS: 800),
        Tier(value: "db.m6g.xlarge", name: "xlarge", maxDataGB: 400, maxPeakRPS: 2_000),
        Tier(value: "db.r6g.xlarge", name: "memory-optimised xlarge", maxDataGB: 1_000, maxPeakRPS: 4_000),
        Tier(value: "db.r6g.2xlarge", name: "memory-optimised 2xlarge", maxDataGB: .infinity, maxPeakRPS: .infinity),
    ]

    /// DocumentDB classes (its smallest is db.t4g.medium).
    static let documentDBTiers: [Tier] = [
        Tier(value: "db.t4g.medium", name: "medium", maxDataGB: 40, maxPeakRPS: 300),
        Tier(value: "db.r6g.large", name: "large", maxDataGB: 300, maxPeakRPS: 1_500),
        Tier(value: "db.r6g.xlarge", name: "xlarge", maxDataGB: 1_000, maxPeakRPS: 4_000),
        Tier(value: "db.r6g.2xlarge", name: "2xlarge", maxDataGB: .infinity, maxPeakRPS: .infinity),
    ]

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
        let analysis = input.analysis
        if engine == .dynamodb {
            designDynamoDB(input, into: &design)
            return
        }
        let service: DatabaseService = engine == .mongodb ? .documentDB : .rds
        let tiers = service == .rds ? rdsTiers : documentDBTiers
        var databaseRPS = analysis.peakRPS
        var traces: [String] = []
        if design.cache != nil {
            databaseRPS = analysis.peakRPS * (1 - analysis.readShare * CacheRules.hitRate)
            traces.append(
                "\(Format.number(databaseRPS)) database rps at peak = \(Format.number(analysis.peakRPS)) × (1 − \(Format.number(analysis.readShare * 100))% reads × \(Format.number(CacheRules.hitRate * 100))% cache hits)"
            )
        }
        var (index, trace) = TierChooser.choose(tiers, dataGB: analysis.dataSizeIn12MonthsGB, peakRPS: databaseRPS)
        traces.insert(trace, at: 0)
        var floor = 0
        var floorReason = ""
        if input.isProduction, let small = tiers.firstIndex(where: { $0.value == "db.t4g.small" }), small > floor {
            floor = small
            floorReason = "production keeps a burstable micro instance from running out of CPU credits"
        }
        if input.scale >= .growth, let medium = tiers.firstIndex(where: { $0.value == "db.t4g.medium" }), medium > floor {
            floor = medium
            floorReason = "scale \"\(input.scale.rawValue)\" starts at the medium tier"
        }
        if input.scale == .enterprise, let large = tiers.firstIndex(where: { !$0.value.hasPrefix("db.t") }), large > floor {
            floor = large
            floorReason = "scale \"enterprise\" starts at a non-burstable class"
        }
        if index < floor {
            index = floor
            traces.append("\(tiers[floor].value): raised because \(floorReason)")
        }
        if input.cost == .performance && index < tiers.count - 1 {
            index += 1
            traces.append("\(tiers[index].value): one tier up for cost preference \"performance\"")
        }
        let instanceClass = tiers[index].value
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
                reason: "\(instanceClass) is the smallest Graviton class that holds the expected data and peak load with room to grow.",
                trace: traces))

        let storage = storageGB(analysis)
        design.decisions.append(
            Decision(
                resource: "database", setting: "storage", value: "\(storage.gb) GB gp3",
                reason: "gp3 gives 3,000 IOPS at the gp2 price, and the size covers a year of growth with headroom.",
                trace: [storage.trace]))

        let multiAZ = input.isProduction
        design.decisions.append(
            Decision(
                resource: "database", setting: "multiAZ", value: multiAZ ? "true" : "false",
                reason: multiAZ
                    ? "A standby in a second availability zone takes over in about a minute if the primary fails."
                    : "Outside production a single-AZ instance halves the database price; a failure means a restore, not an outage for users.",
                trace: ["environment = \(input.environment.rawValue)"]))

        let retention = backupRetention(input)
        design.decisions.append(
            Decision(
                resource: "database", setting: "backupRetentionDays", value: "\(retention.days)",
                reason: retention.reason, trace: [retention.trace]))

        let replicas = readReplicas(input)
        if replicas.count > 0 {
            design.decisions.append(
                Decision(
                    resource: "database", setting: "readReplicas", value: "\(replicas.count)",
                    reason: "A read replica takes the read-heavy share of queries off the primary.", trace: [replicas.trace]))
        }

        let spec = DatabaseSpec(
            service: service, engine: engine, engineVersion: engineVersion(engine), instanceClass: instanceClass,
            storageGB: storage.gb, storageType: "gp3", multiAZ: multiAZ, backupRetentionDays: retention.days,
            deletionProtection: input.isProduction, storageEncrypted: true, readReplicas: replicas.count,
            port: port(engine), tables: [])
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

    static func storageGB(_ analysis: RequirementsAnalysis) -> (gb: Int, trace: String) {
        let needed = analysis.dataSizeIn12MonthsGB * 1.5
        let gb = max(20, Int((needed / 10).rounded(.up)) * 10)
        let trace =
            needed <= 20
            ? "\(Format.number(analysis.dataSizeIn12MonthsGB, digits: 2)) GB in 12 months × 1.5 headroom = \(Format.number(needed, digits: 2)) GB, under the 20 GB minimum"
            : "\(Format.number(analysis.dataSizeIn12MonthsGB, digits: 2)) GB in 12 months × 1.5 headroom = \(Format.number(needed, digits: 2)) GB, rounded up to \(gb) GB"
        return (min(gb, 65_536), trace)
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

    static func readReplicas(_ input: DesignInput) -> (count: Int, trace: String) {
        let analysis = input.analysis
        guard input.isProduction, analysis.readShare >= 0.8, analysis.peakRPS >= 1_500 else {
            return (0, "")
        }
        return (
            1,
            "\(Format.number(analysis.readShare * 100))% reads at \(Format.number(analysis.peakRPS)) peak rps cross the 80% / 1,500 rps replica threshold"
        )
    }

    private static func designDynamoDB(_ input: DesignInput, into design: inout InfrastructureDesign) {
        let tables = input.file.project.schema.map { Naming.terraformIdentifier($0.name) }
        design.decisions.append(
            Decision(
                resource: "database", setting: "service", value: "dynamodb",
                reason: "DynamoDB in on-demand mode needs no capacity planning and bills per request, which suits the project's choice of dynamodb.",
                trace: ["database.type = dynamodb", "\(tables.count) tables, \(Format.number(input.analysis.peakRPS)) peak rps"]))
        design.decisions.append(
            Decision(
                resource: "database", setting: "pointInTimeRecovery", value: input.environment == .development ? "false" : "true",
                reason: "Point-in-time recovery keeps 35 days of continuous backups outside development.",
                trace: ["environment = \(input.environment.rawValue)"]))
        let spec = DatabaseSpec(
            service: .dynamoDB, engine: .dynamodb, engineVersion: "", instanceClass: nil,
            storageGB: max(1, Int(input.analysis.dataSizeIn12MonthsGB.rounded(.up))), storageType: "dynamodb",
            multiAZ: true, backupRetentionDays: input.environment == .development ? 0 : 35,
            deletionProtection: input.isProduction, storageEncrypted: true, readReplicas: 0, port: 8_000, tables: tables)
        design.resources.append(Resource(id: "database", spec: .database(spec)))
    }
}
