/// Everything the Terraform templates show, precomputed: literals are already escaped HCL, so
/// templates hold no logic and no user text reaches a file raw.
struct TerraformModel: Hashable {
    struct Network: Hashable {
        var zones: Int
        var zoneListLiteral: String
        var cidrLiteral: String
        var hasNAT: Bool
        var natGateways: Int
        var natIndexExpression: String
        var privateCompute: Bool
        var dynamoDBEndpoint: Bool
        var hasInterfaceEndpoints: Bool
        var interfaceServicesLiteral: String
    }

    struct DatabaseModel: Hashable {
        var title: String
        var instanceClass: String
        var storageGB: Int
        var storageType: String
        var availability: String
        var identifierLiteral: String
        var parameterFamilyLiteral: String
        var postgres: Bool
        var port: Int
        var engineLiteral: String
        var engineVersionLiteral: String
        var instanceClassLiteral: String
        var nameLiteral: String
        var usernameLiteral: String
        var maxStorageGB: Int
        var storageTypeLiteral: String
        var multiAZ: Bool
        var backupRetentionDays: Int
        var deletionProtection: Bool
        var skipFinalSnapshot: Bool
        var finalSnapshotLiteral: String
        var replica: Bool
        var readReplicas: Int
        var instanceCount: Int
        var tableListLiteral: String
        var dynamoTables: [DynamoTableModel]
        var provisioned: Bool
        var billingModeLiteral: String
        var capacityModeText: String
        var targetUtilisation: Int
        var pointInTimeRecovery: Bool
        var hasSecurityGroup: Bool
        var logExports: Bool
        var logExportsLiteral: String
        var tlsParameterLiteral: String
        var tlsParameterValueLiteral: String
    }

    /// The reservations `commitments.tf` looks up and, when asked, buys.
    struct Commitments: Hashable {
        struct Database: Hashable {
            var instanceClassLiteral: String
            var multiAZ: Bool
            var productLiteral: String
            /// Reader count, nil without readers.
            var replicas: Int?
        }

        struct Cache: Hashable {
            var nodeTypeLiteral: String
            var nodes: Int
        }

        var what: String
        var database: Database?
        var cache: Cache?
    }

    /// One DynamoDB table as the locals map writes it.
    struct DynamoTableModel: Hashable {
        var key: String
        var hashKeyLiteral: String
        var rangeKeyExpression: String
        var attributesExpression: String
        var indexesLiteral: String
        var ttlExpression: String
        var readCapacity: Int
        var writeCapacity: Int
        var maxReadCapacity: Int
        var maxWriteCapacity: Int
    }

    struct Cache: Hashable {
        var nodes: Int
        var nodeType: String
        var identifierLiteral: String
        var port: Int
        var engineVersionLiteral: String
        var nodeTypeLiteral: String
        var automaticFailover: Bool
        var snapshotRetentionDays: Int
    }

    struct Fargate: Hashable {
        var taskSize: String
        var architectureTitle: String
        var minCount: Int
        var maxCount: Int
        var desiredCount: Int
        var subnetTier: String
        var publicSubnets: Bool
        var cpuUnits: Int
        var memoryMB: Int
        var cpuArchitectureLiteral: String
        var subnetsExpression: String
        /// Requests per task per minute that the request-count scaling policy aims at.
        var requestsPerTaskTarget: Int
    }

    struct Lambda: Hashable {
        var memoryMB: Int
        var architectureTitle: String
        var basePolicyLiteral: String
        var architectureLiteral: String
        var reservedConcurrency: Int
        var tracingModeLiteral: String
    }

    /// Secrets ECS reads for the containers, and whether they are under the customer-managed key.
    struct ExecutionSecrets: Hashable {
        var arnsExpression: String
        var decryptWithKey: Bool
    }

    /// The EKS cluster, its node group and the pod roles (`eks.tf`).
    struct EKS: Hashable {
        struct Setting: Hashable {
            var name: String
            /// The value as the heredoc writes it: literal text or a `${…}` interpolation.
            var value: String
        }

        var kubernetesVersion: String
        var kubernetesVersionLiteral: String
        var nodeType: String
        var nodeTypeLiteral: String
        var minNodes: Int
        var desiredNodes: Int
        var maxNodes: Int
        var nodeDiskGB: Int
        var nodeGroupNameLiteral: String
        var clusterRoleLiteral: String
        var nodeRoleLiteral: String
        var externalSecretsRoleLiteral: String
        var loadBalancerControllerRoleLiteral: String
        var cloudWatchAgentRoleLiteral: String
        var namespaceLiteral: String
        var serviceAccountLiteral: String
        /// The secrets the External Secrets Operator may read, as an HCL list; nil without secrets.
        var secretArnsExpression: String?
        var settings: [Setting]
    }

    struct Compute: Hashable {
        var executionRoleLiteral: String
        var taskRoleLiteral: String
        var eks: Bool
        /// Whether Terraform runs the application's image (ECS, Lambda); on EKS the overlays do.
        var appImage: Bool
        var fargate: Fargate?
        var lambda: Lambda?
        var executionSecrets: ExecutionSecrets?
    }

    struct HardeningModel: Hashable {
        var customerManagedKey: Bool
        var vpcFlowLogs: Bool
        var httpsListener: Bool
        var webApplicationFirewall: Bool
        var containerInsights: Bool
        var performanceInsights: Bool
        var enhancedMonitoring: Bool
        var wafRateLimit: Bool
        var loadBalancerAccessLogs: Bool
        var uploadsAccessLogs: Bool
        var uploadsCustomerManagedKey: Bool
        var tablesCustomerManagedKey: Bool
        var uploadEvents: Bool
        var uploadsInfrequentAccess: Bool
        var cacheAuthToken: Bool
        var cacheCustomerManagedKey: Bool
        var functionEnvironmentKey: Bool
        var functionConcurrencyLimit: Bool
        var apiThrottling: Bool
        var apiDetailedMetrics: Bool
        var scaleOnRequests: Bool
        var s3GatewayEndpoint: Bool
        var alarmEmail: Bool
        var dashboard: Bool
        var topicKeyExpression: String
    }

    /// The bucket that receives access logs.
    struct Logs: Hashable {
        /// What the bucket receives, in words for the file's comment (fixed text, no user input).
        var contents: String
        var bucketPrefixLiteral: String
        var forceDestroy: Bool
        var expirationDays: Int
    }

    struct WAF: Hashable {
        var rateLimit: Int
    }

    struct API: Hashable {
        var routeSettings: Bool
        var rateLimit: Int
        var burstLimit: Int
    }

    struct Budget: Hashable {
        var limitLiteral: String
        var limitText: String
    }

    struct Entry: Hashable {
        var loadBalancerNameLiteral: String
        var targetGroupNameLiteral: String
        var deletionProtection: Bool
        var healthCheckPathLiteral: String
    }

    struct Uploads: Hashable {
        var versioning: Bool
        var bucketPrefixLiteral: String
        var forceDestroy: Bool
        var versioningStatusLiteral: String
    }

    struct Monitoring: Hashable {
        var logRetentionDays: Int
        /// The WAF's own logs: security evidence, kept at least a year whatever the app logs keep.
        var wafLogRetentionDays: Int
    }

    struct NameValue: Hashable {
        var name: String
        var nameLiteral: String
        var valueExpression: String
    }

    struct Alarm: Hashable {
        var id: String
        var suffix: String
        var descriptionLiteral: String
        var namespaceLiteral: String
        var metricLiteral: String
        var statisticLiteral: String
        var comparisonLiteral: String
        var threshold: String
        var dimensions: [NameValue]
        /// The same texts unquoted, for the other languages.
        var text: AlarmText
    }

    struct AlarmText: Hashable {
        var description: String
        var namespace: String
        var metric: String
        var statistic: String
        var comparison: String
    }

    struct Statement: Hashable {
        var actionsLiteral: String
        var resourcesLiteral: String
    }

    struct Policy: Hashable {
        /// The role it is attached to, which also names the policy document.
        var role: String
        var statements: [Statement]
    }

    /// A log group as `partials/log-group` writes it; WAF log group names must start with
    /// `aws-waf-logs-`.
    struct LogGroup: Hashable {
        var resource: String
        var name: String
        var retentionDays: Int
    }

    struct LogGroups: Hashable {
        var ecs: LogGroup
        var lambda: LogGroup
        var api: LogGroup
        var flowLogs: LogGroup
        var waf: LogGroup
    }

    /// A trust policy that lets one AWS service assume a role (`partials/assume-role`).
    struct AssumeRole: Hashable {
        var name: String
        var service: String
    }

    struct AssumeRoles: Hashable {
        var ecsTasks = AssumeRole(name: "ecs_tasks_assume", service: "ecs-tasks.amazonaws.com")
        var lambda = AssumeRole(name: "lambda_assume", service: "lambda.amazonaws.com")
        var flowLogs = AssumeRole(name: "flow_logs_assume", service: "vpc-flow-logs.amazonaws.com")
        var rdsMonitoring = AssumeRole(name: "rds_monitoring_assume", service: "monitoring.rds.amazonaws.com")
    }

    struct Output: Hashable {
        var name: String
        var descriptionLiteral: String
        var valueExpression: String
    }

    var header: String
    var name: String
    var nameLiteral: String
    var region: String
    var regionLiteral: String
    var environmentLiteral: String
    /// terraform.tfvars.example's values for what suggestions need: the user's, or a placeholder.
    var alarmEmailLiteral: String
    var budgetEmailLiteral: String
    var certificateARNLiteral: String
    var appPort: Int
    var network: Network?
    var database: DatabaseModel?
    var cache: Cache?
    var compute: Compute
    var eks: EKS?
    var entry: Entry
    var uploads: Uploads?
    var logs: Logs?
    var waf: WAF
    var api: API
    var budget: Budget?
    var commitments: Commitments?
    var monitoring: Monitoring
    var logGroups: LogGroups
    var assumeRoles = AssumeRoles()
    var alarms: [Alarm]
    var environment: [NameValue]
    var secrets: [NameValue]
    var hasSecrets: Bool
    var appPolicy: Policy?
    var outputs: [Output]
    var hardening: HardeningModel
}
