/// The CloudWatch alarms of a design, by id, as the monitoring template shows them.
extension TerraformModel {
    static func alarms(_ design: InfrastructureDesign) -> [Alarm] {
        func value(_ name: String, _ expression: String) -> NameValue {
            NameValue(name: name, nameLiteral: Escaping.hclString(name), valueExpression: expression)
        }
        return (design.monitoring?.alarms ?? []).compactMap { id -> Alarm? in
            let resource = id.replacingOccurrences(of: "-", with: "_")
            switch id {
            case "alb-5xx":
                return Alarm(
                    id: resource, suffix: id, descriptionLiteral: Escaping.hclString("The load balancer's targets answer with 5xx errors."),
                    namespaceLiteral: "\"AWS/ApplicationELB\"", metricLiteral: "\"HTTPCode_Target_5XX_Count\"", statisticLiteral: "\"Sum\"",
                    comparisonLiteral: "\"GreaterThanThreshold\"",
                    threshold: "10", dimensions: [value("LoadBalancer", "aws_lb.this.arn_suffix")])
            case "alb-latency":
                return Alarm(
                    id: resource, suffix: id, descriptionLiteral: Escaping.hclString("Responses take longer than a second on average."),
                    namespaceLiteral: "\"AWS/ApplicationELB\"", metricLiteral: "\"TargetResponseTime\"", statisticLiteral: "\"Average\"",
                    comparisonLiteral: "\"GreaterThanThreshold\"",
                    threshold: "1", dimensions: [value("LoadBalancer", "aws_lb.this.arn_suffix")])
            case "api-5xx":
                return Alarm(
                    id: resource, suffix: id, descriptionLiteral: Escaping.hclString("The HTTP API answers with 5xx errors."),
                    namespaceLiteral: "\"AWS/ApiGateway\"", metricLiteral: "\"5xx\"", statisticLiteral: "\"Sum\"",
                    comparisonLiteral: "\"GreaterThanThreshold\"",
                    threshold: "10", dimensions: [value("ApiId", "aws_apigatewayv2_api.this.id")])
            case "database-cpu":
                guard design.database?.service == .rds else { return nil }
                return Alarm(
                    id: resource, suffix: id, descriptionLiteral: Escaping.hclString("Database CPU above 80%."),
                    namespaceLiteral: "\"AWS/RDS\"", metricLiteral: "\"CPUUtilization\"", statisticLiteral: "\"Average\"",
                    comparisonLiteral: "\"GreaterThanThreshold\"",
                    threshold: "80", dimensions: [value("DBInstanceIdentifier", "aws_db_instance.this.identifier")])
            case "database-free-storage":
                guard let db = design.database, db.service == .rds else { return nil }
                // Alarm when less than 10% of the allocated storage is free.
                let bytes = db.storageGB * 100_000_000
                return Alarm(
                    id: resource, suffix: id, descriptionLiteral: Escaping.hclString("Database free storage below 10%."),
                    namespaceLiteral: "\"AWS/RDS\"", metricLiteral: "\"FreeStorageSpace\"", statisticLiteral: "\"Minimum\"",
                    comparisonLiteral: "\"LessThanThreshold\"",
                    threshold: "\(bytes)", dimensions: [value("DBInstanceIdentifier", "aws_db_instance.this.identifier")])
            case "service-cpu":
                return Alarm(
                    id: resource, suffix: id, descriptionLiteral: Escaping.hclString("Service CPU above 85% even after scaling."),
                    namespaceLiteral: "\"AWS/ECS\"", metricLiteral: "\"CPUUtilization\"", statisticLiteral: "\"Average\"",
                    comparisonLiteral: "\"GreaterThanThreshold\"",
                    threshold: "85",
                    dimensions: [value("ClusterName", "aws_ecs_cluster.this.name"), value("ServiceName", "aws_ecs_service.this.name")])
            case "cache-cpu":
                return Alarm(
                    id: resource, suffix: id, descriptionLiteral: Escaping.hclString("Cache engine CPU above 80%."),
                    namespaceLiteral: "\"AWS/ElastiCache\"", metricLiteral: "\"EngineCPUUtilization\"", statisticLiteral: "\"Average\"",
                    comparisonLiteral: "\"GreaterThanThreshold\"",
                    threshold: "80", dimensions: [value("ReplicationGroupId", "aws_elasticache_replication_group.this.id")])
            case "cache-memory":
                return Alarm(
                    id: resource, suffix: id, descriptionLiteral: Escaping.hclString("Cache memory above 80%: evictions follow."),
                    namespaceLiteral: "\"AWS/ElastiCache\"", metricLiteral: "\"DatabaseMemoryUsagePercentage\"", statisticLiteral: "\"Average\"",
                    comparisonLiteral: "\"GreaterThanThreshold\"",
                    threshold: "80", dimensions: [value("ReplicationGroupId", "aws_elasticache_replication_group.this.id")])
            case "database-memory":
                guard design.database?.service == .rds else { return nil }
                return Alarm(
                    id: resource, suffix: id, descriptionLiteral: Escaping.hclString("Database freeable memory below 256 MB."),
                    namespaceLiteral: "\"AWS/RDS\"", metricLiteral: "\"FreeableMemory\"", statisticLiteral: "\"Minimum\"",
                    comparisonLiteral: "\"LessThanThreshold\"",
                    threshold: "268435456", dimensions: [value("DBInstanceIdentifier", "aws_db_instance.this.identifier")])
            case "database-connections":
                guard design.database?.service == .rds else { return nil }
                return Alarm(
                    id: resource, suffix: id, descriptionLiteral: Escaping.hclString("Database connections above 200: check pools and leaks."),
                    namespaceLiteral: "\"AWS/RDS\"", metricLiteral: "\"DatabaseConnections\"", statisticLiteral: "\"Maximum\"",
                    comparisonLiteral: "\"GreaterThanThreshold\"",
                    threshold: "200", dimensions: [value("DBInstanceIdentifier", "aws_db_instance.this.identifier")])
            case "alb-unhealthy-hosts":
                return Alarm(
                    id: resource, suffix: id, descriptionLiteral: Escaping.hclString("A task fails its health checks."),
                    namespaceLiteral: "\"AWS/ApplicationELB\"", metricLiteral: "\"UnHealthyHostCount\"", statisticLiteral: "\"Maximum\"",
                    comparisonLiteral: "\"GreaterThanThreshold\"",
                    threshold: "0",
                    dimensions: [
                        value("LoadBalancer", "aws_lb.this.arn_suffix"), value("TargetGroup", "aws_lb_target_group.app.arn_suffix"),
                    ])
            case "function-errors", "function-throttles":
                let errors = id == "function-errors"
                return Alarm(
                    id: resource, suffix: id,
                    descriptionLiteral: Escaping.hclString(errors ? "The function fails invocations." : "The function is throttled."),
                    namespaceLiteral: "\"AWS/Lambda\"", metricLiteral: errors ? "\"Errors\"" : "\"Throttles\"", statisticLiteral: "\"Sum\"",
                    comparisonLiteral: "\"GreaterThanThreshold\"",
                    threshold: errors ? "5" : "0", dimensions: [value("FunctionName", "aws_lambda_function.this.function_name")])
            default:
                return nil
            }
        }
    }
}
