/// Everything the Kubernetes templates show, precomputed and escaped for YAML: the base
/// manifests and one overlay per environment.
struct KubernetesModel {
    struct Variable: Hashable {
        var name: String
        var nameLiteral: String
        /// The ConfigMap key or the Secret key it is read from (the variable's own name).
        var keyLiteral: String
    }

    /// A line of an overlay's settings.env: the value when it is known now, empty when only
    /// Terraform knows it.
    struct Setting: Hashable {
        var name: String
        var value: String
    }

    struct SecretEntry: Hashable {
        var keyLiteral: String
        var propertyLiteral: String?
        var index: Int
        /// The settings.env key that holds the secret's ARN.
        var arnSetting: String
    }

    /// A field of a manifest that an overlay fills from settings.env.
    struct Replacement: Hashable {
        var setting: String
        var kind: String
        var name: String
        var fieldPath: String
        var createField: Bool
    }

    struct Overlay: Hashable {
        var environment: String
        var cpuRequest: String
        var cpuLimit: String
        var memory: String
        var minReplicas: Int
        var maxReplicas: Int
        var imageLiteral: String
        var tagLiteral: String
        var settings: [Setting]
        var replacements: [Replacement]
        var deletionProtection: Bool
        var strictZoneSpread: Bool
        var hasReplacements: Bool
    }

    /// One overlay's files see the shared names and their own environment.
    struct OverlayFile {
        var header: String
        var nameLiteral: String
        var namespaceLiteral: String
        var overlay: Overlay
    }

    /// The base's manifests, in the order kustomization.yaml lists them.
    static let baseFiles = [
        "kustomization.yaml", "namespace.yaml", "serviceaccount.yaml", "deployment.yaml", "service.yaml", "ingress.yaml", "hpa.yaml", "pdb.yaml",
        "networkpolicy.yaml", "externalsecret.yaml",
    ]

    var header: String
    var name: String
    var nameLiteral: String
    var namespaceLiteral: String
    var partOfLiteral: String
    var port: Int
    var healthPathLiteral: String
    var regionLiteral: String
    var vpcCIDRLiteral: String
    var environment: [Variable]
    var secrets: [Variable]
    var hasSecrets: Bool
    var secretNameLiteral: String
    var ingressPolicyLiteral: String
    var egressPolicyLiteral: String
    var secretEntries: [SecretEntry]
    var databasePort: Int?
    var cachePort: Int?
    var httpsListener: Bool
    var webApplicationFirewall: Bool
    var listenPortsLiteral: String
    var overlays: [Overlay]

    init?(design: InfrastructureDesign, header: String) {
        guard let compute = design.compute, compute.platform == .eks, let cluster = compute.cluster else { return nil }
        let names = ResourceNames(project: design.projectName)
        let h = design.activeHardening
        self.header = header
        name = names.prefix
        nameLiteral = Escaping.yamlString(names.prefix, compose: false)
        namespaceLiteral = nameLiteral
        partOfLiteral = Escaping.yamlString(names.slug, compose: false)
        port = ComposeModel.appPort
        healthPathLiteral = Escaping.yamlString(design.app?.healthPath ?? Project.defaultHealthPath, compose: false)
        regionLiteral = Escaping.yamlString(design.region, compose: false)
        vpcCIDRLiteral = Escaping.yamlString(design.network?.cidr ?? "10.0.0.0/16", compose: false)
        let variables = RuntimeEnvironment.variables(design, names: names)
        let plain = variables.filter { $0.kubernetes != nil }
        let secret = variables.filter { $0.secretARN != nil }
        func variable(_ v: RuntimeVariable) -> Variable {
            Variable(name: v.name, nameLiteral: Escaping.yamlString(v.name, compose: false), keyLiteral: Escaping.yamlString(v.name, compose: false))
        }
        environment = plain.map(variable)
        secrets = secret.map(variable)
        hasSecrets = !secrets.isEmpty
        secretNameLiteral = nameLiteral
        ingressPolicyLiteral = Escaping.yamlString(names.prefix + "-ingress", compose: false)
        egressPolicyLiteral = Escaping.yamlString(names.prefix + "-egress", compose: false)
        let arnSettings = Self.secretSettings(design)
        secretEntries = secret.enumerated().map { index, v in
            SecretEntry(
                keyLiteral: Escaping.yamlString(v.name, compose: false),
                propertyLiteral: v.secretProperty.map { Escaping.yamlString($0, compose: false) }, index: index,
                arnSetting: arnSettings.first { $0.terraform == v.secretARN }?.name ?? "")
        }
        databasePort = design.database.flatMap { $0.service == .dynamoDB ? nil : $0.port }
        cachePort = design.cache?.port
        httpsListener = h.httpsListener
        webApplicationFirewall = h.webApplicationFirewall
        listenPortsLiteral = Escaping.yamlString(h.httpsListener ? #"[{"HTTP": 80}, {"HTTPS": 443}]"# : #"[{"HTTP": 80}]"#, compose: false)
        let deployment = Self.deploymentSettings(design)
        var replacements: [Replacement] = secretEntries.map {
            Replacement(
                setting: $0.arnSetting, kind: "ExternalSecret", name: names.prefix, fieldPath: "spec.data.\($0.index).remoteRef.key",
                createField: false)
        }
        if h.webApplicationFirewall {
            replacements.append(
                Replacement(
                    setting: "WAF_ACL_ARN", kind: "Ingress", name: names.prefix,
                    fieldPath: "metadata.annotations.[alb.ingress.kubernetes.io/wafv2-acl-arn]", createField: true))
        }
        if h.httpsListener {
            replacements.append(
                Replacement(
                    setting: "CERTIFICATE_ARN", kind: "Ingress", name: names.prefix,
                    fieldPath: "metadata.annotations.[alb.ingress.kubernetes.io/certificate-arn]", createField: true))
        }
        let repository = "123456789012.dkr.ecr.\(design.region).amazonaws.com/\(names.slug)"
        overlays = cluster.overlays.map { pod in
            var settings: [Setting] = []
            for v in plain {
                let value = v.name == "APP_ENV" ? pod.environment.rawValue : v.kubernetes?.literal ?? ""
                settings.append(Setting(name: v.name, value: value))
            }
            settings += deployment.map { Setting(name: $0.name, value: "") }
            return Overlay(
                environment: pod.environment.rawValue, cpuRequest: "\(pod.cpuMillicores)m", cpuLimit: "\(pod.cpuMillicores * 2)m",
                memory: "\(pod.memoryMB)Mi", minReplicas: pod.minReplicas, maxReplicas: pod.maxReplicas,
                imageLiteral: Escaping.yamlString(repository, compose: false),
                tagLiteral: Escaping.yamlString(pod.environment == .production ? "1.0.0" : pod.environment.rawValue, compose: false),
                settings: settings, replacements: replacements, deletionProtection: pod.environment == .production,
                strictZoneSpread: pod.environment == .production, hasReplacements: !replacements.isEmpty)
        }
    }

    /// The ARNs of the secrets the ExternalSecret reads, as settings named after the variable.
    static func secretSettings(_ design: InfrastructureDesign) -> [(name: String, terraform: String)] {
        let variables = RuntimeEnvironment.variables(design, names: ResourceNames(project: design.projectName))
        return variables.compactMap { v in
            v.secretARN.map { (name: v.name.replacing("_PASSWORD", with: "").replacing("_TOKEN", with: "") + "_SECRET_ARN", terraform: $0) }
        }
    }

    /// Settings only the applied Terraform knows: secret ARNs, the web ACL, the certificate.
    static func deploymentSettings(_ design: InfrastructureDesign) -> [(name: String, terraform: String)] {
        var list = secretSettings(design)
        let h = design.activeHardening
        if h.webApplicationFirewall { list.append((name: "WAF_ACL_ARN", terraform: "aws_wafv2_web_acl.this.arn")) }
        if h.httpsListener { list.append((name: "CERTIFICATE_ARN", terraform: "var.certificate_arn")) }
        return list
    }
}
