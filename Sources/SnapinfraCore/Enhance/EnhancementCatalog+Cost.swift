extension EnhancementCatalog {
    static let cost: [EnhancementRule] = [
        EnhancementRule(
            id: "budget-alarm", title: "Alert on the monthly budget", category: .cost, severity: .medium,
            rationale: "AWS Budgets mails when actual spend passes 80% of the budget or the forecast passes all of it, days before the invoice.",
            needsInput: "an address for the variable budget_email", input: .budgetEmail,
            trigger: { design, input in
                guard let budget = input.options.budget, budget > 0, design.hardening.budgetAlarmLimit == nil else { return nil }
                return "a budget of $\(Format.number(budget)) that nothing watches"
            },
            apply: { design, input in
                guard let budget = input.options.budget else { return }
                design.hardening.budgetAlarmLimit = Int(budget.rounded(.up))
            }),
        EnhancementRule(
            id: "s3-infrequent-access", title: "Move uploads older than 30 days to Standard-IA", category: .cost, severity: .low,
            rationale: "Uploads are read mostly in their first weeks; Standard-IA stores the rest for 46% less, with a small fee per GB read.",
            trigger: { design, _ in
                design.objectStorage != nil && !design.hardening.uploadsInfrequentAccess ? "every upload stays in S3 Standard" : nil
            },
            apply: { design, _ in design.hardening.uploadsInfrequentAccess = true }),
        EnhancementRule(
            id: "vpc-s3-gateway-endpoint", title: "Add an S3 gateway endpoint to the VPC", category: .cost, severity: .low,
            rationale: "Image layers and S3 objects stop flowing through the NAT gateway's per-GB charge and stay on the AWS network.",
            controls: [Controls.privateS3Path],
            trigger: { design, _ in
                guard let network = design.network, network.natGateways > 0, !design.hardening.s3GatewayEndpoint else { return nil }
                return "S3 traffic goes through \(Plural.count(network.natGateways, "NAT gateway"))"
            },
            apply: { design, _ in design.hardening.s3GatewayEndpoint = true }),
        EnhancementRule(
            id: "commit-compute-1yr", title: "Cover the app tier with a 1-year Compute Savings Plan", category: .cost, severity: .low,
            rationale:
                "The minimum task count runs all year; a one-year, no-upfront Compute Savings Plan prices its vCPU-hours 19% lower (sheet §3.13).",
            risk: .commitment, reversible: false, needsInput: "a payer account that can buy Savings Plans; the hourly commitment is in DEPLOY.md",
            trigger: { design, input in
                // The catalog prices the plan for Fargate and Lambda; the EKS nodes' EC2 rate is not in it.
                guard input.isProduction, design.compute != nil, design.compute?.platform != .eks, !design.hardening.computeSavingsPlan else {
                    return nil
                }
                return "the always-on app tier in production runs on demand"
            },
            apply: { design, _ in design.hardening.computeSavingsPlan = true }),
        EnhancementRule(
            id: "commit-database-1yr", title: "Reserve the database instances for a year", category: .cost, severity: .low,
            rationale: "A one-year, no-upfront reservation prices the instance-hours 29.6% lower (sheet §3.13); commitments.tf buys it when asked.",
            risk: .commitment, reversible: false,
            trigger: { design, input in
                guard input.isProduction, design.database?.service == .rds, !design.hardening.reservedDatabase else { return nil }
                return "the production database runs on demand"
            },
            apply: { design, _ in design.hardening.reservedDatabase = true }),
        EnhancementRule(
            id: "commit-cache-1yr", title: "Reserve the cache nodes for a year", category: .cost, severity: .low,
            rationale: "A one-year, no-upfront reservation prices the node-hours 31.7% lower (sheet §3.13); commitments.tf buys it when asked.",
            risk: .commitment, reversible: false,
            trigger: { design, input in
                guard input.isProduction, design.cache != nil, !design.hardening.reservedCache else { return nil }
                return "the production cache runs on demand"
            },
            apply: { design, _ in design.hardening.reservedCache = true }),
    ]
}
