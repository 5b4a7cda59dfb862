/// One file of the output: where it goes, what it holds, and which template made it.
public struct RenderedFile: Sendable, Hashable, Codable {
    /// Path relative to the output folder, `/`-separated.
    public var path: String
    public var content: String
    /// The template it came from, e.g. `terraform/network.tf.mustache`.
    public var source: String
    public var target: Target?

    public init(path: String, content: String, source: String, target: Target?) {
        self.path = path
        self.content = content
        self.source = source
        self.target = target
    }
}
