import Foundation
import Testing

@testable import SnapinfraCore

/// The classes the sizing may choose are priced from a figure read for each region, and no
/// fixture's estimate leaves a line out, in any region of the sheet.
@Suite struct PricingCoverageTests {
    @Test func everyClassTheSizingMayChooseHasARegionalFigure() {
        for region in PriceCatalog.regions10 {
            for c in DatabaseSizing.rdsClasses {
                for engine in ["postgres", "mysql"] {
                    #expect(
                        PriceCatalog.aws.hasRegionalFigure(.rdsInstance(engine: engine, instanceClass: c.value, multiAZ: false), region: region),
                        "\(engine) \(c.value) in \(region)")
                }
            }
            for key in [PriceKey.dataTransferOutGB, .dataTransferOutNext40TBGB, .dataTransferOutNext100TBGB, .crossAZGB] {
                #expect(PriceCatalog.aws.hasRegionalFigure(key, region: region), "\(key) in \(region)")
            }
        }
    }

    @Test func noFixtureHasAnUnpricedLineInAnyRegion() throws {
        let folder = repositoryRoot.appendingPathComponent("Tests/Fixtures/architect")
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() where name.hasSuffix(".yaml") {
            var file = try example(name, folder: "Tests/Fixtures/architect")
            for region in PriceCatalog.regions10 {
                file.options.region = region
                // DynamoDB is priced in two regions; elsewhere the project is refused (tested below).
                if file.project.database.type == .dynamodb && !["us-east-1", "us-east-2"].contains(region) {
                    #expect(ProjectValidator().validate(file).contains { $0.path == "options.region" && $0.severity == .error })
                    continue
                }
                let estimate = DesignEngine().run(file).estimate
                let unpriced = estimate.lines.filter(\.priceNotFound).map(\.name)
                #expect(unpriced.isEmpty, "\(name) in \(region): \(unpriced)")
                for line in estimate.lines where line.price?.fallback != nil {
                    #expect(line.price?.grade == .derived, "\(name) in \(region): \(line.name) is derived but not marked ≈")
                }
            }
        }
    }

    @Test func egressIsPricedAtEveryTier() {
        // 80 TB a month: 10 TB, 40 TB and 30 TB of the next 100 TB, none dropped.
        var file = designFile(rps: 1_000)
        file.project.endpoints = [Endpoint(method: .get, path: "/items", responseKB: 30.5)]
        let estimate = DesignEngine().run(file).estimate
        let tiers = estimate.lines.filter { $0.name.hasPrefix("Data transfer out") }
        #expect(tiers.map(\.name).last == "Data transfer out to the internet (next 100 TB)")
        let billed = tiers.reduce(Decimal(0)) { $0 + ($1.monthlyQuantity ?? 0) }
        let expected = Decimal(1_000 * Analyzer.secondsPerMonth * 30.5 / 1_000_000 - 100)
        #expect(abs(NSDecimalNumber(decimal: billed - expected).doubleValue) < 1)
    }
}
