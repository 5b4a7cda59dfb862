import Foundation
import Testing

@testable import SnapinfraCore

/// Each input moves the decision it should.
@Suite struct DesignRulesTests {
    @Test func trafficMovesTheInstanceClassAndTaskCount() {
        let quiet = run(designFile(rps: 5, writesOnly: true))
        let busy = run(designFile(rps: 120, writesOnly: true))
        #expect(quiet.design.database?.instanceClass == "db.t4g.small")
        #expect(busy.design.database?.instanceClass == "db.m6g.large")
        #expect(
            decision(busy, "database.instanceClass")?.trace.first
                == "db.m6g.large: 360 peak rps exceeds the medium tier's 40 GB / 300 rps and fits the large tier's 150 GB / 800 rps")
        #expect((busy.design.compute?.maxCount ?? 0) > (quiet.design.compute?.maxCount ?? 0))
    }

    @Test func theTraceNamesTheCrossedThresholds() {
        let result = run(designFile(rows: 30_000_000, rps: 60, environment: .development, writesOnly: true))
        #expect(result.design.database?.instanceClass == "db.t4g.medium")
        #expect(
            decision(result, "database.instanceClass")?.trace == [
                "db.t4g.medium: 15.84 GB of data and 180 peak rps exceed the small tier's 10 GB / 100 rps and fit the medium tier's 40 GB / 300 rps"
            ])
    }

    @Test func rowsMoveTheClassAndTheStorage() {
        let small = run(designFile(rows: 10_000, environment: .development))
        let big = run(designFile(rows: 600_000_000, environment: .development))
        #expect(small.design.database?.instanceClass == "db.t4g.micro")
        #expect(small.design.database?.storageGB == 20)
        #expect(big.design.database?.instanceClass == "db.m6g.xlarge")
        #expect((big.design.database?.storageGB ?? 0) > 200)
    }

    @Test(arguments: Array(DatabaseRules.rdsTiers.enumerated()))
    func everyDatabaseTierIsReachable(index: Int, tier: Tier) {
        // Aim the peak at the middle of the tier's rps band, with a tiny data set.
        let lower = index == 0 ? 0 : DatabaseRules.rdsTiers[index - 1].maxPeakRPS
        let upper = tier.maxPeakRPS.isFinite ? tier.maxPeakRPS : lower * 2
        let peak = (lower + upper) / 2
        let result = run(designFile(rows: 100, rps: peak / 2, peak: 2, environment: .development, writesOnly: true))
        #expect(result.design.database?.instanceClass == tier.value)
    }

    @Test(arguments: Array(CacheRules.tiers.enumerated()))
    func everyCacheTierIsReachable(index: Int, tier: Tier) {
        let lower = index == 0 ? 150 : CacheRules.tiers[index - 1].maxPeakRPS
        let upper = tier.maxPeakRPS.isFinite ? tier.maxPeakRPS : lower * 2
        let result = run(designFile(rows: 100, rps: (lower + upper) / 4, peak: 2, scale: .growth))
        #expect(result.design.cache?.nodeType == tier.value)
    }

    @Test func everyFargateSizeIsReachable() {
        var seen: Set<Int> = []
        for peak in [40.0, 300, 900, 1_900, 3_900, 7_000] {
            let result = run(designFile(rows: 100, rps: peak / 2, peak: 2, budget: 100_000))
            if let cpu = result.design.compute?.cpuUnits { seen.insert(cpu) }
        }
        #expect(seen == Set(ComputeRules.fargateSizes.map(\.cpu)))
    }

    @Test func scaleRaisesTheFloor() {
        #expect(run(designFile(scale: .startup)).design.database?.instanceClass == "db.t4g.small")
        #expect(run(designFile(scale: .growth)).design.database?.instanceClass == "db.t4g.medium")
        let enterprise = run(designFile(scale: .enterprise))
        #expect(enterprise.design.database?.instanceClass == "db.m6g.large")
        #expect(enterprise.design.network?.availabilityZones == 3)
    }

    @Test func environmentDrivesAvailabilityBackupsAndNAT() {
        let dev = run(designFile(rps: 30, environment: .development))
        let staging = run(designFile(rps: 30, environment: .staging))
        let prod = run(designFile(rps: 30, environment: .production))
        #expect(dev.design.database?.multiAZ == false && prod.design.database?.multiAZ == true)
        #expect([dev, staging, prod].map { $0.design.database?.backupRetentionDays } == [1, 7, 14])
        #expect([dev, staging, prod].map { $0.design.network?.natGateways } == [0, 1, 2])
        #expect(dev.design.network?.privateCompute == false)
        #expect(prod.design.database?.deletionProtection == true && dev.design.database?.deletionProtection == false)
        #expect(prod.design.compute?.minCount == 2 && dev.design.compute?.minCount == 1)
    }

    @Test func complianceLengthensRetention() {
        let plain = run(designFile())
        let soc2 = run(designFile(compliance: [.soc2]))
        let gdpr = run(designFile(compliance: [.gdpr]))
        #expect(plain.design.database?.backupRetentionDays == 14)
        #expect(soc2.design.database?.backupRetentionDays == 35)
        #expect(gdpr.design.database?.backupRetentionDays == 14)
        #expect(soc2.design.monitoring?.logRetentionDays == 365 && run(designFile(environment: .staging)).design.monitoring?.logRetentionDays == 30)
    }

    @Test func aTinyBudgetGetsNoLoadBalancerAndNoNAT() {
        let result = run(designFile(rps: 0.5, environment: .development, budget: 20))
        #expect(result.design.compute?.platform == .lambda)
        #expect(result.design.entryPoint?.kind == .httpAPI)
        #expect(result.design.network?.natGateways == 0)
        #expect(!result.estimate.lines.contains { $0.name.contains("load balancer") || $0.name.contains("NAT") })
        #expect(result.budget?.overBudget == false)
        #expect(result.estimate.totalMonthly <= 20)
        let roomy = run(designFile(rps: 0.5, environment: .development, budget: 500))
        #expect(roomy.design.compute?.platform == .fargate)
    }

    @Test func costPreferenceMatters() {
        #expect(run(designFile(cost: .performance)).design.database?.instanceClass == "db.t4g.medium")
        #expect(run(designFile(cost: .minimal)).design.network?.natGateways == 1)
    }

    @Test func regionChangesPricesAndAdmitsFallbacks() {
        let us = run(designFile(region: "us-east-1"))
        let mumbai = run(designFile(region: "ap-south-1"))
        let frankfurt = run(designFile(region: "eu-central-1"))
        #expect(us.estimate.totalMonthly != mumbai.estimate.totalMonthly)
        #expect(mumbai.estimate.notes.contains { $0.hasPrefix("Application load balancer: no ap-south-1 figure in the catalog; us-east-1 × 1.2") })
        #expect(frankfurt.estimate.notes.contains { $0.contains("eu-central-1 is not in the catalog") })
        #expect(us.estimate.notes.allSatisfy { !$0.contains("not in the catalog") })
    }

    @Test func otherEnginesGetSensibleAnswers() {
        let mongo = run(designFile(engine: .mongodb))
        #expect(mongo.design.database?.service == .documentDB)
        #expect(mongo.design.database?.instanceClass == "db.t4g.medium")
        #expect(mongo.estimate.notes.contains("DocumentDB instances: not in the catalog; priced as RDS for PostgreSQL of the same class"))
        let dynamo = run(designFile(engine: .dynamodb, environment: .development, budget: 20))
        #expect(dynamo.design.database?.service == .dynamoDB)
        #expect(dynamo.design.network == nil)
        #expect(dynamo.estimate.lines.contains { $0.priceNotFound && $0.monthlyCost == nil })
        let none = run(designFile(engine: .none))
        #expect(none.design.database == nil && none.design.cache == nil)
        let maria = run(designFile(engine: .mariadb))
        #expect(maria.design.database?.engineVersion == "10.11")
        #expect(maria.estimate.notes.contains("MariaDB: priced as MySQL (the catalog has no MariaDB rows)"))
        for result in [mongo, dynamo, none, maria] { #expect(result.validation.isEmpty) }
    }

    @Test func aCacheLowersTheLoadTheDatabaseIsSizedFor() {
        let result = run(designFile(rps: 100, scale: .growth))
        #expect(result.design.cache != nil)
        #expect(decision(result, "database.instanceClass")?.trace.contains { $0.contains("cache hits") } == true)
    }

    @Test func usageLinesShowTheirAssumptionsAndNeverABareZero() {
        for file in [designFile(), designFile(uploads: true), designFile(environment: .development, budget: 20)] {
            for line in run(file).estimate.lines where line.kind == .usage {
                #expect(line.assumption?.isEmpty == false, "\(line.name) has no assumption")
            }
        }
    }

    @Test func theTableAddsUp() {
        let estimate = run(designFile(rps: 40, uploads: true)).estimate
        let sum = estimate.lines.reduce(Decimal(0)) { $0 + ($1.monthlyCost ?? 0) }
        #expect(sum == estimate.totalMonthly)
        #expect(estimate.minMonthly <= estimate.totalMonthly && estimate.totalMonthly <= estimate.maxMonthly)
        #expect(estimate.alwaysOnMonthly + estimate.usageMonthly == estimate.totalMonthly)
    }
}
