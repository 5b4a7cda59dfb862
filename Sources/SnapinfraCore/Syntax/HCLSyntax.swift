/// The parts of an HCL file the checks need: blocks, attributes, and the references each
/// expression makes.
public struct HCLBody: Sendable, Hashable {
    public var attributes: [HCLAttribute] = []
    public var blocks: [HCLBlock] = []
}

public struct HCLAttribute: Sendable, Hashable {
    public var name: String
    public var position: SourcePosition
    /// Traversals the value refers to, such as `var.region` or `aws_vpc.this.id`.
    public var references: [HCLReference]
}

public struct HCLBlock: Sendable, Hashable {
    public var type: String
    public var labels: [String]
    public var position: SourcePosition
    public var body: HCLBody
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
