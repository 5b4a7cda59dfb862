import Foundation

/// A one-year commitment that lowers a line's price, with the ratio to on-demand the sheet gives
/// (§3.13) and where it comes from.
public struct Commitment: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case computeSavingsPlan = "compute-savings-plan"
        case reservedDatabase = "reserved-database"
        case reservedCache = "reserved-cache"
    }

    public var kind: Kind
    public var term: String
    /// Committed rate ÷ on-demand rate.
    public var ratio: Decimal
    public var sourceID: String
    public var grade: PriceGrade
    /// How the ratio reaches this line when it was read for another SKU of the same service.
    public var rule: String?

    /// The offer for a priced key, if the sheet has a ratio for its service.
    public static func offer(for key: PriceKey) -> Commitment? {
        switch key {
        case .rdsInstance:
            return Commitment(
                kind: .reservedDatabase, term: "1-year reserved instance, no upfront", ratio: decimal("0.704"), sourceID: "S1", grade: .derived,
                rule: "the ratio read for db.t3.large (MySQL, us-east-1, Single- and Multi-AZ) applied to every RDS class")
        case .elastiCacheNode:
            return Commitment(
                kind: .reservedCache, term: "1-year reserved node, no upfront", ratio: decimal("0.683"), sourceID: "S1", grade: .derived,
                rule: "the ratio read for cache.m6g.12xlarge (us-east-1); the S8 rows of every node read lie within 0.667–0.706")
        case .fargateVCPU(let arm):
            return Commitment(
                kind: .computeSavingsPlan, term: "1-year Compute Savings Plan, no upfront", ratio: decimal("0.8099"), sourceID: "S25",
                grade: arm ? .derived : .c, rule: arm ? "the x86 vCPU-hour ratio applied to Arm (no Arm rate in the sheet)" : nil)
        case .lambdaGBSecond(let arm):
            return Commitment(
                kind: .computeSavingsPlan, term: "1-year Compute Savings Plan, no upfront", ratio: decimal(arm ? "0.90" : "0.8896"),
                sourceID: "S25", grade: .c, rule: nil)
        default:
            // Fargate GB-hours and Lambda requests: no Savings Plans rate in the sheet, so they stay on demand.
            return nil
        }
    }

    private static func decimal(_ text: String) -> Decimal { Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) ?? 1 }
}

extension Hardening {
    /// The commitments the design has bought.
    var commitments: Set<Commitment.Kind> {
        var kinds: Set<Commitment.Kind> = []
        if computeSavingsPlan { kinds.insert(.computeSavingsPlan) }
        if reservedDatabase { kinds.insert(.reservedDatabase) }
        if reservedCache { kinds.insert(.reservedCache) }
        return kinds
    }
}
