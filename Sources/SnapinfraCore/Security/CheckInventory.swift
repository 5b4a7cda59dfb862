/// The checkov checks (3.3.x) that run on each kind of block Snapinfra renders, and how to tell
/// whether a block passes each. Checks not given a test pass by construction of the templates.
/// The lists come from running checkov over every example, environment and enhancement set.
enum CheckInventory {
    /// Whether a block passes a check, given the block and every other block of the module.
    typealias Test = @Sendable (TerraformBlock, Module) -> Bool

    struct Check: Sendable {
        var id: String
        var title: String
        var test: Test?
    }

    /// All blocks of one rendered module, for checks that look across blocks.
    struct Module: Sendable {
        var blocks: [TerraformBlock]

        func has(_ type: String, _ name: String? = nil) -> Bool {
            blocks.contains { $0.type == type && (name == nil || $0.name == name) }
        }

        func block(_ type: String, _ name: String) -> TerraformBlock? {
            blocks.first { $0.type == type && $0.name == name }
        }
    }

    static func check(_ id: String, _ title: String, _ test: Test? = nil) -> Check {
        Check(id: id, title: title, test: test)
    }

    static let iamPolicyChecks = [
        "CKV2_AWS_40", "CKV_AWS_1", "CKV_AWS_107", "CKV_AWS_108", "CKV_AWS_109", "CKV_AWS_110", "CKV_AWS_111", "CKV_AWS_283", "CKV_AWS_356",
        "CKV_AWS_358", "CKV_AWS_49",
    ].map { check($0, "IAM policy is least-privilege") }

    static let securityGroupChecks = ["CKV_AWS_23", "CKV_AWS_24", "CKV_AWS_25", "CKV_AWS_277"].map { check($0, "No admin ports open to the world") }

    static let checks: [String: [Check]] = [
        "aws": [check("CKV_AWS_41", "No hard-coded access keys")],
        "aws_availability_zones": [check("CKV_AWS_394", "Zones pinned")],
        "aws_iam_policy_document": iamPolicyChecks,
        "aws_iam_role": ["CKV2_AWS_56", "CKV_AWS_274", "CKV_AWS_393", "CKV_AWS_60", "CKV_AWS_61"].map { check($0, "IAM role is scoped") },
        "aws_iam_role_policy": ["CKV_AWS_62", "CKV_AWS_63"].map { check($0, "IAM policy is least-privilege") },
        "aws_iam_role_policy_attachment": ["CKV2_AWS_56", "CKV_AWS_274"].map { check($0, "No administrator policy attached") },
        "aws_kms_key": ["CKV2_AWS_64", "CKV_AWS_227", "CKV_AWS_33", "CKV_AWS_7"].map { check($0, "KMS key has a policy and rotates") },
        "aws_route_table": ["CKV2_AWS_35", "CKV2_AWS_44"].map { check($0, "Routes go through NAT, no peering routes") },
        "aws_subnet": [check("CKV_AWS_130", "Subnets assign no public IPs by default")],
        "aws_eip": [check("CKV2_AWS_19", "Elastic IPs are attached")],
        "aws_sns_topic": [check("CKV_AWS_26", "Topic encrypted")],
        "aws_cloudwatch_metric_alarm": [check("CKV_AWS_319", "Alarm actions enabled")],
        "aws_cloudwatch_log_group": [
            check("CKV_AWS_66", "Log retention set"),
            check("CKV_AWS_158", "Logs encrypted with a customer-managed key") { b, _ in b.has("kms_key_id") },
            check("CKV_AWS_338", "Logs kept at least a year") { b, _ in (b.integer("retention_in_days") ?? 0) >= 365 },
        ],
        "aws_vpc": [
            check("CKV2_AWS_12", "Default security group closed"),
            check("CKV2_AWS_11", "VPC flow logs") { _, m in m.has("aws_flow_log") },
        ],
        "aws_security_group": securityGroupChecks + [
            check("CKV2_AWS_5", "Security group attached"), check("CKV_AWS_260", "Port 80 not open to the world"),
            check("CKV_AWS_382", "Egress not open on all ports"),
        ],
        "aws_vpc_security_group_egress_rule": [check("CKV_AWS_23", "Rule described"), check("CKV_AWS_382", "Egress not open on all ports")],
        "aws_vpc_security_group_ingress_rule": securityGroupChecks + [
            check("CKV_AWS_260", "Port 80 not open to the world") { b, _ in !(b.value("cidr_ipv4") == "\"0.0.0.0/0\"" && b.integer("from_port") == 80)
            }
        ],
        "aws_db_instance": [
            check("CKV2_AWS_30", "Query logging"), check("CKV2_AWS_60", "Tags copied to snapshots"), check("CKV2_AWS_69", "TLS required"),
            check("CKV_AWS_133", "Backups kept"), check("CKV_AWS_16", "Encrypted at rest"), check("CKV_AWS_161", "IAM authentication"),
            check("CKV_AWS_17", "Not public"), check("CKV_AWS_211", "Modern CA"), check("CKV_AWS_226", "Minor upgrades"),
            check("CKV_AWS_354", "Performance Insights encrypted"), check("CKV_AWS_388", "No local file read"),
            check("CKV_AWS_118", "Enhanced monitoring") { b, _ in b.has("monitoring_interval") },
            check("CKV_AWS_129", "Logs exported") { b, _ in b.has("enabled_cloudwatch_logs_exports") },
            check("CKV_AWS_157", "Multi-AZ") { b, _ in b.isTrue("multi_az") },
            check("CKV_AWS_293", "Deletion protection") { b, _ in b.isTrue("deletion_protection") },
            check("CKV_AWS_353", "Performance Insights") { b, _ in b.isTrue("performance_insights_enabled") },
        ],
        "aws_dynamodb_table": [
            check("CKV_AWS_28", "Point-in-time recovery") { b, _ in
                b.block.body.blocks.contains { $0.type == "point_in_time_recovery" && TerraformBlock($0).isTrue("enabled") }
            },
            check("CKV_AWS_119", "Tables encrypted with a customer-managed key") { b, _ in b.has("kms_key_arn") },
            check("CKV2_AWS_16", "Tables autoscale or bill per request") { b, m in
                b.hasValue("\"PAY_PER_REQUEST\"") || m.has("aws_appautoscaling_target", "write")
            },
        ],
        "aws_ecs_cluster": [
            check("CKV_AWS_223", "ECS Exec logged"),
            check("CKV_AWS_65", "Container Insights") { b, _ in b.hasValue("\"containerInsights\"") },
        ],
        "aws_ecs_service": [
            check("CKV_AWS_332", "Latest Fargate platform"),
            check("CKV_AWS_333", "Tasks get no public IP") { b, _ in !b.isTrue("assign_public_ip") },
        ],
        "aws_ecs_task_definition": ["CKV_AWS_249", "CKV_AWS_334", "CKV_AWS_335", "CKV_AWS_336", "CKV_AWS_97"].map {
            check($0, "Containers unprivileged, read-only, separate roles")
        },
        "aws_elasticache_replication_group": [
            check("CKV_AWS_29", "Cache encrypted at rest"), check("CKV_AWS_30", "Cache encrypted in transit"),
            check("CKV2_AWS_50", "Cache fails over automatically") { b, _ in b.isTrue("automatic_failover_enabled") },
            check("CKV_AWS_191", "Cache encrypted with a customer-managed key") { b, _ in b.has("kms_key_id") },
            check("CKV_AWS_31", "Cache requires an auth token") { b, _ in b.has("auth_token") },
        ],
        "aws_lambda_function": [
            check("CKV2_AWS_75", "No open CORS"), check("CKV_AWS_117", "Function in a VPC"), check("CKV_AWS_363", "Runtime supported"),
            check("CKV_AWS_45", "No secrets in the environment"), check("CKV_AWS_50", "X-Ray tracing"),
            check("CKV_AWS_115", "Concurrency limited") { b, _ in b.has("reserved_concurrent_executions") },
            check("CKV_AWS_116", "Dead-letter queue") { b, _ in b.hasBlock("dead_letter_config") },
            check("CKV_AWS_173", "Environment encrypted with a customer-managed key") { b, _ in b.has("kms_key_arn") },
            check("CKV_AWS_272", "Code signing") { b, _ in b.has("code_signing_config_arn") },
        ],
        "aws_lambda_permission": [check("CKV_AWS_301", "Function not public"), check("CKV_AWS_364", "Permission scoped to the API")],
        "aws_apigatewayv2_api": [check("CKV2_AWS_77", "API protected")],
        "aws_apigatewayv2_stage": [check("CKV2_AWS_51", "Client certificates"), check("CKV_AWS_76", "Access logging")],
        "aws_apigatewayv2_route": [check("CKV_AWS_309", "Routes authorise callers") { b, _ in b.has("authorization_type") }],
        "aws_lb": [
            check("CKV_AWS_131", "Invalid headers dropped"), check("CKV_AWS_328", "Desync mitigation"),
            check("CKV2_AWS_20", "HTTP redirected to HTTPS") { _, m in m.has("aws_lb_listener", "https") },
            check("CKV2_AWS_28", "WAF in front") { _, m in m.has("aws_wafv2_web_acl_association") },
            check("CKV2_AWS_76", "WAF Log4j rule seen by checkov") { _, m in !m.has("aws_wafv2_web_acl_association") },
            check("CKV_AWS_150", "Deletion protection") { b, _ in b.isTrue("enable_deletion_protection") },
            check("CKV_AWS_91", "Access logs") { b, _ in b.hasBlock("access_logs") },
        ],
        "aws_lb_listener": [
            check("CKV2_AWS_74", "Strong ciphers"),
            check("CKV_AWS_103", "TLS 1.2 or later") { b, _ in b.hasValue("\"HTTPS\"") },
            check("CKV_AWS_2", "HTTPS") { b, _ in b.hasValue("\"HTTPS\"") },
        ],
        "aws_lb_target_group": [
            check("CKV_AWS_261", "Health check"),
            check("CKV_AWS_378", "Not plain HTTP end to end") { _, m in m.has("aws_lb_listener", "https") },
        ],
        "aws_s3_bucket": [
            check("CKV2_AWS_6", "Public access blocked"), check("CKV2_AWS_61", "Lifecycle rules"), check("CKV_AWS_19", "Encrypted"),
            check("CKV_AWS_20", "No public read ACL"), check("CKV_AWS_57", "No public write ACL"), check("CKV_AWS_93", "Policy keeps access"),
            check("CKV2_AWS_62", "Event notifications") { b, m in m.has("aws_s3_bucket_notification", b.name) },
            check("CKV_AWS_144", "Cross-region replication") { b, m in m.has("aws_s3_bucket_replication_configuration", b.name) },
            check("CKV_AWS_145", "Encrypted with a customer-managed key") { b, m in
                m.block("aws_s3_bucket_server_side_encryption_configuration", b.name)?.hasValue("\"aws:kms\"") ?? false
            },
            check("CKV_AWS_18", "Access logging") { b, m in m.has("aws_s3_bucket_logging", b.name) },
            check("CKV_AWS_21", "Versioning") { b, m in m.block("aws_s3_bucket_versioning", b.name)?.hasValue("\"Enabled\"") ?? false },
        ],
        "aws_s3_bucket_lifecycle_configuration": [check("CKV_AWS_300", "Incomplete uploads aborted")],
        "aws_s3_bucket_ownership_controls": [check("CKV2_AWS_65", "ACLs disabled")],
        "aws_s3_bucket_policy": [check("CKV_AWS_93", "Policy keeps access")],
        "aws_s3_bucket_public_access_block": ["CKV_AWS_53", "CKV_AWS_54", "CKV_AWS_55", "CKV_AWS_56"].map { check($0, "Public access blocked") },
        "aws_secretsmanager_secret": [
            check("CKV_AWS_149", "Secret encrypted with a customer-managed key") { b, _ in b.has("kms_key_id") },
            check("CKV2_AWS_57", "Secret rotated automatically") { _, m in m.has("aws_secretsmanager_secret_rotation") },
        ],
        "aws_wafv2_web_acl": ["CKV2_AWS_31", "CKV_AWS_175", "CKV_AWS_192", "CKV_AWS_342"].map { check($0, "WAF logs, rules and Log4j") },
    ]

    /// Checks checkov leaves out for a read replica (they follow the primary).
    static let notOnReplicas: Set<String> = ["CKV2_AWS_30", "CKV_AWS_161"]
}
