import Foundation
import Testing

@testable import SnapinfraCore

@Suite struct PulumiTests {
    static let targets: [Target] = [.terraform, .dockerCompose, .pulumi]

    func result(_ name: String, environment: Environment = .production) throws -> DesignResult {
        DesignEngine().run(try project(name, environment: environment))
    }

    /// An example, or an architect's fixture (DocumentDB and DynamoDB shapes) by its folder.
    func project(_ name: String, environment: Environment) throws -> ProjectFile {
        let folder = name.hasPrefix("architect/") ? "Tests/Fixtures" : "examples"
        return try example(name, environment: environment, folder: folder)
    }

    /// Resource blocks by Terraform type, and Pulumi constructor calls by the same type (through
    /// `Tests/Fixtures/pulumi/types.json`). A block with `count` and a constructor in a loop
    /// count once each; CI compares the expanded plans.
    func inventories(_ files: [RenderedFile]) throws -> (terraform: [String: Int], pulumi: [String: Int]) {
        let url = repositoryRoot.appendingPathComponent("Tests/Fixtures/pulumi/types.json")
        let types = try JSONDecoder().decode([String: String].self, from: Data(contentsOf: url))
        var classes: [String: String] = [:]
        for (terraform, token) in types {
            let module = token.split(separator: ":")[1].split(separator: "/")[0]
            // `lambda` is a Python keyword: the SDK's module is `lambda_`.
            classes["aws.\(module == "lambda" ? "lambda_" : module).\(token.split(separator: ":")[2])"] = terraform
        }
        var terraform: [String: Int] = [:]
        var pulumi: [String: Int] = [:]
        for file in files where file.target == .terraform {
            for match in file.content.matches(of: /(?m)^resource "(aws_[a-z0-9_]+)"/) { terraform[String(match.1), default: 0] += 1 }
        }
        for file in files where file.path.hasSuffix(".py") {
            for match in file.content.matches(of: /(aws\.[a-z0-9_]+\.[A-Z][A-Za-z0-9]*)\(/) where !match.1.hasSuffix("Args") {
                let name = String(match.1)
                pulumi[classes[name] ?? "unmapped \(name)", default: 0] += 1
            }
        }
        return (terraform, pulumi)
    }

    @Test func theProgramDeclaresTheTerraformsResourcesForEveryShapeItCovers() throws {
        for name in [
            "saas-api.json", "shop.json", "ride-events.yaml", "tiny-todo.yaml", "clinic-booking.yaml", "architect/mflix-catalog.yaml",
            "architect/iot-telemetry.yaml",
        ] {
            for environment in Environment.allCases {
                let designed = try result(name, environment: environment)
                for applied in [false, true] {
                    var design = designed
                    if applied {
                        let file = try project(name, environment: environment)
                        let ids = EnhancementEngine.compatible(EnhancementEngine().suggestions(for: designed, file: file))
                        design = try EnhancementEngine().apply(ids, to: designed, file: file)
                    }
                    let files = try Renderer().render(design, targets: Self.targets)
                    #expect(files.contains { $0.path == "infra/pulumi/__main__.py" }, "\(name) \(environment)")
                    let (terraform, pulumi) = try inventories(files)
                    let differ = Set(terraform.keys).union(pulumi.keys).filter { terraform[$0] != pulumi[$0] }.sorted()
                    #expect(
                        differ.isEmpty,
                        "\(name) \(environment) enhanced: \(applied): \(differ.map { "\($0) \(terraform[$0] ?? 0)/\(pulumi[$0] ?? 0)" })")
                    #expect(OutputValidator().validate(files).isEmpty, "\(OutputValidator().validate(files))")
                }
            }
        }
    }

    @Test func theProgramHasItsFiles() throws {
        let files = try Renderer().render(try result("shop.json"), targets: Self.targets)
        let paths = Set(files.filter { $0.target == .pulumi }.map(\.path))
        for name in [
            "Pulumi.yaml", "Pulumi.development.yaml", "Pulumi.staging.yaml", "Pulumi.production.yaml", "requirements.txt", "__main__.py",
            "settings.py", "network.py", "database.py", "compute.py", "alb.py", "storage.py", "automation.py",
        ] {
            #expect(paths.contains("infra/pulumi/\(name)"), "\(name)")
        }
        let requirements = content(files, "infra/pulumi/requirements.txt")
        #expect(requirements.contains("pulumi-aws>=6") && requirements.contains(",<7"))
        // The database and the buckets are protected in production, through one option.
        #expect(content(files, "infra/pulumi/settings.py").contains("protect = pulumi.ResourceOptions(protect=production)"))
        #expect(content(files, "infra/pulumi/database.py").contains("opts=settings.protect"))
        #expect(content(files, "infra/pulumi/storage.py").contains("opts=settings.protect"))
        // No secret value in a stack file; the environment differs per stack.
        let production = content(files, "infra/pulumi/Pulumi.production.yaml")
        #expect(production.contains(":environment: \"production\"") && !production.lowercased().contains("password"))
        // The same outputs as outputs.tf.
        let outputs = content(files, "infra/terraform/outputs.tf").matches(of: /output "([a-z_]+)"/).map { String($0.1) }
        let exports = content(files, "infra/pulumi/__main__.py").matches(of: /pulumi\.export\("([a-z_]+)"/).map { String($0.1) }
        #expect(outputs == exports)

    }

    /// An EKS design: the cluster module instead of the load balancer and the service, the
    /// overlays' settings from the stack, and no image setting (the overlays name the image).
    @Test func anEKSDesignHasTheClusterModuleAndTheOverlaysSettings() throws {
        var file = try example("clinic-booking.yaml")
        file.options.targets = [.terraform, .kubernetes, .pulumi]
        let pipeline = Pipeline()
        let designed = pipeline.design(file)
        let waf = try pipeline.enhance(
            designed,
            applying: ["kms-customer-managed-key", "alb-waf"].filter {
                EnhancementEngine().offeredIDs(for: designed.result, file: file).contains($0)
            })
        let validated = pipeline.validate(try pipeline.render(waf))
        #expect(validated.findings.isEmpty, "\(validated.findings)")
        let paths = Set(validated.files.filter { $0.target == .pulumi }.map(\.path))
        #expect(paths.isSuperset(of: ["infra/pulumi/eks.py", "infra/pulumi/waf.py", "infra/pulumi/security_groups.py"]))
        #expect(paths.isDisjoint(with: ["infra/pulumi/alb.py", "infra/pulumi/compute.py"]))
        let eks = content(validated.files, "infra/pulumi/eks.py")
        #expect(eks.contains("aws.eks.Cluster(") && eks.contains("aws.eks.NodeGroup(") && eks.contains("WAF_ACL_ARN=waf.web_acl.arn,"))
        // The same settings, in the same order, as the Terraform output the overlays read.
        let terraform = content(validated.files, "infra/terraform/outputs.tf")
        let heredoc = terraform.matches(of: /(?m)^    ([A-Z_]+)=/).map { String($0.1) }
        let keywords = eks.matches(of: /(?m)^    ([A-Z_]+)=/).map { String($0.1) }
        #expect(!heredoc.isEmpty && heredoc == keywords)
        #expect(!content(validated.files, "infra/pulumi/settings.py").contains("appImage"))
        #expect(content(validated.files, "DEPLOY.md").contains("pulumi stack output kubernetes_settings -s"))
    }

    /// A toggle changes the same resources on both sides, on ECS and on EKS.
    @Test(arguments: ["shop.json", "clinic-booking.yaml"])
    func anEnhancementChangesTheSameResourcesInBothLanguages(name: String) throws {
        let file = try example(name)
        let designed = try result(name)
        let offered = EnhancementEngine().offeredIDs(for: designed, file: file)
        let before = try inventories(try Renderer().render(designed, targets: Self.targets))
        var changed = 0
        for id in offered {
            guard let applied = try? EnhancementEngine().apply([id], to: designed, file: file) else { continue }
            let after = try inventories(try Renderer().render(applied, targets: Self.targets))
            #expect(after.terraform == after.pulumi, "\(id)")
            let terraformDelta = after.terraform.filter { before.terraform[$0.key] != $0.value }.keys.sorted()
            let pulumiDelta = after.pulumi.filter { before.pulumi[$0.key] != $0.value }.keys.sorted()
            #expect(terraformDelta == pulumiDelta, "\(id)")
            if !terraformDelta.isEmpty { changed += 1 }
        }
        #expect(changed >= 3, "several suggestions add resources")
    }

    /// The WAF, by name: both sides gain the same rule.
    @Test func theRateLimitRuleIsTheSameRuleInBothLanguages() throws {
        let file = try example("shop.json")
        let designed = try result("shop.json")
        let waf = try EnhancementEngine().apply(["waf-rate-limit"], to: designed, file: file)
        let diff = LineDiff.unified(
            from: try Renderer().render(designed, targets: Self.targets), to: try Renderer().render(waf, targets: Self.targets))
        #expect(diff.contains("+            name=\"rate-per-address\","))
        #expect(diff.contains { $0.contains("name     = \"rate-per-address\"") })
    }

    /// On ECS, and on EKS (the Kubernetes target makes the hostile project a cluster).
    @Test(arguments: [[Target.terraform, .dockerCompose, .pulumi], [.terraform, .kubernetes, .pulumi]])
    func hostileTextNeverBecomesPython(targets: [Target]) throws {
        var file = hostileProject()
        file.options.targets = targets
        let files = try render(file).filter { $0.target == .pulumi }
        #expect(!files.isEmpty)
        #expect(files.contains { $0.path == "infra/pulumi/eks.py" } == targets.contains(.kubernetes))
        #expect(PythonChecker().check(files).isEmpty, "\(PythonChecker().check(files))")
        for f in files {
            #expect(!f.content.contains("${jndi") && !f.content.contains("rm -rf") && !f.content.contains("\u{202E}"), "\(f.path)")
        }
    }

    @Test func thePythonEscaperClosesEveryDoor() {
        #expect(Escaping.pythonString("plain") == "\"plain\"")
        #expect(Escaping.pythonString("a\"b") == "\"a\\\"b\"")
        #expect(Escaping.pythonString("\"\"\"") == "\"\\\"\\\"\\\"\"", "no triple quote survives")
        #expect(Escaping.pythonString("back\\slash") == "\"back\\\\slash\"")
        #expect(Escaping.pythonString("line\nbreak\r\t") == "\"line\\nbreak\\r\\t\"")
        #expect(Escaping.pythonString("{x}{{y}}") == "\"{x}{{y}}\"", "never an f-string, so braces are text")
        #expect(Escaping.pythonString("rtl\u{202E}x") == "\"rtl\\u202Ex\"")
        #expect(Escaping.pythonString("nul\u{0}") == "\"nul\\u0000\"")
        #expect(Escaping.pythonList(["a", "b\""]) == "[\"a\", \"b\\\"\"]")
        // Every escaped literal is one closed token for the checker.
        for text in ["\"\"\"", "'''", "\\", "\"\n", "f\"{__import__('os')}\""] {
            let source = RenderedFile(path: "x.py", content: "value = \(Escaping.pythonString(text))\n", source: "", target: .pulumi)
            #expect(PythonChecker().tokens(source).isEmpty, "\(text)")
        }
    }

    @Test func theCheckerFindsWhatWouldBreakPython() {
        func problems(_ text: String) -> [String] {
            PythonChecker().check([RenderedFile(path: "infra/pulumi/a.py", content: text, source: "", target: .pulumi)]).map(\.message)
        }
        #expect(problems("x = (1, [2, 3])\ny = {'a': \"b\"}  # a comment with ( and \"\n").isEmpty)
        #expect(problems("s = \"\"\"open\n") == ["a string literal is not closed"])
        #expect(problems("s = 'open\n") == ["a string literal is not closed"])
        #expect(problems("x = (1, 2\n") == ["( is never closed"])
        #expect(problems("x = [1)]\n").contains(") closes nothing open"))
        #expect(problems("if x:\n\ty = 1\n") == ["a tab in the indentation"])
        #expect(problems("import network\n") == ["imports network, which is not part of the program"])
        #expect(problems("import pulumi\nfrom collections.abc import Sequence\n").isEmpty)
        let yaml = RenderedFile(path: "infra/pulumi/Pulumi.yaml", content: "- a list\n", source: "", target: .pulumi)
        #expect(PythonChecker().check([yaml]).map(\.message) == ["a Pulumi settings file is a mapping"])
    }
}
