import Foundation
import Testing

@testable import SnapinfraCore

/// Each input moves the decision it should.
@Suite struct DesignRulesTests {
    @Test func trafficMovesTheInstanceClassAndTaskCount() {
        let quiet = run(designFile(rps: 5, writesOnly: true))
        let busy = run(designFile(rps: 1_000, writesOnly: true))
        #expect(quiet.design.database?.instanceClass == "db.t4g.medium")
        // 3,000 peak writes × 1.5 ms of database CPU ÷ 60% = 7.5 vCPU: the cheapest 8-vCPU class.
        #expect(busy.design.database?.instanceClass == "db.m6g.2xlarge")
        #expect(decision(busy, "database.instanceClass")?.trace.first == "CPU: 7.5 vCPU at peak (at 60% target) against 8 vCPU")
        #expect((busy.design.compute?.maxCount ?? 0) > (quiet.design.compute?.maxCount ?? 0))
    }

    @Test func theClassFollowsTheLoadNotTheBytes() {
        let small = run(designFile(rows: 10_000, environment: .development))
        let big = run(designFile(rows: 600_000_000, environment: .development))
        #expect(small.design.database?.instanceClass == "db.t4g.micro")
        #expect(big.design.database?.instanceClass == "db.t4g.micro")
        #expect(small.design.database?.storageGB == 20)
        #expect((big.design.database?.storageGB ?? 0) > 300)
        let trace = decision(big, "database.instanceClass")?.trace.joined(separator: "\n") ?? ""
        #expect(trace.contains("an hour of traffic touches"))
    }

    @Test func theChosenClassHoldsTheLoadAndNoCheaperOneDoes() {
        var reached: Set<String> = []
        for vcpu in [0.1, 0.5, 1, 1.5, 3, 3.5, 6, 7, 12, 15, 40] {
            for memory in [0.5, 3, 6, 12, 24, 48, 100, 200] {
                let load = DatabaseLoad(
                    peakVCPU: vcpu, averageVCPU: vcpu / 3, readShareOfCPU: 0.5, workingSetGB: memory * DatabaseSizing.bufferShare,
                    workingSetBasis: "test", connections: 0)
                let (chosen, fits) = DatabaseSizing.choose(
                    DatabaseSizing.rdsClasses, load: load, floor: { _ in true }, engine: .postgres, region: "us-east-1")
                reached.insert(chosen.value)
                let price = DatabaseSizing.hourly(chosen, engine: "postgres", region: "us-east-1")
                if fits {
                    #expect(DatabaseSizing.holds(chosen, load))
                    for other in DatabaseSizing.rdsClasses where DatabaseSizing.hourly(other, engine: "postgres", region: "us-east-1") < price {
                        #expect(!DatabaseSizing.holds(other, load), "\(other.value) is cheaper and holds \(vcpu) vCPU / \(memory) GB")
                    }
                } else {
                    #expect(vcpu > 16 || memory > 128)
                }
            }
        }
        #expect(reached == Set(DatabaseSizing.rdsClasses.map(\.value)))
    }

    @Test func everyCacheNodeIsReachable() {
        let reached = Set([0.1, 0.8, 2, 4, 8, 50].map { CacheRules.node(gb: $0, ops: 1_000).value })
        #expect(reached == Set(CacheRules.nodes.map(\.value)))
        #expect(CacheRules.node(gb: 0.1, ops: 50_000).value == "cache.t4g.medium")
    }

    @Test func everyFargateSizeIsReachable() {
        var seen: Set<Int> = []
        for peak in [40.0, 300, 600, 1_200, 3_000] {
            let result = run(designFile(rows: 100, rps: peak / 2, peak: 2, environment: .development, budget: 100_000))
            if let cpu = result.design.compute?.cpuUnits { seen.insert(cpu) }
        }
        #expect(seen == Set(ComputeRules.taskCPUs.map(\.cpu)))
    }

    @Test func aFewThousandRequestsASecondGetTensOfVCPUs() {
        let result = run(designFile(rows: 100, rps: 2_000, peak: 3))
        let compute = result.design.compute
        let vcpu = Double(compute?.cpuUnits ?? 0) / 1_024
        #expect(vcpu * Double(compute?.maxCount ?? 0) >= 32)
        #expect(vcpu * Double(compute?.minCount ?? 0) >= 16)
        // The trace's numbers are the value's numbers.
        let count = decision(result, "compute.taskCount")
        let min = compute?.minCount ?? 0
        let max = compute?.maxCount ?? 0
        #expect(count?.value == "\(min) (min \(min), max \(max))")
        #expect(count?.trace.first?.hasSuffix("→ \(min)") == true)
        #expect(count?.trace[1].hasSuffix("→ \(max)") == true)
    }

    @Test func theRuntimeMovesCPUAndMemory() {
        var python = designFile(rps: 200)
        python.project.runtime = .python
        var go = designFile(rps: 200)
        go.project.runtime = .go
        var java = designFile(rps: 200)
        java.project.runtime = .java
        let p = run(python).design.compute
        let g = run(go).design.compute
        let j = run(java).design.compute
        #expect(Double(p?.cpuUnits ?? 0) * Double(p?.maxCount ?? 0) > Double(g?.cpuUnits ?? 0) * Double(g?.maxCount ?? 0))
        #expect(Double(j?.memoryMB ?? 0) / Double(j?.cpuUnits ?? 1) > Double(p?.memoryMB ?? 0) / Double(p?.cpuUnits ?? 1))
        #expect(decision(run(designFile(rps: 200)), "compute.taskSize")?.trace.first?.contains("(project.runtime not given; the default)") == true)
    }

    @Test func lambdaMemoryIsChosenForItsCPU() {
        let result = run(designFile(rps: 0.5, environment: .development, budget: 20))
        let memory = decision(result, "compute.memory")
        #expect(memory?.value == "512 MB arm64")
        #expect(memory?.reason.contains("1769 MB") == true || memory?.reason.contains("1,769 MB") == true)
        var java = designFile(rps: 0.5, environment: .development, budget: 20)
        java.project.runtime = .java
        #expect(run(java).design.compute?.memoryMB == 1_024)
    }

    @Test func scaleRaisesTheFloor() {
        #expect(run(designFile(scale: .startup)).design.database?.instanceClass == "db.t4g.medium")
        #expect(run(designFile(scale: .growth, environment: .staging)).design.database?.instanceClass == "db.t4g.medium")
        #expect(run(designFile(scale: .growth)).design.database?.instanceClass == "db.m6g.large")
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
        #expect(prod.design.compute?.minCount == 2 && run(designFile(rps: 5, environment: .development)).design.compute?.minCount == 1)
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
        #expect(run(designFile(cost: .performance)).design.database?.instanceClass == "db.m6g.large")
        #expect(run(designFile(cost: .minimal)).design.network?.natGateways == 1)
    }

    @Test func regionChangesPricesAndAdmitsFallbacks() {
        let us = run(designFile(region: "us-east-1"))
        let mumbai = run(designFile(region: "ap-south-1"))
        let frankfurt = run(designFile(region: "eu-central-1"))
        #expect(us.estimate.totalMonthly != mumbai.estimate.totalMonthly)
        #expect(mumbai.estimate.lines.first { $0.name == "Application load balancer" }?.price?.fallback == nil)
        #expect(frankfurt.estimate.notes.contains { $0.hasPrefix("Storage (general purpose SSD, gp3): R1:") })
        #expect(frankfurt.estimate.derivedShare > 0 && frankfurt.estimate.derivedShare < 20)
        #expect(us.estimate.notes.allSatisfy { !$0.contains("×") || $0.contains("Multi-AZ") || $0.contains("Valkey") })
        // A region outside the sheet is refused when the project is loaded.
        let outside = load(projectJSON(options: #"{"region": "sa-east-1"}"#))
        #expect(lines(outside).contains { $0.hasPrefix("error options.region: \"sa-east-1\" has no prices in the catalog") })
    }

    @Test func otherEnginesGetSensibleAnswers() {
        let mongo = run(designFile(engine: .mongodb))
        #expect(mongo.design.database?.service == .documentDB)
        #expect(mongo.design.database?.instanceClass == "db.t4g.medium")
        #expect(mongo.estimate.notes.contains { $0.contains("R9: DocumentDB = 1.0833 × RDS for PostgreSQL") })
        let dynamo = run(designFile(engine: .dynamodb, environment: .development, budget: 20))
        #expect(dynamo.design.database?.service == .dynamoDB)
        #expect(dynamo.design.network == nil)
        #expect(dynamo.estimate.lines.allSatisfy { !$0.priceNotFound })
        #expect(dynamo.estimate.lines.contains { $0.name == "Write request units" })
        let none = run(designFile(engine: .none))
        #expect(none.design.database == nil && none.design.cache == nil)
        let maria = run(designFile(engine: .mariadb))
        #expect(maria.design.database?.engineVersion == "10.11")
        #expect(maria.estimate.notes.contains("MariaDB: priced as MySQL (the catalog has no MariaDB rows)"))
        for result in [mongo, dynamo, none, maria] { #expect(result.validation.isEmpty) }
    }

    @Test func readersTakeTheReadsWhenThereIsNoCache() throws {
        let input = DesignInput(file: designFile(rows: 2_000_000, rps: 2_000, readsOnly: true))
        let empty = InfrastructureDesign(projectName: "demo", region: "us-east-1", environment: .production)
        let readers = DatabaseRules.readReplicas(input, design: empty, service: .rds, storageGB: 100)
        #expect(readers.count > 0)
        let writer = try #require(DatabaseSizing.rdsClasses.first { $0.value == readers.writer })
        // The writer's trace is its own share of the load against its own class.
        #expect(readers.writerTrace.first?.hasSuffix("against \(Format.number(writer.vCPU)) vCPU") == true)
        #expect(readers.trace.first?.hasSuffix("of the database CPU is reads") == true)
        // With a cache in front there are none.
        var cached = empty
        cached.resources.append(
            Resource(
                id: "cache",
                spec: .cache(
                    CacheSpec(engine: "valkey", engineVersion: "8.0", nodeType: "cache.t4g.small", nodes: 2, automaticFailover: true, port: 6_379))))
        #expect(DatabaseRules.readReplicas(input, design: cached, service: .rds, storageGB: 100).count == 0)
    }

    @Test func auroraIsPricedBesideRDS() throws {
        let postgres = run(designFile(rps: 30, growth: 2))
        let alternative = try #require(decision(postgres, "database.alternative"))
        #expect(alternative.trace.first?.hasPrefix("RDS: db.t4g.medium Multi-AZ and 20 GB gp3 = $") == true)
        #expect(alternative.trace[1].hasPrefix("Aurora: db.t3.medium × 2"))
        // Serverless v2 has a price in us-east-1 only; elsewhere the trace says so.
        #expect(alternative.trace.contains { $0.hasPrefix("Aurora Serverless v2: 0.5 ACU on average") })
        let ireland = try #require(decision(run(designFile(rps: 30, region: "eu-west-1")), "database.alternative"))
        #expect(ireland.trace.last == "Aurora Serverless v2: no eu-west-1 price in the catalog")
        #expect(decision(run(designFile(engine: .mariadb)), "database.alternative") == nil)
        // At growth scale in production Aurora is not offered on a burstable class either.
        let growth = try #require(decision(run(designFile(rps: 30, scale: .growth)), "database.alternative"))
        #expect(growth.trace[1].hasPrefix("Aurora: db.r6g.large × 2"))
    }

    @Test func aCacheLowersTheLoadTheDatabaseIsSizedFor() {
        let result = run(designFile(rps: 1_500, readsOnly: true))
        #expect(result.design.cache != nil)
        #expect(decision(result, "database.instanceClass")?.trace.first?.contains("served by the cache") == true)
        // A small load does not pay for a cache.
        #expect(run(designFile(rps: 30, readsOnly: true)).design.cache == nil)
        #expect(decision(run(designFile(rps: 30, readsOnly: true)), "cache.enabled")?.trace.first?.hasPrefix("database without a cache") == true)
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
