import Foundation
import Testing

@testable import SnapinfraCore

/// Cost lines against the reference sheet's infracost lines (§3.10), to the cent.
@Suite struct ReferenceLineTests {
    private func rds(_ engine: DatabaseEngine, _ instanceClass: String, multiAZ: Bool, storage: Int, type: String) -> [CostLine] {
        let spec = DatabaseSpec(
            service: .rds, engine: engine, engineVersion: "", instanceClass: instanceClass, storageGB: storage, storageType: type,
            multiAZ: multiAZ, backupRetentionDays: 7, deletionProtection: false, storageEncrypted: true, readReplicas: 0, port: 0, tables: [])
        var builder = CostLineBuilder(catalog: .aws, region: "us-east-1")
        return DatabaseCost.lines(spec, resourceID: "db", analysis: Analyzer.analyze(ProjectFile(project: Project(name: "x"))), builder: &builder)[0]
            .lines.map { $0.roundedToCents() }
    }

    private func money(_ line: CostLine?) -> String? { line?.monthlyCost.map(Format.money) }

    @Test func rdsInstanceLines() {
        let mysql = rds(.mysql, "db.t3.large", multiAZ: false, storage: 20, type: "gp3")
        #expect(mysql[0].name == "Database instance (on-demand, Single-AZ, db.t3.large)")
        #expect(mysql[0].monthlyQuantity == 730)
        #expect(mysql[0].unit == "hours")
        #expect(money(mysql[0]) == "$99.28")
        #expect(money(rds(.postgres, "db.t3.large", multiAZ: false, storage: 20, type: "gp3")[0]) == "$105.85")
        let multi = rds(.mysql, "db.t3.large", multiAZ: true, storage: 30, type: "gp2")
        #expect(multi[0].name == "Database instance (on-demand, Multi-AZ, db.t3.large)")
        #expect(money(multi[0]) == "$198.56")
        #expect(multi[1].name == "Storage (general purpose SSD, gp2)")
        #expect(money(multi[1]) == "$6.90")
    }

    @Test func graviton() {
        let multi = rds(.mysql, "db.t4g.small", multiAZ: true, storage: 400, type: "gp3")
        #expect(money(multi[0]) == "$47.45")
        #expect(multi[1].name == "Storage (general purpose SSD, gp3)")
        #expect(money(multi[1]) == "$92.00")
        let single = rds(.mysql, "db.t4g.small", multiAZ: false, storage: 20, type: "gp3")
        #expect(money(single[0]) == "$23.36")
        #expect(money(single[1]) == "$2.30")
        // The Multi-AZ SKU is used where the sheet has one, not 2 × Single-AZ ($0.129, not $0.130).
        let medium = rds(.postgres, "db.t4g.medium", multiAZ: true, storage: 20, type: "gp3")
        #expect(money(medium[0]) == "$94.17")
        #expect(medium[0].price?.fallback == nil)
    }

    @Test func networkComputeAndSmallServices() {
        var builder = CostLineBuilder(catalog: .aws, region: "us-east-1")
        #expect(money(builder.hourly("NAT gateway", .natGatewayHour).roundedToCents()) == "$32.85")
        #expect(money(builder.hourly("Application load balancer", .albHour).roundedToCents()) == "$16.43")
        let gb = builder.perUnitHour("Per GB per hour", .fargateGB(arm: false), units: 2, unit: "GB", min: 2, max: 2).roundedToCents()
        let cpu = builder.perUnitHour("Per vCPU per hour", .fargateVCPU(arm: false), units: 1, unit: "CPU", min: 1, max: 1).roundedToCents()
        #expect(money(gb) == "$6.49")
        #expect(money(cpu) == "$29.55")
        let cache = builder.hourly("ElastiCache (on-demand, cache.m6g.12xlarge)", .elastiCacheNode(engine: "redis", nodeType: "cache.m6g.12xlarge"))
            .roundedToCents()
        #expect(money(cache) == "$2,596.61")
        #expect(money(builder.monthly("Standard resolution", .alarmStandard, quantity: 1, unit: "alarm metrics").roundedToCents()) == "$0.10")
        #expect(money(builder.monthly("Secret", .secret, quantity: 1, unit: "months").roundedToCents()) == "$0.40")
        #expect(money(builder.monthly("Customer master key", .kmsKey, quantity: 1, unit: "months").roundedToCents()) == "$1.00")
        #expect(money(builder.monthly("Rules", .wafRule, quantity: 16, unit: "rules").roundedToCents()) == "$16.00")
        #expect(builder.notes.isEmpty)
    }

    @Test func everyPriceKeepsItsSourceAndDate() throws {
        let price = try #require(
            PriceCatalog.aws.price(.rdsInstance(engine: "postgres", instanceClass: "db.r6g.large", multiAZ: false), region: "eu-west-1"))
        #expect(price.usd == Decimal(string: "0.252"))
        #expect(price.sourceID == "S2")
        #expect(price.sourceDate == "2026-09-06")
        #expect(price.grade == .a)
        for row in PriceCatalog.awsRows + PriceCatalog.tableRows + PriceCatalog.regionalPriceRows {
            #expect(PriceSource.all[row.source] != nil, "row \(row.key) names unknown source \(row.source)")
        }
    }

    @Test func fallbackRulesAreNamed() throws {
        let multi = try #require(
            PriceCatalog.aws.price(.rdsInstance(engine: "postgres", instanceClass: "db.m6g.large", multiAZ: true), region: "us-east-1"))
        #expect(multi.usd == Decimal(string: "0.318"))
        #expect(multi.fallback == "Multi-AZ = 2 × Single-AZ (sheet §2)")
        let valkey = try #require(PriceCatalog.aws.price(.elastiCacheNode(engine: "valkey", nodeType: "cache.r6g.large"), region: "eu-west-1"))
        #expect(valkey.usd == Decimal(string: "0.1832"))
        #expect(valkey.fallback == "Valkey = 0.8 × Redis OSS of the region (sheet §3.6)")
        // Read for the region now, from the 2026-12 passes of the sheet: no multiplier.
        let alb = try #require(PriceCatalog.aws.price(.albHour, region: "ap-southeast-1"))
        #expect(alb.usd == Decimal(string: "0.0252") && alb.fallback == nil && alb.sourceID == "S29")
        let frankfurt = try #require(PriceCatalog.aws.price(.natGatewayHour, region: "eu-central-1"))
        #expect(frankfurt.usd == Decimal(string: "0.052") && frankfurt.grade == .a)
        // Fargate Arm in Frankfurt: R2 on the region's own x86 figure.
        let arm = try #require(PriceCatalog.aws.price(.fargateVCPU(arm: true), region: "eu-central-1"))
        #expect(arm.usd == Decimal(string: "0.037248") && arm.grade == .derived && arm.fallback?.hasPrefix("R2:") == true)
        // CloudWatch in Frankfurt: R3 with the region's Logs ingestion ratio (0.63 ÷ 0.50).
        let alarm = try #require(PriceCatalog.aws.price(.alarmStandard, region: "eu-central-1"))
        #expect(alarm.usd == Decimal(string: "0.126") && alarm.fallback?.hasPrefix("R3:") == true)
        // No rule reaches a region outside the sheet, and DynamoDB has no figure outside us-east-1/2.
        #expect(PriceCatalog.aws.price(.natGatewayHour, region: "sa-east-1") == nil)
        #expect(PriceCatalog.aws.price(.dynamoDBWriteMillion, region: "eu-west-1") == nil)
    }
}
