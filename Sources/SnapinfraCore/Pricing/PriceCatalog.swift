import Foundation

/// One figure of the catalog as transcribed from the sheet.
struct PriceRow: Sendable {
    var key: PriceKey
    var region: String
    var usd: Decimal
    var source: String
    var grade: PriceGrade

    init(_ key: PriceKey, _ region: String, _ usd: String, _ source: String, _ grade: PriceGrade) {
        self.key = key
        self.region = region
        self.usd = Decimal(string: usd, locale: Locale(identifier: "en_US_POSIX")) ?? 0
        self.source = source
        self.grade = grade
    }
}

/// A price as the estimator uses it: the figure, where it came from, and, when it was not read
/// for this exact region and item, the rule that produced it.
public struct Price: Sendable, Hashable, Codable {
    public var usd: Decimal
    public var sourceID: String
    public var sourceDate: String
    public var grade: PriceGrade
    /// How the figure was derived when the catalog had no row for it; nil for a read figure.
    public var fallback: String?
}

/// The price catalog shipped inside the binary, with the fallback rules for gaps.
///
/// Fallback rules, applied in this order and always named in the result:
/// 1. Multi-AZ RDS instance with no row: 2 × the Single-AZ price of the same region.
/// 2. Valkey node with no row: 0.8 × the Redis OSS node price (the sheet's 20 % rule).
/// 3. RDS gp3 storage with no row: the gp2 price of the same region (equal where both are listed).
/// 4. Region with no row: the us-east-1 price × the sheet's regional multiplier for the price's
///    family (§3.9): eu-west-1 × 1.1; ap-southeast-1 × 1.25 (× 1.55 burstable RDS/ElastiCache);
///    ap-south-1 × 1.3 RDS/ElastiCache, × 0.7 Graviton, × 1.05 x86 Fargate; serverless request and
///    GB-second prices × 1.0; any other region × 1.1.
public struct PriceCatalog: Sendable {
    private let rows: [PriceKey: [String: PriceRow]]

    init(rows list: [PriceRow]) {
        var rows: [PriceKey: [String: PriceRow]] = [:]
        for row in list { rows[row.key, default: [:]][row.region] = row }
        self.rows = rows
    }

    /// The AWS catalog.
    public static let aws = PriceCatalog(rows: awsRows + tableRows)

    /// The regions the catalog holds figures for.
    public static let catalogRegions = ["us-east-1", "eu-west-1", "ap-southeast-1", "ap-south-1"]

    /// The price of a key in a region, read or derived; nil when no rule can produce one.
    public func price(_ key: PriceKey, region: String) -> Price? {
        if let row = rows[key]?[region] { return read(row) }
        if let derived = sameRegionRule(key, region: region) { return derived }
        guard region != "us-east-1", let base = price(key, region: "us-east-1") else { return nil }
        let factor = Self.multiplier(key.family, region: region)
        let reason =
            PriceCatalog.catalogRegions.contains(region)
            ? "no \(region) figure in the catalog" : "\(region) is not in the catalog"
        return Price(
            usd: base.usd * factor, sourceID: base.sourceID, sourceDate: base.sourceDate, grade: .derived,
            fallback: "\(reason); us-east-1 × \(factor)" + (base.fallback.map { " (\($0))" } ?? ""))
    }

    /// Whether the catalog can price the key in the region by a read figure for that region.
    public func hasRegionalFigure(_ key: PriceKey, region: String) -> Bool {
        rows[key]?[region] != nil
    }

    private func read(_ row: PriceRow) -> Price {
        let source = PriceSource.all[row.source]
        return Price(usd: row.usd, sourceID: row.source, sourceDate: source?.date ?? "", grade: row.grade, fallback: nil)
    }

    private func sameRegionRule(_ key: PriceKey, region: String) -> Price? {
        switch key {
        case .rdsInstance(let engine, let instanceClass, true):
            guard let single = rows[.rdsInstance(engine: engine, instanceClass: instanceClass, multiAZ: false)]?[region] else { return nil }
            return derived(from: single, times: 2, rule: "Multi-AZ = 2 × Single-AZ")
        case .elastiCacheNode("valkey", let nodeType):
            guard let redis = rows[.elastiCacheNode(engine: "redis", nodeType: nodeType)]?[region] else { return nil }
            return derived(from: redis, times: Decimal(string: "0.8") ?? 1, rule: "Valkey = 0.8 × Redis OSS")
        case .rdsStorage("gp3", let multiAZ):
            guard let gp2 = rows[.rdsStorage(type: "gp2", multiAZ: multiAZ)]?[region] else { return nil }
            return derived(from: gp2, times: 1, rule: "gp3 priced as gp2")
        case .dataTransferOutOver150TBGB where region == "us-east-1":
            // The sheet's us-east-1 test stops below 150 TB; us-east-2 and every US and EU region read show one rate.
            guard let east2 = rows[key]?["us-east-2"] else { return nil }
            return derived(from: east2, times: 1, rule: "over 150 TB: the us-east-2 rate, equal in every US and EU region read")
        default:
            return nil
        }
    }

    private func derived(from row: PriceRow, times factor: Decimal, rule: String) -> Price {
        var price = read(row)
        price.usd = row.usd * factor
        price.grade = .derived
        price.fallback = rule
        return price
    }

    static func multiplier(_ family: PriceFamily, region: String) -> Decimal {
        let value: String
        switch (region, family) {
        case (_, .serverless): value = "1.0"
        case ("eu-west-1", _): value = "1.1"
        case ("ap-southeast-1", .burstableDatabase): value = "1.55"
        case ("ap-southeast-1", _): value = "1.25"
        case ("ap-south-1", .burstableDatabase), ("ap-south-1", .database): value = "1.3"
        case ("ap-south-1", .gravitonCompute): value = "0.7"
        case ("ap-south-1", .x86Compute): value = "1.05"
        case ("ap-south-1", _): value = "1.2"
        default: value = "1.1"
        }
        return Decimal(string: value) ?? 1
    }
}
