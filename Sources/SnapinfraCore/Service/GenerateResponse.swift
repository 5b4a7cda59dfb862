import Foundation

/// `generate --json`: the original web API's response shape.
public struct GenerateResponse: Encodable, Sendable {
    public struct Cost: Encodable, Sendable {
        public var min: Decimal
        public var max: Decimal
        public var total: Decimal
        public var currency: String
        public var breakdown: CostEstimate
    }

    public struct File: Encodable, Sendable {
        public var path: String
        public var content: String
        public var source: String
    }

    public struct Validation: Encodable, Sendable {
        public var valid: Bool
        public var warnings: [String]
        public var errors: [String]
    }

    public struct Data: Encodable, Sendable {
        public var schema: InfrastructureDesign
        public var reasoning: [Decision]
        public var analysis: RequirementsAnalysis
        public var estimatedCost: Cost
        public var recommendations: [String]
        public var files: [File]
        public var instructions: [String]
        public var validation: Validation
        /// Suggestions still open for the generated design.
        public var enhancements: [Enhancement]
        public var appliedEnhancements: [String]
        /// The score of the generated Terraform (0–100, checkov's checks).
        public var securityScore: SecurityScore
    }

    public var success = true
    public var data: Data
    public var metadata: JSONMetadata

    public init(validated: Validated, enhancements: [Enhancement]) {
        let result = validated.result
        let files = validated.files
        let validation = validated.findings
        let targets = validated.rendered.targets
        var recommendations = result.budget.map { [$0.summary] } ?? []
        recommendations += result.budget?.cuts.map { "\($0.title): saves \(Format.money($0.monthlySaving)) a month; trade-off: \($0.tradeOff)" } ?? []
        var instructions: [String] = []
        if targets.contains(.terraform) {
            instructions += [
                "cd infra/terraform", "cp terraform.tfvars.example terraform.tfvars", "terraform init", "terraform plan -out plan.tfplan",
                "terraform apply plan.tfplan",
            ]
        }
        if targets.contains(.dockerCompose) { instructions += ["cp .env.example .env", "docker compose up --build"] }
        data = Data(
            schema: result.design, reasoning: result.design.decisions, analysis: result.analysis,
            estimatedCost: Cost(
                min: result.estimate.minMonthly, max: result.estimate.maxMonthly, total: result.estimate.totalMonthly,
                currency: result.estimate.currency, breakdown: result.estimate),
            recommendations: recommendations, files: files.map { File(path: $0.path, content: $0.content, source: $0.source) },
            instructions: instructions,
            validation: Validation(
                valid: !validation.hasErrors, warnings: validation.warnings.map(\.pathAndMessage), errors: validation.errors.map(\.pathAndMessage)),
            enhancements: enhancements, appliedEnhancements: validated.rendered.enhanced.applied, securityScore: validated.score)
        metadata = JSONMetadata()
    }
}
