import Foundation

/// Cost lines of the database: instance-hours, storage, backups, replicas.
enum DatabaseCost {
    static func lines(_ db: DatabaseSpec, resourceID: String, analysis: RequirementsAnalysis, builder: inout CostLineBuilder) -> [ResourceCost] {
        switch db.service {
        case .dynamoDB:
            return [
                ResourceCost(
                    resourceID: resourceID, address: "aws_dynamodb_table.*",
                    lines: [
                        builder.notInCatalog(
                            "On-demand read and write requests", unit: "requests",
                            assumption: "\(Format.number(analysis.monthlyRequests / 1_000_000, digits: 2))M requests a month"),
                        builder.notInCatalog("Table storage", unit: "GB", assumption: "\(db.storageGB) GB"),
                    ])
            ]
        case .documentDB:
            let instanceClass = db.instanceClass ?? ""
            let instances = Decimal(db.multiAZ ? 2 : 1)
            builder.note("DocumentDB instances: not in the catalog; priced as RDS for PostgreSQL of the same class")
            return [
                ResourceCost(
                    resourceID: resourceID, address: "aws_docdb_cluster.this",
                    lines: [
                        builder.hourly(
                            "Database instance (on-demand, \(instanceClass))",
                            .rdsInstance(engine: "postgres", instanceClass: instanceClass, multiAZ: false), count: instances),
                        builder.notInCatalog("Storage", unit: "GB", assumption: "\(db.storageGB) GB"),
                    ])
            ]
        case .rds:
            let engine: String
            switch db.engine {
            case .mysql: engine = "mysql"
            case .mariadb:
                engine = "mysql"
                builder.note("MariaDB: priced as MySQL (the catalog has no MariaDB rows)")
            default: engine = "postgres"
            }
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
}
