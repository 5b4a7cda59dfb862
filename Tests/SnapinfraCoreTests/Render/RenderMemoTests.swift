import Foundation
import Testing

@testable import SnapinfraCore

@Suite struct RenderMemoTests {
    /// Rendering every suggestion's variant through one memo gives exactly the files a fresh render
    /// gives, and re-renders only the templates whose fields the suggestion changed.
    @Test func aMemoGivesTheSameFilesAndSkipsUntouchedTemplates() throws {
        for (file, result) in try EnhancementTests.designs() {
            let memo = RenderMemo()
            let targets: [Target] = [.terraform, .dockerCompose]
            _ = try Renderer().render(result, targets: targets, memo: memo)
            let first = memo.renders
            for suggestion in EnhancementEngine().suggestions(for: result, file: file) {
                let offered = EnhancementEngine().offeredIDs(for: result, file: file)
                let variant = try EnhancementEngine().apply(suggestion.requires.filter(offered.contains) + [suggestion.id], to: result, file: file)
                let fresh = try Renderer().render(variant, targets: targets)
                let memoised = try Renderer().render(variant, targets: targets, memo: memo)
                #expect(fresh == memoised, "\(file.project.name): \(suggestion.id)")
            }
            #expect(memo.reuses > 0, "\(file.project.name): no template was reused")
            #expect(first > 0)
        }
    }

    /// Turning on flow logs touches the network and the logs, not the database or the load balancer.
    @Test func oneToggleRendersOnlyWhatItTouches() throws {
        let file = try example("shop.json")
        let result = DesignEngine().run(file)
        let memo = RenderMemo()
        _ = try Renderer().render(result, targets: [.terraform], memo: memo)
        let before = (renders: memo.renders, reuses: memo.reuses)
        let variant = try EnhancementEngine().apply(["vpc-flow-logs"], to: result, file: file)
        let files = try Renderer().render(variant, targets: [.terraform], memo: memo)
        let rendered = memo.renders - before.renders
        #expect(rendered > 0 && rendered <= 4, "re-rendered \(rendered) of \(files.count) Terraform files")
        #expect(memo.reuses - before.reuses >= files.count - 1 - 4)
    }
}
