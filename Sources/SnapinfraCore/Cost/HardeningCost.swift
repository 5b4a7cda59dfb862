import Foundation

/// Cost lines of the controls that enhancements switch on.
enum HardeningCost {
    /// Container Insights metrics per service, as billed custom metrics.
    static let containerInsightsMetrics = 10

    static func lines(_ design: InfrastructureDesign, analysis: RequirementsAnalysis, builder: inout CostLineBuilder) -> [ResourceCost] {
        let h = design.hardening
        var costs: [ResourceCost] = []
        if h.customerManagedKey {
            costs.append(
                ResourceCost(
                    resourceID: "kms", address: "aws_kms_key.this",
                    lines: [
                        builder.monthly("Customer master key", .kmsKey, quantity: 1, unit: "months")
                    ]))
        }
        if h.vpcFlowLogs, design.network != nil {
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
        if h.webApplicationFirewall, design.entryPoint?.kind == .applicationLoadBalancer {
            let logsGB = max(0.1, analysis.monthlyRequests * 1_000 / 1_000_000_000)
            costs.append(
                ResourceCost(
                    resourceID: "entry", address: "aws_wafv2_web_acl.this",
                    lines: [
                        builder.monthly("Web ACL usage", .wafWebACL, quantity: 1, unit: "months"),
                        builder.monthly("Rules", .wafRule, quantity: 2, unit: "rules"),
                        builder.usage(
                            "Requests", .wafMillionRequests, quantity: CostLineBuilder.decimal(analysis.monthlyRequests, scale: 0), unit: "requests",
                            perUnits: 1_000_000, assumption: "every request is inspected"),
                        builder.usage(
                            "WAF log data ingested", .logsIngestionGB, quantity: CostLineBuilder.decimal(logsGB), unit: "GB",
                            assumption: "about 1 KB of WAF log per request"),
                    ]))
        }
        if h.containerInsights, design.compute?.platform == .fargate {
            costs.append(
                ResourceCost(
                    resourceID: "compute", address: "aws_ecs_cluster.this (Container Insights)",
                    lines: [
                        builder.monthly("Container Insights metrics", .customMetric, quantity: Decimal(containerInsightsMetrics), unit: "metrics")
                    ]))
        }
        if h.enhancedMonitoring, design.database?.service == .rds {
            costs.append(
                ResourceCost(
                    resourceID: "database", address: "aws_db_instance.this (enhanced monitoring)",
                    lines: [
                        builder.usage(
                            "Enhanced monitoring data ingested", .logsIngestionGB, quantity: CostLineBuilder.decimal(0.1), unit: "GB",
                            assumption: "about 100 MB of operating-system metrics a month at 60-second granularity")
                    ]))
        }
        return costs
    }
}
