/// The CloudWatch alarms of a design, by id, as the monitoring template shows them.
extension TerraformModel {
    static func alarms(_ design: InfrastructureDesign) -> [Alarm] {
        func value(_ name: String, _ expression: String) -> NameValue {
            NameValue(name: name, nameLiteral: Escaping.hclString(name), valueExpression: expression)
        }
        let loadBalancer = value("LoadBalancer", "aws_lb.this.arn_suffix")
        let database = value("DBInstanceIdentifier", "aws_db_instance.this.identifier")
        let cache = value("ReplicationGroupId", "aws_elasticache_replication_group.this.id")
        let rds = design.database?.service == .rds
        return (design.monitoring?.alarms ?? []).compactMap { id -> Alarm? in
            /// One alarm: what it says, the metric (namespace, name, statistic), and when it fires.
            func alarm(
                _ description: String, _ namespace: String, _ metric: String, _ statistic: String, below: Bool = false, _ threshold: String,
                _ dimensions: [NameValue]
            ) -> Alarm {
                let comparison = below ? "LessThanThreshold" : "GreaterThanThreshold"
                return Alarm(
                    id: id.replacingOccurrences(of: "-", with: "_"), suffix: id, descriptionLiteral: Escaping.hclString(description),
                    namespaceLiteral: Escaping.hclString(namespace), metricLiteral: Escaping.hclString(metric),
                    statisticLiteral: Escaping.hclString(statistic),
                    comparisonLiteral: Escaping.hclString(comparison), threshold: threshold,
                    dimensions: dimensions,
                    text: AlarmText(description: description, namespace: namespace, metric: metric, statistic: statistic, comparison: comparison))
            }
            switch id {
            case "alb-5xx":
                return alarm(
                    "The load balancer's targets answer with 5xx errors.", "AWS/ApplicationELB", "HTTPCode_Target_5XX_Count", "Sum", "10",
                    [loadBalancer])
            case "alb-latency":
                return alarm(
                    "Responses take longer than a second on average.", "AWS/ApplicationELB", "TargetResponseTime", "Average", "1", [loadBalancer])
            case "alb-unhealthy-hosts":
                return alarm(
                    "A task fails its health checks.", "AWS/ApplicationELB", "UnHealthyHostCount", "Maximum", "0",
                    [loadBalancer, value("TargetGroup", "aws_lb_target_group.app.arn_suffix")])
            case "api-5xx":
                return alarm(
                    "The HTTP API answers with 5xx errors.", "AWS/ApiGateway", "5xx", "Sum", "10", [value("ApiId", "aws_apigatewayv2_api.this.id")])
            case "database-cpu" where rds:
                return alarm("Database CPU above 80%.", "AWS/RDS", "CPUUtilization", "Average", "80", [database])
            case "database-free-storage" where rds:
                // Alarm when less than 10% of the allocated storage is free.
                let bytes = (design.database?.storageGB ?? 0) * 100_000_000
                return alarm("Database free storage below 10%.", "AWS/RDS", "FreeStorageSpace", "Minimum", below: true, "\(bytes)", [database])
            case "database-memory" where rds:
                return alarm("Database freeable memory below 256 MB.", "AWS/RDS", "FreeableMemory", "Minimum", below: true, "268435456", [database])
            case "database-connections" where rds:
                return alarm("Database connections above 200: check pools and leaks.", "AWS/RDS", "DatabaseConnections", "Maximum", "200", [database])
            case "service-cpu":
                return alarm(
                    "Service CPU above 85% even after scaling.", "AWS/ECS", "CPUUtilization", "Average", "85",
                    [value("ClusterName", "aws_ecs_cluster.this.name"), value("ServiceName", "aws_ecs_service.this.name")])
            case "cache-cpu":
                return alarm("Cache engine CPU above 80%.", "AWS/ElastiCache", "EngineCPUUtilization", "Average", "80", [cache])
            case "cache-memory":
                return alarm(
                    "Cache memory above 80%: evictions follow.", "AWS/ElastiCache", "DatabaseMemoryUsagePercentage", "Average", "80", [cache])
            case "function-errors":
                return alarm(
                    "The function fails invocations.", "AWS/Lambda", "Errors", "Sum", "5",
                    [value("FunctionName", "aws_lambda_function.this.function_name")])
            case "function-throttles":
                return alarm(
                    "The function is throttled.", "AWS/Lambda", "Throttles", "Sum", "0",
                    [value("FunctionName", "aws_lambda_function.this.function_name")])
            default:
                return nil
            }
        }
    }
}
