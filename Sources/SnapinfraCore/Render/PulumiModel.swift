/// Everything the Pulumi templates show: the Terraform model's numbers, flags and sections
/// (`tf`), and every string as a finished Python literal or expression (`py`). Templates read
/// only `py` for text, so no HCL literal and no raw user text reaches a Python file.
struct PulumiModel {
    /// One `name = value` pair of a container's environment, a policy or an alarm, in Python.
    struct Pair: Hashable {
        var nameLiteral: String
        var valueExpression: String
    }

    struct Alarm: Hashable {
        var id: String
        var suffix: String
        var descriptionLiteral: String
        var namespaceLiteral: String
        var metricLiteral: String
        var statisticLiteral: String
        var comparisonLiteral: String
        var threshold: String
        var dimensions: [Pair]
    }

    struct Statement: Hashable {
        /// String literals, one per line of the list.
        var actions: [String]
        var resourcesExpression: String
    }

    /// The application's own policy (`app-policy-python`): the resource's name, the variable of
    /// the role it is attached to, and its statements.
    struct AppPolicy: Hashable {
        var resourceLiteral: String
        var roleVariable: String
        var statements: [Statement]
    }

    /// A DynamoDB table of `dynamodb.py`, every name a Python literal.
    struct DynamoTable: Hashable {
        var keyLiteral: String
        var hashKeyLiteral: String
        var rangeKeyExpression: String
        var attributes: [Pair]
        var indexes: [String]
        var hasIndexes: Bool
        var ttlExpression: String
        var readCapacity: Int
        var writeCapacity: Int
        var maxReadCapacity: Int
        var maxWriteCapacity: Int
    }

    struct Output: Hashable {
        var nameLiteral: String
        var valueExpression: String
    }

    /// A keyword argument of a call: a fixed identifier (never project text) and its value.
    struct Keyword: Hashable {
        var name: String
        var valueExpression: String
    }

    /// The EKS cluster's strings as Python (`eks.py`, `settings.py`).
    struct EKSLiterals: Hashable {
        var kubernetesVersion: String
        var nodeType: String
        var nodeGroupName: String
        var clusterRole: String
        var nodeRole: String
        var externalSecretsRole: String
        var loadBalancerControllerRole: String
        var cloudWatchAgentRole: String
        var namespace: String
        var serviceAccount: String
        /// The lines of the overlays' settings.env, in the Terraform output's order.
        var settings: [Keyword]
    }

    /// A module of the program, in the order `__main__.py` imports it.
    struct Module: Hashable {
        var name: String
    }

    /// A stack file's settings for one environment.
    struct Stack: Hashable {
        var environment: String
        var environmentLiteral: String
        var protect: Bool
    }

    /// One stack file sees the whole model and its own environment.
    struct StackFile {
        var header: String
        var project: String
        var tf: TerraformModel
        var yaml: YAMLLiterals
        var givenSettings: [Setting]
        var stack: Stack

        init(model: PulumiModel, stack: Stack) {
            header = model.header
            project = model.project
            tf = model.tf
            yaml = model.yaml
            givenSettings = model.givenSettings
            self.stack = stack
        }
    }

    /// A value of a stack file that is known now (YAML scalars, already quoted).
    struct Setting: Hashable {
        var key: String
        var valueLiteral: String
    }

    /// The program's strings as Python.
    struct Literals: Hashable {
        var project: String
        var name: String
        var region: String
        var environment: String
        var zones: String
        var cidr: String
        var databaseIdentifier: String
        var databaseEngine: String
        var databaseEngineVersion: String
        var databaseInstanceClass: String
        var databaseName: String
        var databaseUser: String
        var databaseStorageType: String
        var parameterFamily: String
        var tlsParameter: String
        var tlsParameterValue: String
        var finalSnapshot: String
        var logExports: String
        var cacheIdentifier: String
        var cacheEngineVersion: String
        var cacheNodeType: String
        var executionRole: String
        var taskRole: String
        var cpuArchitecture: String
        var serviceSubnets: String
        var loadBalancerName: String
        var targetGroupName: String
        var healthCheckPath: String
        var uploadsPrefix: String
        var versioningStatus: String
        var logsPrefix: String
        var topicKey: String
        var budgetLimit: String
        var interfaceServices: String
        var executionSecretArns: String
        var environmentVariables: [Pair]
        var secrets: [Pair]
        var appStatements: [Statement]
        var alarms: [Alarm]
        var outputs: [Output]
        /// The monthly cost lines `automation.py` prints before a production `up`.
        var costLines: [Pair]
        var costTotal: String
        var appGroupName: String
        var appGroupDescription: String
        var functionBasePolicy: String
        var functionArchitecture: String
        var tracingMode: String
        var databaseUserPath: String
        var billingMode: String
        var dynamoTables: [DynamoTable]
        var reservationProduct: String
        var eks: EKSLiterals?
        var bools: Bools
    }

    /// Flags of the Terraform model as Python's `True` and `False`.
    struct Bools: Hashable {
        var uploadsForceDestroy: String
        var logsForceDestroy: String
        var multiAZ: String
        var deletionProtection: String
        var skipFinalSnapshot: String
        var automaticFailover: String
        var assignPublicIP: String
        var loadBalancerDeletionProtection: String
        var pointInTimeRecovery: String
    }

    /// The stack files' strings as YAML.
    struct YAMLLiterals: Hashable {
        var project: String
        var name: String
        var region: String
        var zones: String
        var kubernetesVersion: String
        var nodeType: String
    }

    var header: String
    /// The Pulumi project's name (the slug), which also prefixes its config keys.
    var project: String
    var tf: TerraformModel
    var py: Literals
    var yaml: YAMLLiterals
    var modules: [Module]
    var stacks: [Stack]
    /// Values the user gave for suggestions (alarm and budget addresses, the certificate).
    var givenSettings: [Setting]
    var hasDatabase: Bool
    var hasRDS: Bool
    var hasDocumentDB: Bool
    var hasDynamoDB: Bool
    var hasCache: Bool
    var hasUploads: Bool
    var hasLogs: Bool
    var hasMonitoring: Bool
    var hasAlarms: Bool
    var hasKey: Bool
    var replicaHosts: Bool
    var networkUsesPulumi: Bool
    var cacheUsesKey: Bool
    var networkUsesKey: Bool
    var databaseUsesKey: Bool
    var monitoringUsesPulumi: Bool
    /// The modules `function.py` reads, sorted.
    var functionImports: [Module]
    var connectsWithIAM: Bool
    /// The modules `monitoring.py` reads, sorted as isort wants them.
    var monitoringImports: [Module]
    var albUsesPulumi: Bool
    var plainListener: Bool
    var hasExecutionSecrets: Bool
    var executionSecretsKey: Bool
    /// The application's policy, when it needs one.
    var appPolicy: AppPolicy?
    /// Whether the application runs in containers with a network of their own (ECS or EKS).
    var containers: Bool
    /// The modules `eks.py` reads, sorted.
    var eksImports: [Module]

    init?(result: DesignResult, header: String) {
        let design = result.design
        guard design.compute != nil else { return nil }
        let tf = TerraformModel(design: design, header: header)
        let names = ResourceNames(project: design.projectName)
        let p = Escaping.pythonString
        let db = design.database
        self.header = header
        self.tf = tf
        project = names.slug
        let y = { (text: String) in Escaping.yamlString(text, compose: false) }
        let zones = AvailabilityZones.names(region: design.region, count: design.network?.availabilityZones ?? 2)
        let cluster = design.compute?.cluster
        yaml = YAMLLiterals(
            project: y(names.slug), name: y(names.prefix), region: y(design.region), zones: "[" + zones.map(y).joined(separator: ", ") + "]",
            kubernetesVersion: y(cluster?.kubernetesVersion ?? ""), nodeType: y(cluster?.nodeType ?? ""))
        let (family, engine) = TerraformModel.engineNames(db?.engine)
        let postgres = db?.engine == .postgres
        let variables = RuntimeEnvironment.variables(design, names: names)
        let h = design.activeHardening
        var statements: [Statement] = []
        let lambda = design.compute?.platform == .lambda
        let eks = design.compute?.platform == .eks
        if h.uploadsCustomerManagedKey || h.tablesCustomerManagedKey || h.functionEnvironmentKey {
            statements.append(
                Statement(actions: ["kms:Decrypt", "kms:GenerateDataKey"].map(p), resourcesExpression: "[kms.key.arn]"))
        }
        if lambda, h.cacheAuthToken {
            statements.append(Statement(actions: [p("secretsmanager:GetSecretValue")], resourcesExpression: "[cache.auth_secret.arn]"))
        }
        if design.objectStorage != nil {
            statements.append(
                Statement(
                    actions: ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"].map(p),
                    resourcesExpression: "[pulumi.Output.concat(storage.uploads.arn, \"/*\")]"))
        }
        if db?.service == .dynamoDB {
            statements.append(
                Statement(
                    actions: [
                        "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:Query",
                        "dynamodb:BatchGetItem", "dynamodb:BatchWriteItem",
                    ].map(p),
                    resourcesExpression: "[table.arn for table in dynamodb.tables.values()]"))
        }
        if lambda, db?.service == .rds {
            statements.append(Statement(actions: [p("rds-db:connect")], resourcesExpression: "[database_user]"))
        }
        var arns: [String] = []
        if db?.service == .rds { arns.append("database.secret_arn") }
        if db?.service == .documentDB { arns.append("documentdb.secret_arn") }
        if h.cacheAuthToken { arns.append("cache.auth_secret.arn") }
        py = Literals(
            project: p(names.slug), name: p(names.prefix), region: p(design.region), environment: p(design.environment.rawValue),
            zones: Escaping.pythonList(zones), cidr: p(design.network?.cidr ?? "10.0.0.0/16"),
            databaseIdentifier: p(names.databaseIdentifier), databaseEngine: p(engine), databaseEngineVersion: p(db?.engineVersion ?? ""),
            databaseInstanceClass: p(db?.instanceClass ?? ""), databaseName: p(names.databaseName), databaseUser: p(names.databaseUser),
            databaseStorageType: p(db?.storageType ?? "gp3"), parameterFamily: p(family),
            tlsParameter: p(postgres ? "rds.force_ssl" : "require_secure_transport"), tlsParameterValue: p(postgres ? "1" : "ON"),
            finalSnapshot: p(names.databaseIdentifier + "-final"),
            logExports: Escaping.pythonList(postgres ? ["postgresql", "upgrade"] : ["error", "slowquery"]),
            cacheIdentifier: p(names.cacheIdentifier), cacheEngineVersion: p(design.cache?.engineVersion ?? ""),
            cacheNodeType: p(design.cache?.nodeType ?? ""), executionRole: p(names.executionRole), taskRole: p(names.taskRole),
            cpuArchitecture: p(design.compute?.isGraviton == false ? "X86_64" : "ARM64"),
            serviceSubnets: tf.compute.fargate?.publicSubnets == true ? "network.public_subnet_ids" : "network.private_subnet_ids",
            loadBalancerName: p(names.loadBalancer), targetGroupName: p(names.targetGroup),
            healthCheckPath: p(design.app?.healthPath ?? Project.defaultHealthPath), uploadsPrefix: p(names.bucketPrefix),
            versioningStatus: p(design.objectStorage?.versioning == true ? "Enabled" : "Suspended"), logsPrefix: p(names.logBucketPrefix),
            topicKey: h.customerManagedKey ? "kms.key.id" : p("alias/aws/sns"), budgetLimit: p(h.budgetAlarmLimit.map { "\($0)" } ?? ""),
            interfaceServices: Escaping.pythonList(NetworkSpec.endpointServices), executionSecretArns: "[" + arns.joined(separator: ", ") + "]",
            environmentVariables: variables.compactMap { v in v.pulumi.map { Pair(nameLiteral: p(v.name), valueExpression: $0) } },
            secrets: variables.compactMap { v in v.pulumiSecret.map { Pair(nameLiteral: p(v.name), valueExpression: $0) } },
            appStatements: statements, alarms: Self.alarms(tf.alarms), outputs: Self.outputs(design),
            costLines: result.estimate.resources.map { Pair(nameLiteral: p($0.address), valueExpression: p(Format.money($0.monthlyCost))) },
            costTotal: p(Format.money(result.estimate.totalMonthly)),
            appGroupName: eks ? "f\"{settings.name}-nodes\"" : "f\"{settings.name}-app\"",
            appGroupDescription: p(
                lambda
                    ? "Application function: outbound to the database only"
                    : eks
                        ? "EKS nodes and their pods: the database and cache admit this group"
                        : "Application tasks: reachable from the load balancer only"),
            functionBasePolicy: p(
                design.network == nil
                    ? "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
                    : "arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole"),
            functionArchitecture: p(design.compute?.architecture ?? "arm64"),
            tracingMode: p(design.compute?.tracing == true ? "Active" : "PassThrough"),
            databaseUserPath: p("/" + names.databaseUser),
            billingMode: p(db?.capacityMode == "provisioned" ? "PROVISIONED" : "PAY_PER_REQUEST"),
            dynamoTables: (db?.dynamoTables ?? []).map(Self.dynamoTable),
            reservationProduct: p(db?.engine == .mysql ? "mysql" : db?.engine == .mariadb ? "mariadb" : "postgresql"),
            eks: Self.eksLiterals(design, names: names, variables: variables),
            bools: Bools(
                uploadsForceDestroy: Self.bool(tf.uploads?.forceDestroy), logsForceDestroy: Self.bool(tf.logs?.forceDestroy),
                multiAZ: Self.bool(tf.database?.multiAZ), deletionProtection: Self.bool(tf.database?.deletionProtection),
                skipFinalSnapshot: Self.bool(tf.database?.skipFinalSnapshot), automaticFailover: Self.bool(tf.cache?.automaticFailover),
                assignPublicIP: Self.bool(tf.compute.fargate?.publicSubnets), loadBalancerDeletionProtection: Self.bool(tf.entry.deletionProtection),
                pointInTimeRecovery: Self.bool(tf.database?.pointInTimeRecovery)))
        var modules = ["settings"]
        if design.hardening.customerManagedKey { modules.append("kms") }
        if design.network != nil { modules += ["network", "security_groups"] }
        if design.objectStorage != nil { modules.append("storage") }
        if design.hasLogBucket { modules.append("logs") }
        switch db?.service {
        case .rds?: modules.append("database")
        case .documentDB?: modules.append("documentdb")
        case .dynamoDB?: modules.append("dynamodb")
        case nil: break
        }
        if design.cache != nil { modules.append("cache") }
        if lambda {
            modules += ["function", "api"]
        } else if eks {
            modules.append("eks")
            if h.webApplicationFirewall { modules.append("waf") }
        } else {
            modules += ["alb", "compute"]
        }
        if design.monitoring?.alarms.isEmpty == false || h.budgetAlarmLimit != nil { modules.append("monitoring") }
        if tf.commitments != nil { modules.append("commitments") }
        self.modules = modules.sorted().map(Module.init)
        var reads: Set<String> = ["settings"]
        for alarm in py.alarms { for d in alarm.dimensions { reads.insert(String(d.valueExpression.prefix { $0 != "." })) } }
        if h.customerManagedKey { reads.insert("kms") }
        monitoringImports = reads.sorted().map(Module.init)
        monitoringUsesPulumi = h.dashboard
        var functionReads: Set<String> = ["settings"]
        if design.network != nil { functionReads.formUnion(["network", "security_groups"]) }
        if h.customerManagedKey { functionReads.insert("kms") }
        for expression in py.environmentVariables.map(\.valueExpression) + py.appStatements.map(\.resourcesExpression) {
            for module in ["database", "documentdb", "dynamodb", "cache", "storage", "kms"] where expression.contains(module + ".") {
                functionReads.insert(module)
            }
        }
        connectsWithIAM = lambda && db?.service == .rds
        if connectsWithIAM { functionReads.insert("database") }
        functionImports = functionReads.sorted().map(Module.init)
        var eksReads: Set<String> = ["kms", "network", "security_groups", "settings"]
        let eksExpressions = (py.eks?.settings.map(\.valueExpression) ?? []) + py.appStatements.map(\.resourcesExpression) + [py.executionSecretArns]
        for expression in eksExpressions {
            for module in ["database", "documentdb", "dynamodb", "cache", "storage", "waf"] where expression.contains(module + ".") {
                eksReads.insert(module)
            }
        }
        eksImports = eks ? eksReads.sorted().map(Module.init) : []
        containers = !lambda
        stacks = Environment.allCases.map { env in
            Stack(environment: env.rawValue, environmentLiteral: Escaping.yamlString(env.rawValue, compose: false), protect: env == .production)
        }
        givenSettings = [EnhancementInput.alarmEmail, .budgetEmail, .certificateARN].compactMap { input in
            design.inputs?[input.variable].map { Setting(key: Self.configKey(input.variable), valueLiteral: Escaping.yamlString($0, compose: false)) }
        }
        hasDatabase = db != nil
        hasRDS = db?.service == .rds
        hasDocumentDB = db?.service == .documentDB
        hasDynamoDB = db?.service == .dynamoDB
        hasCache = design.cache != nil
        hasUploads = design.objectStorage != nil
        hasLogs = design.hasLogBucket
        hasMonitoring = modules.contains("monitoring")
        hasAlarms = design.monitoring?.alarms.isEmpty == false
        hasKey = modules.contains("kms")
        replicaHosts = (db?.readReplicas ?? 0) > 0
        albUsesPulumi = h.loadBalancerAccessLogs
        plainListener = !h.httpsListener
        hasExecutionSecrets = !arns.isEmpty
        executionSecretsKey = h.cacheAuthToken && h.customerManagedKey
        appPolicy =
            statements.isEmpty
            ? nil
            : AppPolicy(
                resourceLiteral: p(lambda || eks ? "app" : "task"), roleVariable: lambda ? "role" : eks ? "app_role" : "task_role",
                statements: statements)
        networkUsesKey = h.vpcFlowLogs && h.customerManagedKey
        databaseUsesKey = h.performanceInsights && h.customerManagedKey
        cacheUsesKey = h.cacheCustomerManagedKey || (h.cacheAuthToken && h.customerManagedKey)
        networkUsesPulumi = h.vpcFlowLogs || (design.network?.natGateways ?? 0) > 0
    }

    static func dynamoTable(_ t: SnapinfraCore.DynamoTable) -> DynamoTable {
        let p = Escaping.pythonString
        let keys = t.keyAttributes
        return DynamoTable(
            keyLiteral: p(t.key), hashKeyLiteral: p(t.hashKey.name), rangeKeyExpression: t.rangeKey.map { p($0.name) } ?? "None",
            attributes: keys.map { Pair(nameLiteral: p($0.name), valueExpression: p($0.type)) },
            indexes: t.indexes.map { p($0.name) }, hasIndexes: !t.indexes.isEmpty, ttlExpression: t.ttlAttribute.map(p) ?? "None",
            readCapacity: t.readCapacity, writeCapacity: t.writeCapacity, maxReadCapacity: t.maxReadCapacity,
            maxWriteCapacity: t.maxWriteCapacity)
    }

    /// The cluster's names and the overlays' settings, for an EKS design.
    static func eksLiterals(_ design: InfrastructureDesign, names: ResourceNames, variables: [RuntimeVariable]) -> EKSLiterals? {
        guard design.compute?.platform == .eks, let cluster = design.compute?.cluster else { return nil }
        let p = Escaping.pythonString
        let roles = ClusterNames(project: design.projectName)
        // What only the applied program knows, as the Terraform output references it.
        let expressions = [
            "aws_db_instance.this.master_user_secret[0].secret_arn": "database.secret_arn",
            "aws_docdb_cluster.this.master_user_secret[0].secret_arn": "documentdb.secret_arn",
            "aws_secretsmanager_secret.cache_auth.arn": "cache.auth_secret.arn",
            "aws_wafv2_web_acl.this.arn": "waf.web_acl.arn",
            "var.certificate_arn": "settings.certificate_arn",
        ]
        var settings = variables.compactMap { v in
            v.kubernetes == nil ? nil : v.pulumi.map { Keyword(name: v.name, valueExpression: $0) }
        }
        for setting in KubernetesModel.deploymentSettings(design) {
            settings.append(Keyword(name: setting.name, valueExpression: expressions[setting.terraform] ?? "None"))
        }
        return EKSLiterals(
            kubernetesVersion: p(cluster.kubernetesVersion), nodeType: p(cluster.nodeType), nodeGroupName: p(roles.nodeGroup),
            clusterRole: p(roles.clusterRole), nodeRole: p(roles.nodeRole), externalSecretsRole: p(roles.externalSecretsRole),
            loadBalancerControllerRole: p(roles.loadBalancerControllerRole), cloudWatchAgentRole: p(roles.cloudWatchAgentRole),
            namespace: p(names.prefix), serviceAccount: p(names.prefix), settings: settings)
    }

    static func bool(_ value: Bool?) -> String { value == true ? "True" : "False" }

    /// `alarm_email` as Pulumi config spells it: `alarmEmail`.
    static func configKey(_ variable: String) -> String {
        let parts = variable.split(separator: "_")
        return (parts.first.map(String.init) ?? "") + parts.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// The Terraform alarms with their dimensions as Python expressions.
    static func alarms(_ alarms: [TerraformModel.Alarm]) -> [Alarm] {
        let p = Escaping.pythonString
        let expressions = [
            "aws_lb.this.arn_suffix": "alb.load_balancer.arn_suffix",
            "aws_lb_target_group.app.arn_suffix": "alb.target_group.arn_suffix",
            "aws_db_instance.this.identifier": "database.instance.identifier",
            "aws_elasticache_replication_group.this.id": "cache.group.id",
            "aws_ecs_cluster.this.name": "compute.cluster.name",
            "aws_ecs_service.this.name": "compute.service.name",
            "aws_apigatewayv2_api.this.id": "api.http_api.id",
            "aws_lambda_function.this.function_name": "function.app.name",
        ]
        return alarms.map { a in
            Alarm(
                id: a.id, suffix: a.suffix, descriptionLiteral: p(a.text.description), namespaceLiteral: p(a.text.namespace),
                metricLiteral: p(a.text.metric), statisticLiteral: p(a.text.statistic), comparisonLiteral: p(a.text.comparison),
                threshold: a.threshold,
                dimensions: a.dimensions.map { Pair(nameLiteral: p($0.name), valueExpression: expressions[$0.valueExpression] ?? "None") })
        }
    }

    static func outputs(_ design: InfrastructureDesign) -> [Output] {
        var list: [(String, String)]
        switch design.compute?.platform {
        case .lambda?: list = [("api_url", "api.http_api.api_endpoint")]
        case .eks?:
            list = [
                ("cluster_name", "eks.cluster.name"),
                ("kubeconfig_command", "eks.kubeconfig_command"),
                ("load_balancer_controller_role_arn", "eks.load_balancer_controller_role.arn"),
            ]
        default:
            list = [("url", "pulumi.Output.concat(\"http://\", alb.load_balancer.dns_name)"), ("ecs_cluster_name", "compute.cluster.name")]
        }
        if let db = design.database, db.service == .documentDB {
            list += [("database_endpoint", "documentdb.cluster.endpoint"), ("database_secret_arn", "documentdb.secret_arn")]
        }
        if let db = design.database, db.service == .rds {
            list += [("database_endpoint", "database.instance.address"), ("database_secret_arn", "database.secret_arn")]
            if db.readReplicas > 0 { list.append(("database_replica_endpoints", "[replica.address for replica in database.replicas]")) }
        }
        if design.database?.service == .dynamoDB { list.append(("dynamodb_tables", "[table.name for table in dynamodb.tables.values()]")) }
        if design.cache != nil { list.append(("cache_endpoint", "cache.group.primary_endpoint_address")) }
        if design.objectStorage != nil { list.append(("uploads_bucket", "storage.uploads.bucket")) }
        if design.monitoring?.alarms.isEmpty == false { list.append(("alarm_topic_arn", "monitoring.topic.arn")) }
        if design.compute?.platform == .eks { list.append(("kubernetes_settings", "eks.kubernetes_settings")) }
        return list.map { Output(nameLiteral: Escaping.pythonString($0.0), valueExpression: $0.1) }
    }
}
