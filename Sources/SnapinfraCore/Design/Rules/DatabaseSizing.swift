import Foundation

/// An instance class and what it holds.
struct InstanceClass: Sendable {
    var value: String
    var vCPU: Double
    var memoryGB: Double
    /// Sustained share of its vCPUs a burstable class may use without spending credits; nil when
    /// it is not burstable.
    var baseline: Double?

    var isBurstable: Bool { baseline != nil }
}

/// What the database must hold at peak: CPU from the requests that reach it, memory for the
/// working set and the connections.
struct DatabaseLoad: Sendable {
    var peakVCPU: Double
    var averageVCPU: Double
    var readShareOfCPU: Double
    /// The data read or written often enough that it must stay in memory, GB.
    var workingSetGB: Double
    /// How the working set was found, for the trace.
    var workingSetBasis: String
    var connections: Int

    var memoryNeededGB: Double { workingSetGB / DatabaseSizing.bufferShare + Double(connections) / DatabaseSizing.connectionsPerGB }
}

/// Sizes a relational (or DocumentDB) instance from the load model.
enum DatabaseSizing {
    /// RDS classes on Graviton that the price sheet lists in all ten regions (db.t4g.small and
    /// db.t4g.large are missing from most), in order of price.
    static let rdsClasses: [InstanceClass] = [
        InstanceClass(value: "db.t4g.micro", vCPU: 2, memoryGB: 1, baseline: 0.1), t4gMedium,
        InstanceClass(value: "db.m6g.large", vCPU: 2, memoryGB: 8, baseline: nil), r6g[0],
        InstanceClass(value: "db.m6g.xlarge", vCPU: 4, memoryGB: 16, baseline: nil), r6g[1],
        InstanceClass(value: "db.m6g.2xlarge", vCPU: 8, memoryGB: 32, baseline: nil), r6g[2], r6g[3],
    ]
    /// The memory-optimised Graviton classes RDS, DocumentDB and Aurora share.
    static let r6g: [InstanceClass] = [
        InstanceClass(value: "db.r6g.large", vCPU: 2, memoryGB: 16, baseline: nil),
        InstanceClass(value: "db.r6g.xlarge", vCPU: 4, memoryGB: 32, baseline: nil),
        InstanceClass(value: "db.r6g.2xlarge", vCPU: 8, memoryGB: 64, baseline: nil),
        InstanceClass(value: "db.r6g.4xlarge", vCPU: 16, memoryGB: 128, baseline: nil),
    ]
    static let t4gMedium = InstanceClass(value: "db.t4g.medium", vCPU: 2, memoryGB: 4, baseline: 0.2)
    /// DocumentDB classes (its smallest is db.t4g.medium).
    static let documentDBClasses: [InstanceClass] = [t4gMedium] + r6g

    /// CPU the database is sized to at peak.
    static let targetUtilisation = 0.6
    /// Share of the data (and its indexes) that is read often: the hot set.
    static let hotFraction = 0.1
    /// Share of instance memory that caches pages (shared buffers plus the OS page cache).
    static let bufferShare = 0.75
    /// Connections one GB of instance memory serves (RDS sets PostgreSQL's max_connections to
    /// about 110 per GB; the pool stays well below it).
    static let connectionsPerGB = 100.0
    /// Connections each application task keeps in its pool.
    static let poolPerTask = 10
    /// Share of cached reads that never reach the database.
    static let cacheHitRate = 0.8

    /// gp3's baseline IOPS for RDS: 3,000 below 400 GB, 12,000 from 400 GB.
    static func baselineIOPS(storageGB: Int) -> Double { storageGB >= 400 ? 12_000 : 3_000 }

    /// How long a page stays worth keeping in memory after it was read (the five-minute rule,
    /// updated for SSDs; see DECISIONS.md).
    static let reuseWindowSeconds = 3_600.0

    /// The working set: the hot tenth of the data, or, when the traffic touches less than that
    /// within the reuse window, what it touches in that window (rows × the average row, indexes included).
    static func workingSet(_ a: RequirementsAnalysis, rowBytes: Double) -> (gb: Double, basis: String) {
        let hot = a.dataSizeIn3MonthsGB * hotFraction
        let rowsPerSecond = a.endpointLoads.reduce(0) { $0 + $1.rps * $1.kind.rowsTouched }
        let touched = rowsPerSecond * reuseWindowSeconds * rowBytes / 1_000_000_000
        if a.endpointLoads.isEmpty || touched >= hot {
            return (hot, "\(Int(hotFraction * 100))% of the \(Format.number(a.dataSizeIn3MonthsGB, digits: 2)) GB in 3 months")
        }
        return (
            touched,
            "an hour of traffic touches \(Format.number(rowsPerSecond * reuseWindowSeconds, digits: 0)) rows of \(Format.number(rowBytes, digits: 0)) bytes, under \(Int(hotFraction * 100))% of the data"
        )
    }

    static func load(_ input: DesignInput, cacheHits: Double, connections: Int) -> DatabaseLoad {
        let a = input.analysis
        let readMS = a.databaseReadCPUMSPerRequest * (1 - cacheHits)
        let writeMS = a.databaseCPUMSPerRequest - a.databaseReadCPUMSPerRequest
        let perRequest = readMS + writeMS
        let rows = input.file.project.schema.reduce(0) { $0 + Double($1.estimatedRows ?? 0) }
        let rowBytes = rows > 0 ? a.dataSizeGB * 1_000_000_000 / rows : 200
        let set = workingSet(a, rowBytes: rowBytes)
        return DatabaseLoad(
            peakVCPU: a.peakRPS * perRequest / 1_000 / targetUtilisation,
            averageVCPU: a.averageRPS * perRequest / 1_000 / targetUtilisation,
            readShareOfCPU: perRequest > 0 ? readMS / perRequest : 0,
            workingSetGB: set.gb, workingSetBasis: set.basis, connections: connections)
    }

    /// Whether a class holds the load: CPU at peak (a burstable class also its baseline at the
    /// average), and the memory the working set and connections need.
    static func holds(_ c: InstanceClass, _ load: DatabaseLoad) -> Bool {
        guard load.peakVCPU <= c.vCPU, load.memoryNeededGB <= c.memoryGB else { return false }
        if let baseline = c.baseline { return load.averageVCPU <= c.vCPU * baseline }
        return true
    }

    /// The hourly price of a class in the region, for ranking; DocumentDB ranks by the RDS
    /// PostgreSQL price of the same class, as the estimator prices it.
    static func hourly(_ c: InstanceClass, engine: String, region: String) -> Decimal {
        PriceCatalog.aws.price(.rdsInstance(engine: engine, instanceClass: c.value, multiAZ: false), region: region)?.usd ?? 1_000
    }

    static func pricingEngine(_ engine: DatabaseEngine) -> String { engine == .mysql || engine == .mariadb ? "mysql" : "postgres" }

    /// The cheapest class that holds the load and respects the floor, or the largest with a note.
    static func choose(_ classes: [InstanceClass], load: DatabaseLoad, floor: (InstanceClass) -> Bool, engine: DatabaseEngine, region: String)
        -> (InstanceClass, fits: Bool)
    {
        let engineName = pricingEngine(engine)
        return choose(classes, load: load, floor: floor) { hourly($0, engine: engineName, region: region) }
    }

    /// The cheapest class by `price` that holds the load and passes the floor, or the largest with
    /// `fits` false.
    static func choose(_ classes: [InstanceClass], load: DatabaseLoad, floor: (InstanceClass) -> Bool, price: (InstanceClass) -> Decimal)
        -> (InstanceClass, fits: Bool)
    {
        let ranked = classes.filter(floor).sorted { price($0) < price($1) }
        if let fit = ranked.first(where: { holds($0, load) }) { return (fit, true) }
        return (classes[classes.count - 1], false)
    }

    /// Trace lines that show the load against the chosen class.
    static func trace(_ c: InstanceClass, _ load: DatabaseLoad, fits: Bool) -> [String] {
        var lines = [
            "CPU: \(Format.number(load.peakVCPU, digits: 2)) vCPU at peak (at \(Int(targetUtilisation * 100))% target) against \(Format.number(c.vCPU)) vCPU",
            "memory: working set \(Format.number(load.workingSetGB, digits: 2)) GB (\(load.workingSetBasis)) ÷ \(Int(bufferShare * 100))% for the buffer cache + \(load.connections) connections at \(Int(connectionsPerGB)) per GB = \(Format.number(load.memoryNeededGB, digits: 2)) GB, against \(Format.number(c.memoryGB)) GB",
        ]
        if let baseline = c.baseline {
            lines.append(
                "burstable: \(Format.number(load.averageVCPU, digits: 2)) vCPU on average within the \(Format.number(c.vCPU * baseline, digits: 2)) vCPU baseline"
            )
        }
        if !fits {
            lines.append(
                "\(c.value), the largest class, does not hold the peak: partition the largest tables, shard by tenant or move reads to replicas")
        }
        return lines
    }
}
