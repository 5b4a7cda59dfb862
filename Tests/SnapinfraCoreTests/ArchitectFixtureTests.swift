import Foundation
import Testing

@testable import SnapinfraCore

/// What an experienced AWS architect would build for each fixture in `Tests/Fixtures/architect`,
/// argued from the numbers in DECISIONS.md ("The architect's yardstick"), not from this tool's output.
struct ExpertDesign: Sendable {
    var fixture: String
    var engine: DatabaseService
    /// The class the architect would pick; the tool must land within one size step. Nil for DynamoDB.
    var instanceClass: String?
    /// Storage the architect would provision, in GB (a band).
    var storageGB: ClosedRange<Int>?
    /// App-tier vCPU: what runs at the average, and the most at the peak (bands the tool's
    /// minimum and maximum must fall into). Nil for Lambda.
    var steadyVCPU: ClosedRange<Double>?
    var peakVCPU: ClosedRange<Double>?
    var platform: ComputePlatform
    var cache: Bool
    var multiAZ: Bool
    var capacityMode: String?
    var monthlyUSD: ClosedRange<Double>
}

@Suite struct ArchitectFixtureTests {
    static let experts: [ExpertDesign] = [
        ExpertDesign(
            fixture: "conduit-blog.yaml", engine: .rds, instanceClass: "db.t4g.medium", storageGB: 20...40, steadyVCPU: 0.5...2,
            peakVCPU: 1.5...4, platform: .fargate, cache: false, multiAZ: true, monthlyUSD: 230...400),
        ExpertDesign(
            fixture: "sakila-rental.yaml", engine: .rds, instanceClass: "db.t4g.small", storageGB: 20...30, steadyVCPU: 0.5...1,
            peakVCPU: 0.5...2, platform: .fargate, cache: false, multiAZ: true, monthlyUSD: 190...330),
        ExpertDesign(
            fixture: "northwind-erp.yaml", engine: .rds, instanceClass: "db.m6g.large", storageGB: 70...120, steadyVCPU: 1.5...3,
            peakVCPU: 4...8, platform: .fargate, cache: false, multiAZ: true, monthlyUSD: 650...1_250),
        ExpertDesign(
            fixture: "iot-telemetry.yaml", engine: .dynamoDB, instanceClass: nil, storageGB: nil, steadyVCPU: 16...40, peakVCPU: 30...64,
            platform: .fargate, cache: false, multiAZ: true, capacityMode: "provisioned", monthlyUSD: 9_000...14_000),
        ExpertDesign(
            fixture: "payments-api.yaml", engine: .rds, instanceClass: "db.r6g.4xlarge", storageGB: 6_500...8_000, steadyVCPU: 16...32,
            peakVCPU: 32...64, platform: .fargate, cache: false, multiAZ: true, monthlyUSD: 10_000...17_000),
        ExpertDesign(
            fixture: "patient-portal.yaml", engine: .rds, instanceClass: "db.m6g.large", storageGB: 500...560, steadyVCPU: 0.5...2,
            peakVCPU: 1...3, platform: .fargate, cache: false, multiAZ: true, monthlyUSD: 420...800),
        ExpertDesign(
            fixture: "todo-mvp.yaml", engine: .rds, instanceClass: "db.t4g.micro", storageGB: 20...20, steadyVCPU: nil, peakVCPU: nil,
            platform: .lambda, cache: false, multiAZ: false, monthlyUSD: 10...30),
        ExpertDesign(
            fixture: "social-feed.yaml", engine: .rds, instanceClass: "db.r6g.xlarge", storageGB: 300...400, steadyVCPU: 16...32,
            peakVCPU: 40...64, platform: .fargate, cache: true, multiAZ: true, monthlyUSD: 3_200...6_500),
        ExpertDesign(
            fixture: "mflix-catalog.yaml", engine: .documentDB, instanceClass: "db.r6g.large", storageGB: 20...40, steadyVCPU: 1...3,
            peakVCPU: 3...8, platform: .fargate, cache: false, multiAZ: true, monthlyUSD: 450...1_000),
    ]

    /// Size steps of a class name, family aside: micro < small < medium < large < xlarge < 2xlarge …
    static func step(_ instanceClass: String) -> Int? {
        let sizes = ["micro", "small", "medium", "large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge"]
        return instanceClass.split(separator: ".").last.flatMap { sizes.firstIndex(of: String($0)) }
    }

    static func fixture(_ name: String) throws -> ProjectFile { try example(name, folder: "Tests/Fixtures/architect") }

    @Test func everyFixtureHasAnExpertRow() throws {
        let folder = repositoryRoot.appendingPathComponent("Tests/Fixtures/architect")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }
        #expect(Set(names) == Set(Self.experts.map(\.fixture)))
        #expect(names.count >= 8)
    }

    @Test(arguments: experts.map(\.fixture))
    func theDesignMatchesTheArchitects(fixture: String) throws {
        let expert = try #require(Self.experts.first { $0.fixture == fixture })
        let result = DesignEngine().run(try Self.fixture(fixture))
        let design = result.design
        let db = try #require(design.database)
        #expect(db.service == expert.engine)
        #expect(db.multiAZ == expert.multiAZ)
        if let expected = expert.instanceClass {
            let chosen = try #require(db.instanceClass)
            let distance = abs((Self.step(chosen) ?? 99) - (Self.step(expected) ?? -99))
            #expect(distance <= 1, "\(fixture): \(chosen) is \(distance) size steps from the architect's \(expected)")
        }
        if let band = expert.storageGB { #expect(band.contains(db.storageGB), "\(fixture): \(db.storageGB) GB, the architect \(band)") }
        if let mode = expert.capacityMode { #expect(db.capacityMode == mode) }
        let compute = try #require(design.compute)
        #expect(compute.platform == expert.platform)
        if let steady = expert.steadyVCPU, let peak = expert.peakVCPU {
            let minimum = compute.vCPU * Double(compute.minCount)
            let maximum = compute.vCPU * Double(compute.maxCount)
            #expect(steady.contains(minimum), "\(fixture): \(minimum) vCPU at the minimum, the architect \(steady)")
            #expect(peak.contains(maximum), "\(fixture): \(maximum) vCPU at the maximum, the architect \(peak)")
        }
        #expect((design.cache != nil) == expert.cache, "\(fixture): cache")
        let total = NSDecimalNumber(decimal: result.estimate.totalMonthly).doubleValue
        #expect(expert.monthlyUSD.contains(total), "\(fixture): \(Format.money(result.estimate.totalMonthly)), the architect \(expert.monthlyUSD)")
        #expect(result.estimate.lines.allSatisfy { !$0.priceNotFound }, "\(fixture): an unpriced line")
        #expect(result.validation.isEmpty, "\(fixture): \(result.validation.map(\.pathAndMessage))")
    }

    @Test func everyFixtureMatchesItsGoldenReport() throws {
        for expert in Self.experts {
            let file = try Self.fixture(expert.fixture)
            let report = DesignReport.text(DesignEngine().run(file), projectName: file.project.name)
            try Golden.check(report, "design/architect/\(expert.fixture.replacingOccurrences(of: ".yaml", with: ".txt"))")
        }
    }

    @Test func dynamoDBTakesItsKeysTTLAndEndpointFromTheSchema() throws {
        let result = DesignEngine().run(try Self.fixture("iot-telemetry.yaml"))
        let tables = try #require(result.design.database?.dynamoTables)
        let readings = try #require(tables.first { $0.name == "readings" })
        #expect(readings.hashKey == DynamoTable.Key(name: "device_id", type: "S"))
        #expect(readings.rangeKey == DynamoTable.Key(name: "ts", type: "N"))
        #expect(readings.ttlAttribute == "expires_at" && readings.retentionDays == 30)
        #expect(tables.first { $0.name == "devices" }?.indexes.map(\.name) == ["fleet_id"])
        #expect(result.design.network?.dynamoDBEndpoint == true)
        let files = try Renderer().render(result, targets: [.terraform])
        let dynamo = try #require(files.first { $0.path.hasSuffix("dynamodb.tf") }?.content)
        #expect(dynamo.contains("range_key      = \"ts\""))
        #expect(dynamo.contains("billing_mode   = \"PROVISIONED\""))
        #expect(dynamo.contains("DynamoDBWriteCapacityUtilization"))
        #expect(files.first { $0.path.hasSuffix("network.tf") }?.content.contains("com.amazonaws.${var.region}.dynamodb") == true)
        #expect(OutputValidator().validate(files).isEmpty)
        // Both capacity modes are priced, and the trace shows both figures.
        let trace = decision(result, "database.capacityMode")?.trace.joined(separator: " ") ?? ""
        #expect(trace.contains("on-demand: $") && trace.contains("provisioned at 70% utilisation under autoscaling: $"))
        // The upload endpoint has no rps and the others take all of traffic.requestsPerSecond: no uploads are invented.
        #expect(result.analysis.uploadsPerMonth == 0)
    }

    @Test func spikyOrSmallDynamoDBStaysOnDemand() throws {
        var file = try Self.fixture("iot-telemetry.yaml")
        file.project.traffic.peakMultiplier = 6
        #expect(DesignEngine().run(file).design.database?.capacityMode == "on-demand")
        let small = run(designFile(rps: 2, engine: .dynamodb))
        #expect(small.design.database?.capacityMode == "on-demand")
        #expect(decision(small, "database.capacityMode")?.trace.last?.contains("under $25.00 a month") == true)
    }

    @Test func retentionStopsGrowthAtTheHorizon() throws {
        var file = try Self.fixture("iot-telemetry.yaml")
        let capped = Analyzer.analyze(file)
        for index in file.project.schema.indices { file.project.schema[index].retentionDays = nil }
        let uncapped = Analyzer.analyze(file)
        #expect(capped.dataSizeIn12MonthsGB < capped.dataSizeGB * 1.2)
        #expect(uncapped.dataSizeIn12MonthsGB > uncapped.dataSizeGB * 5)
    }

    @Test func responseSizesComeFromTheEndpoints() throws {
        var file = try Self.fixture("conduit-blog.yaml")
        let before = Analyzer.analyze(file)
        for index in file.project.endpoints.indices { file.project.endpoints[index].responseKB = 50 }
        let after = Analyzer.analyze(file)
        #expect(before.averageResponseKB < 20)
        #expect(after.averageResponseKB == 50)
        let transfer = DesignEngine().run(file).estimate.lines.first { $0.name.hasPrefix("Data transfer out") }
        #expect(transfer?.assumption?.contains("the endpoints' responseKB") == true)
    }
}
