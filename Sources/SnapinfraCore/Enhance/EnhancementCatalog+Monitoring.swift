extension EnhancementCatalog {
    /// Alarms for saturation that the rules leave out, by what the design has.
    static func saturationAlarms(_ design: InfrastructureDesign) -> [String] {
        var ids: [String] = []
        if design.database?.service == .rds { ids += ["database-connections", "database-memory"] }
        if design.cache != nil { ids.append("cache-memory") }
        // The controller's load balancer is not in the Terraform, so it cannot be alarmed there.
        if design.entryPoint?.kind == .applicationLoadBalancer, design.compute?.platform != .eks { ids.append("alb-unhealthy-hosts") }
        if design.compute?.platform == .lambda { ids += ["function-errors", "function-throttles"] }
        return ids.filter { !(design.monitoring?.alarms.contains($0) ?? false) }
    }

    static let monitoring: [EnhancementRule] = [
        EnhancementRule(
            id: "ecs-container-insights", title: "Turn on Container Insights", category: .monitoring, severity: .low,
            rationale: "Per-task CPU, memory and network metrics make scaling and memory leaks visible.",
            controls: [Controls.containerInsights],
            trigger: { design, _ in
                design.compute?.platform == .fargate && !design.hardening.containerInsights ? "ECS cluster without Container Insights" : nil
            },
            apply: { design, _ in design.hardening.containerInsights = true }),
        EnhancementRule(
            id: "eks-container-insights", title: "Turn on Container Insights for the cluster", category: .monitoring, severity: .low,
            rationale:
                "The CloudWatch observability add-on records per-pod and per-node CPU, memory and restarts, and ships the containers' logs, so scaling and memory leaks are visible.",
            controls: [],
            trigger: { design, _ in
                design.compute?.platform == .eks && !design.hardening.containerInsights ? "EKS cluster without Container Insights" : nil
            },
            apply: { design, _ in design.hardening.containerInsights = true }),
        EnhancementRule(
            id: "rds-enhanced-monitoring", title: "Enable RDS enhanced monitoring (60 s)", category: .monitoring, severity: .low,
            rationale: "Operating-system metrics of the database host show memory pressure and I/O waits that CloudWatch's hypervisor view misses.",
            controls: [Controls.enhancedMonitoring],
            trigger: { design, _ in design.database?.service == .rds && !design.hardening.enhancedMonitoring ? "RDS without enhanced monitoring" : nil
            },
            apply: { design, _ in design.hardening.enhancedMonitoring = true }),
        EnhancementRule(
            id: "rds-log-exports", title: "Export database logs to CloudWatch", category: .monitoring, severity: .low,
            rationale: "Errors and slow queries land next to the application's logs, searchable after the instance is gone.",
            controls: [Controls.databaseLogs],
            trigger: { design, input in
                guard design.database?.service == .rds, !design.activeHardening.databaseLogExports else { return nil }
                return "database logs stay on the instance in \(input.environment.rawValue)"
            },
            apply: { design, _ in design.hardening.databaseLogExports = true }),
        EnhancementRule(
            id: "log-retention-one-year", title: "Keep logs for a year", category: .monitoring, severity: .low,
            rationale: "Security reviews and audits look back months; archived logs cost little.",
            controls: [Controls.logRetention],
            trigger: { design, _ in
                guard let days = design.monitoring?.logRetentionDays, days < 365 else { return nil }
                return "logs are kept \(days) days"
            },
            apply: { design, _ in
                guard var monitoring = design.monitoring else { return }
                monitoring.logRetentionDays = 365
                design.update("monitoring", .monitoring(monitoring))
            }),
        EnhancementRule(
            id: "alarm-email", title: "Send alarms to an email address", category: .monitoring, severity: .high,
            rationale: "The alarm topic has no subscriber: alarms fire and nobody hears them until someone subscribes.",
            needsInput: "an address for the variable alarm_email", input: .alarmEmail, controls: [Controls.alarmRouting],
            trigger: { design, _ in
                guard let alarms = design.monitoring?.alarms, !alarms.isEmpty, !design.hardening.alarmEmail else { return nil }
                return "\(Plural.count(alarms.count, "alarm")) notify a topic without subscribers"
            },
            apply: { design, _ in design.hardening.alarmEmail = true }),
        EnhancementRule(
            id: "saturation-alarms", title: "Alarm on saturation too", category: .monitoring, severity: .medium,
            rationale: "Connections, memory, unhealthy targets and throttles run out before errors show; these alarms page first.",
            trigger: { design, _ in
                guard design.monitoring?.alarms.isEmpty == false else { return nil }
                let missing = saturationAlarms(design)
                return missing.isEmpty ? nil : "no alarm on \(missing.joined(separator: ", "))"
            },
            apply: { design, _ in
                guard var monitoring = design.monitoring else { return }
                monitoring.alarms += saturationAlarms(design)
                design.update("monitoring", .monitoring(monitoring))
            }),
        EnhancementRule(
            id: "cloudwatch-dashboard", title: "Add a CloudWatch dashboard", category: .monitoring, severity: .low,
            rationale: "One page with every alarmed metric is where the on-call engineer starts at 3 a.m.",
            trigger: { design, _ in
                design.monitoring?.alarms.isEmpty == false && !design.hardening.dashboard ? "the alarmed metrics have no dashboard" : nil
            },
            apply: { design, _ in design.hardening.dashboard = true }),
        EnhancementRule(
            id: "api-detailed-metrics", title: "Turn on per-route API metrics", category: .monitoring, severity: .low,
            rationale: "Latency and errors per route show which endpoint is slow instead of an average over all of them.",
            trigger: { design, _ in
                design.compute?.platform == .lambda && !design.hardening.apiDetailedMetrics ? "the API reports totals only" : nil
            },
            apply: { design, _ in design.hardening.apiDetailedMetrics = true }),
        EnhancementRule(
            id: "s3-event-notifications", title: "Publish upload events to EventBridge", category: .monitoring, severity: .low,
            rationale: "Each upload becomes an event that malware scanning, thumbnails or an audit trail can subscribe to without polling.",
            controls: [Controls.s3Events],
            trigger: { design, _ in
                design.objectStorage != nil && !design.hardening.uploadEvents ? "uploads raise no events" : nil
            },
            apply: { design, _ in design.hardening.uploadEvents = true }),
    ]
}
