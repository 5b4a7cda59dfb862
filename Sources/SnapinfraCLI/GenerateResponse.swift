import Foundation
import SnapinfraCore

/// `generate --json`: the original web API's response shape.
struct GenerateResponse: Encodable {
    struct Cost: Encodable {
        var min: Decimal
        var max: Decimal
        var total: Decimal
        var currency: String
        var breakdown: CostEstimate
    }

    struct File: Encodable {
        var path: String
        var content: String
        var source: String
    }

    struct Validation: Encodable {
        var valid: Bool
        var warnings: [String]
        var errors: [String]
    }

    struct Data: Encodable {
        var schema: InfrastructureDesign
        var reasoning: [Decision]
        var analysis: RequirementsAnalysis
        var estimatedCost: Cost
        var recommendations: [String]
        var files: [File]
        var instructions: [String]
        var validation: Validation
        /// Suggestions still open for the generated design.
        var enhancements: [Enhancement]
        var appliedEnhancements: [String]
        /// The score of the generated Terraform (0–100, checkov's checks).
        var securityScore: SecurityScore
    }

    var success = true
    var data: Data
    var metadata: JSONMetadata

    init(validated: Validated, enhancements: [Enhancement]) {
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
