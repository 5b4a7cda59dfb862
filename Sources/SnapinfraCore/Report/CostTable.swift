import Foundation

/// The cost breakdown as an infracost-style table: one block per resource, its lines drawn with
/// `├─`/`└─`, usage lines marked `*` and ≈-priced lines `≈`, a column with the cost under a one-year
/// commitment where the sheet offers one, then the totals.
public enum CostTable {
    public static func text(_ estimate: CostEstimate) -> String {
        var rows: [(name: String, quantity: String, unit: String, cost: String, commit: String)] = []
        for resource in estimate.resources {
            rows.append((resource.address, "", "", "", ""))
            for (index, line) in resource.lines.enumerated() {
                let branch = index == resource.lines.count - 1 ? "└─ " : "├─ "
                let star = (line.kind == .usage ? " *" : "") + (line.price?.grade == .derived ? " ≈" : "")
                let commit = line.committed ? "bought" : line.committedMonthlyCost.map(Format.money) ?? ""
                if line.priceNotFound || line.monthlyCost == nil {
                    rows.append((branch + line.name + star, "", "", "price not in catalog", ""))
                } else {
                    rows.append(
                        (
                            branch + line.name + star, line.monthlyQuantity.map(Format.quantity) ?? "", line.unit,
                            line.monthlyCost.map(Format.money) ?? "", commit
                        ))
                }
            }
        }
        let nameWidth = max(40, rows.map { $0.name.count }.max() ?? 0) + 2
        let qtyWidth = 12
        let unitWidth = 12
        let costWidth = 14
        let commitWidth = 13
        func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
            let space = String(repeating: " ", count: max(0, width - text.count))
            return right ? space + text : text + space
        }
        var out = [
            pad("Name", nameWidth) + pad("Monthly Qty", qtyWidth, right: true) + "  " + pad("Unit", unitWidth)
                + pad("Monthly Cost", costWidth, right: true) + pad("1-yr commit", commitWidth, right: true), "",
        ]
        for row in rows {
            out.append(
                pad(row.name, nameWidth) + pad(row.quantity, qtyWidth, right: true) + "  " + pad(row.unit, unitWidth)
                    + pad(row.cost, costWidth, right: true) + pad(row.commit, commitWidth, right: true))
        }
        out.append("")
        let width = nameWidth + qtyWidth + 2 + unitWidth + costWidth
        func total(_ label: String, _ value: String) -> String { pad(label, width - costWidth) + pad(value, costWidth, right: true) }
        out.append(total("Always-on", Format.money(estimate.alwaysOnMonthly)))
        out.append(total("Usage-based *", Format.money(estimate.usageMonthly)))
        out.append(total("OVERALL TOTAL", Format.money(estimate.totalMonthly)))
        out.append(total("Range (min – max)", "\(Format.money(estimate.minMonthly)) – \(Format.money(estimate.maxMonthly))"))
        if estimate.committedMonthly < estimate.totalMonthly {
            out.append(
                total(
                    "With the 1-year commitments (no upfront; saves \(Format.money(estimate.totalMonthly - estimate.committedMonthly)))",
                    Format.money(estimate.committedMonthly)))
        }
        if estimate.derivedMonthly > 0 {
            out.append(total("≈ derived by a rule (\(Format.number(estimate.derivedShare))% of the total)", Format.money(estimate.derivedMonthly)))
        }
        out.append("")
        out.append("* Usage-based; assumptions:")
        for line in estimate.lines where line.kind == .usage {
            if let assumption = line.assumption { out.append("  - \(line.name): \(assumption)") }
        }
        for assumption in estimate.assumptions { out.append("  - \(assumption)") }
        let offers = Dictionary(grouping: estimate.lines.compactMap(\.commitment), by: \.kind).compactMap { $0.value.first }
            .sorted { $0.kind.rawValue < $1.kind.rawValue }
        if !offers.isEmpty {
            out.append("1-yr commit: the cost under a one-year commitment, no upfront (sheet §3.13):")
            for offer in offers {
                out.append(
                    "  - \(offer.term): × \(NSDecimalNumber(decimal: offer.ratio).stringValue) (\(offer.sourceID)\(offer.rule.map { "; \($0)" } ?? ""))"
                )
            }
        }
        if !estimate.notes.isEmpty {
            out.append("≈ Prices not read for this exact item and region, and the rule that derived them:")
            for note in estimate.notes { out.append("  - \(note)") }
        }
        return out.joined(separator: "\n")
    }
}
