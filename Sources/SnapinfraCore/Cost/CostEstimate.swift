import Foundation

/// One line of a resource's cost, as infracost prints it.
public struct CostLine: Sendable, Hashable, Codable {
    /// Always-on costs are paid whatever the traffic; usage costs follow it and rest on assumptions.
    public enum Kind: String, Sendable, Hashable, Codable {
        case alwaysOn = "always-on"
        case usage
    }

    public var name: String
    public var kind: Kind
    /// Monthly quantity in `unit`; nil when the price is not known.
    public var monthlyQuantity: Decimal?
    public var unit: String
    /// Price per `unit` (per hour, per GB…) as read or derived; nil when not in the catalog.
    public var unitPrice: Decimal?
    public var priceUnit: String
    /// Expected monthly cost, and the range it moves in.
    public var monthlyCost: Decimal?
    public var minMonthlyCost: Decimal?
    public var maxMonthlyCost: Decimal?
    /// What a usage line assumes (shown next to it, so no figure is a bare guess).
    public var assumption: String?
    public var price: Price?
    public var priceNotFound: Bool
    /// The monthly cost under the commitment the sheet offers for this line's service, and that
    /// commitment; nil when there is none. When the design has bought it, `monthlyCost` is this.
    public var committedMonthlyCost: Decimal? = nil
    public var commitment: Commitment? = nil
    /// Whether the design has bought the commitment.
    public var committed = false
}

extension CostLine {
    /// The line with its costs rounded to cents, as the table shows them; totals are sums of
    /// rounded lines, so a table always adds up.
    func roundedToCents() -> CostLine {
        var copy = self
        copy.monthlyCost = monthlyCost.map { Format.rounded($0, scale: 2) }
        copy.minMonthlyCost = minMonthlyCost.map { Format.rounded($0, scale: 2) }
        copy.maxMonthlyCost = maxMonthlyCost.map { Format.rounded($0, scale: 2) }
        copy.committedMonthlyCost = committedMonthlyCost.map { Format.rounded($0, scale: 2) }
        return copy
    }
}

/// The cost lines of one resource.
public struct ResourceCost: Sendable, Hashable, Codable {
    public var resourceID: String
    /// The Terraform address the lines belong to, e.g. `aws_db_instance.this`.
    public var address: String
    public var lines: [CostLine]

    public var monthlyCost: Decimal { lines.reduce(0) { $0 + ($1.monthlyCost ?? 0) } }
}

/// The monthly estimate of a design, line by line.
public struct CostEstimate: Sendable, Hashable, Codable {
    public var currency: String
    public var region: String
    public var resources: [ResourceCost]
    public var alwaysOnMonthly: Decimal
    public var usageMonthly: Decimal
    public var totalMonthly: Decimal
    public var minMonthly: Decimal
    public var maxMonthly: Decimal
    /// How usage lines and the range were assumed.
    public var assumptions: [String]
    /// Prices that were derived rather than read, and items the catalog has no price for.
    public var notes: [String]

    public var lines: [CostLine] { resources.flatMap(\.lines) }

    /// The part of the total priced by a ≈ rule rather than a figure read for the region.
    public var derivedMonthly: Decimal { lines.filter { $0.price?.grade == .derived }.reduce(0) { $0 + ($1.monthlyCost ?? 0) } }

    /// The total with every commitment the sheet offers bought (one-year terms, no upfront).
    public var committedMonthly: Decimal { lines.reduce(0) { $0 + ($1.committedMonthlyCost ?? $1.monthlyCost ?? 0) } }

    /// `derivedMonthly` as a share of the total, 0–100.
    public var derivedShare: Double {
        totalMonthly > 0 ? NSDecimalNumber(decimal: derivedMonthly / totalMonthly * 100).doubleValue : 0
    }
}
