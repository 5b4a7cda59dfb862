import Foundation
import Testing

@testable import SnapinfraCore

@Suite struct BudgetTests {
    @Test func overBudgetSaysByHowMuchWhatToCutAndFits() throws {
        let result = run(designFile(rps: 30, budget: 150))
        let verdict = try #require(result.budget)
        #expect(verdict.overBudget)
        #expect(
            verdict.summary.hasPrefix(
                "Over budget: the estimate is \(Format.money(result.estimate.totalMonthly)) a month against a budget of $150.00"))
        #expect(verdict.cuts.map(\.id).contains("single-nat"))
        #expect(verdict.cuts.map(\.id).contains("single-az-database"))
        #expect(verdict.cuts.allSatisfy { $0.monthlySaving > 0 && !$0.tradeOff.isEmpty })
        let fit = try #require(verdict.fit)
        #expect(fit.estimate.totalMonthly < result.estimate.totalMonthly)
        // The fit keeps compliance and capacity: backups, encryption and task counts are untouched.
        #expect(fit.design.database?.backupRetentionDays == result.design.database?.backupRetentionDays)
        #expect(fit.design.database?.storageEncrypted == true)
        #expect(fit.design.compute?.maxCount == result.design.compute?.maxCount)
        #expect(fit.design.database?.instanceClass == result.design.database?.instanceClass)
        #expect(DesignValidator().validate(fit.design).isEmpty)
    }

    @Test func productionNeverMovesToPublicSubnets() throws {
        let result = run(designFile(rps: 30, budget: 10))
        let fit = try #require(result.budget?.fit)
        #expect(fit.design.network?.privateCompute == true)
        #expect(fit.fitsBudget == false)
        #expect(result.budget?.summary.contains("still over; raise the budget or lower the scale") == true)
    }

    @Test func stagingMayUsePublicSubnetsToFit() throws {
        let result = run(designFile(rps: 30, environment: .staging, budget: 60))
        let fit = try #require(result.budget?.fit)
        #expect(fit.applied.map(\.id).contains("public-subnets"))
        #expect(fit.design.network?.natGateways == 0)
    }

    @Test func withinBudgetSaysSo() {
        let result = run(designFile(rps: 5, budget: 10_000))
        #expect(result.budget?.overBudget == false)
        #expect(result.budget?.summary.hasPrefix("Within budget:") == true)
        #expect(run(designFile()).budget == nil)
    }
}

@Suite struct DesignValidatorTests {
    @Test func rulesDesignsAreValid() throws {
        for url in try exampleFiles() {
            let file = try #require(ProjectLoader().load([UInt8](Data(contentsOf: url)), format: DocumentFormat.forFileName(url.path)).file)
            #expect(run(file).validation.isEmpty, "\(url.lastPathComponent)")
        }
    }

    @Test func badReferencesCyclesAndValuesAreReported() {
        var design = run(designFile()).design
        design.resources[0].dependsOn = ["monitoring", "netwrok"]
        if var db = design.database {
            db.instanceClass = "db.x99.huge"
            db.backupRetentionDays = 90
            design.update("database", .database(db))
        }
        if var compute = design.compute {
            compute.memoryMB = 300
            design.update("compute", .compute(compute))
        }
        let problems = DesignValidator().validate(design).map(\.pathAndMessage)
        #expect(problems.contains("design.resources[0].dependsOn[1]: resource \"netwrok\" does not exist (did you mean \"network\"?)"))
        #expect(problems.contains { $0.hasPrefix("design.resources: dependencies form a cycle: network → monitoring → compute") })
        #expect(problems.contains { $0.contains("instanceClass: \"db.x99.huge\" is not an allowed class") })
        #expect(problems.contains { $0.hasSuffix("backupRetentionDays: must be 0 to 35 days, not 90") })
        #expect(problems.contains { $0.hasSuffix("memoryMB: 300 MB is not a valid Fargate size for 256 CPU units") })
    }
}
