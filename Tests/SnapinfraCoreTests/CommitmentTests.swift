import Foundation
import Testing

@testable import SnapinfraCore

/// One-year commitments: priced beside on demand, bought as enhancements, offered as budget cuts.
@Suite struct CommitmentTests {
    @Test func everyCommittableLineShowsItsCommittedCost() throws {
        let result = run(designFile(rps: 300, readsOnly: false))
        let instance = try #require(result.estimate.lines.first { $0.name.hasPrefix("Database instance") })
        let cost = try #require(instance.monthlyCost)
        #expect(instance.commitment?.kind == .reservedDatabase)
        #expect(instance.committedMonthlyCost == Format.rounded(cost * Decimal(string: "0.704")!, scale: 2))
        // Fargate vCPU-hours have a Savings Plans rate; GB-hours do not, and stay on demand.
        #expect(result.estimate.lines.first { $0.name == "Per vCPU per hour" }?.commitment?.kind == .computeSavingsPlan)
        #expect(result.estimate.lines.first { $0.name == "Per GB per hour" }?.commitment == nil)
        #expect(result.estimate.committedMonthly < result.estimate.totalMonthly)
        let table = CostTable.text(result.estimate)
        #expect(table.contains("1-yr commit") && table.contains("With the 1-year commitments (no upfront; saves "))
    }

    @Test func buyingACommitmentLowersTheEstimateByItsRatio() throws {
        let file = designFile(rps: 300)
        let result = DesignEngine().run(file)
        let applied = try EnhancementEngine().apply(["commit-database-1yr"], to: result, file: file)
        let before = try #require(result.estimate.lines.first { $0.name.hasPrefix("Database instance") }?.monthlyCost)
        let after = try #require(applied.estimate.lines.first { $0.name.hasPrefix("Database instance") })
        #expect(after.committed && after.monthlyCost == Format.rounded(before * Decimal(string: "0.704")!, scale: 2))
        let suggestion = EnhancementEngine().suggestions(for: result, file: file).first { $0.id == "commit-database-1yr" }
        #expect(suggestion?.risk == .commitment && suggestion?.reversible == false && suggestion?.safe == false)
        let files = try Renderer().render(applied, targets: [.terraform])
        let commitments = try #require(files.first { $0.path == "infra/terraform/commitments.tf" }?.content)
        #expect(commitments.contains("count = var.purchase_reservations ? 1 : 0"))
        #expect(files.first { $0.path.hasSuffix("variables.tf") }?.content.contains("default     = false") == true)
        #expect(OutputValidator().validate(files).isEmpty)
    }

    @Test func commitmentsAreABudgetCutThatKeepsEveryChoice() throws {
        let result = run(designFile(rps: 300, budget: 100))
        let cut = try #require(result.budget?.cuts.first { $0.id == "one-year-commitments" })
        #expect(cut.monthlySaving > 0)
        let fit = try #require(result.budget?.fit)
        #expect(fit.design.database?.multiAZ == true)
        #expect(fit.applied.contains { $0.id == "one-year-commitments" })
    }

    @Test func tracesAndKeyRequestsArePriced() throws {
        let staging = run(designFile(rps: 2, environment: .staging, budget: 20))
        let traces = try #require(staging.estimate.lines.first { $0.name == "X-Ray traces recorded" })
        // 2 rps: every request is within the one-a-second reservoir… plus 5% of the rest.
        let requests = 2 * Analyzer.secondsPerMonth
        let recorded = Analyzer.secondsPerMonth + (requests - Analyzer.secondsPerMonth) * 0.05
        #expect(traces.monthlyQuantity == CostLineBuilder.decimal(recorded - 100_000, scale: 0))
        #expect(run(designFile(rps: 2, environment: .development, budget: 20)).estimate.lines.allSatisfy { $0.name != "X-Ray traces recorded" })
        let file = designFile(rps: 30, uploads: true)
        // Production has the key from the start; the bucket only needs to use it.
        let keyed = try EnhancementEngine().apply(["s3-kms-encryption"], to: DesignEngine().run(file), file: file)
        #expect(keyed.estimate.lines.contains { $0.name == "KMS requests" && $0.assumption?.contains("bucket keys") == true })
    }

    @Test func anOlderManifestStillDecodes() throws {
        // A snapinfra.json written before the commitment and DynamoDB switches existed.
        let old = #"{"customerManagedKey": true, "vpcFlowLogs": false}"#
        let hardening = try JSONDecoder().decode(Hardening.self, from: Data(old.utf8))
        #expect(hardening.customerManagedKey && !hardening.reservedDatabase && !hardening.tablesCustomerManagedKey)
        // The hand-written decoder reads back every switch the encoder writes.
        let everything = Hardening.everything
        #expect(try JSONDecoder().decode(Hardening.self, from: JSONEncoder().encode(everything)) == everything)
    }
}
