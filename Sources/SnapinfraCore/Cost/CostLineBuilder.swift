import Foundation

/// Builds cost lines from catalog prices, with infracost's conventions (730 hours a month).
struct CostLineBuilder {
    static let hoursPerMonth: Decimal = 730
    /// Usage lines range from half to twice the expected traffic.
    static let usageLow = Decimal(string: "0.5") ?? 0
    static let usageHigh: Decimal = 2

    let catalog: PriceCatalog
    let region: String
    /// The commitments the design has bought: their lines are priced at the committed rate.
    let bought: Set<Commitment.Kind>
    private(set) var notes: [String] = []

    init(catalog: PriceCatalog, region: String, bought: Set<Commitment.Kind> = []) {
        self.catalog = catalog
        self.region = region
        self.bought = bought
    }

    /// The line with its commitment: the committed cost beside the on-demand one, or in its place
    /// when the design has bought it.
    func committing(_ line: CostLine, _ key: PriceKey) -> CostLine {
        guard let offer = Commitment.offer(for: key), let cost = line.monthlyCost else { return line }
        var copy = line
        copy.commitment = offer
        copy.committedMonthlyCost = cost * offer.ratio
        if bought.contains(offer.kind) {
            copy.committed = true
            copy.monthlyCost = cost * offer.ratio
            copy.minMonthlyCost = line.minMonthlyCost.map { $0 * offer.ratio }
            copy.maxMonthlyCost = line.maxMonthlyCost.map { $0 * offer.ratio }
            copy.unitPrice = line.unitPrice.map { $0 * offer.ratio }
        }
        return copy
    }

    private mutating func lookUp(_ key: PriceKey, what: String) -> Price? {
        let price = catalog.price(key, region: region)
        if let price, let fallback = price.fallback {
            let note = "\(what): \(fallback)"
            if !notes.contains(note) { notes.append(note) }
        }
        if price == nil {
            let note = "\(what): no price in the catalog for \(region); left out of the totals"
            if !notes.contains(note) { notes.append(note) }
        }
        return price
    }

    mutating func note(_ text: String) {
        if !notes.contains(text) { notes.append(text) }
    }

    /// An always-on hourly line: `count` units running 730 hours each; min and max counts for a range.
    mutating func hourly(_ name: String, _ key: PriceKey, count: Decimal = 1, min: Decimal? = nil, max: Decimal? = nil) -> CostLine {
        let price = lookUp(key, what: name)
        let quantity = Self.hoursPerMonth * count
        let cost = price.map { quantity * $0.usd }
        return committing(
            CostLine(
                name: name, kind: .alwaysOn, monthlyQuantity: quantity, unit: "hours", unitPrice: price?.usd, priceUnit: "per hour",
                monthlyCost: cost, minMonthlyCost: price.map { Self.hoursPerMonth * (min ?? count) * $0.usd },
                maxMonthlyCost: price.map { Self.hoursPerMonth * (max ?? count) * $0.usd }, assumption: nil, price: price,
                priceNotFound: price == nil), key)
    }

    /// An always-on line priced per unit-hour with the quantity in units (Fargate's CPU and GB lines).
    mutating func perUnitHour(_ name: String, _ key: PriceKey, units: Decimal, unit: String, min: Decimal, max: Decimal) -> CostLine {
        let price = lookUp(key, what: name)
        return committing(
            CostLine(
                name: name, kind: .alwaysOn, monthlyQuantity: units, unit: unit, unitPrice: price?.usd, priceUnit: "per \(unit) per hour",
                monthlyCost: price.map { units * $0.usd * Self.hoursPerMonth },
                minMonthlyCost: price.map { min * $0.usd * Self.hoursPerMonth },
                maxMonthlyCost: price.map { max * $0.usd * Self.hoursPerMonth }, assumption: nil, price: price, priceNotFound: price == nil), key)
    }

    /// An always-on monthly line: a fixed quantity of a monthly-priced thing.
    mutating func monthly(_ name: String, _ key: PriceKey, quantity: Decimal, unit: String) -> CostLine {
        let price = lookUp(key, what: name)
        let cost = price.map { quantity * $0.usd }
        return CostLine(
            name: name, kind: .alwaysOn, monthlyQuantity: quantity, unit: unit, unitPrice: price?.usd, priceUnit: "per \(Self.singular(unit))",
            monthlyCost: cost, minMonthlyCost: cost, maxMonthlyCost: cost, assumption: nil, price: price, priceNotFound: price == nil)
    }

    /// A usage line: an assumed quantity × a price, ranging from half to twice the assumption.
    /// `perUnits` is how many units one price covers (1,000 requests, 1 million requests).
    mutating func usage(_ name: String, _ key: PriceKey, quantity: Decimal, unit: String, perUnits: Decimal = 1, assumption: String) -> CostLine {
        let price = lookUp(key, what: name)
        let cost = price.map { quantity / perUnits * $0.usd }
        return committing(
            CostLine(
                name: name, kind: .usage, monthlyQuantity: quantity, unit: unit, unitPrice: price?.usd,
                priceUnit: perUnits == 1 ? "per \(Self.singular(unit))" : "per \(Format.quantity(perUnits)) \(unit)",
                monthlyCost: cost, minMonthlyCost: cost.map { $0 * Self.usageLow }, maxMonthlyCost: cost.map { $0 * Self.usageHigh },
                assumption: assumption, price: price, priceNotFound: price == nil), key)
    }

    /// A line for something the catalog cannot price: shown, never counted as $0.
    mutating func notInCatalog(_ name: String, unit: String, assumption: String) -> CostLine {
        note("\(name): not in the price catalog; left out of the totals")
        return CostLine(
            name: name, kind: .usage, monthlyQuantity: nil, unit: unit, unitPrice: nil, priceUnit: "", monthlyCost: nil,
            minMonthlyCost: nil, maxMonthlyCost: nil, assumption: assumption, price: nil, priceNotFound: true)
    }

    static func singular(_ unit: String) -> String {
        switch unit {
        case "hours": return "hour"
        case "months": return "month"
        case "alarm metrics": return "alarm metric"
        default: return unit
        }
    }

    static func decimal(_ value: Double, scale: Int = 2) -> Decimal {
        Format.rounded(Decimal(value.isFinite ? value : 0), scale: scale)
    }
}
