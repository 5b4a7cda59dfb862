import Foundation

/// Cost lines of the database: instance-hours, storage, backups, replicas.
enum DatabaseCost {
    static func lines(_ db: DatabaseSpec, resourceID: String, analysis: RequirementsAnalysis, builder: inout CostLineBuilder) -> [ResourceCost] {
        switch db.service {
        case .dynamoDB:
            return [
                ResourceCost(
                    resourceID: resourceID, address: "aws_dynamodb_table.this", lines: dynamoDBLines(db, analysis: analysis, builder: &builder))
            ]
        case .documentDB:
            let instanceClass = db.instanceClass ?? ""
            let instances = Decimal(db.multiAZ ? 2 : 1)
            // One storage I/O per write and per read that misses memory (a tenth of reads).
            let ios = analysis.monthlyRequests * ((1 - analysis.readShare) + analysis.readShare * 0.1)
            return [
                ResourceCost(
                    resourceID: resourceID, address: "aws_docdb_cluster.this",
                    lines: [
                        builder.hourly(
                            "Database instance (on-demand, \(instanceClass))",
                            .documentDBInstance(instanceClass: instanceClass), count: instances),
                        builder.monthly("Storage", .documentDBStorageGB, quantity: Decimal(db.storageGB), unit: "GB"),
                        builder.usage(
                            "I/O requests", .documentDBIOMillion, quantity: CostLineBuilder.decimal(ios, scale: 0), unit: "requests",
                            perUnits: 1_000_000, assumption: "one storage I/O per write and per read that misses memory (a tenth of reads)"),
                    ])
            ]
        case .rds:
            let engine = DatabaseSizing.pricingEngine(db.engine)
            if db.engine == .mariadb { builder.note("MariaDB: priced as MySQL (the catalog has no MariaDB rows)") }
            let instanceClass = db.instanceClass ?? ""
            let az = db.multiAZ ? "Multi-AZ" : "Single-AZ"
            var lines = [
                builder.hourly(
                    "Database instance (on-demand, \(az), \(instanceClass))",
                    .rdsInstance(engine: engine, instanceClass: instanceClass, multiAZ: db.multiAZ)),
                builder.monthly(
                    "Storage (general purpose SSD, \(db.storageType))", .rdsStorage(type: db.storageType, multiAZ: db.multiAZ),
                    quantity: Decimal(db.storageGB), unit: "GB"),
            ]
            let backupGB = max(0, analysis.dataSizeGB * 0.1 * Double(max(0, db.backupRetentionDays - 7)) / 7)
            lines.append(
                builder.usage(
                    "Additional backup storage", .rdsBackupStorage, quantity: CostLineBuilder.decimal(backupGB), unit: "GB",
                    assumption: db.backupRetentionDays <= 7
                        ? "\(db.backupRetentionDays)-day retention stays within the free allowance (100% of storage)"
                        : "10% of the data changes each week; \(db.backupRetentionDays) days of snapshots beyond the free allowance"))
            var costs = [ResourceCost(resourceID: resourceID, address: "aws_db_instance.this", lines: lines)]
            if db.readReplicas > 0 {
                let count = Decimal(db.readReplicas)
                costs.append(
                    ResourceCost(
                        resourceID: resourceID, address: "aws_db_instance.replica",
                        lines: [
                            builder.hourly(
                                "Read replica (on-demand, Single-AZ, \(instanceClass))",
                                .rdsInstance(engine: engine, instanceClass: instanceClass, multiAZ: false), count: count),
                            builder.monthly(
                                "Replica storage (general purpose SSD, \(db.storageType))", .rdsStorage(type: db.storageType, multiAZ: false),
                                quantity: Decimal(db.storageGB * db.readReplicas), unit: "GB"),
                        ]))
            }
            return costs
        }
    }

    /// Requests (on-demand) or capacity (provisioned), storage and point-in-time recovery.
    static func dynamoDBLines(_ db: DatabaseSpec, analysis: RequirementsAnalysis, builder: inout CostLineBuilder) -> [CostLine] {
        let tables = db.dynamoTables ?? []
        var lines: [CostLine] = []
        if db.capacityMode == "provisioned" {
            let rcu = tables.reduce(0) { $0 + $1.readCapacity }
            let wcu = tables.reduce(0) { $0 + $1.writeCapacity }
            lines.append(builder.hourly("Provisioned write capacity (\(Format.number(Double(wcu))) WCU)", .dynamoDBWCUHour, count: Decimal(wcu)))
            lines.append(builder.hourly("Provisioned read capacity (\(Format.number(Double(rcu))) RCU)", .dynamoDBRCUHour, count: Decimal(rcu)))
        } else {
            let units = (read: tables.reduce(0) { $0 + $1.readUnits }, write: tables.reduce(0) { $0 + $1.writeUnits })
            lines.append(
                builder.usage(
                    "Write request units", .dynamoDBWriteMillion, quantity: CostLineBuilder.decimal(units.write * Analyzer.secondsPerMonth, scale: 0),
                    unit: "WRU", perUnits: 1_000_000, assumption: "one unit per KB written, once more per index"))
            lines.append(
                builder.usage(
                    "Read request units", .dynamoDBReadMillion, quantity: CostLineBuilder.decimal(units.read * Analyzer.secondsPerMonth, scale: 0),
                    unit: "RRU", perUnits: 1_000_000, assumption: "eventually consistent reads, half a unit per 4 KB"))
        }
        lines.append(
            builder.usage(
                "Storage (Standard table class)", .dynamoDBStorageGB, quantity: Decimal(db.storageGB), unit: "GB",
                assumption: "the data expected in 3 months, expired items excluded"))
        if db.backupRetentionDays > 0 {
            lines.append(
                builder.usage(
                    "Point-in-time recovery", .dynamoDBBackupGB, quantity: Decimal(db.storageGB), unit: "GB",
                    assumption: "billed on the table size"))
        }
        return lines
    }
}
