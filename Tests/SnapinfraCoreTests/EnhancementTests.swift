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

@Suite struct GuardRailTests {
    @Test func designsThatBreakARuleAreRefused() throws {
        var design = run(designFile(uploads: true)).design
        if var db = design.database {
            db.storageEncrypted = false
            design.update("database", .database(db))
        }
        if var bucket = design.objectStorage {
            bucket.blockPublicAccess = false
            design.update("uploads", .objectStorage(bucket))
        }
        let messages = DesignValidator().validate(design).map(\.message)
        #expect(messages.contains("guard rail: a production database must be encrypted at rest"))
        #expect(messages.contains("guard rail: buckets must block public access"))
    }

    @Test func renderedFilesThatBreakARuleAreRefused() {
        let file = RenderedFile(
            path: "x.tf",
            content: """
                resource "aws_iam_user" "deploy" {
                  name = "deploy"
                }

                resource "aws_vpc_security_group_ingress_rule" "ssh" {
                  security_group_id = "sg-1"
                  cidr_ipv4         = "0.0.0.0/0"
                  ip_protocol       = "tcp"
                  from_port         = 22
                  to_port           = 22
                }

                resource "aws_security_group" "rdp" {
                  name = "rdp"

                  ingress {
                    from_port   = 3000
                    to_port     = 4000
                    protocol    = "tcp"
                    cidr_blocks = ["0.0.0.0/0"]
                  }
                }

                resource "aws_vpc_security_group_ingress_rule" "https" {
                  security_group_id = "sg-1"
                  cidr_ipv4         = "0.0.0.0/0"
                  ip_protocol       = "tcp"
                  from_port         = 443
                  to_port           = 443
                }
                """, source: "", target: .terraform)
        let problems = GuardRails.check([file]).map { "\($0.position?.line ?? 0): \($0.message)" }
        #expect(
            problems == [
                "1: guard rail: aws_iam_user is not allowed; use roles, not users or long-lived keys",
                "5: guard rail: SSH (22) or RDP (3389) must not be open to the world",
                "16: guard rail: SSH (22) or RDP (3389) must not be open to the world",
            ])
    }

    @Test func everyGeneratedDesignPassesTheGuardRails() throws {
        for (file, result) in try EnhancementTests.designs() {
            let ids = EnhancementEngine().suggestions(for: result, file: file).map(\.id)
            let applied = try EnhancementEngine().apply(ids, to: result, file: file)
            #expect(GuardRails.check(applied.design).isEmpty)
            #expect(GuardRails.check(try Renderer().render(applied, targets: [.terraform])).isEmpty)
        }
    }
}
