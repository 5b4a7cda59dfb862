/// One entry of the catalog: the facts of an enhancement and its typed transformation.
struct EnhancementRule: Sendable {
    var id: String
    var title: String
    var category: EnhancementCategory
    var severity: Enhancement.Severity
    var rationale: String
    var risk: Enhancement.Risk = .none
    var reversible = true
    var needsInput: String?
    var conflicts: [String] = []
    var requires: [String] = []
    var controls: [SecurityControl] = []
    /// Why it applies to this design, or nil when it does not.
    var trigger: @Sendable (InfrastructureDesign, DesignInput) -> String?
    /// The change, made to the design itself (never to text).
    var apply: @Sendable (inout InfrastructureDesign) -> Void
}

/// Controls shared by several enhancements.
enum Controls {
    static let logEncryption = SecurityControl(
        id: "logs-encrypted-cmk", title: "Log groups encrypted with a customer-managed key", checkovIDs: ["CKV_AWS_158"])
    static let keyRotation = SecurityControl(id: "kms-rotation", title: "KMS key rotation enabled", checkovIDs: ["CKV_AWS_7"])
    static let flowLogs = SecurityControl(id: "vpc-flow-logs", title: "VPC flow logging enabled", checkovIDs: ["CKV2_AWS_11"])
    static let https = SecurityControl(
        id: "https-only", title: "Load balancer serves HTTPS with TLS 1.2+ and redirects HTTP",
        checkovIDs: ["CKV_AWS_2", "CKV_AWS_103", "CKV2_AWS_20"])
    static let waf = SecurityControl(
        id: "waf", title: "Public load balancer protected by WAF, with logging and Log4j rules",
        checkovIDs: ["CKV2_AWS_28", "CKV2_AWS_31", "CKV_AWS_192"])
    static let containerInsights = SecurityControl(id: "container-insights", title: "Container Insights enabled", checkovIDs: ["CKV_AWS_65"])
    static let performanceInsights = SecurityControl(
        id: "rds-performance-insights", title: "RDS Performance Insights enabled", checkovIDs: ["CKV_AWS_353"])
    static let enhancedMonitoring = SecurityControl(
        id: "rds-enhanced-monitoring", title: "RDS enhanced monitoring enabled", checkovIDs: ["CKV_AWS_118"])
    static let multiAZ = SecurityControl(id: "rds-multi-az", title: "RDS Multi-AZ", checkovIDs: ["CKV_AWS_157"])
    static let deletionProtection = SecurityControl(id: "rds-deletion-protection", title: "RDS deletion protection", checkovIDs: ["CKV_AWS_293"])
    static let logRetention = SecurityControl(id: "log-retention-1y", title: "Logs kept for at least a year", checkovIDs: ["CKV_AWS_338"])
}
