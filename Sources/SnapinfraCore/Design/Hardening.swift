/// Controls an enhancement can switch on that are not a property of one resource's size.
/// All off in a rules design; each enhancement turns on what it is about. `activeHardening` says
/// which of them take effect on a given design.
public struct Hardening: Sendable, Hashable, Codable {
    /// A customer-managed KMS key (with rotation) for log groups and the alarm topic.
    public var customerManagedKey = false
    /// VPC flow logs to CloudWatch Logs.
    public var vpcFlowLogs = false
    /// An HTTPS listener (certificate ARN as a variable), HTTP redirected to HTTPS, TLS 1.2+.
    public var httpsListener = false
    /// A WAF web ACL with AWS managed rules on the load balancer.
    public var webApplicationFirewall = false
    /// A rate-based WAF rule: requests one client address may send in five minutes (needs the web ACL).
    public var wafRateLimit: Int?
    /// Container Insights on the ECS cluster.
    public var containerInsights = false
    /// Performance Insights on the database (7 days, the free tier).
    public var performanceInsights = false
    /// Enhanced monitoring of the database at 60-second granularity.
    public var enhancedMonitoring = false
    /// Database logs exported to CloudWatch Logs (always on in production).
    public var databaseLogExports = false
    /// Load-balancer access logs in a log bucket.
    public var loadBalancerAccessLogs = false
    /// S3 server access logs of the uploads bucket, in the log bucket.
    public var uploadsAccessLogs = false
    /// The uploads bucket encrypted with the customer-managed key (needs the key).
    public var uploadsCustomerManagedKey = false
    /// Upload events sent to EventBridge.
    public var uploadEvents = false
    /// Uploads older than 30 days move to S3 Standard-IA.
    public var uploadsInfrequentAccess = false
    /// An auth token for the cache, kept in Secrets Manager.
    public var cacheAuthToken = false
    /// The cache encrypted at rest with the customer-managed key (needs the key).
    public var cacheCustomerManagedKey = false
    /// DynamoDB tables encrypted with the customer-managed key (needs the key).
    public var tablesCustomerManagedKey = false
    /// The function's environment encrypted with the customer-managed key (needs the key).
    public var functionEnvironmentKey = false
    /// Reserved concurrency for the function, so a burst cannot exhaust the database.
    public var functionConcurrencyLimit: Int?
    /// Steady requests per second the HTTP API admits (bursts of twice that).
    public var apiThrottling: Int?
    /// Per-route metrics on the HTTP API.
    public var apiDetailedMetrics = false
    /// Scaling on requests per task, besides CPU.
    public var scaleOnRequests = false
    /// An S3 gateway endpoint on the private route tables.
    public var s3GatewayEndpoint = false
    /// An email subscription to the alarm topic (address as a variable).
    public var alarmEmail = false
    /// A CloudWatch dashboard of the alarmed metrics.
    public var dashboard = false
    /// An AWS Budgets alarm at this monthly amount in USD (address as a variable).
    public var budgetAlarmLimit: Int?
    /// One-year, no-upfront commitments: a Compute Savings Plan for Fargate or Lambda, reserved
    /// database instances, reserved cache nodes.
    public var computeSavingsPlan = false
    public var reservedDatabase = false
    public var reservedCache = false

    public init() {}
}

extension Hardening {
    /// Decodes what an older `snapinfra.json` wrote: a switch it does not name is off.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func flag(_ key: CodingKeys) throws -> Bool { try c.decodeIfPresent(Bool.self, forKey: key) ?? false }
        func number(_ key: CodingKeys) throws -> Int? { try c.decodeIfPresent(Int.self, forKey: key) }
        self.init()
        customerManagedKey = try flag(.customerManagedKey)
        vpcFlowLogs = try flag(.vpcFlowLogs)
        httpsListener = try flag(.httpsListener)
        webApplicationFirewall = try flag(.webApplicationFirewall)
        wafRateLimit = try number(.wafRateLimit)
        containerInsights = try flag(.containerInsights)
        performanceInsights = try flag(.performanceInsights)
        enhancedMonitoring = try flag(.enhancedMonitoring)
        databaseLogExports = try flag(.databaseLogExports)
        loadBalancerAccessLogs = try flag(.loadBalancerAccessLogs)
        uploadsAccessLogs = try flag(.uploadsAccessLogs)
        uploadsCustomerManagedKey = try flag(.uploadsCustomerManagedKey)
        uploadEvents = try flag(.uploadEvents)
        uploadsInfrequentAccess = try flag(.uploadsInfrequentAccess)
        cacheAuthToken = try flag(.cacheAuthToken)
        cacheCustomerManagedKey = try flag(.cacheCustomerManagedKey)
        tablesCustomerManagedKey = try flag(.tablesCustomerManagedKey)
        functionEnvironmentKey = try flag(.functionEnvironmentKey)
        functionConcurrencyLimit = try number(.functionConcurrencyLimit)
        apiThrottling = try number(.apiThrottling)
        apiDetailedMetrics = try flag(.apiDetailedMetrics)
        scaleOnRequests = try flag(.scaleOnRequests)
        s3GatewayEndpoint = try flag(.s3GatewayEndpoint)
        alarmEmail = try flag(.alarmEmail)
        dashboard = try flag(.dashboard)
        budgetAlarmLimit = try number(.budgetAlarmLimit)
        computeSavingsPlan = try flag(.computeSavingsPlan)
        reservedDatabase = try flag(.reservedDatabase)
        reservedCache = try flag(.reservedCache)
    }
}

extension InfrastructureDesign {
    /// The hardening switches that take effect on this design: a switch about a resource the
    /// design does not have (WAF without a load balancer, a cache token without a cache) is off.
    public var activeHardening: Hardening {
        var h = hardening
        let alb = entryPoint?.kind == .applicationLoadBalancer
        let fargate = compute?.platform == .fargate
        let eks = compute?.platform == .eks
        let lambda = compute?.platform == .lambda
        let rds = database?.service == .rds
        let key = h.customerManagedKey
        h.vpcFlowLogs = h.vpcFlowLogs && network != nil
        h.httpsListener = h.httpsListener && alb
        h.webApplicationFirewall = h.webApplicationFirewall && alb
        h.wafRateLimit = h.webApplicationFirewall ? h.wafRateLimit : nil
        h.containerInsights = h.containerInsights && (fargate || eks)
        h.performanceInsights = h.performanceInsights && rds
        h.enhancedMonitoring = h.enhancedMonitoring && rds
        h.databaseLogExports = (h.databaseLogExports || environment == .production) && rds
        h.loadBalancerAccessLogs = h.loadBalancerAccessLogs && alb && !eks
        h.uploadsAccessLogs = h.uploadsAccessLogs && objectStorage != nil
        h.uploadsCustomerManagedKey = h.uploadsCustomerManagedKey && key && objectStorage != nil
        h.uploadEvents = h.uploadEvents && objectStorage != nil
        h.uploadsInfrequentAccess = h.uploadsInfrequentAccess && objectStorage != nil
        h.cacheAuthToken = h.cacheAuthToken && cache != nil
        h.cacheCustomerManagedKey = h.cacheCustomerManagedKey && key && cache != nil
        h.functionEnvironmentKey = h.functionEnvironmentKey && key && lambda
        h.tablesCustomerManagedKey = h.tablesCustomerManagedKey && key && database?.service == .dynamoDB
        h.functionConcurrencyLimit = lambda ? h.functionConcurrencyLimit : nil
        h.apiThrottling = lambda ? h.apiThrottling : nil
        h.apiDetailedMetrics = h.apiDetailedMetrics && lambda
        h.scaleOnRequests = h.scaleOnRequests && fargate && alb
        h.s3GatewayEndpoint = h.s3GatewayEndpoint && ((network?.natGateways ?? 0) > 0 || network?.interfaceEndpoints == true)
        h.computeSavingsPlan = h.computeSavingsPlan && compute != nil
        h.reservedDatabase = h.reservedDatabase && rds
        h.reservedCache = h.reservedCache && cache != nil
        h.alarmEmail = h.alarmEmail && !(monitoring?.alarms.isEmpty ?? true)
        h.dashboard = h.dashboard && !(monitoring?.alarms.isEmpty ?? true)
        return h
    }

    /// Whether the design has a bucket for access logs.
    public var hasLogBucket: Bool {
        let h = activeHardening
        return h.loadBalancerAccessLogs || h.uploadsAccessLogs
    }
}
