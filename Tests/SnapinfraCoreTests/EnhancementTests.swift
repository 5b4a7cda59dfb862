import Foundation
import Testing

@testable import SnapinfraCore

@Suite struct EnhancementTests {
    /// Designs that between them trigger every enhancement of the catalog.
    static func designs() throws -> [(ProjectFile, DesignResult)] {
        let files = [
            try example("saas-api.json"), try example("ride-events.yaml"), try example("tiny-todo.yaml"),
            designFile(rps: 200, scale: .growth, environment: .staging),
        ]
        return files.map { ($0, DesignEngine().run($0)) }
    }

    @Test func everyCatalogEntryIsOfferedSomewhere() throws {
        var offered: Set<String> = []
        for (file, result) in try Self.designs() {
            offered.formUnion(EnhancementEngine().suggestions(for: result, file: file).map(\.id))
        }
        #expect(offered == Set(EnhancementEngine.catalogIDs))
    }

    /// Each enhancement alone: the files change, still validate, and the cost delta is the
    /// estimator's difference.
    @Test func eachEnhancementAppliedAlone() throws {
        for (file, result) in try Self.designs() {
            let before = try Renderer().render(result, targets: [.terraform])
            for suggestion in EnhancementEngine().suggestions(for: result, file: file) {
                let applied = try EnhancementEngine().apply([suggestion.id], to: result, file: file)
                #expect(applied.estimate.totalMonthly - result.estimate.totalMonthly == suggestion.monthlyCostDelta, "\(suggestion.id)")
                let after = try Renderer().render(applied, targets: [.terraform])
                #expect(after.map(\.content) != before.map(\.content), "\(suggestion.id) changed no file")
                #expect(OutputValidator().validate(after).isEmpty, "\(suggestion.id): \(OutputValidator().validate(after))")
                #expect(
                    EnhancementEngine().suggestions(for: applied, file: file).allSatisfy { $0.id != suggestion.id }, "\(suggestion.id) still offered")
            }
        }
    }

    @Test func allTogetherStillValidate() throws {
        for (file, result) in try Self.designs() {
            let ids = EnhancementEngine().suggestions(for: result, file: file).map(\.id)
            let applied = try EnhancementEngine().apply(ids, to: result, file: file)
            let files = try Renderer().render(applied, targets: [.terraform, .dockerCompose])
            #expect(OutputValidator().validate(files).isEmpty)
            #expect(applied.design.decisions.filter { $0.resource == "enhancement" }.count == ids.count)
        }
    }

    @Test func safeIsDerivedFromFacts() throws {
        let file = try example("saas-api.json")
        let suggestions = EnhancementEngine().suggestions(for: DesignEngine().run(file), file: file)
        for s in suggestions {
            let expected = s.risk == .none && s.reversible && s.needsInput == nil && s.monthlyCostDelta <= EnhancementEngine.safeCostThreshold
            #expect(s.safe == expected, "\(s.id)")
        }
        #expect(suggestions.first { $0.id == "alb-https" }?.safe == false, "needs a certificate")
        #expect(suggestions.first { $0.id == "alb-waf" }?.safe == false, "costs more than the threshold")
        #expect(suggestions.first { $0.id == "kms-customer-managed-key" }?.safe == true)
    }

    @Test func badRequestsAreRefusedWithAMessage() throws {
        let file = try example("tiny-todo.yaml")
        let result = DesignEngine().run(file)
        #expect(throws: EnhancementError(message: "unknown enhancement \"vpc-flow-log\" (did you mean \"vpc-flow-logs\"?)")) {
            try EnhancementEngine().apply(["vpc-flow-log"], to: result, file: file)
        }
        #expect(throws: EnhancementError.self) { try EnhancementEngine().apply(["alb-waf"], to: result, file: file) }
    }

    @Test func focusFiltersCategories() throws {
        var file = try example("ride-events.yaml")
        file.options.enhancementFocus = [.monitoring]
        let suggestions = EnhancementEngine().suggestions(for: DesignEngine().run(file), file: file)
        #expect(!suggestions.isEmpty && suggestions.allSatisfy { $0.category == .monitoring })
    }
}
