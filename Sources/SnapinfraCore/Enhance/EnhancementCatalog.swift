/// The enhancements Snapinfra can suggest, each a typed transformation of the design.
enum EnhancementCatalog {
    static let all: [EnhancementRule] = security + monitoring + reliability

    static let security: [EnhancementRule] = [
        EnhancementRule(
            id: "kms-customer-managed-key", title: "Encrypt logs and alarms with a customer-managed KMS key", category: .security, severity: .medium,
            rationale: "A key you own, rotated yearly, lets you audit and revoke access to logs independently of AWS-managed keys.",
            controls: [Controls.logEncryption, Controls.keyRotation],
            trigger: { design, _ in design.hardening.customerManagedKey ? nil : "log groups use the AWS-managed key" },
            apply: { $0.hardening.customerManagedKey = true }),
        EnhancementRule(
            id: "vpc-flow-logs", title: "Record VPC flow logs", category: .security, severity: .medium,
            rationale: "Flow logs show which addresses talked to which, the first thing an incident review asks for.",
            controls: [Controls.flowLogs],
            trigger: { design, _ in design.network != nil && !design.hardening.vpcFlowLogs ? "the VPC has no flow logs" : nil },
            apply: { $0.hardening.vpcFlowLogs = true }),
        EnhancementRule(
            id: "alb-https", title: "Serve HTTPS on the load balancer and redirect HTTP", category: .security, severity: .high,
            rationale: "Without TLS, sessions and credentials cross the internet in clear text; TLS 1.2+ with HTTP redirected closes that.",
            needsInput: "an ACM certificate ARN for the variable certificate_arn", controls: [Controls.https],
            trigger: { design, _ in
                design.entryPoint?.kind == .applicationLoadBalancer && !design.hardening.httpsListener
                    ? "the load balancer listens on HTTP only" : nil
            },
            apply: { $0.hardening.httpsListener = true }),
        EnhancementRule(
            id: "alb-waf", title: "Put AWS WAF with managed rules in front of the load balancer", category: .security, severity: .medium,
            rationale: "Managed rule groups block common exploits and known bad inputs (Log4Shell among them) before they reach the application.",
            controls: [Controls.waf],
            trigger: { design, input in
                design.entryPoint?.kind == .applicationLoadBalancer && !design.hardening.webApplicationFirewall
                    ? "a public load balancer in \(input.environment.rawValue) has no WAF" : nil
            },
            apply: { $0.hardening.webApplicationFirewall = true }),
    ]

    static let monitoring: [EnhancementRule] = [
        EnhancementRule(
            id: "ecs-container-insights", title: "Turn on Container Insights", category: .monitoring, severity: .low,
            rationale: "Per-task CPU, memory and network metrics make scaling and memory leaks visible.",
            controls: [Controls.containerInsights],
            trigger: { design, _ in
                design.compute?.platform == .fargate && !design.hardening.containerInsights ? "ECS cluster without Container Insights" : nil
            },
            apply: { $0.hardening.containerInsights = true }),
        EnhancementRule(
            id: "rds-enhanced-monitoring", title: "Enable RDS enhanced monitoring (60 s)", category: .monitoring, severity: .low,
            rationale: "Operating-system metrics of the database host show memory pressure and I/O waits that CloudWatch's hypervisor view misses.",
            controls: [Controls.enhancedMonitoring],
            trigger: { design, _ in design.database?.service == .rds && !design.hardening.enhancedMonitoring ? "RDS without enhanced monitoring" : nil
            },
            apply: { $0.hardening.enhancedMonitoring = true }),
        EnhancementRule(
            id: "log-retention-one-year", title: "Keep logs for a year", category: .monitoring, severity: .low,
            rationale: "Security reviews and audits look back months; archived logs cost little.",
            controls: [Controls.logRetention],
            trigger: { design, _ in
                guard let days = design.monitoring?.logRetentionDays, days < 365 else { return nil }
                return "logs are kept \(days) days"
            },
            apply: { design in
                guard var monitoring = design.monitoring else { return }
                monitoring.logRetentionDays = 365
                design.update("monitoring", .monitoring(monitoring))
            }),
    ]

    static let reliability: [EnhancementRule] = [
        EnhancementRule(
            id: "rds-performance-insights", title: "Enable RDS Performance Insights", category: .performance, severity: .medium,
            rationale: "Shows which queries load the database; the 7-day retention used here is free.",
            controls: [Controls.performanceInsights],
            trigger: { design, _ in
                guard let db = design.database, db.service == .rds, !design.hardening.performanceInsights else { return nil }
                // Not offered on the smallest burstable classes.
                guard let instanceClass = db.instanceClass, !["db.t4g.micro", "db.t4g.small"].contains(instanceClass) else { return nil }
                return "\(instanceClass) without Performance Insights"
            },
            apply: { $0.hardening.performanceInsights = true }),
        EnhancementRule(
            id: "rds-multi-az", title: "Run the database Multi-AZ", category: .reliability, severity: .high,
            rationale: "A standby in a second zone takes over in about a minute when the primary or its zone fails.",
            controls: [Controls.multiAZ],
            trigger: { design, input in
                guard let db = design.database, db.service == .rds, !db.multiAZ else { return nil }
                return "single-AZ database in \(input.environment.rawValue)"
            },
            apply: { $0.editDatabase { $0.multiAZ = true } }),
        EnhancementRule(
            id: "rds-backup-35-days", title: "Keep 35 days of database backups", category: .reliability, severity: .medium,
            rationale: "Problems found weeks later (a bad migration, silent corruption) can still be rolled back.",
            trigger: { design, _ in
                guard let db = design.database, db.service != .dynamoDB, db.backupRetentionDays < 35 else { return nil }
                return "backups are kept \(db.backupRetentionDays) day(s)"
            },
            apply: { $0.editDatabase { $0.backupRetentionDays = 35 } }),
        EnhancementRule(
            id: "rds-deletion-protection", title: "Protect the database from deletion", category: .reliability, severity: .medium,
            rationale: "A mistaken destroy or a wrong workspace cannot drop the database while protection is on.",
            controls: [Controls.deletionProtection],
            trigger: { design, _ in
                guard let db = design.database, db.service != .dynamoDB, !db.deletionProtection else { return nil }
                return "deletion protection is off"
            },
            apply: { $0.editDatabase { $0.deletionProtection = true } }),
        EnhancementRule(
            id: "cache-replica", title: "Add a cache replica with automatic failover", category: .reliability, severity: .low,
            rationale: "A replica in a second zone keeps the cache warm through a node failure.",
            trigger: { design, _ in
                guard let cache = design.cache, cache.nodes < 2 else { return nil }
                return "the cache runs on one node"
            },
            apply: { design in
                guard var cache = design.cache else { return }
                cache.nodes = 2
                cache.automaticFailover = true
                design.update("cache", .cache(cache))
            }),
    ]
}
