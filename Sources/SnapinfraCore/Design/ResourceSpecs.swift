/// The network: a VPC across availability zones, its subnets and NAT.
public struct NetworkSpec: Sendable, Hashable, Codable {
    public var cidr: String
    public var availabilityZones: Int
    /// 0 (no NAT: the public-subnet shape), 1 (shared), or one per zone.
    public var natGateways: Int
    /// Whether application tasks run in private subnets (behind NAT) or public ones.
    public var privateCompute: Bool
    /// A DynamoDB gateway endpoint on the route tables (free; keeps table traffic off NAT).
    public var dynamoDBEndpoint: Bool? = nil
    /// Interface endpoints for the AWS services the tasks call (ECR, CloudWatch Logs, Secrets
    /// Manager) in place of NAT: the tasks then reach nothing outside AWS.
    public var interfaceEndpoints: Bool? = nil

    /// The services the interface endpoints serve.
    public static let endpointServices = ["ecr.api", "ecr.dkr", "logs", "secretsmanager"]
}

/// Which AWS service holds the data.
public enum DatabaseService: String, Sendable, Hashable, Codable {
    case rds
    case documentDB = "documentdb"
    case dynamoDB = "dynamodb"
}

/// The database.
public struct DatabaseSpec: Sendable, Hashable, Codable {
    public var service: DatabaseService
    public var engine: DatabaseEngine
    public var engineVersion: String
    /// Instance class; nil for DynamoDB (on-demand capacity).
    public var instanceClass: String?
    public var storageGB: Int
    public var storageType: String
    public var multiAZ: Bool
    public var backupRetentionDays: Int
    public var deletionProtection: Bool
    public var storageEncrypted: Bool
    public var readReplicas: Int
    public var port: Int
    /// DynamoDB tables (one per project table); empty for other services.
    public var tables: [String]
    /// The ceiling storage autoscaling may grow to (RDS `max_allocated_storage`); nil for DynamoDB.
    public var maxStorageGB: Int? = nil
    /// DynamoDB: `on-demand` or `provisioned`; nil for other services.
    public var capacityMode: String? = nil
    /// DynamoDB tables with their keys, indexes, TTL and capacity; nil for other services.
    public var dynamoTables: [DynamoTable]? = nil
}

/// A DynamoDB table as the schema defines it.
public struct DynamoTable: Sendable, Hashable, Codable {
    /// An attribute and its DynamoDB type (`S`, `N` or `B`).
    public struct Key: Sendable, Hashable, Codable {
        public var name: String
        public var type: String
    }

    /// The table's name as the schema writes it and as a Terraform map key.
    public var name: String
    public var key: String
    public var hashKey: Key
    public var rangeKey: Key?
    /// Global secondary indexes, one per indexed or referencing field: a partition key each.
    public var indexes: [Key]
    /// The attribute DynamoDB expires rows by, when the table has `retentionDays`.
    public var ttlAttribute: String?
    public var retentionDays: Int?

    /// The attributes the table declares: its keys, then each index key not among them.
    public var keyAttributes: [Key] {
        var keys = [hashKey] + (rangeKey.map { [$0] } ?? [])
        keys += indexes.filter { index in !keys.contains { $0.name == index.name } }
        return keys
    }
    /// Average read and write units per second the traffic model gives the table.
    public var readUnits: Double
    public var writeUnits: Double
    /// Provisioned read and write capacity units (the autoscaling minimum), 0 in on-demand mode.
    public var readCapacity: Int
    public var writeCapacity: Int
    public var maxReadCapacity: Int
    public var maxWriteCapacity: Int
}

/// Where the application runs.
public enum ComputePlatform: String, Sendable, Hashable, Codable {
    case fargate
    case lambda
    /// Pods on an EKS cluster's managed node group (the `kubernetes` target).
    case eks

    /// Whether the application runs as always-on containers (ECS tasks or Kubernetes pods).
    public var runsContainers: Bool { self != .lambda }
}

/// The application's compute.
public struct ComputeSpec: Sendable, Hashable, Codable {
    public var platform: ComputePlatform
    /// `arm64` (Graviton) or `x86_64`.
    public var architecture: String
    /// Fargate CPU units (1024 = 1 vCPU); unused for Lambda.
    public var cpuUnits: Int
    public var memoryMB: Int
    public var desiredCount: Int
    public var minCount: Int
    public var maxCount: Int
    public var containerPort: Int
    /// Rough requests per second one task serves, used for sizing.
    public var requestsPerTask: Int
    /// Average Lambda duration assumed for pricing, in milliseconds.
    public var assumedDurationMS: Int
    /// Whether the function records X-Ray traces (staging and production); nil in older designs.
    public var xrayTracing: Bool? = nil
    /// The EKS cluster the pods run on; nil unless the platform is `eks`. For pods, `cpuUnits`
    /// and `memoryMB` are the requests and the counts are replicas.
    public var cluster: ClusterSpec? = nil

    public var tracing: Bool { xrayTracing ?? true }

    public var vCPU: Double { Double(cpuUnits) / 1_024 }
    public var memoryGB: Double { Double(memoryMB) / 1_024 }
    public var isGraviton: Bool { architecture == "arm64" }
}

/// The public entry point: an application load balancer or an HTTP API.
public struct EntryPointSpec: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case applicationLoadBalancer = "alb"
        case httpAPI = "http-api"
    }

    public var kind: Kind
    public var listenerPort: Int
}

/// An in-memory cache.
public struct CacheSpec: Sendable, Hashable, Codable {
    public var engine: String
    public var engineVersion: String
    public var nodeType: String
    public var nodes: Int
    public var automaticFailover: Bool
    public var port: Int
}

/// A bucket for user uploads.
public struct ObjectStorageSpec: Sendable, Hashable, Codable {
    public var purpose: String
    public var versioning: Bool
    public var blockPublicAccess: Bool
    /// Assumptions for the usage-based price lines.
    public var assumedStoredGB: Double
    public var assumedPutsPerMonth: Double
    public var assumedGetsPerMonth: Double
}

/// A secret, such as the database master password that RDS keeps in Secrets Manager.
public struct SecretSpec: Sendable, Hashable, Codable {
    public var purpose: String
    public var managedByService: Bool
}

/// Logs and alarms.
public struct MonitoringSpec: Sendable, Hashable, Codable {
    public var logRetentionDays: Int
    public var alarms: [String]
    public var assumedLogsGBPerMonth: Double
}
