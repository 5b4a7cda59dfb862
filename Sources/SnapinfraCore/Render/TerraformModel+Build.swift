import Foundation

extension TerraformModel {
    static func list(_ items: [String]) -> String {
        "[" + items.map(Escaping.hclString).joined(separator: ", ") + "]"
    }

    init(design: InfrastructureDesign, header: String) {
        let names = ResourceNames(project: design.projectName)
        let production = design.environment == .production
        self.header = header
        name = names.prefix
        nameLiteral = Escaping.hclString(names.prefix)
        region = design.region
        regionLiteral = Escaping.hclString(design.region)
        environmentLiteral = Escaping.hclString(design.environment.rawValue)
        let given = { (input: EnhancementInput) in Escaping.hclString(design.inputs?[input.variable] ?? input.example(region: design.region)) }
        alarmEmailLiteral = given(.alarmEmail)
        budgetEmailLiteral = given(.budgetEmail)
        certificateARNLiteral = given(.certificateARN)
        appPort = ComposeModel.appPort

        network = design.network.map { n in
            Network(
                zones: n.availabilityZones, zoneListLiteral: Self.list(AvailabilityZones.names(region: design.region, count: n.availabilityZones)),
                cidrLiteral: Escaping.hclString(n.cidr), hasNAT: n.natGateways > 0, natGateways: n.natGateways,
                natIndexExpression: n.natGateways == 1 ? "0" : "count.index", privateCompute: n.privateCompute,
                dynamoDBEndpoint: n.dynamoDBEndpoint ?? false,
                hasInterfaceEndpoints: n.interfaceEndpoints == true, interfaceServicesLiteral: Self.list(NetworkSpec.endpointServices))
        }
        let lambda = design.compute?.platform == .lambda
        let h = design.activeHardening
        database = design.database.map {
            Self.databaseModel($0, names: names, production: production, lambda: lambda, logExports: h.databaseLogExports)
        }
        cache = design.cache.map { c in
            Cache(
                nodes: c.nodes, nodeType: c.nodeType, identifierLiteral: Escaping.hclString(names.cacheIdentifier), port: c.port,
                engineVersionLiteral: Escaping.hclString(c.engineVersion), nodeTypeLiteral: Escaping.hclString(c.nodeType),
                automaticFailover: c.automaticFailover, snapshotRetentionDays: production ? 7 : 1)
        }
        let spec = design.compute
        let architecture = spec?.architecture ?? "arm64"
        compute = Compute(
            executionRoleLiteral: Escaping.hclString(names.executionRole), taskRoleLiteral: Escaping.hclString(names.taskRole),
            eks: spec?.platform == .eks, appImage: spec?.platform != .eks,
            fargate: spec.flatMap { c in
                guard c.platform == .fargate else { return nil }
                let publicSubnets = !(design.network?.privateCompute ?? true)
                return Fargate(
                    taskSize: "\(Format.number(c.vCPU, digits: 2)) vCPU / \(c.memoryMB) MB",
                    architectureTitle: c.isGraviton ? "Graviton (arm64)" : "x86_64", minCount: c.minCount, maxCount: c.maxCount,
                    desiredCount: c.desiredCount, subnetTier: publicSubnets ? "public" : "private", publicSubnets: publicSubnets,
                    cpuUnits: c.cpuUnits, memoryMB: c.memoryMB, cpuArchitectureLiteral: Escaping.hclString(c.isGraviton ? "ARM64" : "X86_64"),
                    subnetsExpression: publicSubnets ? "aws_subnet.public[*].id" : "aws_subnet.private[*].id",
                    requestsPerTaskTarget: max(60, c.requestsPerTask * 60 * 7 / 10))
            },
            lambda: spec.flatMap { c in
                guard c.platform == .lambda else { return nil }
                let policy =
                    design.network == nil
                    ? "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
                    : "arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole"
                return Lambda(
                    memoryMB: c.memoryMB, architectureTitle: c.isGraviton ? "Graviton (arm64)" : "x86_64",
                    basePolicyLiteral: Escaping.hclString(policy), architectureLiteral: Escaping.hclString(architecture),
                    reservedConcurrency: h.functionConcurrencyLimit ?? 0,
                    tracingModeLiteral: Escaping.hclString(c.tracing ? "Active" : "PassThrough"))
            },
            executionSecrets: Self.executionSecrets(design, lambda: lambda, hardening: h))
        entry = Entry(
            loadBalancerNameLiteral: Escaping.hclString(names.loadBalancer),
            targetGroupNameLiteral: Escaping.hclString(names.targetGroup),
            deletionProtection: production, healthCheckPathLiteral: Escaping.hclString(design.app?.healthPath ?? Project.defaultHealthPath))
        uploads = design.objectStorage.map { bucket in
            Uploads(
                versioning: bucket.versioning, bucketPrefixLiteral: Escaping.hclString(names.bucketPrefix), forceDestroy: !production,
                versioningStatusLiteral: Escaping.hclString(bucket.versioning ? "Enabled" : "Suspended"))
        }
        logs =
            design.hasLogBucket
            ? Logs(
                contents: [
                    h.loadBalancerAccessLogs ? "load-balancer access logs" : nil,
                    h.uploadsAccessLogs ? "S3 server access logs of the uploads bucket" : nil,
                ].compactMap { $0 }.joined(separator: " and "),
                bucketPrefixLiteral: Escaping.hclString(names.logBucketPrefix), forceDestroy: !production,
                expirationDays: max(90, design.monitoring?.logRetentionDays ?? 90)) : nil
        waf = WAF(rateLimit: h.wafRateLimit ?? 0)
        let apiLimit = h.apiThrottling ?? 0
        api = API(routeSettings: h.apiThrottling != nil || h.apiDetailedMetrics, rateLimit: apiLimit, burstLimit: apiLimit * 2)
        budget = h.budgetAlarmLimit.map { limit in
            Budget(limitLiteral: Escaping.hclString("\(limit)"), limitText: "$\(Format.number(Double(limit)))")
        }
        monitoring = Monitoring(
            logRetentionDays: design.monitoring?.logRetentionDays ?? 30, wafLogRetentionDays: HardeningCost.wafLogRetentionDays(design))
        let retention = monitoring.logRetentionDays
        logGroups = LogGroups(
            ecs: LogGroup(resource: "app", name: "/ecs/${local.name}", retentionDays: retention),
            lambda: LogGroup(resource: "app", name: "/aws/lambda/${local.name}", retentionDays: retention),
            api: LogGroup(resource: "api", name: "/aws/apigateway/${local.name}", retentionDays: retention),
            flowLogs: LogGroup(resource: "flow_logs", name: "/vpc/${local.name}/flow-logs", retentionDays: retention),
            waf: LogGroup(resource: "waf", name: "aws-waf-logs-${local.name}", retentionDays: monitoring.wafLogRetentionDays))
        alarms = Self.alarms(design)
        commitments = Self.commitments(design, hardening: h)

        let variables = RuntimeEnvironment.variables(design, names: names)
        environment = variables.compactMap { v in
            v.terraform.map { NameValue(name: v.name, nameLiteral: Escaping.hclString(v.name), valueExpression: $0) }
        }
        secrets = variables.compactMap { v in
            v.terraformSecret.map { NameValue(name: v.name, nameLiteral: Escaping.hclString(v.name), valueExpression: $0) }
        }
        hasSecrets = !secrets.isEmpty
        eks = Self.eks(design, names: names, variables: variables)
        appPolicy = Self.appPolicy(design, lambda: lambda, hardening: h)
        outputs = Self.outputs(design)
        hardening = HardeningModel(
            customerManagedKey: h.customerManagedKey, vpcFlowLogs: h.vpcFlowLogs, httpsListener: h.httpsListener,
            webApplicationFirewall: h.webApplicationFirewall, containerInsights: h.containerInsights,
            performanceInsights: h.performanceInsights, enhancedMonitoring: h.enhancedMonitoring, wafRateLimit: h.wafRateLimit != nil,
            loadBalancerAccessLogs: h.loadBalancerAccessLogs, uploadsAccessLogs: h.uploadsAccessLogs,
            uploadsCustomerManagedKey: h.uploadsCustomerManagedKey, tablesCustomerManagedKey: h.tablesCustomerManagedKey,
            uploadEvents: h.uploadEvents,
            uploadsInfrequentAccess: h.uploadsInfrequentAccess, cacheAuthToken: h.cacheAuthToken,
            cacheCustomerManagedKey: h.cacheCustomerManagedKey, functionEnvironmentKey: h.functionEnvironmentKey,
            functionConcurrencyLimit: h.functionConcurrencyLimit != nil, apiThrottling: h.apiThrottling != nil,
            apiDetailedMetrics: h.apiDetailedMetrics,
            scaleOnRequests: h.scaleOnRequests, s3GatewayEndpoint: h.s3GatewayEndpoint, alarmEmail: h.alarmEmail, dashboard: h.dashboard,
            topicKeyExpression: h.customerManagedKey ? "aws_kms_key.this.id" : Escaping.hclString("alias/aws/sns"))
    }

    /// The secrets ECS hands to the containers: the database password and the cache token.
    private static func executionSecrets(_ design: InfrastructureDesign, lambda: Bool, hardening h: Hardening) -> ExecutionSecrets? {
        guard !lambda else { return nil }
        var arns: [String] = []
        if let db = design.database {
            switch db.service {
            case .rds: arns.append("aws_db_instance.this.master_user_secret[0].secret_arn")
            case .documentDB: arns.append("aws_docdb_cluster.this.master_user_secret[0].secret_arn")
            case .dynamoDB: break
            }
        }
        if h.cacheAuthToken { arns.append("aws_secretsmanager_secret.cache_auth.arn") }
        guard !arns.isEmpty else { return nil }
        return ExecutionSecrets(arnsExpression: "[" + arns.joined(separator: ", ") + "]", decryptWithKey: h.cacheAuthToken && h.customerManagedKey)
    }

    private static func databaseModel(_ db: DatabaseSpec, names: ResourceNames, production: Bool, lambda: Bool, logExports: Bool)
        -> DatabaseModel
    {
        let (family, engine) = engineNames(db.engine)
        let title: String
        switch db.service {
        case .rds: title = "RDS for \(engine)"
        case .documentDB: title = "Amazon DocumentDB"
        case .dynamoDB: title = "DynamoDB"
        }
        return DatabaseModel(
            title: title, instanceClass: db.instanceClass ?? "on-demand", storageGB: db.storageGB, storageType: db.storageType,
            availability: db.multiAZ ? "Multi-AZ" : "single-AZ", identifierLiteral: Escaping.hclString(names.databaseIdentifier),
            parameterFamilyLiteral: Escaping.hclString(family), postgres: db.engine == .postgres, port: db.port,
            engineLiteral: Escaping.hclString(engine), engineVersionLiteral: Escaping.hclString(db.engineVersion),
            instanceClassLiteral: Escaping.hclString(db.instanceClass ?? ""), nameLiteral: Escaping.hclString(names.databaseName),
            usernameLiteral: Escaping.hclString(names.databaseUser), maxStorageGB: db.maxStorageGB ?? min(65_536, db.storageGB * 4),
            storageTypeLiteral: Escaping.hclString(db.storageType), multiAZ: db.multiAZ, backupRetentionDays: max(1, db.backupRetentionDays),
            deletionProtection: db.deletionProtection, skipFinalSnapshot: !production,
            finalSnapshotLiteral: Escaping.hclString(names.databaseIdentifier + "-final"), replica: db.readReplicas > 0,
            readReplicas: db.readReplicas, instanceCount: db.multiAZ ? 2 : 1, tableListLiteral: list(db.tables),
            dynamoTables: (db.dynamoTables ?? []).map(dynamoTable), provisioned: db.capacityMode == "provisioned",
            billingModeLiteral: Escaping.hclString(db.capacityMode == "provisioned" ? "PROVISIONED" : "PAY_PER_REQUEST"),
            capacityModeText: db.capacityMode == "provisioned"
                ? "provisioned capacity with autoscaling at \(Int(DynamoDBRules.targetUtilisation * 100))% utilisation"
                : "on-demand capacity billed per request",
            targetUtilisation: Int(DynamoDBRules.targetUtilisation * 100),
            pointInTimeRecovery: db.backupRetentionDays > 0, hasSecurityGroup: db.service != .dynamoDB,
            logExports: logExports,
            logExportsLiteral: list(db.engine == .postgres ? ["postgresql", "upgrade"] : ["error", "slowquery"]),
            tlsParameterLiteral: Escaping.hclString(db.engine == .postgres ? "rds.force_ssl" : "require_secure_transport"),
            tlsParameterValueLiteral: Escaping.hclString(db.engine == .postgres ? "1" : "ON"))
    }

    /// The parameter-group family and the RDS engine name of a database engine.
    static func engineNames(_ engine: DatabaseEngine?) -> (family: String, engine: String) {
        switch engine {
        case .mysql?: return ("mysql8.0", "mysql")
        case .mariadb?: return ("mariadb10.11", "mariadb")
        default: return ("postgres16", "postgres")
        }
    }

    /// The reservations the design has chosen, when it has any.
    private static func commitments(_ design: InfrastructureDesign, hardening h: Hardening) -> Commitments? {
        var database: Commitments.Database?
        if h.reservedDatabase, let db = design.database, db.service == .rds, let instanceClass = db.instanceClass {
            let product: String
            switch db.engine {
            case .mysql: product = "mysql"
            case .mariadb: product = "mariadb"
            default: product = "postgresql"
            }
            database = Commitments.Database(
                instanceClassLiteral: Escaping.hclString(instanceClass), multiAZ: db.multiAZ, productLiteral: Escaping.hclString(product),
                replicas: db.readReplicas > 0 ? db.readReplicas : nil)
        }
        let cache = h.reservedCache ? design.cache.map { Commitments.Cache(nodeTypeLiteral: Escaping.hclString($0.nodeType), nodes: $0.nodes) } : nil
        guard database != nil || cache != nil else { return nil }
        let what = [database.map { _ in "database" }, cache.map { _ in "cache nodes" }].compactMap { $0 }.joined(separator: " and ")
        return Commitments(what: what, database: database, cache: cache)
    }

    private static func dynamoTable(_ t: DynamoTable) -> DynamoTableModel {
        let attributes = t.keyAttributes.map { "{ name = \(Escaping.hclString($0.name)), type = \(Escaping.hclString($0.type)) }" }
        return DynamoTableModel(
            key: t.key, hashKeyLiteral: Escaping.hclString(t.hashKey.name),
            rangeKeyExpression: t.rangeKey.map { Escaping.hclString($0.name) } ?? "null",
            attributesExpression: "[" + attributes.joined(separator: ", ") + "]", indexesLiteral: list(t.indexes.map(\.name)),
            ttlExpression: t.ttlAttribute.map(Escaping.hclString) ?? "null", readCapacity: t.readCapacity, writeCapacity: t.writeCapacity,
            maxReadCapacity: t.maxReadCapacity, maxWriteCapacity: t.maxWriteCapacity)
    }

    private static func appPolicy(_ design: InfrastructureDesign, lambda: Bool, hardening h: Hardening) -> Policy? {
        var statements: [Statement] = []
        if h.uploadsCustomerManagedKey || h.functionEnvironmentKey || h.tablesCustomerManagedKey {
            statements.append(Statement(actionsLiteral: list(["kms:Decrypt", "kms:GenerateDataKey"]), resourcesLiteral: "[aws_kms_key.this.arn]"))
        }
        if lambda, h.cacheAuthToken {
            statements.append(
                Statement(actionsLiteral: list(["secretsmanager:GetSecretValue"]), resourcesLiteral: "[aws_secretsmanager_secret.cache_auth.arn]"))
        }
        if design.objectStorage != nil {
            statements.append(
                Statement(
                    actionsLiteral: list(["s3:GetObject", "s3:PutObject", "s3:DeleteObject"]),
                    resourcesLiteral: "[\"${aws_s3_bucket.uploads.arn}/*\"]"))
        }
        if let db = design.database, db.service == .dynamoDB {
            statements.append(
                Statement(
                    actionsLiteral: list([
                        "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:Query",
                        "dynamodb:BatchGetItem", "dynamodb:BatchWriteItem",
                    ]),
                    resourcesLiteral: "[for table in aws_dynamodb_table.this : table.arn]"))
        }
        if lambda, let db = design.database, db.service == .rds {
            statements.append(
                Statement(
                    actionsLiteral: list(["rds-db:connect"]),
                    resourcesLiteral:
                        "[\"arn:aws:rds-db:${var.region}:${data.aws_caller_identity.current.account_id}:dbuser:${aws_db_instance.this.resource_id}/\(ResourceNames(project: design.projectName).databaseUser)\"]"
                ))
        }
        // The application's role: the function's own, or the task's.
        return statements.isEmpty ? nil : Policy(role: lambda || design.compute?.platform == .eks ? "app" : "task", statements: statements)
    }

    private static func outputs(_ design: InfrastructureDesign) -> [Output] {
        func output(_ name: String, _ description: String, _ value: String) -> Output {
            Output(name: name, descriptionLiteral: Escaping.hclString(description), valueExpression: value)
        }
        var list: [Output] = []
        if design.compute?.platform == .lambda {
            list.append(output("api_url", "URL of the HTTP API.", "aws_apigatewayv2_api.this.api_endpoint"))
        } else if design.compute?.platform == .eks {
            list.append(output("cluster_name", "Name of the EKS cluster.", "aws_eks_cluster.this.name"))
            list.append(
                output(
                    "kubeconfig_command", "Command that adds the cluster to your kubeconfig.",
                    "\"aws eks update-kubeconfig --region ${var.region} --name ${aws_eks_cluster.this.name}\""))
            list.append(
                output(
                    "load_balancer_controller_role_arn", "Role of the AWS Load Balancer Controller (bound by EKS Pod Identity).",
                    "aws_iam_role.load_balancer_controller.arn"))
        } else {
            list.append(output("url", "URL of the application (HTTP, through the load balancer).", "\"http://${aws_lb.this.dns_name}\""))
            list.append(output("ecs_cluster_name", "Name of the ECS cluster.", "aws_ecs_cluster.this.name"))
        }
        if let db = design.database {
            switch db.service {
            case .rds:
                list.append(
                    output("database_endpoint", "Address of the database (reachable from the application only).", "aws_db_instance.this.address"))
                list.append(
                    output(
                        "database_secret_arn", "ARN of the Secrets Manager secret that holds the database password.",
                        "aws_db_instance.this.master_user_secret[0].secret_arn"))
                if db.readReplicas > 0 {
                    list.append(output("database_replica_endpoints", "Addresses of the read replicas.", "aws_db_instance.replica[*].address"))
                }
            case .documentDB:
                list.append(
                    output(
                        "database_endpoint", "Address of the DocumentDB cluster (reachable from the application only).",
                        "aws_docdb_cluster.this.endpoint"))
                list.append(
                    output(
                        "database_secret_arn", "ARN of the Secrets Manager secret that holds the database password.",
                        "aws_docdb_cluster.this.master_user_secret[0].secret_arn"))
            case .dynamoDB:
                list.append(output("dynamodb_tables", "Names of the DynamoDB tables.", "[for table in aws_dynamodb_table.this : table.name]"))
            }
        }
        if design.cache != nil {
            list.append(output("cache_endpoint", "Address of the cache (TLS).", "aws_elasticache_replication_group.this.primary_endpoint_address"))
        }
        if design.objectStorage != nil {
            list.append(output("uploads_bucket", "Name of the uploads bucket.", "aws_s3_bucket.uploads.bucket"))
        }
        if !(design.monitoring?.alarms.isEmpty ?? true) {
            list.append(output("alarm_topic_arn", "SNS topic the alarms notify.", "aws_sns_topic.alarms.arn"))
        }
        return list
    }
}

extension TerraformModel {
    /// The EKS model: names, node group bounds, and the settings the manifests read.
    static func eks(_ design: InfrastructureDesign, names: ResourceNames, variables: [RuntimeVariable]) -> EKS? {
        guard let compute = design.compute, compute.platform == .eks, let cluster = compute.cluster else { return nil }
        let secrets = variables.compactMap(\.secretARN)
        let arns = Array(Set(secrets)).sorted()
        var settings: [EKS.Setting] = []
        for variable in variables {
            if let value = variable.kubernetes { settings.append(EKS.Setting(name: variable.name, value: value.settingsText)) }
        }
        for setting in KubernetesModel.deploymentSettings(design) {
            settings.append(EKS.Setting(name: setting.name, value: "${\(setting.terraform)}"))
        }
        let roles = ClusterNames(project: design.projectName)
        return EKS(
            kubernetesVersion: cluster.kubernetesVersion, kubernetesVersionLiteral: Escaping.hclString(cluster.kubernetesVersion),
            nodeType: cluster.nodeType, nodeTypeLiteral: Escaping.hclString(cluster.nodeType), minNodes: cluster.minNodes,
            desiredNodes: cluster.desiredNodes, maxNodes: cluster.maxNodes, nodeDiskGB: cluster.nodeDiskGB,
            nodeGroupNameLiteral: Escaping.hclString(roles.nodeGroup), clusterRoleLiteral: Escaping.hclString(roles.clusterRole),
            nodeRoleLiteral: Escaping.hclString(roles.nodeRole), externalSecretsRoleLiteral: Escaping.hclString(roles.externalSecretsRole),
            loadBalancerControllerRoleLiteral: Escaping.hclString(roles.loadBalancerControllerRole),
            cloudWatchAgentRoleLiteral: Escaping.hclString(roles.cloudWatchAgentRole),
            namespaceLiteral: Escaping.hclString(names.prefix), serviceAccountLiteral: Escaping.hclString(names.prefix),
            secretArnsExpression: arns.isEmpty ? nil : "[" + arns.joined(separator: ", ") + "]", settings: settings)
    }
}
