/// A top-level block of rendered Terraform (`resource "aws_lb" "this" { … }`), read from the
/// parse tree that the syntax check builds.
struct TerraformBlock: Sendable, Hashable {
    var kind: String
    var type: String
    var name: String
    var block: HCLBlock
    /// Check ids the block opts out of with `#checkov:skip=ID:reason`.
    var skipped: Set<String>
    /// Every attribute and nested block at any depth, gathered once for the checks that ask.
    private let everyAttribute: [HCLAttribute]
    private let everyBlock: [HCLBlock]

    init(_ block: HCLBlock) {
        kind = block.type
        type = block.labels.first ?? ""
        name = block.type == "provider" ? "" : block.labels.dropFirst().first ?? ""
        self.block = block
        skipped = Set(block.checkovSkips)
        everyAttribute = Self.attributes(in: block.body)
        everyBlock = Self.blocks(in: block.body)
    }

    var address: String { kind == "data" ? "data.\(type).\(name)" : "\(type).\(name)" }

    /// The blocks a module's files declare that the checks look at, in file order.
    static func blocks(in bodies: [HCLBody]) -> [TerraformBlock] {
        bodies.flatMap { body in
            body.blocks.filter { ["resource", "data", "provider", "locals"].contains($0.type) }.map(TerraformBlock.init)
        }
    }

    /// `count = N` with a literal N gives N copies, and `for_each = local.NAME` one per item of that
    /// map of objects (checkov expands both); anything else is one.
    func copies(locals: [String: Int]) -> Int {
        if let each = top("for_each"), each.hasPrefix("local.") { return locals[String(each.dropFirst(6))] ?? 1 }
        return top("count").flatMap { Int($0) } ?? 1
    }

    /// The value of a top-level attribute, as written.
    func top(_ attribute: String) -> String? {
        block.body.attributes.first { $0.name == attribute }?.value
    }

    /// The value of the first attribute of that name at any depth, in reading order.
    func value(_ attribute: String) -> String? {
        everyAttribute.filter { $0.name == attribute }.min { $0.position < $1.position }?.value
    }

    /// Whether the block sets the attribute, at any depth.
    func has(_ attribute: String) -> Bool { everyAttribute.contains { $0.name == attribute } }

    /// Whether the attribute is `true`, at any depth.
    func isTrue(_ attribute: String) -> Bool { everyAttribute.contains { $0.name == attribute && $0.value == "true" } }

    /// Whether some attribute at any depth has exactly this value (`"HTTPS"` with its quotes).
    func hasValue(_ value: String) -> Bool { everyAttribute.contains { $0.value == value } }

    /// Whether a nested block of this type appears at any depth.
    func hasBlock(_ type: String) -> Bool { everyBlock.contains { $0.type == type } }

    /// The integer value of the first attribute of that name, if it is a literal.
    func integer(_ attribute: String) -> Int? { value(attribute).flatMap { Int($0) } }

    private static func attributes(in body: HCLBody) -> [HCLAttribute] {
        body.attributes + body.blocks.flatMap { attributes(in: $0.body) }
    }

    private static func blocks(in body: HCLBody) -> [HCLBlock] {
        body.blocks + body.blocks.flatMap { blocks(in: $0.body) }
    }

    /// Items of each map of objects in a `locals` block (`dynamodb_tables = { a = { … }, b = { … } }` → 2).
    var mapSizes: [String: Int] {
        guard kind == "locals" else { return [:] }
        var sizes: [String: Int] = [:]
        for attribute in block.body.attributes {
            if let entries = attribute.entries, entries > 0 { sizes[attribute.name] = entries }
        }
        return sizes
    }
}
