import Foundation
import Testing

@testable import SnapinfraCore

@Suite struct EnhancementTests {
    /// Designs that between them trigger every enhancement of the catalog.
    static func designs() throws -> [(ProjectFile, DesignResult)] {
        let files = [
            try example("saas-api.json"), try example("ride-events.yaml"), try example("tiny-todo.yaml"), try example("shop.json"),
            designFile(rps: 200, scale: .growth, environment: .staging),
            try example("iot-telemetry.yaml", folder: "Tests/Fixtures/architect"), designFile(rps: 50, engine: .dynamodb, environment: .staging),
            try example("clinic-booking.yaml"),
        ]
        return files.map { ($0, DesignEngine().run($0)) }
    }

    @Test func everyCatalogEntryIsOfferedSomewhere() throws {
        var offered: Set<String> = []
        for (file, result) in try Self.designs() {
            offered.formUnion(EnhancementEngine().suggestions(for: result, file: file).map(\.id))
        }
        #expect(offered == Set(EnhancementEngine.catalogIDs))
    }

    /// What each enhancement must put into the Terraform files.
    static let expectedText: [String: String] = [
        "kms-customer-managed-key": "enable_key_rotation     = true", "vpc-flow-logs": "resource \"aws_flow_log\" \"this\"",
        "alb-https": "ssl_policy        = \"ELBSecurityPolicy-TLS13-1-2-2021-06\"", "alb-waf": "resource \"aws_wafv2_web_acl\" \"this\"",
        "waf-rate-limit": "rate_based_statement {", "alb-access-logs": "access_logs {",
        "s3-access-logging": "resource \"aws_s3_bucket_logging\" \"uploads\"", "s3-kms-encryption": "sse_algorithm     = \"aws:kms\"",
        "cache-auth-token": "auth_token = aws_secretsmanager_secret_version.cache_auth.secret_string",
        "cache-kms-encryption": "kms_key_id                 = aws_kms_key.this.arn", "lambda-kms-environment": "kms_key_arn   = aws_kms_key.this.arn",
        "api-throttling": "throttling_rate_limit", "ecs-container-insights": "value = \"enabled\"",
        "eks-container-insights": ", \"amazon-cloudwatch-observability\"]",
        "rds-enhanced-monitoring": "monitoring_interval = 60", "rds-log-exports": "enabled_cloudwatch_logs_exports",
        "log-retention-one-year": "retention_in_days = 365", "alarm-email": "protocol  = \"email\"",
        "saturation-alarms": "alarm_name          = \"${local.name}-database-connections\"",
        "cloudwatch-dashboard": "resource \"aws_cloudwatch_dashboard\" \"this\"", "api-detailed-metrics": "detailed_metrics_enabled = true",
        "s3-event-notifications": "eventbridge = true", "rds-performance-insights": "performance_insights_enabled          = true",
        "rds-read-replica": "replicate_source_db", "cache-in-front": "resource \"aws_elasticache_replication_group\" \"this\"",
        "ecs-scale-on-requests": "ALBRequestCountPerTarget", "rds-multi-az": "multi_az               = true",
        "rds-backup-35-days": "backup_retention_period    = 35", "rds-deletion-protection": "deletion_protection        = true",
        "cache-replica": "num_cache_clusters   = 2", "lambda-reserved-concurrency": "reserved_concurrent_executions = ",
        "budget-alarm": "resource \"aws_budgets_budget\" \"monthly\"", "s3-infrequent-access": "storage_class = \"STANDARD_IA\"",
        "vpc-s3-gateway-endpoint": "vpc_endpoint_type = \"Gateway\"\n  route_table_ids   = aws_route_table.private[*].id",
        "commit-compute-1yr": "Compute Savings Plan: commit $", "commit-database-1yr": "resource \"aws_rds_reserved_instance\" \"database\"",
        "commit-cache-1yr": "resource \"aws_elasticache_reserved_cache_node\" \"cache\"",
        "dynamodb-kms-encryption": "kms_key_arn = aws_kms_key.this.arn\n  }\n\n  deletion_protection_enabled",
    ]

    /// Each enhancement alone (on top of what it requires): the files gain what it is about, still
    /// validate, and the cost delta is the estimator's difference.
    @Test func eachEnhancementAppliedAlone() throws {
        #expect(Set(Self.expectedText.keys) == Set(EnhancementEngine.catalogIDs))
        for (file, result) in try Self.designs() {
            for suggestion in EnhancementEngine().suggestions(for: result, file: file) {
                let base = try EnhancementEngine().apply(
                    suggestion.requires.filter(EnhancementEngine().offeredIDs(for: result, file: file).contains), to: result, file: file)
                let before = try Renderer().render(base, targets: [.terraform]).map(\.content).joined()
                let applied = try EnhancementEngine().apply(
                    suggestion.requires.filter(EnhancementEngine().offeredIDs(for: result, file: file).contains) + [suggestion.id], to: result,
                    file: file)
                #expect(applied.estimate.totalMonthly - base.estimate.totalMonthly == suggestion.monthlyCostDelta, "\(suggestion.id)")
                let files = try Renderer().render(applied, targets: [.terraform])
                let after = files.map(\.content).joined()
                var expected = try #require(Self.expectedText[suggestion.id])
                // Without a relational database, the saturation alarms start at the load balancer's hosts.
                // On EKS the listener is the Ingress's: the Terraform gains the certificate variable.
                if suggestion.id == "alb-https" && result.design.compute?.platform == .eks { expected = "variable \"certificate_arn\"" }
                if suggestion.id == "saturation-alarms" && result.design.database?.service != .rds {
                    expected = "alarm_name          = \"${local.name}-alb-unhealthy-hosts\""
                }
                #expect(!before.contains(expected) && after.contains(expected), "\(suggestion.id): \(expected)")
                #expect(OutputValidator().validate(files).isEmpty, "\(suggestion.id): \(OutputValidator().validate(files))")
                #expect(
                    EnhancementEngine().suggestions(for: applied, file: file).allSatisfy { $0.id != suggestion.id }, "\(suggestion.id) still offered")
            }
        }
    }

    @Test func requirementsAndConflictsAreEnforced() throws {
        // Staging: production has the customer-managed key from the start.
        let file = try example("shop.json", environment: .staging)
        let result = DesignEngine().run(file)
        #expect(throws: EnhancementError(message: "s3-kms-encryption requires kms-customer-managed-key; apply both")) {
            try EnhancementEngine().apply(["s3-kms-encryption"], to: result, file: file)
        }
        #expect(throws: EnhancementError(message: "rds-read-replica conflicts with cache-in-front; choose one")) {
            try EnhancementEngine().apply(["rds-read-replica", "cache-in-front"], to: result, file: file)
        }
        // Once the key is in the design, the requirement holds without naming it again.
        let keyed = try EnhancementEngine().apply(["kms-customer-managed-key"], to: result, file: file)
        #expect(throws: Never.self) { try EnhancementEngine().apply(["s3-kms-encryption"], to: keyed, file: file) }
    }

    /// No security suggestion lowers the score: each brings along what keeps its own resources
    /// compliant (the WAF's log group its key), in every environment.
    @Test func noSecuritySuggestionLowersTheScore() throws {
        for environment in Environment.allCases {
            for name in ["saas-api.json", "shop.json", "ride-events.yaml"] {
                let file = try example(name, environment: environment)
                for s in EnhancementEngine().suggestions(for: DesignEngine().run(file), file: file) where s.category == .security {
                    #expect((s.securityScoreDelta ?? 0) >= 0, "\(name) \(environment.rawValue): \(s.id) \(s.securityScoreDelta ?? 0)")
                }
            }
        }
    }

    /// A rule names everything it needs, its requirements' requirements too, in the order they apply.
    @Test func requirementsAreListedTransitively() {
        for rule in EnhancementCatalog.all {
            for (index, id) in rule.requires.enumerated() {
                let needed = EnhancementCatalog.rule(id)?.requires ?? []
                #expect(needed.allSatisfy { rule.requires.prefix(index).contains($0) }, "\(rule.id) needs \(needed) before \(id)")
            }
        }
    }

    /// The budget sentence judges the same total as the cost table above it, enhancements included.
    @Test func theBudgetVerdictFollowsTheEnhancedEstimate() throws {
        let budgeted = try Self.designs().filter { $0.1.budget != nil }
        #expect(budgeted.count >= 2)
        for (file, result) in budgeted {
            let ids = EnhancementEngine.compatible(EnhancementEngine().suggestions(for: result, file: file))
            let applied = try EnhancementEngine().apply(ids, to: result, file: file)
            let verdict = try #require(applied.budget)
            #expect(verdict.estimate == applied.estimate.totalMonthly)
            #expect(verdict.summary.contains(Format.money(applied.estimate.totalMonthly)))
            let deploy = try Renderer().render(applied, targets: [.terraform]).first { $0.path == "DEPLOY.md" }?.content ?? ""
            #expect(!deploy.contains(Format.money(result.estimate.totalMonthly)) || result.estimate.totalMonthly == applied.estimate.totalMonthly)
        }
    }

    @Test func allTogetherStillValidate() throws {
        for (file, result) in try Self.designs() {
            let ids = EnhancementEngine.compatible(EnhancementEngine().suggestions(for: result, file: file))
            let applied = try EnhancementEngine().apply(ids, to: result, file: file)
            let files = try Renderer().render(applied, targets: [.terraform, .dockerCompose])
            #expect(OutputValidator().validate(files).isEmpty)
            #expect(applied.design.decisions.filter { $0.resource == "enhancement" }.count == ids.count)
        }
    }

    @Test func safeIsDerivedFromFacts() throws {
        let file = try example("shop.json")
        let suggestions = EnhancementEngine().suggestions(for: DesignEngine().run(file), file: file)
        let safeIDs = Set(suggestions.filter(\.safe).map(\.id))
        let offered = Set(suggestions.map(\.id))
        for s in suggestions {
            let facts = s.risk == .none && s.reversible && s.needsInput == nil && s.monthlyCostDelta <= EnhancementEngine.safeCostThreshold
            // A requirement that is not offered is already in effect.
            #expect(s.safe == (facts && s.requires.allSatisfy { safeIDs.contains($0) || !offered.contains($0) }), "\(s.id)")
        }
        #expect(suggestions.first { $0.id == "alb-https" }?.safe == false, "needs a certificate")
        // shop is under PCI DSS, so its WAF is on from the start; elsewhere it is offered and costs too much to be safe.
        #expect(suggestions.first { $0.id == "alb-waf" } == nil)
        let saas = try example("saas-api.json")
        #expect(EnhancementEngine().suggestions(for: DesignEngine().run(saas), file: saas).first { $0.id == "alb-waf" }?.safe == false)
        // Production has the key from the start; staging is offered it, and it is safe.
        #expect(suggestions.first { $0.id == "kms-customer-managed-key" } == nil)
        let staging = try example("shop.json", environment: .staging)
        #expect(
            EnhancementEngine().suggestions(for: DesignEngine().run(staging), file: staging).first { $0.id == "kms-customer-managed-key" }?.safe
                == true)
        #expect(suggestions.first { $0.id == "s3-infrequent-access" }.map { $0.safe && $0.monthlyCostDelta < 0 } == true, "saves money")
        // Requires a safe key, so it is safe; measured on top of the key.
        #expect(suggestions.first { $0.id == "s3-kms-encryption" }?.safe == true)
    }

    @Test func badRequestsAreRefusedWithAMessage() throws {
        let file = try example("tiny-todo.yaml")
        let result = DesignEngine().run(file)
        #expect(throws: EnhancementError(message: "unknown enhancement \"vpc-flow-log\" (did you mean \"vpc-flow-logs\"?)")) {
            try EnhancementEngine().apply(["vpc-flow-log"], to: result, file: file)
        }
        #expect(throws: EnhancementError.self) { try EnhancementEngine().apply(["alb-waf"], to: result, file: file) }
    }

    @Test func focusFiltersCategories() throws {
        var file = try example("ride-events.yaml")
        file.options.enhancementFocus = [.monitoring]
        let suggestions = EnhancementEngine().suggestions(for: DesignEngine().run(file), file: file)
        #expect(!suggestions.isEmpty && suggestions.allSatisfy { $0.category == .monitoring })
    }
}

@Suite struct GuardRailTests {
    @Test func designsThatBreakARuleAreRefused() throws {
        var design = run(designFile(uploads: true)).design
        if var db = design.database {
            db.storageEncrypted = false
            design.update("database", .database(db))
        }
        if var bucket = design.objectStorage {
            bucket.blockPublicAccess = false
            design.update("uploads", .objectStorage(bucket))
        }
        let messages = DesignValidator().validate(design).map(\.message)
        #expect(messages.contains("guard rail: a production database must be encrypted at rest"))
        #expect(messages.contains("guard rail: buckets must block public access"))
    }

    @Test func renderedFilesThatBreakARuleAreRefused() {
        let file = RenderedFile(
            path: "x.tf",
            content: """
                resource "aws_iam_user" "deploy" {
                  name = "deploy"
                }

                resource "aws_vpc_security_group_ingress_rule" "ssh" {
                  security_group_id = "sg-1"
                  cidr_ipv4         = "0.0.0.0/0"
                  ip_protocol       = "tcp"
                  from_port         = 22
                  to_port           = 22
                }

                resource "aws_security_group" "rdp" {
                  name = "rdp"

                  ingress {
                    from_port   = 3000
                    to_port     = 4000
                    protocol    = "tcp"
                    cidr_blocks = ["0.0.0.0/0"]
                  }
                }

                resource "aws_vpc_security_group_ingress_rule" "https" {
                  security_group_id = "sg-1"
                  cidr_ipv4         = "0.0.0.0/0"
                  ip_protocol       = "tcp"
                  from_port         = 443
                  to_port           = 443
                }
                """, source: "", target: .terraform)
        let problems = GuardRails.check([file]).map { "\($0.position?.line ?? 0): \($0.message)" }
        #expect(
            problems == [
                "1: guard rail: aws_iam_user is not allowed; use roles, not users or long-lived keys",
                "5: guard rail: SSH (22) or RDP (3389) must not be open to the world",
                "16: guard rail: SSH (22) or RDP (3389) must not be open to the world",
            ])
    }

    @Test func everyGeneratedDesignPassesTheGuardRails() throws {
        for (file, result) in try EnhancementTests.designs() {
            let ids = EnhancementEngine.compatible(EnhancementEngine().suggestions(for: result, file: file))
            let applied = try EnhancementEngine().apply(ids, to: result, file: file)
            #expect(GuardRails.check(applied.design).isEmpty)
            #expect(GuardRails.check(try Renderer().render(applied, targets: [.terraform])).isEmpty)
        }
    }
}

@Suite struct EnhancementToggleTests {
    @Test func requirementsComeAlongDependentsGoAlongConflictsAreRefused() throws {
        let file = try example("shop.json", environment: .staging)
        let suggestions = EnhancementEngine().suggestions(for: DesignEngine().run(file), file: file)
        let on = EnhancementToggle("s3-kms-encryption", in: [], suggestions: suggestions)
        #expect(on.applied == ["kms-customer-managed-key", "s3-kms-encryption"])
        #expect(on.message == "Applied s3-kms-encryption and kms-customer-managed-key, which it requires")
        let off = EnhancementToggle("kms-customer-managed-key", in: on.applied + ["vpc-flow-logs"], suggestions: suggestions)
        #expect(off.applied == ["vpc-flow-logs"])
        #expect(off.message == "Removed kms-customer-managed-key and s3-kms-encryption, which require it")
        let clash = EnhancementToggle("cache-in-front", in: ["rds-read-replica"], suggestions: suggestions)
        #expect(clash.refused && clash.applied == ["rds-read-replica"])
        #expect(clash.message == "cache-in-front conflicts with rds-read-replica: turn rds-read-replica off first")
    }
}
