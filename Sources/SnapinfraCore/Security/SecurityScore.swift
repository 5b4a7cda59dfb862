import Foundation

/// A check on one resource of the rendered Terraform, and whether it passes.
public struct CheckResult: Sendable, Hashable, Codable {
    public var checkID: String
    public var title: String
    public var resource: String
    public var passed: Bool
}

/// The security score of a design: the share of the checks its rendered Terraform passes, out
/// of 100. The checks are checkov's (the CI compares the two on every example); a check a block
/// opts out of with a reasoned `#checkov:skip` counts neither way, as in checkov.
public struct SecurityScore: Sendable, Hashable, Codable {
    public var passed: Int
    public var failed: Int
    /// Failing checks, grouped by title, with the resources each fails on.
    public var failing: [CheckResult]

    public var total: Int { passed + failed }
    /// 0–100, one decimal.
    public var value: Double {
        guard total > 0 else { return 100 }
        return (Double(passed) / Double(total) * 1_000).rounded() / 10
    }

    /// Scores rendered files (only the Terraform ones count); a file that does not parse counts
    /// for nothing, and the syntax check reports it. `cache` keeps each text's blocks.
    public init(files: [RenderedFile], cache: HCLParseCache = HCLParseCache()) {
        self.init(
            blocks: files.filter { $0.target == .terraform && $0.path.hasSuffix(".tf") }.flatMap { file in
                (try? cache.blocks(file.content)) ?? []
            })
    }

    /// Scores a design by rendering its Terraform with the given templates; `cache` keeps the
    /// trees of texts seen before, and `memo` the texts of templates whose fields are unchanged.
    public init(result: DesignResult, templates: TemplateSet = .embedded, cache: HCLParseCache? = nil, memo: RenderMemo? = nil) throws(TemplateError)
    {
        let cache = cache ?? HCLParseCache()
        self.init(
            blocks: try Renderer(templates: templates).scoredTerraformTexts(result.design, memo: memo).flatMap { text in
                (try? cache.blocks(text)) ?? []
            })
    }

    /// Scores the parse trees of one module's files.
    public init(modules bodies: [HCLBody]) {
        self.init(blocks: TerraformBlock.blocks(in: bodies))
    }

    /// Scores the blocks of one module's files.
    init(blocks: [TerraformBlock]) {
        let module = CheckInventory.Module(blocks: blocks)
        let locals = blocks.reduce(into: [String: Int]()) { sizes, block in sizes.merge(block.mapSizes) { a, _ in a } }
        var passed = 0
        var failing: [CheckResult] = []
        for block in blocks {
            guard let checks = CheckInventory.checks[block.type] else { continue }
            let copies = block.copies(locals: locals)
            let replica = block.has("replicate_source_db")
            for check in checks where !block.skipped.contains(check.id) {
                if replica, CheckInventory.notOnReplicas.contains(check.id) { continue }
                if check.test?(block, module) ?? true {
                    passed += copies
                } else {
                    failing += Array(
                        repeating: CheckResult(checkID: check.id, title: check.title, resource: block.address, passed: false), count: copies)
                }
            }
        }
        self.passed = passed
        self.failed = failing.count
        self.failing = failing
    }
}
