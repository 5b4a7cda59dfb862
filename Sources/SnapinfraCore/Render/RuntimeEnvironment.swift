/// The environment variables the application reads, with their value in each target, built in
/// one place so Terraform and Compose always agree on names.
public struct RuntimeVariable: Sendable, Hashable {
    public var name: String
    /// An HCL expression for Terraform (already quoted or a reference).
    public var terraform: String?
    /// Where the value comes from in Terraform when it is a secret (an ARN expression).
    public var terraformSecret: String?
    /// A YAML scalar for Compose (quoted, `$` doubled where literal).
    public var compose: String?
    /// Whether `.env.example` must list it (Compose reads it from `.env`).
    public var fromDotEnv: Bool
    /// A secret's Secrets Manager ARN (an HCL expression) and the JSON key inside it, for the
    /// Kubernetes ExternalSecret; nil for a setting.
    public var secretARN: String? = nil
    public var secretProperty: String? = nil
    /// The value as a Python expression of the Pulumi program, and a secret's `valueFrom`.
    public var pulumi: String? = nil
    public var pulumiSecret: String? = nil

    /// The Terraform value as a Kubernetes setting; nil for a secret.
    var kubernetes: KubernetesSetting? { terraform.map(KubernetesSetting.init(expression:)) }
}

/// A non-secret setting as the Kubernetes overlays hold it: a literal the manifests can write
/// now, or a value only Terraform knows (filled from its `kubernetes_settings` output).
struct KubernetesSetting: Hashable {
    var expression: String
    /// The plain value when the expression is a simple string literal.
    var literal: String?

    init(expression: String) {
        self.expression = expression
        if expression.count >= 2, expression.hasPrefix("\""), expression.hasSuffix("\""),
            !expression.dropFirst().dropLast().contains(where: { "\"\\$%\n".contains($0) })
        {
            literal = String(expression.dropFirst().dropLast())
        }
    }

    /// The value in the Terraform heredoc: the literal, or an interpolation.
    var settingsText: String { literal ?? "${\(expression)}" }
}

enum RuntimeEnvironment {
    static func variables(_ design: InfrastructureDesign, names: ResourceNames) -> [RuntimeVariable] {
        let port = ComposeModel.appPort
        var list = [
            RuntimeVariable(name: "APP_ENV", terraform: "var.environment", compose: Escaping.yamlString("development"), fromDotEnv: false),
            RuntimeVariable(
                name: "PORT", terraform: design.compute?.platform == .eks ? Escaping.hclString("\(port)") : "tostring(var.app_port)",
                compose: Escaping.yamlString("\(port)"), fromDotEnv: false),
        ]
        if let db = design.database {
            switch db.service {
            case .rds, .documentDB:
                let address = db.service == .rds ? "aws_db_instance.this.address" : "aws_docdb_cluster.this.endpoint"
                let service = ComposeModel.databaseService(db)
                list += [
                    RuntimeVariable(name: "DATABASE_HOST", terraform: address, compose: Escaping.yamlString(service), fromDotEnv: false),
                    RuntimeVariable(
                        name: "DATABASE_PORT", terraform: Escaping.hclString("\(db.port)"), compose: Escaping.yamlString("\(db.port)"),
                        fromDotEnv: false),
                    RuntimeVariable(
                        name: "DATABASE_NAME", terraform: Escaping.hclString(names.databaseName), compose: Escaping.yamlString(names.databaseName),
                        fromDotEnv: false),
                    RuntimeVariable(
                        name: "DATABASE_USER", terraform: Escaping.hclString(names.databaseUser), compose: Escaping.yamlString(names.databaseUser),
                        fromDotEnv: false),
                ]
                let secretArn =
                    db.service == .rds
                    ? "aws_db_instance.this.master_user_secret[0].secret_arn" : "aws_docdb_cluster.this.master_user_secret[0].secret_arn"
                let lambda = design.compute?.platform == .lambda
                if lambda {
                    list.append(
                        RuntimeVariable(
                            name: "DATABASE_AUTH", terraform: Escaping.hclString("iam"), compose: Escaping.yamlString("password"), fromDotEnv: false))
                }
                // The local stack always signs in with the password from .env; in AWS the function
                // uses IAM authentication instead, and ECS injects the secret.
                list.append(
                    RuntimeVariable(
                        name: "DATABASE_PASSWORD", terraform: nil, terraformSecret: lambda ? nil : "\"${\(secretArn)}:password::\"",
                        compose: Escaping.yamlString("${DATABASE_PASSWORD:?set DATABASE_PASSWORD in .env}", compose: false), fromDotEnv: true,
                        secretARN: lambda ? nil : secretArn, secretProperty: "password"))
                if db.service == .rds, db.readReplicas > 0 {
                    // The local stack has no replica: reads go to the one database.
                    list.append(
                        RuntimeVariable(
                            name: "DATABASE_READ_HOSTS", terraform: "join(\",\", aws_db_instance.replica[*].address)",
                            compose: Escaping.yamlString(service),
                            fromDotEnv: false))
                }
                list.append(
                    RuntimeVariable(
                        name: "DATABASE_TLS", terraform: Escaping.hclString("true"), compose: Escaping.yamlString("false"), fromDotEnv: false))
            case .dynamoDB:
                list += [
                    RuntimeVariable(
                        name: "DYNAMODB_TABLE_PREFIX", terraform: "\"${local.name}-\"", compose: Escaping.yamlString("\(names.slug)-"),
                        fromDotEnv: false),
                    RuntimeVariable(
                        name: "DYNAMODB_ENDPOINT", terraform: Escaping.hclString(""), compose: Escaping.yamlString("http://dynamodb:8000"),
                        fromDotEnv: false),
                ]
            }
        }
        if let cache = design.cache {
            list += [
                RuntimeVariable(
                    name: "CACHE_HOST", terraform: "aws_elasticache_replication_group.this.primary_endpoint_address",
                    compose: Escaping.yamlString("cache"), fromDotEnv: false),
                RuntimeVariable(
                    name: "CACHE_PORT", terraform: Escaping.hclString("\(cache.port)"), compose: Escaping.yamlString("\(cache.port)"),
                    fromDotEnv: false),
                RuntimeVariable(name: "CACHE_TLS", terraform: Escaping.hclString("true"), compose: Escaping.yamlString("false"), fromDotEnv: false),
            ]
            if design.activeHardening.cacheAuthToken {
                // ECS injects the token; a function reads it from Secrets Manager at start.
                if design.compute?.platform == .lambda {
                    list.append(
                        RuntimeVariable(
                            name: "CACHE_AUTH_SECRET_ARN", terraform: "aws_secretsmanager_secret.cache_auth.arn", compose: nil, fromDotEnv: false))
                } else {
                    list.append(
                        RuntimeVariable(
                            name: "CACHE_AUTH_TOKEN", terraform: nil, terraformSecret: "aws_secretsmanager_secret.cache_auth.arn", compose: nil,
                            fromDotEnv: false, secretARN: "aws_secretsmanager_secret.cache_auth.arn"))
                }
            }
        }
        if design.objectStorage != nil {
            list.append(
                RuntimeVariable(
                    name: "UPLOADS_BUCKET", terraform: "aws_s3_bucket.uploads.bucket",
                    compose: Escaping.yamlString("${UPLOADS_BUCKET:?set UPLOADS_BUCKET in .env}", compose: false), fromDotEnv: true))
        }
        return list.map(python)
    }

    /// The variable with its value in the Pulumi program, next to the Terraform one.
    private static func python(_ variable: RuntimeVariable) -> RuntimeVariable {
        var v = variable
        switch v.name {
        case "APP_ENV": v.pulumi = "settings.environment"
        // On EKS the port is fixed by the manifests, so it is a literal like the Terraform one.
        case "PORT": v.pulumi = v.kubernetes?.literal.map(Escaping.pythonString) ?? "str(settings.app_port)"
        case "DATABASE_HOST":
            v.pulumi = v.terraform == "aws_docdb_cluster.this.endpoint" ? "documentdb.cluster.endpoint" : "database.instance.address"
        case "DATABASE_PASSWORD":
            let module = v.secretARN?.hasPrefix("aws_docdb") == true ? "documentdb" : "database"
            v.pulumiSecret = v.terraformSecret == nil ? nil : "pulumi.Output.concat(\(module).secret_arn, \":password::\")"
        case "DATABASE_READ_HOSTS": v.pulumi = "pulumi.Output.all(*[replica.address for replica in database.replicas]).apply(\",\".join)"
        case "CACHE_HOST": v.pulumi = "cache.group.primary_endpoint_address"
        case "CACHE_AUTH_TOKEN": v.pulumiSecret = "cache.auth_secret.arn"
        case "CACHE_AUTH_SECRET_ARN": v.pulumi = "cache.auth_secret.arn"
        case "UPLOADS_BUCKET": v.pulumi = "storage.uploads.bucket"
        case "DYNAMODB_TABLE_PREFIX": v.pulumi = "f\"{settings.name}-\""
        default:
            // A fixed value: the same text as the Terraform literal.
            if let literal = v.kubernetes?.literal { v.pulumi = Escaping.pythonString(literal) }
        }
        return v
    }
}

/// Every name the rendered files use, made by `Naming` from the project name.
public struct ResourceNames: Sendable, Hashable {
    public var slug: String
    public var prefix: String
    public var databaseIdentifier: String
    public var databaseName: String
    public var databaseUser: String
    public var cacheIdentifier: String
    public var loadBalancer: String
    public var targetGroup: String
    public var executionRole: String
    public var taskRole: String
    public var bucketPrefix: String
    public var logBucketPrefix: String

    public init(project: String) {
        slug = Naming.slug(project)
        prefix = Naming.awsName(project, kind: .generic)
        databaseIdentifier = Naming.awsName(project, "db", kind: .rdsIdentifier)
        databaseName = String(Naming.terraformIdentifier(project).prefix(63))
        databaseUser = "app"
        cacheIdentifier = Naming.awsName(project, "cache", kind: .elasticache)
        loadBalancer = Naming.awsName(project, "alb", kind: .loadBalancer)
        targetGroup = Naming.awsName(project, "app", kind: .targetGroup)
        executionRole = Naming.awsName(project, "execution", kind: .iamRole)
        taskRole = Naming.awsName(project, "app", kind: .iamRole)
        // bucket_prefix leaves room for the 26 characters Terraform appends.
        var bucket = String(Naming.awsName(project, "uploads", kind: .s3Bucket).prefix(36))
        while bucket.hasSuffix("-") { bucket.removeLast() }
        bucketPrefix = bucket + "-"
        var logs = String(Naming.awsName(project, "logs", kind: .s3Bucket).prefix(36))
        while logs.hasSuffix("-") { logs.removeLast() }
        logBucketPrefix = logs + "-"
    }
}

/// The names of an EKS design's cluster roles and node group, shared by Terraform and Pulumi.
struct ClusterNames: Hashable {
    var clusterRole: String
    var nodeRole: String
    var nodeGroup: String
    var externalSecretsRole: String
    var loadBalancerControllerRole: String
    var cloudWatchAgentRole: String

    init(project: String) {
        clusterRole = Naming.awsName(project, "eks", kind: .iamRole)
        nodeRole = Naming.awsName(project, "nodes", kind: .iamRole)
        nodeGroup = Naming.awsName(project, "nodes", kind: .generic)
        externalSecretsRole = Naming.awsName(project, "external-secrets", kind: .iamRole)
        loadBalancerControllerRole = Naming.awsName(project, "lb-controller", kind: .iamRole)
        cloudWatchAgentRole = Naming.awsName(project, "cloudwatch-agent", kind: .iamRole)
    }
}
