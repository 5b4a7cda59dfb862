import Foundation

/// Cost lines of the controls that enhancements switch on.
enum HardeningCost {
    /// Container Insights metrics per service, as billed custom metrics.
    static let containerInsightsMetrics = 10

    /// KMS requests a month beyond the free 20,000: services cache their data keys (logs, Secrets
    /// Manager and DynamoDB about one request per five minutes each); the uploads bucket, with S3
    /// bucket keys, about one per 100 object reads and writes.
    static func kmsRequests(_ design: InfrastructureDesign, analysis: RequirementsAnalysis) -> Double {
        let h = design.activeHardening
        let keyRefreshes = 12.0 * 730
        var requests = keyRefreshes * Double(2 + (h.tablesCustomerManagedKey ? (design.database?.tables.count ?? 0) : 0))
        if h.uploadsCustomerManagedKey, let bucket = design.objectStorage {
            requests += (bucket.assumedPutsPerMonth + bucket.assumedGetsPerMonth) / 100
        }
        return max(0, requests - 20_000)
    }

    static func lines(_ design: InfrastructureDesign, analysis: RequirementsAnalysis, builder: inout CostLineBuilder) -> [ResourceCost] {
        let h = design.activeHardening
        var costs: [ResourceCost] = []
        if h.customerManagedKey {
            costs.append(
                ResourceCost(
                    resourceID: "kms", address: "aws_kms_key.this",
                    lines: [
                        builder.monthly("Customer master key", .kmsKey, quantity: 1, unit: "months"),
                        builder.usage(
                            "KMS requests", .kmsRequestsPer10k, quantity: CostLineBuilder.decimal(kmsRequests(design, analysis: analysis), scale: 0),
                            unit: "requests", perUnits: 10_000,
                            assumption:
                                "data keys for logs, secrets and tables are cached; S3 bucket keys make 1 request per 100 objects; less the free 20,000"
                        ),
                    ]))
        }
        if h.vpcFlowLogs {
            // About 100 bytes of flow records per request, in and out.
            let gb = max(0.1, analysis.monthlyRequests * 100 / 1_000_000_000)
            costs.append(
                ResourceCost(
                    resourceID: "network", address: "aws_flow_log.this",
                    lines: [
                        builder.usage(
                            "Flow log data ingested", .logsIngestionGB, quantity: CostLineBuilder.decimal(gb), unit: "GB",
                            assumption: "about 100 bytes of flow records per request")
                    ]))
        }
        if h.webApplicationFirewall {
            let logsGB = max(0.1, analysis.monthlyRequests * 1_000 / 1_000_000_000)
            costs.append(
                ResourceCost(
                    resourceID: "entry", address: "aws_wafv2_web_acl.this",
                    lines: [
                        builder.monthly("Web ACL usage", .wafWebACL, quantity: 1, unit: "months"),
                        builder.monthly("Rules", .wafRule, quantity: h.wafRateLimit == nil ? 2 : 3, unit: "rules"),
                        builder.usage(
                            "Requests", .wafMillionRequests, quantity: CostLineBuilder.decimal(analysis.monthlyRequests, scale: 0), unit: "requests",
                            perUnits: 1_000_000, assumption: "every request is inspected"),
                        builder.usage(
                            "WAF log data ingested", .logsIngestionGB, quantity: CostLineBuilder.decimal(logsGB), unit: "GB",
                            assumption: "about 1 KB of WAF log per request"),
                        builder.usage(
                            "WAF log archival storage", .logsStorageGB,
                            quantity: CostLineBuilder.decimal(
                                logsGB * Double(min(Self.wafLogRetentionDays(design), 365)) / 30 / CostEstimator.logCompression),
                            unit: "GB", assumption: "kept \(Self.wafLogRetentionDays(design)) days, compressed like the app's logs"),
                    ]))
        }
        if h.containerInsights {
            costs.append(
                ResourceCost(
                    resourceID: "compute", address: "aws_ecs_cluster.this (Container Insights)",
                    lines: [
                        builder.monthly("Container Insights metrics", .customMetric, quantity: Decimal(containerInsightsMetrics), unit: "metrics")
                    ]))
        }
        if h.enhancedMonitoring {
            costs.append(
                ResourceCost(
                    resourceID: "database", address: "aws_db_instance.this (enhanced monitoring)",
                    lines: [
                        builder.usage(
                            "Enhanced monitoring data ingested", .logsIngestionGB, quantity: CostLineBuilder.decimal(0.1), unit: "GB",
                            assumption: "about 100 MB of operating-system metrics a month at 60-second granularity")
                    ]))
        }
        costs += logLines(design, analysis: analysis, builder: &builder)
        costs += operationsLines(design, builder: &builder)
        return costs
    }

    /// Access logs in the log bucket and database logs in CloudWatch.
    static func logLines(_ design: InfrastructureDesign, analysis: RequirementsAnalysis, builder: inout CostLineBuilder) -> [ResourceCost] {
        let h = design.activeHardening
        var costs: [ResourceCost] = []
        let keptMonths = Double(max(90, design.monitoring?.logRetentionDays ?? 90)) / 30
        if h.loadBalancerAccessLogs {
            // About 60 bytes of compressed log per request, kept until the bucket's expiry.
            let gb = max(0.1, analysis.monthlyRequests * 60 / 1_000_000_000 * keptMonths)
            costs.append(
                ResourceCost(
                    resourceID: "logs", address: "aws_s3_bucket.logs (load-balancer logs)",
                    lines: [
                        builder.usage(
                            "Access logs stored", .s3StandardGB, quantity: CostLineBuilder.decimal(gb), unit: "GB",
                            assumption: "about 60 bytes of compressed log per request, kept \(Format.number(keptMonths)) months")
                    ]))
        }
        if h.uploadsAccessLogs, let bucket = design.objectStorage {
            let gb = max(0.1, (bucket.assumedPutsPerMonth + bucket.assumedGetsPerMonth) * 300 / 1_000_000_000 * keptMonths)
            costs.append(
                ResourceCost(
                    resourceID: "logs", address: "aws_s3_bucket.logs (S3 access logs)",
                    lines: [
                        builder.usage(
                            "Server access logs stored", .s3StandardGB, quantity: CostLineBuilder.decimal(gb), unit: "GB",
                            assumption: "about 300 bytes of log per request to the uploads bucket, kept \(Format.number(keptMonths)) months")
                    ]))
        }
        if h.databaseLogExports, design.environment != .production {
            costs.append(
                ResourceCost(
                    resourceID: "database", address: "aws_db_instance.this (log exports)",
                    lines: [
                        builder.usage(
                            "Database log data ingested", .logsIngestionGB, quantity: CostLineBuilder.decimal(0.5), unit: "GB",
                            assumption: "about 500 MB of database and slow-query logs a month")
                    ]))
        }
        return costs
    }

    /// Secrets, metrics, dashboards and budgets that enhancements add.
    static func operationsLines(_ design: InfrastructureDesign, builder: inout CostLineBuilder) -> [ResourceCost] {
        let h = design.activeHardening
        var costs: [ResourceCost] = []
        if h.cacheAuthToken {
            costs.append(
                ResourceCost(
                    resourceID: "cache", address: "aws_secretsmanager_secret.cache_auth",
                    lines: [builder.monthly("Secret", .secret, quantity: 1, unit: "months")]))
        }
        if h.apiDetailedMetrics {
            costs.append(
                ResourceCost(
                    resourceID: "entry", address: "aws_apigatewayv2_stage.default (detailed metrics)",
                    lines: [builder.monthly("Per-route metrics", .customMetric, quantity: 6, unit: "metrics")]))
        }
        if h.scaleOnRequests {
            costs.append(
                ResourceCost(
                    resourceID: "compute", address: "aws_appautoscaling_policy.requests",
                    lines: [builder.monthly("Target-tracking alarms", .alarmStandard, quantity: 2, unit: "alarm metrics")]))
        }
        if h.dashboard {
            costs.append(
                ResourceCost(
                    resourceID: "monitoring", address: "aws_cloudwatch_dashboard.this",
                    lines: [builder.notInCatalog("Dashboard", unit: "months", assumption: "one dashboard")]))
        }
        if h.budgetAlarmLimit != nil {
            costs.append(
                ResourceCost(
                    resourceID: "monitoring", address: "aws_budgets_budget.monthly",
                    lines: [builder.notInCatalog("Budget", unit: "months", assumption: "one cost budget with two alerts")]))
        }
        return costs
    }

    /// Days the WAF's logs are kept: the app's retention, and never under a year (checkov
    /// CKV_AWS_338; blocked requests are what an incident review looks for first).
    public static func wafLogRetentionDays(_ design: InfrastructureDesign) -> Int {
        max(365, design.monitoring?.logRetentionDays ?? 0)
    }
}
