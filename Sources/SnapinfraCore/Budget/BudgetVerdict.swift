import Foundation

/// How a design's estimate compares with the budget, and what to do about it.
public struct BudgetVerdict: Sendable, Hashable, Codable {
    public var budget: Decimal
    public var estimate: Decimal
    public var overBudget: Bool
    /// Each cut that applies to the design, with its saving alone.
    public var cuts: [BudgetCut]
    /// The cheapest design that keeps the scale and compliance choices, when over budget.
    public var fit: BudgetFit?
    public var summary: String
    /// The design was fitted to the budget: `cuts` are the cuts made.
    public var fitted: Bool?
}

/// A cheaper design and what it gave up.
public struct BudgetFit: Sendable, Hashable, Codable {
    public var applied: [BudgetCut]
    public var design: InfrastructureDesign
    public var estimate: CostEstimate
    public var fitsBudget: Bool
}

extension BudgetVerdict {
    /// The verdict on the design after its fit: the cuts made, each with what it trades away.
    func fitted(_ fit: BudgetFit) -> BudgetVerdict {
        BudgetVerdict(budget: budget, estimate: estimate, overBudget: true, cuts: fit.applied, fit: nil, summary: "", fitted: true)
            .repriced(fit.estimate.totalMonthly)
    }

    /// A fitted design's verdict on a new total (after enhancements): the same cuts, judged again.
    public func repriced(_ total: Decimal) -> BudgetVerdict {
        let traded = cuts.map { "\($0.title) (saves \(Format.money($0.monthlySaving)); \($0.tradeOff))" }.joined(separator: "; ")
        let summary =
            (total <= budget
                ? "Fitted to the budget: \(Format.money(total)) of \(Format.money(budget)) a month."
                : "Fitted as far as the scale and compliance choices allow: \(Format.money(total)) a month, still over \(Format.money(budget)).")
            + " Traded away: \(traded)."
        return BudgetVerdict(budget: budget, estimate: total, overBudget: total > budget, cuts: cuts, fit: nil, summary: summary, fitted: true)
    }
}

/// Compares an estimate with the budget and, when over, finds the cheapest design that keeps the
/// scale and compliance choices by applying cuts in order of least harm until it fits.
public struct BudgetFitter: Sendable {
    public var estimator: CostEstimator

    public init(estimator: CostEstimator = CostEstimator()) {
        self.estimator = estimator
    }

    public func verdict(_ design: InfrastructureDesign, estimate: CostEstimate, input: DesignInput) -> BudgetVerdict? {
        guard let budgetValue = input.options.budget else { return nil }
        let budget = CostLineBuilder.decimal(budgetValue)
        let total = estimate.totalMonthly
        var cuts: [BudgetCut] = []
        for candidate in BudgetCuts.all {
            guard let cheaper = candidate.apply(design, input) else { continue }
            let saving = total - estimator.estimate(cheaper, analysis: input.analysis).totalMonthly
            if saving > 0 {
                cuts.append(BudgetCut(id: candidate.id, title: candidate.title, tradeOff: candidate.tradeOff, monthlySaving: saving))
            }
        }
        guard total > budget else {
            var summary = "Within budget: \(Format.money(total)) of \(Format.money(budget)) a month (\(Format.money(budget - total)) to spare)."
            if estimate.maxMonthly > budget {
                summary +=
                    " The high end of the range, \(Format.money(estimate.maxMonthly)), is over: at twice the expected usage or the maximum task count it would not fit."
            }
            return BudgetVerdict(budget: budget, estimate: total, overBudget: false, cuts: cuts, fit: nil, summary: summary)
        }
        var current = design
        var currentEstimate = estimate
        var applied: [BudgetCut] = []
        for candidate in BudgetCuts.all where currentEstimate.totalMonthly > budget {
            guard let cheaper = candidate.apply(current, input) else { continue }
            let cheaperEstimate = estimator.estimate(cheaper, analysis: input.analysis)
            let saving = currentEstimate.totalMonthly - cheaperEstimate.totalMonthly
            guard saving > 0 else { continue }
            applied.append(BudgetCut(id: candidate.id, title: candidate.title, tradeOff: candidate.tradeOff, monthlySaving: saving))
            current = cheaper
            currentEstimate = cheaperEstimate
        }
        let fits = currentEstimate.totalMonthly <= budget
        let fit = applied.isEmpty ? nil : BudgetFit(applied: applied, design: current, estimate: currentEstimate, fitsBudget: fits)
        var summary =
            "Over budget: the estimate is \(Format.money(total)) a month against a budget of \(Format.money(budget)) (\(Format.money(total - budget)) over)."
        if let fit {
            let titles = fit.applied.map { $0.title.prefix(1).lowercased() + $0.title.dropFirst() }.joined(separator: "; ")
            summary +=
                fits
                ? " Fit to budget: \(titles) brings it to \(Format.money(fit.estimate.totalMonthly))."
                : " The cheapest design that keeps the scale and compliance choices (\(titles)) costs \(Format.money(fit.estimate.totalMonthly)), still over; raise the budget or lower the scale."
        } else {
            summary += " No cut keeps the scale and compliance choices; raise the budget or lower the scale."
        }
        if !fits {
            summary += " Not cut: " + BudgetCuts.kept(current, input).joined(separator: ", ") + "."
        }
        return BudgetVerdict(budget: budget, estimate: total, overBudget: true, cuts: cuts, fit: fit, summary: summary)
    }
}
