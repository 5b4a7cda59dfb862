/// A resource of the design: a kind, typed properties, and what it depends on.
public struct Resource: Sendable, Hashable, Codable {
    /// A stable id within the design: `network`, `database`, `compute`, …
    public var id: String
    public var spec: ResourceSpec
    public var dependsOn: [String]

    public init(id: String, spec: ResourceSpec, dependsOn: [String] = []) {
        self.id = id
        self.spec = spec
        self.dependsOn = dependsOn
    }

    public var kind: ResourceKind { spec.kind }
}

/// The kinds of resources a design can hold.
public enum ResourceKind: String, Sendable, Hashable, Codable, CaseIterable {
    case network, database, compute
    case entryPoint = "entry-point"
    case cache
    case objectStorage = "object-storage"
    case secret, monitoring
}

/// Typed properties of a resource, one case per kind.
public enum ResourceSpec: Sendable, Hashable {
    case network(NetworkSpec)
    case database(DatabaseSpec)
    case compute(ComputeSpec)
    case entryPoint(EntryPointSpec)
    case cache(CacheSpec)
    case objectStorage(ObjectStorageSpec)
    case secret(SecretSpec)
    case monitoring(MonitoringSpec)

    public var kind: ResourceKind {
        switch self {
        case .network: return .network
        case .database: return .database
        case .compute: return .compute
        case .entryPoint: return .entryPoint
        case .cache: return .cache
        case .objectStorage: return .objectStorage
        case .secret: return .secret
        case .monitoring: return .monitoring
        }
    }
}

extension ResourceSpec: Codable {
    private enum CodingKeys: String, CodingKey { case kind, properties }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(ResourceKind.self, forKey: .kind) {
        case .network: self = .network(try container.decode(NetworkSpec.self, forKey: .properties))
        case .database: self = .database(try container.decode(DatabaseSpec.self, forKey: .properties))
        case .compute: self = .compute(try container.decode(ComputeSpec.self, forKey: .properties))
        case .entryPoint: self = .entryPoint(try container.decode(EntryPointSpec.self, forKey: .properties))
        case .cache: self = .cache(try container.decode(CacheSpec.self, forKey: .properties))
        case .objectStorage: self = .objectStorage(try container.decode(ObjectStorageSpec.self, forKey: .properties))
        case .secret: self = .secret(try container.decode(SecretSpec.self, forKey: .properties))
        case .monitoring: self = .monitoring(try container.decode(MonitoringSpec.self, forKey: .properties))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        switch self {
        case .network(let spec): try container.encode(spec, forKey: .properties)
        case .database(let spec): try container.encode(spec, forKey: .properties)
        case .compute(let spec): try container.encode(spec, forKey: .properties)
        case .entryPoint(let spec): try container.encode(spec, forKey: .properties)
        case .cache(let spec): try container.encode(spec, forKey: .properties)
        case .objectStorage(let spec): try container.encode(spec, forKey: .properties)
        case .secret(let spec): try container.encode(spec, forKey: .properties)
        case .monitoring(let spec): try container.encode(spec, forKey: .properties)
        }
    }
}
