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

    /// Scores rendered files (only the Terraform ones count).
    public init(files: [RenderedFile]) {
        self.init(terraform: files.filter { $0.target == .terraform && $0.path.hasSuffix(".tf") }.map(\.content).joined(separator: "\n"))
    }

    /// Scores a design by rendering its Terraform with the given templates.
    public init(result: DesignResult, templates: TemplateSet = .embedded) throws(TemplateError) {
        self.init(terraform: try Renderer(templates: templates).terraformText(result.design))
    }

    init(terraform text: String) {
        let blocks = TerraformBlock.blocks(in: text)
        let module = CheckInventory.Module(blocks: blocks)
        var passed = 0
        var failing: [CheckResult] = []
        for block in blocks {
            for check in CheckInventory.checks[block.type] ?? [] where !block.skipped.contains(check.id) {
                if block.has("\n replicate_source_db = "), CheckInventory.notOnReplicas.contains(check.id) { continue }
                let ok = check.test?(block, module) ?? true
                let copies = block.copies(in: blocks)
                if ok {
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
