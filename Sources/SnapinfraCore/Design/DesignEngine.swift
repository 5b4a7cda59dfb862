/// Phase 1 as one call: analysis → design → validation → cost → budget verdict.
public struct DesignResult: Sendable, Hashable, Codable {
    public var analysis: RequirementsAnalysis
    public var design: InfrastructureDesign
    public var estimate: CostEstimate
    public var budget: BudgetVerdict?
    /// Problems of the design itself (empty for the rules engine unless it has a bug).
    public var validation: [Diagnostic]
}

/// Runs the design phase with the rules engine.
public struct DesignEngine: Sendable {
    public var designer: RulesDesigner
    public var estimator: CostEstimator

    public init(designer: RulesDesigner = RulesDesigner(), estimator: CostEstimator = CostEstimator()) {
        self.designer = designer
        self.estimator = estimator
    }

    public func run(_ file: ProjectFile) -> DesignResult {
        let input = DesignInput(file: file)
        return result(for: designer.design(input), input: input)
    }

    /// Prices, fits to the budget and validates a design, whoever proposed it.
    public func result(for design: InfrastructureDesign, input: DesignInput) -> DesignResult {
        let estimate = estimator.estimate(design, analysis: input.analysis)
        let verdict = BudgetFitter(estimator: estimator).verdict(design, estimate: estimate, input: input)
        let validation = DesignValidator(catalog: estimator.catalog).validate(design)
        return DesignResult(analysis: input.analysis, design: design, estimate: estimate, budget: verdict, validation: validation)
    }
}
