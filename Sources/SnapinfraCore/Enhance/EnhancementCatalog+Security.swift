extension EnhancementCatalog {
    static let security: [EnhancementRule] = [
        EnhancementRule(
            id: "kms-customer-managed-key", title: "Encrypt logs and alarms with a customer-managed KMS key", category: .security, severity: .medium,
            rationale: "A key you own, rotated yearly, lets you audit and revoke access to logs independently of AWS-managed keys.",
            controls: [Controls.logEncryption, Controls.keyRotation],
            trigger: { design, _ in design.hardening.customerManagedKey ? nil : "log groups use the AWS-managed key" },
            apply: { design, _ in design.hardening.customerManagedKey = true }),
        EnhancementRule(
            id: "vpc-flow-logs", title: "Record VPC flow logs", category: .security, severity: .medium,
            rationale: "Flow logs show which addresses talked to which, the first thing an incident review asks for.",
            controls: [Controls.flowLogs],
            trigger: { design, _ in design.network != nil && !design.hardening.vpcFlowLogs ? "the VPC has no flow logs" : nil },
            apply: { design, _ in design.hardening.vpcFlowLogs = true }),
        EnhancementRule(
            id: "alb-https", title: "Serve HTTPS on the load balancer and redirect HTTP", category: .security, severity: .high,
            rationale: "Without TLS, sessions and credentials cross the internet in clear text; TLS 1.2+ with HTTP redirected closes that.",
            needsInput: "an ACM certificate ARN for the variable certificate_arn", input: .certificateARN, controls: [Controls.https],
            trigger: { design, _ in
                design.entryPoint?.kind == .applicationLoadBalancer && !design.hardening.httpsListener
                    ? "the load balancer listens on HTTP only" : nil
            },
            apply: { design, _ in design.hardening.httpsListener = true }),
        EnhancementRule(
            id: "alb-waf", title: "Put AWS WAF with managed rules in front of the load balancer", category: .security, severity: .medium,
            rationale: "Managed rule groups block common exploits and known bad inputs (Log4Shell among them) before they reach the application.",
            // Its log group is encrypted with the customer-managed key, so the WAF never lowers the score.
            requires: ["kms-customer-managed-key"], controls: [Controls.waf],
            trigger: { design, input in
                design.entryPoint?.kind == .applicationLoadBalancer && !design.hardening.webApplicationFirewall
                    ? "a public load balancer in \(input.environment.rawValue) has no WAF" : nil
            },
            apply: { design, _ in design.hardening.webApplicationFirewall = true }),
        EnhancementRule(
            id: "waf-rate-limit", title: "Rate-limit each client address at the WAF", category: .security, severity: .medium,
            rationale: "A per-address ceiling stops credential stuffing and scraping from one source without touching normal users.",
            requires: ["kms-customer-managed-key", "alb-waf"], controls: [Controls.rateLimit],
            trigger: { design, input in
                guard design.entryPoint?.kind == .applicationLoadBalancer, design.hardening.wafRateLimit == nil else { return nil }
                return "no per-address limit; one client could send \(Format.number(input.analysis.peakRPS)) rps"
            },
            apply: { design, input in design.hardening.wafRateLimit = wafRateLimit(input) }),
        EnhancementRule(
            id: "alb-access-logs", title: "Keep load-balancer access logs", category: .security, severity: .medium,
            rationale: "Every request with its client address, status and latency, in a private bucket: the record an incident review needs.",
            controls: [Controls.albAccessLogs],
            trigger: { design, _ in
                // The controller's load balancer on EKS is configured by the Ingress, not here.
                design.entryPoint?.kind == .applicationLoadBalancer && design.compute?.platform != .eks && !design.hardening.loadBalancerAccessLogs
                    ? "the load balancer keeps no access logs" : nil
            },
            apply: { design, _ in design.hardening.loadBalancerAccessLogs = true }),
        EnhancementRule(
            id: "s3-access-logging", title: "Log access to the uploads bucket", category: .security, severity: .low,
            rationale: "Server access logs show who read or wrote which upload, which CloudTrail leaves out for object reads by default.",
            controls: [Controls.s3AccessLogs],
            trigger: { design, _ in
                design.objectStorage != nil && !design.hardening.uploadsAccessLogs ? "the uploads bucket has no access logging" : nil
            },
            apply: { design, _ in design.hardening.uploadsAccessLogs = true }),
        EnhancementRule(
            id: "s3-kms-encryption", title: "Encrypt uploads with the customer-managed key", category: .security, severity: .medium,
            rationale: "With your own key, reading an upload needs both S3 and KMS permission, and every decryption is logged.",
            requires: ["kms-customer-managed-key"], controls: [Controls.s3CustomerKey],
            trigger: { design, _ in
                design.objectStorage != nil && !design.hardening.uploadsCustomerManagedKey ? "uploads use S3-managed keys" : nil
            },
            apply: { design, _ in design.hardening.uploadsCustomerManagedKey = true }),
        EnhancementRule(
            id: "dynamodb-kms-encryption", title: "Encrypt the DynamoDB tables with the customer-managed key", category: .security,
            severity: .medium,
            rationale: "Reading a table then needs KMS permission on a key you can audit and revoke, and every use of it is logged.",
            requires: ["kms-customer-managed-key"], controls: [Controls.tablesCustomerKey],
            trigger: { design, _ in
                design.database?.service == .dynamoDB && !design.hardening.tablesCustomerManagedKey ? "the tables use the AWS-owned key" : nil
            },
            apply: { design, _ in design.hardening.tablesCustomerManagedKey = true }),
        EnhancementRule(
            id: "cache-auth-token", title: "Require an auth token for the cache", category: .security, severity: .high,
            rationale: "Anything that reaches the cache's port can read and write it; a token from Secrets Manager closes that.",
            // The token's secret is encrypted with the customer-managed key, so it adds no failing check.
            risk: .downtime, requires: ["kms-customer-managed-key"], controls: [Controls.cacheAuth],
            trigger: { design, _ in design.cache != nil && !design.hardening.cacheAuthToken ? "the cache accepts clients without a token" : nil },
            apply: { design, _ in design.hardening.cacheAuthToken = true }),
        EnhancementRule(
            id: "cache-kms-encryption", title: "Encrypt the cache with the customer-managed key", category: .security, severity: .low,
            rationale: "Cached rows and sessions are protected by a key you can audit and revoke; the cache is recreated empty.",
            risk: .downtime, requires: ["kms-customer-managed-key"], controls: [Controls.cacheCustomerKey],
            trigger: { design, _ in
                design.cache != nil && !design.hardening.cacheCustomerManagedKey ? "the cache is encrypted with an AWS-managed key" : nil
            },
            apply: { design, _ in design.hardening.cacheCustomerManagedKey = true }),
        EnhancementRule(
            id: "lambda-kms-environment", title: "Encrypt the function's environment with the customer-managed key", category: .security,
            severity: .low,
            rationale: "Configuration such as host names and flags is readable only by roles the key policy allows.",
            requires: ["kms-customer-managed-key"], controls: [Controls.functionEnvironmentKey],
            trigger: { design, _ in
                design.compute?.platform == .lambda && !design.hardening.functionEnvironmentKey
                    ? "the function's environment uses the AWS-managed key" : nil
            },
            apply: { design, _ in design.hardening.functionEnvironmentKey = true }),
        EnhancementRule(
            id: "api-throttling", title: "Throttle the HTTP API", category: .security, severity: .medium,
            rationale: "Rate and burst limits answer floods with 429 at the edge instead of paying for them in function time and database load.",
            controls: [Controls.rateLimit],
            trigger: { design, input in
                guard design.compute?.platform == .lambda, design.hardening.apiThrottling == nil else { return nil }
                return "the API admits unlimited requests (\(Format.number(input.analysis.peakRPS)) rps expected at peak)"
            },
            apply: { design, input in design.hardening.apiThrottling = apiRateLimit(input) }),
    ]

    /// Requests one address may send in five minutes: at least 2,000, or 1% of the peak.
    static func wafRateLimit(_ input: DesignInput) -> Int {
        max(2_000, Int((input.analysis.peakRPS * 300 / 100).rounded(.up)))
    }

    /// Steady rate for the API: three times the expected peak, at least 50 rps.
    static func apiRateLimit(_ input: DesignInput) -> Int {
        max(50, Int((input.analysis.peakRPS * 3).rounded(.up)))
    }
}
