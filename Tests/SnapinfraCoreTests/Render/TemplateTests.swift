import Foundation
import Testing

@testable import SnapinfraCore

@Suite struct TemplateTests {
    static let folder = repositoryRoot.appendingPathComponent("Templates")

    static func templateFiles() throws -> [String: String] {
        var sources: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "mustache" else { continue }
            let name = url.path.replacingOccurrences(of: folder.path + "/", with: "")
            sources[name] = try String(contentsOf: url, encoding: .utf8)
        }
        return sources
    }

    @Test func theBuiltInCopyMatchesTheTemplatesFolder() throws {
        let files = try Self.templateFiles()
        #expect(Set(files.keys) == Set(TemplateSet.embeddedSources.keys), "run scripts/embed-templates")
        for (name, text) in files {
            #expect(TemplateSet.embeddedSources[name] == text.trimmingCharacters(in: .newlines), "\(name) is stale: run scripts/embed-templates")
        }
    }

    @Test func everyTemplateDeclaresTextContentAndParses() throws {
        for (name, text) in TemplateSet.embeddedSources {
            #expect(text.hasPrefix("{{%CONTENT_TYPE: TEXT}}"), "\(name)")
        }
        _ = try TemplateSet(sources: TemplateSet.embeddedSources)
    }

    /// What a server does before it listens: afterwards no request parses a template.
    @Test func preparingTheBuiltInSetParsesEveryTemplate() {
        TemplateSet.embedded.prepare()
        let templates = TemplateSet.embeddedSources.keys.filter { !$0.hasPrefix("partials/") }
        #expect(TemplateSet.embedded.parsedCount == templates.count)
    }

    @Test func aBrokenTemplateIsReportedWithItsPlace() {
        var sources = TemplateSet.embeddedSources
        sources["terraform/main.tf.mustache"] = "{{%CONTENT_TYPE: TEXT}}\nlocals {\n  name = {{#unclosed}}\n}\n"
        #expect(throws: TemplateError.self) { try TemplateSet(sources: sources) }
        sources["terraform/main.tf.mustache"] = "locals {}\n"
        do {
            _ = try TemplateSet(sources: sources)
            Issue.record("accepted a template without the text pragma")
        } catch {
            #expect(
                error.description
                    == "Templates/terraform/main.tf.mustache:1:1: a template must start with {{%CONTENT_TYPE: TEXT}}, or its output is HTML-escaped")
        }
    }

    /// Every tag names a stored property of the view model, checked on designs that between them
    /// enter every section (Fargate with everything, Lambda, DocumentDB, DynamoDB).
    @Test func everyTagNamesAStoredProperty() throws {
        var designs = [
            try DesignEngine().run(example("shop.json")), try DesignEngine().run(example("saas-api.json")),
            try DesignEngine().run(example("tiny-todo.yaml")), run(designFile(rps: 2000, engine: .mongodb, scale: .enterprise, uploads: true)),
            run(designFile(engine: .dynamodb, environment: .development, budget: 20)), run(designFile(rps: 3000, scale: .growth)),
            run(designFile(rps: 1000, readsOnly: true)),
            try DesignEngine().run(example("iot-telemetry.yaml", folder: "Tests/Fixtures/architect")),
            try DesignEngine().run(example("payments-api.yaml", folder: "Tests/Fixtures/architect")),
            try DesignEngine().run(example("clinic-booking.yaml")), try DesignEngine().run(example("course-catalog.json")),
        ]
        // A writer with readers, as the rds-read-replica enhancement makes it.
        var readers = run(designFile(rps: 300))
        readers.design.editDatabase { $0.readReplicas = 1 }
        designs.append(readers)
        // The network with VPC endpoints in place of NAT, as the budget cut makes it.
        var endpoints = run(designFile(rps: 30))
        if let cheaper = BudgetCuts.all.first(where: { $0.id == "endpoints-instead-of-nat" })?.apply(
            endpoints.design, DesignInput(file: designFile(rps: 30)))
        {
            endpoints.design = cheaper
        }
        designs.append(endpoints)
        // The same designs with every enhancement on, so hardening sections are entered too.
        for result in designs {
            var hardened = result
            hardened.design.hardening = .everything
            hardened.estimate = CostEstimator().estimate(hardened.design, analysis: hardened.analysis)
            if var monitoring = hardened.design.monitoring {
                monitoring.alarms += EnhancementCatalog.saturationAlarms(hardened.design)
                hardened.design.update("monitoring", .monitoring(monitoring))
            }
            designs.append(hardened)
        }
        for (name, source) in TemplateSet.embeddedSources where !name.hasPrefix("partials/") {
            let text = TemplateTagChecker.expandingPartials(source)
            #expect(!text.contains("{{>"), "\(name): a partial it names does not exist")
            var reached: Set<Int> = []
            for result in designs {
                let model: Any
                let file = name.replacingOccurrences(of: "terraform/", with: "").replacingOccurrences(of: ".mustache", with: "")
                if name.hasPrefix("terraform/") && !Renderer().terraformFiles(result.design).contains(file) { continue }
                if name.hasPrefix("terraform/") {
                    model = TerraformModel(design: result.design, header: "h")
                } else if name.hasPrefix("compose/") {
                    model = ComposeModel(design: result.design, header: "h")
                } else if name.hasPrefix("docker/") {
                    var design = result.design
                    design.app = AppSpec(runtime: .python, healthPath: "/health")
                    guard let docker = DockerfileModel(design: design, header: "h") else { continue }
                    model = docker
                } else if name.hasPrefix("kubernetes/") {
                    guard let kubernetes = KubernetesModel(design: result.design, header: "h") else { continue }
                    if name.contains("overlay-") || name.contains("settings.env") {
                        guard let overlay = kubernetes.overlays.last else { continue }
                        model = KubernetesModel.OverlayFile(
                            header: "h", nameLiteral: kubernetes.nameLiteral, namespaceLiteral: kubernetes.namespaceLiteral, overlay: overlay)
                    } else {
                        model = kubernetes
                    }
                } else if name.hasPrefix("pulumi/") {
                    // A value given for a suggestion reaches the stack files.
                    var given = result
                    given.design.inputs = [EnhancementInput.alarmEmail.variable: "oncall@example.com"]
                    guard let pulumi = PulumiModel(result: given, header: "h") else { continue }
                    let module = file.replacingOccurrences(of: "pulumi/", with: "").replacingOccurrences(of: ".py", with: "")
                    if name.hasSuffix(".py.mustache"), !["__main__", "automation"].contains(module),
                        !pulumi.modules.contains(where: { $0.name == module })
                    {
                        continue
                    }
                    model = name.hasSuffix("stack.yaml.mustache") ? PulumiModel.StackFile(model: pulumi, stack: pulumi.stacks[2]) : pulumi
                } else {
                    model = DeployModel(result: result, targets: [.terraform, .dockerCompose, .kubernetes, .pulumi])
                }
                let check = TemplateTagChecker.check(text, model: model)
                #expect(check.unresolved.isEmpty, "\(name): \(check.unresolved)")
                reached.formUnion(check.reached)
            }
            let total = TemplateTagChecker.tags(text).filter { $0.kind != "/" }.count
            #expect(reached.count == total, "\(name): \(total - reached.count) tag(s) never reached by a test design")
        }
    }
}

extension Hardening {
    /// Every switch on, so every hardening section of the templates is entered.
    static var everything: Hardening {
        var h = Hardening()
        h.customerManagedKey = true
        h.vpcFlowLogs = true
        h.httpsListener = true
        h.webApplicationFirewall = true
        h.wafRateLimit = 2_000
        h.containerInsights = true
        h.performanceInsights = true
        h.enhancedMonitoring = true
        h.databaseLogExports = true
        h.loadBalancerAccessLogs = true
        h.uploadsAccessLogs = true
        h.uploadsCustomerManagedKey = true
        h.tablesCustomerManagedKey = true
        h.computeSavingsPlan = true
        h.reservedDatabase = true
        h.reservedCache = true
        h.uploadEvents = true
        h.uploadsInfrequentAccess = true
        h.cacheAuthToken = true
        h.cacheCustomerManagedKey = true
        h.functionEnvironmentKey = true
        h.functionConcurrencyLimit = 10
        h.apiThrottling = 50
        h.apiDetailedMetrics = true
        h.scaleOnRequests = true
        h.s3GatewayEndpoint = true
        h.alarmEmail = true
        h.dashboard = true
        h.budgetAlarmLimit = 100
        return h
    }
}
