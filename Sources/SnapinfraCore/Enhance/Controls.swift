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
    static let albAccessLogs = SecurityControl(id: "alb-access-logs", title: "Load balancer access logs kept", checkovIDs: ["CKV_AWS_91"])
    static let s3AccessLogs = SecurityControl(id: "s3-access-logs", title: "S3 server access logging enabled", checkovIDs: ["CKV_AWS_18"])
    static let s3CustomerKey = SecurityControl(
        id: "s3-encrypted-cmk", title: "S3 bucket encrypted with a customer-managed KMS key", checkovIDs: ["CKV_AWS_145"])
    static let s3Events = SecurityControl(id: "s3-event-notifications", title: "S3 event notifications enabled", checkovIDs: ["CKV2_AWS_62"])
    static let cacheAuth = SecurityControl(
        id: "cache-auth-token", title: "Cache requires TLS and an auth token", checkovIDs: ["CKV_AWS_31"])
    static let cacheCustomerKey = SecurityControl(
        id: "cache-encrypted-cmk", title: "Cache encrypted at rest with a customer-managed KMS key", checkovIDs: ["CKV_AWS_191"])
    static let tablesCustomerKey = SecurityControl(
        id: "dynamodb-encrypted-cmk", title: "DynamoDB tables encrypted with a customer-managed KMS key", checkovIDs: ["CKV_AWS_119"])
    static let functionEnvironmentKey = SecurityControl(
        id: "lambda-env-encrypted-cmk", title: "Function environment encrypted with a customer-managed KMS key", checkovIDs: ["CKV_AWS_173"])
    static let functionConcurrency = SecurityControl(
        id: "lambda-concurrency-limit", title: "Function concurrency limited", checkovIDs: ["CKV_AWS_115"])
    static let databaseLogs = SecurityControl(id: "rds-log-exports", title: "Database logs exported to CloudWatch", checkovIDs: ["CKV_AWS_129"])
    static let rateLimit = SecurityControl(id: "rate-limit", title: "Requests rate-limited per client or per API", checkovIDs: [])
    static let alarmRouting = SecurityControl(id: "alarm-routing", title: "Alarms reach a person", checkovIDs: [])
    static let privateS3Path = SecurityControl(id: "s3-private-path", title: "S3 traffic stays on the AWS network", checkovIDs: [])
}
