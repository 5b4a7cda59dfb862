/// The parts of an HCL file the checks need: blocks, attributes with their values as written, and
/// the references each expression makes. The syntax check, the guard rails and the security score
/// all read this one tree.
public struct HCLBody: Sendable, Hashable {
    public var attributes: [HCLAttribute] = []
    public var blocks: [HCLBlock] = []
}

public struct HCLAttribute: Sendable, Hashable {
    public var name: String
    public var position: SourcePosition
    /// The value's source text, from the first character after `=` to the end of the expression,
    /// without surrounding blanks: `"HTTPS"` with its quotes, `true`, `var.region`.
    public var value: String
    /// When the value is an object constructor (`{ a = …, b = … }`), its number of items.
    public var entries: Int?
    /// Traversals the value refers to, such as `var.region` or `aws_vpc.this.id`.
    public var references: [HCLReference]
}

public struct HCLBlock: Sendable, Hashable {
    public var type: String
    public var labels: [String]
    public var position: SourcePosition
    public var body: HCLBody
    /// Check ids a `#checkov:skip=ID:reason` comment anywhere inside the block opts out of.
    public var checkovSkips: [String] = []
}

/// A reference: the root name and the attribute names that follow it (`["aws_vpc", "this", "id"]`).
public struct HCLReference: Sendable, Hashable {
    public var parts: [String]
    public var position: SourcePosition
}

/// A syntax error with its place.
public struct HCLSyntaxError: Error, Sendable, Hashable {
    public var message: String
    public var position: SourcePosition
}
