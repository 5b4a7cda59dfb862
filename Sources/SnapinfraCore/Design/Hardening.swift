/// Controls an enhancement can switch on that are not a property of one resource's size.
/// All off in a rules design; each enhancement turns on what it is about.
public struct Hardening: Sendable, Hashable, Codable {
    /// A customer-managed KMS key (with rotation) for log groups and the alarm topic.
    public var customerManagedKey = false
    /// VPC flow logs to CloudWatch Logs.
    public var vpcFlowLogs = false
    /// An HTTPS listener (certificate ARN as a variable), HTTP redirected to HTTPS, TLS 1.2+.
    public var httpsListener = false
    /// A WAF web ACL with AWS managed rules on the load balancer.
    public var webApplicationFirewall = false
    /// Container Insights on the ECS cluster.
    public var containerInsights = false
    /// Performance Insights on the database (7 days, the free tier).
    public var performanceInsights = false
    /// Enhanced monitoring of the database at 60-second granularity.
    public var enhancedMonitoring = false

    public init() {}
}
