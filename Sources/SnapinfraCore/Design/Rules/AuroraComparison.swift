import Foundation

/// Aurora priced beside the RDS design: provisioned (Aurora Standard: storage billed per GB used,
/// I/O per request) and, where the sheet prices it, Serverless v2 for small or spiky loads.
/// The rules offer it with its numbers; the rendered design stays on RDS.
enum AuroraComparison {
    /// Aurora classes the sheet prices in all ten regions, in order of price.
    static let classes: [InstanceClass] =
        [
            InstanceClass(value: "db.t3.medium", vCPU: 2, memoryGB: 4, baseline: 0.2),
            InstanceClass(value: "db.t3.large", vCPU: 2, memoryGB: 8, baseline: 0.3),
        ] + DatabaseSizing.r6g
    /// Memory of one Aurora capacity unit, GB; an ACU's CPU is in the same proportion as r6g's
    /// (16 GB and 2 vCPU make 8 ACUs, a quarter of a vCPU each).
    static let acuMemoryGB = 2.0
    static let acuVCPU = 0.25
    /// Storage I/Os per write (the page and its index entries) and the share of reads that miss
    /// the buffer cache.
    static let iosPerWrite = 2.0
    static let readMiss = 0.1
    /// How much cheaper Aurora must be before the rules point at it.
    static let worthSaying = 0.9

    /// A decision comparing the RDS design with Aurora, or nil for engines Aurora does not run.
    static func decision(_ input: DesignInput, rdsClass: String, storageGB: Int, multiAZ: Bool) -> Decision? {
        let engine = input.file.project.database.type
        guard engine == .postgres || engine == .mysql else { return nil }
        let region = input.options.region
        let catalog = PriceCatalog.aws
        let month = Decimal(730)
        let instances = Decimal(multiAZ ? 2 : 1)
        let pricing = DatabaseSizing.pricingEngine(engine)
        guard
            let rdsHour = catalog.price(.rdsInstance(engine: pricing, instanceClass: rdsClass, multiAZ: multiAZ), region: region)?.usd,
            let gp3 = catalog.price(.rdsStorage(type: "gp3", multiAZ: multiAZ), region: region)?.usd,
            let storagePrice = catalog.price(.auroraStorageGB, region: region)?.usd,
            let ioPrice = catalog.price(.auroraIOMillion, region: region)?.usd
        else { return nil }
        let rds = rdsHour * month + gp3 * Decimal(storageGB)
        let load = DatabaseSizing.load(input, cacheHits: 0, connections: DatabaseRules.connections(input))
        let (chosen, fits) = DatabaseSizing.choose(classes, load: load, floor: DatabaseRules.floor(input)) {
            catalog.price(.auroraInstance(instanceClass: $0.value), region: region)?.usd ?? 1_000
        }
        guard fits, let auroraHour = catalog.price(.auroraInstance(instanceClass: chosen.value), region: region)?.usd else { return nil }
        let a = input.analysis
        let readsPerSecond = a.averageRPS * a.readShare
        let writesPerSecond = a.averageRPS * (1 - a.readShare)
        let ios = (writesPerSecond * iosPerWrite + readsPerSecond * readMiss) * Analyzer.secondsPerMonth
        let usedGB = Decimal(max(10, a.dataSizeIn3MonthsGB))
        let shared = storagePrice * usedGB + ioPrice * Decimal(ios / 1_000_000)
        let provisioned = auroraHour * month * instances + shared
        var trace = [
            "RDS: \(rdsClass)\(multiAZ ? " Multi-AZ" : "") and \(Format.number(Double(storageGB))) GB gp3 = \(Format.money(rds)) a month",
            "Aurora: \(chosen.value) × \(multiAZ ? 2 : 1) (writer\(multiAZ ? " and a reader in another zone" : "")) + \(Format.number(NSDecimalNumber(decimal: usedGB).doubleValue, digits: 1)) GB used + \(Format.number(ios / 1_000_000, digits: 1))M I/Os = \(Format.money(provisioned)) a month",
        ]
        var best = (name: "Aurora \(chosen.value)", monthly: provisioned)
        if let acuHour = catalog.price(.auroraServerlessACUHour, region: region)?.usd {
            let averageACU = max(0.5, load.memoryNeededGB / acuMemoryGB, load.averageVCPU / acuVCPU)
            let serverless = acuHour * Decimal(averageACU) * month * instances + shared
            trace.append(
                "Aurora Serverless v2: \(Format.number(averageACU, digits: 1)) ACU on average × \(multiAZ ? 2 : 1) = \(Format.money(serverless)) a month"
            )
            if serverless < best.monthly { best = ("Aurora Serverless v2", serverless) }
        } else {
            trace.append("Aurora Serverless v2: no \(region) price in the catalog")
        }
        let cheaper = best.monthly < rds * Decimal(worthSaying)
        return Decision(
            resource: "database", setting: "alternative", value: cheaper ? "\(best.name): \(Format.money(best.monthly)) a month" : "RDS",
            reason: cheaper
                ? "\(best.name) would cost \(Format.money(rds - best.monthly)) a month less for the same load, with storage billed per GB used; set it up by hand or with the Aurora modules, since the files here are for RDS."
                : "RDS costs no more than Aurora for this load; Aurora's readers and storage billed per GB used pay off on larger, read-heavy databases.",
            trace: trace)
    }
}
