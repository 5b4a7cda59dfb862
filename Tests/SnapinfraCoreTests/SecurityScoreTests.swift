import Foundation
import Testing

@testable import SnapinfraCore

@Suite struct SecurityScoreTests {
    @Test func blocksAreReadWithCountsAndSkips() throws {
        let text = """
            resource "aws_eip" "nat" {
              count = 2

              domain = "vpc"
            }

            data "aws_caller_identity" "current" {}

            resource "aws_s3_bucket" "logs" {
              bucket_prefix = "x-"

              #checkov:skip=CKV_AWS_18:This bucket receives the access logs.
            }
            """
        let blocks = TerraformBlock.blocks(in: [try HCLParser.parse(text)])
        #expect(blocks.map(\.address) == ["aws_eip.nat", "data.aws_caller_identity.current", "aws_s3_bucket.logs"])
        #expect(blocks[0].copies(locals: [:]) == 2 && blocks[2].copies(locals: [:]) == 1)
        #expect(blocks[2].skipped == ["CKV_AWS_18"])
        #expect(blocks[0].value("domain") == "\"vpc\"" && blocks[0].integer("count") == 2)
    }

    @Test func aForEachOverALocalMapCountsEachEntry() throws {
        let text = """
            locals {
              tables = {
                a = {
                  hash_key = "id"
                }
                b = {
                  hash_key = "id"
                }
              }
              name = "x"
            }

            resource "aws_dynamodb_table" "this" {
              for_each = local.tables

              point_in_time_recovery {
                enabled = false
              }
            }
            """
        let blocks = TerraformBlock.blocks(in: [try HCLParser.parse(text)])
        #expect(blocks.first?.mapSizes == ["tables": 2])
        #expect(blocks.last?.copies(locals: ["tables": 2]) == 2)
        let score = SecurityScore(modules: [try HCLParser.parse(text)])
        #expect(score.failing.filter { $0.checkID == "CKV_AWS_28" }.count == 2)
    }

    /// Each enhancement with controls fixes checks it names, and its score delta is the difference
    /// of the two scores (WAF alone may lower it: its log group fails two checks until the key and
    /// the year of retention are applied too).
    @Test func securityEnhancementsRaiseTheScore() throws {
        let file = try example("shop.json")
        let result = DesignEngine().run(file)
        let before = try SecurityScore(result: result)
        #expect(before.failing.contains { $0.checkID == "CKV_AWS_91" && $0.resource == "aws_lb.this" })
        for suggestion in EnhancementEngine().suggestions(for: result, file: file) where !suggestion.controls.isEmpty {
            let applied = try EnhancementEngine().apply(
                suggestion.requires.filter(EnhancementEngine().offeredIDs(for: result, file: file).contains) + [suggestion.id], to: result, file: file
            )
            let after = try SecurityScore(result: applied)
            let fixed = Set(before.failing.map(\.checkID)).subtracting(after.failing.map(\.checkID))
            let claimed = Set(suggestion.controls.flatMap(\.checkovIDs))
            #expect(!claimed.isDisjoint(with: fixed) || claimed.isEmpty, "\(suggestion.id) fixes none of \(claimed)")
            let base = try SecurityScore(
                result: try EnhancementEngine().apply(
                    suggestion.requires.filter(EnhancementEngine().offeredIDs(for: result, file: file).contains), to: result, file: file))
            #expect(suggestion.securityScoreDelta == ((after.value - base.value) * 10).rounded() / 10, "\(suggestion.id)")
        }
    }

    @Test func allEnhancementsReachTheTarget() throws {
        for name in ["saas-api.json", "shop.json", "ride-events.yaml", "tiny-todo.yaml"] {
            var file = try example(name)
            file.options.environment = .production
            let result = DesignEngine().run(file)
            let ids = EnhancementEngine.compatible(EnhancementEngine().suggestions(for: result, file: file))
            let score = try SecurityScore(result: try EnhancementEngine().apply(ids, to: result, file: file))
            #expect(score.value >= 98, "\(name): \(score.value) \(score.failing.map(\.checkID))")
        }
    }
}

/// Scoring a suggestion reads only the files that hold checked blocks, from the texts rendering
/// wrote: the shortcut must not change a score.
@Suite struct ScoredTextsTests {
    @Test func theFilesLeftOutOfScoringHoldNoCheckedBlock() throws {
        for url in try exampleFiles() {
            let file = try example(url.lastPathComponent)
            let result = DesignEngine().run(file)
            let every = EnhancementEngine.compatible(EnhancementEngine().suggestions(for: result, file: file))
            for design in [result, try EnhancementEngine().apply(every, to: result, file: file)] {
                let files = try Renderer().render(design, targets: [.terraform])
                for name in Renderer.unscoredFiles {
                    let text = try #require(files.first { $0.path == "infra/terraform/\(name)" }).content
                    #expect(TerraformBlock.blocks(in: [try HCLParser.parse(text)]).isEmpty, "\(url.lastPathComponent) \(name)")
                }
            }
        }
    }

    @Test func theScoreOfTheDesignIsTheScoreOfItsCheckedFiles() throws {
        for url in try exampleFiles() {
            let pipeline = Pipeline()
            let designed = pipeline.design(try example(url.lastPathComponent))
            let validated = try pipeline.run(designed)
            // A fresh pipeline: nothing cached from the run above.
            let fresh = try #require(Pipeline().score(designed))
            #expect(fresh == validated.score, "\(url.lastPathComponent)")
            #expect(fresh == SecurityScore(modules: try validated.files.filter { $0.path.hasSuffix(".tf") }.map { try HCLParser.parse($0.content) }))
        }
    }
}

@Suite struct ComplianceTests {
    @Test func checklistSaysWhatIsMetWhatAnEnhancementMeetsAndWhatIsWaived() throws {
        var file = try example("shop.json")
        file.options.preferences.compliance = [.pciDss, .soc2, .gdpr]
        file.options.region = "us-east-1"
        let result = DesignEngine().run(file)
        let checklist = ComplianceChecklist(result: result, file: file, offered: EnhancementEngine().offeredIDs(for: result, file: file))
        func item(_ profile: Compliance, _ control: String) -> ComplianceChecklist.Item? {
            checklist.items.first { $0.profile == profile && $0.control == control }
        }
        #expect(item(.pciDss, "encryption-at-rest")?.status == .satisfied)
        // PCI DSS 6.4.2: the rules put the WAF in front from the start.
        #expect(item(.pciDss, "web-application-firewall")?.status == .satisfied)
        #expect(result.design.decisions.contains { $0.id == "entry.webApplicationFirewall" })
        #expect(item(.soc2, "cross-region-copies")?.status == .waived)
        #expect(item(.gdpr, "data-residency")?.status == .waived)
        #expect(item(.pciDss, "cache-authentication") == nil, "no cache, so not listed")
        // Applying what the checklist names satisfies it.
        let ids = checklist.items.compactMap(\.enhancement)
        let applied = try EnhancementEngine().apply(Array(Set(ids)).sorted(), to: result, file: file)
        let after = ComplianceChecklist(result: applied, file: file, offered: [])
        #expect(after.items.allSatisfy { $0.status != .afterEnhancement }, "\(after.items.filter { $0.status == .afterEnhancement })")
    }
}
