/// One sizing choice, with the sentence that explains it and the thresholds behind it.
public struct Decision: Sendable, Hashable, Codable {
    /// `resource.setting`, e.g. `database.instanceClass`.
    public var id: String
    public var resource: String
    public var setting: String
    public var value: String
    /// One sentence: why this value.
    public var reason: String
    /// Which inputs crossed (or stayed within) which thresholds, e.g.
    /// `db.t4g.medium: 2.1 GB of data and 180 peak rps exceed the small tier's 1 GB / 100 rps`.
    public var trace: [String]
    /// Who decided: `rules`, or a model's name.
    public var source: String

    public init(resource: String, setting: String, value: String, reason: String, trace: [String] = [], source: String = "rules") {
        id = "\(resource).\(setting)"
        self.resource = resource
        self.setting = setting
        self.value = value
        self.reason = reason
        self.trace = trace
        self.source = source
    }
}
