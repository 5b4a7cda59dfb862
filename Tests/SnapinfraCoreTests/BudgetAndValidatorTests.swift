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
        // Production keeps its Multi-AZ database; the summary says what was not cut.
        #expect(!verdict.cuts.map(\.id).contains("single-az-database"))
        #expect(verdict.fit?.design.database?.multiAZ == true)
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

    @Test func complianceKeepsMultiAZOutsideProductionToo() throws {
        let staging = run(designFile(rps: 30, environment: .staging, budget: 20))
        let soc2 = run(designFile(rps: 30, environment: .staging, compliance: [.soc2], budget: 20))
        #expect(staging.budget?.cuts.contains { $0.id == "single-nat" || $0.id == "public-subnets" } == true)
        let verdict = try #require(soc2.budget)
        #expect(verdict.cuts.allSatisfy { $0.id != "single-az-database" && $0.id != "single-az-cache" })
        #expect(verdict.summary.contains("Not cut:"))
        #expect(verdict.summary.contains("encryption at rest"))
    }

    @Test func aCutThatTakesCapacitySizesTheDatabaseAgain() throws {
        let result = run(designFile(rps: 1_500, budget: 100, readsOnly: true))
        #expect(result.design.cache != nil)
        let cheaper = try #require(
            BudgetCuts.all.first { $0.id == "drop-cache" }?.apply(result.design, DesignInput(file: designFile(rps: 1_500, readsOnly: true))))
        #expect(cheaper.cache == nil)
        #expect(cheaper.database?.instanceClass != result.design.database?.instanceClass)
        let load = DatabaseSizing.load(DesignInput(file: designFile(rps: 1_500, readsOnly: true)), cacheHits: 0, connections: 20)
        let chosen = try #require(DatabaseSizing.rdsClasses.first { $0.value == cheaper.database?.instanceClass })
        #expect(DatabaseSizing.holds(chosen, load))
    }

    @Test func endpointsCanReplaceNAT() throws {
        let file = designFile(rps: 30)
        let result = run(file)
        let cut = try #require(BudgetCuts.all.first { $0.id == "endpoints-instead-of-nat" })
        let cheaper = try #require(cut.apply(result.design, DesignInput(file: file)))
        #expect(cheaper.network?.natGateways == 0 && cheaper.network?.interfaceEndpoints == true && cheaper.network?.privateCompute == true)
        var next = result
        next.design = cheaper
        next.estimate = CostEstimator().estimate(cheaper, analysis: result.analysis)
        #expect(next.estimate.lines.contains { $0.name == "Interface endpoints (4 services × 2 zones)" && $0.monthlyCost == Decimal(string: "58.4") })
        #expect(!next.estimate.lines.contains { $0.name == "NAT gateway" })
        let files = try Renderer().render(next, targets: [.terraform])
        let network = try #require(files.first { $0.path.hasSuffix("network.tf") }?.content)
        #expect(network.contains("resource \"aws_vpc_endpoint\" \"interface\"") && !network.contains("aws_nat_gateway"))
        #expect(OutputValidator().validate(files).isEmpty)
        // Where the sheet has no endpoint price the cut is not offered.
        #expect(cut.apply(run(designFile(rps: 30, region: "ap-south-1")).design, DesignInput(file: designFile(rps: 30, region: "ap-south-1"))) == nil)
    }

    @Test func theRangeIsJudgedToo() throws {
        let result = run(designFile(rps: 30, budget: 1_000))
        let verdict = try #require(result.budget)
        let budget = Decimal(1_000)
        #expect(!verdict.overBudget)
        if result.estimate.maxMonthly > budget {
            #expect(verdict.summary.contains("The high end of the range"))
        } else {
            #expect(!verdict.summary.contains("The high end of the range"))
        }
        let tight = run(designFile(rps: 30, budget: NSDecimalNumber(decimal: result.estimate.totalMonthly).doubleValue + 1))
        #expect(tight.budget?.summary.contains("The high end of the range") == true)
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
        #expect(problems.contains { $0.hasSuffix("memoryMB: 300 MB is not a valid Fargate size for 512 CPU units") })
    }
}
