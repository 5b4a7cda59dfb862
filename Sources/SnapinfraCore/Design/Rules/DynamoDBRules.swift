import Foundation

/// DynamoDB from the schema: keys from each table's primary key, an index per indexed field, TTL
/// for tables with a retention, and the capacity mode that the numbers favour.
enum DynamoDBRules {
    /// Read capacity units per eventually consistent read of up to 4 KB.
    static let rcuPerRead = 0.5
    /// Target utilisation of provisioned capacity under autoscaling.
    static let targetUtilisation = 0.7
    /// A peak this many times the average is too spiky for autoscaling to follow; on-demand takes it.
    static let spikyPeak = 4.0
    /// Monthly on-demand spend under which capacity is not worth planning.
    static let smallMonthly: Decimal = 25
    /// Most global secondary indexes a table may have.
    static let maxIndexes = 20
    /// The attribute TTL reads; the application writes the expiry time there in epoch seconds.
    static let ttlAttribute = "expires_at"

    /// One table's traffic.
    struct TableLoad {
        var reads: Double
        var writes: Double
        var readUnits: Double
        var writeUnits: Double
    }

    static func attributeType(_ type: FieldType) -> String {
        switch type {
        case .integer, .bigint, .float, .decimal, .timestamp: return "N"
        case .binary: return "B"
        default: return "S"
        }
    }

    /// Average item size in KB: the fields' widths and the attribute names DynamoDB stores with each item.
    static func itemKB(_ table: Table) -> Double {
        let bytes = table.fields.reduce(0) { $0 + Analyzer.width(of: $1.type) + $1.name.utf8.count }
        return max(0.1, Double(bytes) / 1_024)
    }

    /// Each table's reads and writes per second (average), and the capacity units they take.
    static func loads(_ input: DesignInput) -> [TableLoad] {
        let schema = input.file.project.schema
        var loads = schema.map { _ in TableLoad(reads: 0, writes: 0, readUnits: 0, writeUnits: 0) }
        guard !schema.isEmpty else { return loads }
        let names = Workload.TableNames(schema)
        for load in input.analysis.endpointLoads where load.rps > 0 {
            var targets = names.tables(for: load.path)
            if targets.isEmpty { targets = Array(schema.indices) }
            let share = load.rps / Double(targets.count)
            for index in targets {
                let table = schema[index]
                let item = itemKB(table)
                if load.kind.isRead {
                    let kb = load.kind == .list ? max(item, load.responseKB) : item
                    loads[index].reads += share
                    loads[index].readUnits += share * (kb / 4).rounded(.up) * rcuPerRead
                } else {
                    let indexes = Double(gsiFields(table).count)
                    loads[index].writes += share
                    loads[index].writeUnits += share * item.rounded(.up) * (1 + indexes)
                }
            }
        }
        if input.analysis.endpointLoads.allSatisfy({ $0.rps == 0 }) {
            // No endpoints: the average traffic spread over the tables, 80% reads.
            let each = input.analysis.averageRPS / Double(schema.count)
            for index in schema.indices {
                loads[index] = TableLoad(
                    reads: each * 0.8, writes: each * 0.2, readUnits: each * 0.8 * rcuPerRead,
                    writeUnits: each * 0.2 * itemKB(schema[index]).rounded(.up))
            }
        }
        return loads
    }

    /// Writes a second at which batching pays: 25 items per BatchWriteItem call.
    static let batchingWrites = 1_000.0
    /// Writes a second into a time series at which a latest-value table pays.
    static let latestValueWrites = 100.0

    /// Advice where the numbers call for it: batch heavy writers, and keep the latest item of a busy
    /// time series in a table of its own.
    static func advice(schema: [Table], loads: [TableLoad]) -> Decision? {
        var lines: [String] = []
        var trace: [String] = []
        for (table, load) in zip(schema, loads) {
            let keys = table.fields.filter(\.primaryKey)
            if load.writes >= batchingWrites {
                lines.append("batch \(table.name) writes with BatchWriteItem (25 items a call: the same write units, 25× fewer requests)")
                trace.append("\(table.name): \(Format.number(load.writes)) writes a second ≥ \(Format.number(batchingWrites))")
            }
            if keys.count >= 2, attributeType(keys[1].type) == "N", load.writes >= latestValueWrites {
                lines.append(
                    "keep each \(keys[0].name)'s latest \(table.name) item in a one-item-per-key table updated on write, so dashboards read one item instead of querying the series"
                )
                trace.append(
                    "\(table.name): a \(keys[1].name) series written \(Format.number(load.writes)) times a second ≥ \(Format.number(latestValueWrites))"
                )
            }
        }
        guard !lines.isEmpty else { return nil }
        return Decision(
            resource: "database", setting: "advice", value: lines.joined(separator: "; "),
            reason: "The write rate makes these worth doing in the application; the design does not depend on them.", trace: trace)
    }

    static func gsiFields(_ table: Table) -> [Field] {
        let keys = Set(table.fields.filter(\.primaryKey).prefix(2).map(\.name))
        return Array(table.fields.filter { ($0.indexed || $0.references != nil || $0.unique) && !keys.contains($0.name) }.prefix(maxIndexes))
    }

    static func design(_ input: DesignInput, into design: inout InfrastructureDesign) {
        let schema = input.file.project.schema
        let analysis = input.analysis
        let loads = loads(input)
        let region = input.options.region
        let price = { (key: PriceKey) in PriceCatalog.aws.price(key, region: region)?.usd ?? 0 }
        let readUnits = loads.reduce(0) { $0 + $1.readUnits }
        let writeUnits = loads.reduce(0) { $0 + $1.writeUnits }
        let onDemand =
            (Decimal(readUnits * Analyzer.secondsPerMonth) * price(.dynamoDBReadMillion) + Decimal(writeUnits * Analyzer.secondsPerMonth)
                * price(.dynamoDBWriteMillion)) / 1_000_000
        // Provisioned capacity is at least one unit per table and dimension.
        let provisionedReads = loads.reduce(0) { $0 + max(1, ($1.readUnits / targetUtilisation).rounded(.up)) }
        let provisionedWrites = loads.reduce(0) { $0 + max(1, ($1.writeUnits / targetUtilisation).rounded(.up)) }
        let provisioned = (Decimal(provisionedReads) * price(.dynamoDBRCUHour) + Decimal(provisionedWrites) * price(.dynamoDBWCUHour)) * 730
        let spiky = input.file.project.traffic.peakMultiplier >= spikyPeak
        let small = onDemand < smallMonthly
        let mode = !spiky && !small && provisioned < onDemand ? "provisioned" : "on-demand"
        var trace = [
            "\(Format.number(readUnits, digits: 1)) read units and \(Format.number(writeUnits, digits: 1)) write units per second on average (eventually consistent 4 KB reads at \(Format.number(rcuPerRead)) unit; a write of each KB, once more per index)",
            "on-demand: \(Format.money(onDemand)) a month; provisioned at \(Int(targetUtilisation * 100))% utilisation under autoscaling: \(Format.money(provisioned)) a month",
            "peak \(Format.number(input.file.project.traffic.peakMultiplier))× the average" + (spiky ? ", too spiky for autoscaling to follow" : ""),
        ]
        if spiky { trace.append("on-demand because the peak is \(Format.number(spikyPeak))× the average or more") }
        if small && !spiky { trace.append("on-demand because its requests cost under \(Format.money(smallMonthly)) a month") }
        design.decisions.append(
            Decision(
                resource: "database", setting: "service", value: "dynamodb",
                reason: "DynamoDB serves the key-value access the schema describes with no servers, and scales each table on its own.",
                trace: ["database.type = dynamodb", "\(schema.count) tables, \(Format.number(analysis.peakRPS)) peak rps"]))
        design.decisions.append(
            Decision(
                resource: "database", setting: "capacityMode", value: mode,
                reason: mode == "provisioned"
                    ? "Steady traffic costs less in provisioned mode, with autoscaling between the average and the peak."
                    : (spiky
                        ? "On-demand mode absorbs spikes that autoscaling would meet minutes late."
                        : "On-demand costs less than provisioned capacity at this traffic and needs no planning."),
                trace: trace))
        var tables: [DynamoTable] = []
        for (table, load) in zip(schema, loads) {
            let keys = table.fields.filter(\.primaryKey)
            guard let hash = keys.first else { continue }
            let range = keys.dropFirst().first
            let read = mode == "provisioned" ? max(1, Int((load.readUnits / targetUtilisation).rounded(.up))) : 0
            let write = mode == "provisioned" ? max(1, Int((load.writeUnits / targetUtilisation).rounded(.up))) : 0
            let peak = input.file.project.traffic.peakMultiplier
            tables.append(
                DynamoTable(
                    name: table.name, key: Naming.terraformIdentifier(table.name),
                    hashKey: .init(name: hash.name, type: attributeType(hash.type)),
                    rangeKey: range.map { .init(name: $0.name, type: attributeType($0.type)) },
                    indexes: gsiFields(table).map { .init(name: $0.name, type: attributeType($0.type)) },
                    ttlAttribute: table.retentionDays == nil ? nil : ttlAttribute, retentionDays: table.retentionDays,
                    readUnits: load.readUnits, writeUnits: load.writeUnits, readCapacity: read, writeCapacity: write,
                    maxReadCapacity: mode == "provisioned" ? max(read, Int((Double(read) * peak).rounded(.up))) : 0,
                    maxWriteCapacity: mode == "provisioned" ? max(write, Int((Double(write) * peak).rounded(.up))) : 0))
        }
        design.decisions.append(
            Decision(
                resource: "database", setting: "keys",
                value: tables.map { "\($0.name): \($0.hashKey.name)\($0.rangeKey.map { " + " + $0.name } ?? "")" }.joined(separator: "; "),
                reason:
                    "Each table's primary key is its partition key, and a second primary-key field its sort key; indexed and referencing fields get a global secondary index.",
                trace: tables.map { t in
                    "\(t.name): hash \(t.hashKey.name) (\(t.hashKey.type))"
                        + (t.rangeKey.map { ", range \($0.name) (\($0.type))" } ?? "")
                        + (t.indexes.isEmpty
                            ? "" : ", \(Plural.count(t.indexes.count, "index", "indexes")) on \(t.indexes.map(\.name).joined(separator: ", "))")
                }))
        let ttl = tables.filter { $0.ttlAttribute != nil }
        if !ttl.isEmpty {
            design.decisions.append(
                Decision(
                    resource: "database", setting: "ttl", value: ttl.map { "\($0.name) \($0.retentionDays ?? 0) days" }.joined(separator: ", "),
                    reason:
                        "Time to live deletes expired items for free; the application writes each item's expiry, in epoch seconds, to \(ttlAttribute).",
                    trace: ttl.map { "\($0.name).retentionDays = \($0.retentionDays ?? 0)" }))
        }
        if let advice = advice(schema: schema, loads: loads) { design.decisions.append(advice) }
        let pitr = input.environment != .development
        design.decisions.append(
            Decision(
                resource: "database", setting: "pointInTimeRecovery", value: pitr ? "true" : "false",
                reason: pitr
                    ? "Point-in-time recovery keeps 35 days of continuous backups outside development."
                    : "In development the tables can be recreated, so continuous backups are not paid for.",
                trace: ["environment = \(input.environment.rawValue)"]))
        if input.isProduction {
            design.hardening.tablesCustomerManagedKey = true
            design.decisions.append(
                Decision(
                    resource: "database", setting: "encryption", value: "customer-managed KMS key",
                    reason:
                        "In production the tables use a key you own and can audit and revoke; it costs $1 a month and, with the key cached, a few cents of requests.",
                    trace: ["environment = production", "database.type = dynamodb"]))
        }
        let storage = max(1, Int(analysis.dataSizeIn3MonthsGB.rounded(.up)))
        let spec = DatabaseSpec(
            service: .dynamoDB, engine: .dynamodb, engineVersion: "", instanceClass: nil,
            storageGB: storage, storageType: "dynamodb",
            multiAZ: true, backupRetentionDays: pitr ? 35 : 0,
            deletionProtection: input.isProduction, storageEncrypted: true, readReplicas: 0, port: 8_000, tables: tables.map(\.key),
            capacityMode: mode, dynamoTables: tables)
        design.resources.append(Resource(id: "database", spec: .database(spec)))
    }
}
