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
    /// The rule that derived the figure when the catalog had no row for it; nil for a read figure.
    public var fallback: String?
}

/// The price catalog shipped inside the binary, with the stated rules for its gaps
/// (`PriceRules`, each recorded in DECISIONS.md). There is no blanket cross-region multiplier: a
/// figure is read for its region, or derived by a named rule, or missing.
public struct PriceCatalog: Sendable {
    private let rows: [PriceKey: [String: PriceRow]]

    init(rows list: [PriceRow]) {
        var rows: [PriceKey: [String: PriceRow]] = [:]
        for row in list { rows[row.key, default: [:]][row.region] = row }
        self.rows = rows
    }

    /// The AWS catalog.
    public static let aws = PriceCatalog(rows: awsRows + tableRows + regionalPriceRows + kubernetesRows)

    /// The regions the sheet covers, US, Europe then Asia Pacific; a project in another region is refused.
    public static let catalogRegions = [
        "us-east-1", "us-east-2", "us-west-2", "eu-west-1", "eu-west-2", "eu-central-1", "ap-south-1", "ap-southeast-1", "ap-southeast-2",
        "ap-northeast-1",
    ]

    /// The price of a key in a region, read or derived; nil when no rule can produce one.
    public func price(_ key: PriceKey, region: String) -> Price? {
        if let row = rows[key]?[region] { return read(row) }
        guard Self.catalogRegions.contains(region) else { return nil }
        return PriceRules.derive(key, region: region, catalog: self)
    }

    /// The figure read for a key in a region, without rules.
    func row(_ key: PriceKey, _ region: String) -> Price? { rows[key]?[region].map(read) }

    /// The regions with a read figure for a key.
    public func regionsWithFigure(_ key: PriceKey) -> [String] { Self.catalogRegions.filter { rows[key]?[$0] != nil } }

    /// Whether the catalog can price the key in the region by a read figure for that region.
    public func hasRegionalFigure(_ key: PriceKey, region: String) -> Bool {
        rows[key]?[region] != nil
    }

    private func read(_ row: PriceRow) -> Price {
        let source = PriceSource.all[row.source]
        return Price(usd: row.usd, sourceID: row.source, sourceDate: source?.date ?? "", grade: row.grade, fallback: nil)
    }
}
