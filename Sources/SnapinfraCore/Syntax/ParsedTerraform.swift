import Foundation

/// The Terraform files of one output, each parsed once: the syntax and reference check, the
/// guard rails and the security score all read these trees.
public struct ParsedTerraform: Sendable {
    public struct File: Sendable {
        public var path: String
        public var body: HCLBody
    }

    /// The files that parse, in order.
    public var files: [File]
    /// One error for each file that does not, at its place.
    public var syntaxErrors: [Diagnostic]

    /// Parses the `.tf` files among `files`, reusing trees from `cache` for texts seen before.
    public init(_ files: [RenderedFile], cache: HCLParseCache? = nil) {
        var parsed: [File] = []
        var errors: [Diagnostic] = []
        for file in files where file.path.hasSuffix(".tf") {
            do throws(HCLSyntaxError) {
                parsed.append(File(path: file.path, body: try HCLParseCache.parse(file.content, with: cache)))
            } catch {
                errors.append(.error(file.path, error.message, at: error.position))
            }
        }
        self.files = parsed
        syntaxErrors = errors
    }
}

/// Parse trees by source text, shared across threads: measuring many variants of one design
/// parses each distinct file once, since a suggestion changes only the files it touches.
public final class HCLParseCache: @unchecked Sendable {
    private var trees: [String: HCLBody] = [:]
    private var blockLists: [String: [TerraformBlock]] = [:]
    private let lock = NSLock()
    /// Trees kept at most; a long session starts over past this, so memory stays bounded.
    static let capacity = 256

    public init() {}

    /// Parses through `cache` when there is one.
    public static func parse(_ text: String, with cache: HCLParseCache?) throws(HCLSyntaxError) -> HCLBody {
        if let cache { return try cache.parse(text) }
        return try HCLParser.parse(text)
    }

    public func parse(_ text: String) throws(HCLSyntaxError) -> HCLBody {
        if let tree = lock.withLock({ trees[text] }) { return tree }
        let tree = try HCLParser.parse(text)
        lock.withLock {
            if trees.count >= Self.capacity { trees.removeAll(keepingCapacity: true) }
            trees[text] = tree
        }
        return tree
    }

    /// The blocks the security checks read in one file's text, gathered once per distinct text:
    /// scoring a variant of a design then walks only the files the variant changed.
    func blocks(_ text: String) throws(HCLSyntaxError) -> [TerraformBlock] {
        if let known = lock.withLock({ blockLists[text] }) { return known }
        let blocks = TerraformBlock.blocks(in: [try parse(text)])
        lock.withLock {
            if blockLists.count >= Self.capacity { blockLists.removeAll(keepingCapacity: true) }
            blockLists[text] = blocks
        }
        return blocks
    }
}
