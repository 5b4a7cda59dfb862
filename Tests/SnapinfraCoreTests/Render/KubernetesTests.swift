import Foundation
import Testing

@testable import SnapinfraCore

@Suite struct KubernetesTests {
    func files(_ name: String, environment: Environment = .production) throws -> (DesignResult, [RenderedFile]) {
        let file = try example(name, environment: environment)
        let result = DesignEngine().run(file)
        return (result, try Renderer().render(result, targets: [.terraform, .dockerCompose, .kubernetes]))
    }

    @Test func kubernetesInTheTargetsMeansEKSSizedAndPricedLineByLine() throws {
        let (result, _) = try files("clinic-booking.yaml")
        let compute = try #require(result.design.compute)
        let cluster = try #require(compute.cluster)
        #expect(compute.platform == .eks)
        #expect(cluster.nodeType.hasPrefix("m7g."), "production avoids burstable nodes")
        #expect(cluster.minNodes >= result.design.network?.availabilityZones ?? 2)
        #expect(cluster.maxNodes > cluster.minNodes)
        #expect(cluster.overlays.map(\.environment) == Environment.allCases)
        let plane = try #require(result.estimate.resources.first { $0.address == "aws_eks_cluster.this" })
        #expect(plane.monthlyCost == 73)
        let nodes = try #require(result.estimate.resources.first { $0.address == "aws_eks_node_group.this" })
        let price = try #require(PriceCatalog.aws.price(.ec2Instance(type: cluster.nodeType), region: "us-east-1"))
        #expect(nodes.lines.first?.monthlyCost == Format.rounded(price.usd * 730 * Decimal(cluster.desiredNodes), scale: 2))
        let platform = try #require(result.design.decisions.first { $0.id == "compute.platform" })
        #expect(platform.reason.contains("more than ECS on Fargate"))
        #expect(platform.trace.contains { $0.hasPrefix("EKS: control plane $73.00") })
        // eu-west-1 has no Graviton figure: the node price is derived by R13 and says so.
        let (europe, _) = try files("course-catalog.json")
        let line = try #require(europe.estimate.resources.first { $0.address == "aws_eks_node_group.this" }?.lines.first)
        #expect(line.price?.grade == .derived)
        #expect(line.price?.fallback?.hasPrefix("R13") == true)
    }

    @Test func everyOverlayIsRenderedAndValidates() throws {
        for name in ["clinic-booking.yaml", "course-catalog.json"] {
            for environment in Environment.allCases {
                let (_, rendered) = try files(name, environment: environment)
                let paths = Set(rendered.map(\.path))
                for env in Environment.allCases {
                    #expect(paths.contains("infra/k8s/overlays/\(env.rawValue)/kustomization.yaml"))
                }
                #expect(OutputValidator().validate(rendered).isEmpty, "\(name) \(environment): \(OutputValidator().validate(rendered))")
                #expect(!paths.contains("infra/terraform/compute.tf") && paths.contains("infra/terraform/eks.tf"))
            }
        }
    }

    /// Names, ports, variable names and the health path are the same in Compose, Terraform and
    /// the manifests.
    @Test func theTargetsAgree() throws {
        let (result, rendered) = try files("clinic-booking.yaml")
        let names = ResourceNames(project: result.design.projectName)
        let deployment = content(rendered, "infra/k8s/base/deployment.yaml")
        let compose = content(rendered, "docker-compose.yml")
        let terraform = content(rendered, "infra/terraform/eks.tf") + content(rendered, "infra/terraform/outputs.tf")
        let variables = RuntimeEnvironment.variables(result.design, names: names)
        for variable in variables where variable.compose != nil {
            #expect(deployment.contains("- name: \"\(variable.name)\""), "\(variable.name) missing from the Deployment")
            #expect(compose.contains("\(variable.name):"), "\(variable.name) missing from Compose")
        }
        for variable in variables where variable.kubernetes != nil {
            #expect(terraform.contains("\(variable.name)="), "\(variable.name) missing from the kubernetes_settings output")
        }
        #expect(deployment.contains("containerPort: \(ComposeModel.appPort)"))
        #expect(compose.contains("\(ComposeModel.appPort)"))
        #expect(deployment.contains("path: \"/healthz\"") && content(rendered, "infra/k8s/base/ingress.yaml").contains("\"/healthz\""))
        #expect(terraform.contains("namespace       = \"\(names.prefix)\"") && deployment.contains("serviceAccountName: \"\(names.prefix)\""))
        #expect(content(rendered, "infra/k8s/base/kustomization.yaml").contains("namespace: \"\(names.prefix)\""))
        // No secret value anywhere: the ExternalSecret names keys, the overlays leave ARNs empty.
        #expect(!rendered.contains { $0.target == .kubernetes && $0.content.contains("kind: Secret\n") })
        #expect(content(rendered, "infra/k8s/overlays/production/settings.env").contains("DATABASE_SECRET_ARN=\n"))
    }

    @Test func hostileTextNeverReachesAManifestRaw() throws {
        var file = hostileProject()
        file.options.targets = [.terraform, .dockerCompose, .kubernetes]
        let rendered = try Renderer().render(DesignEngine().run(file), targets: file.options.targets)
        #expect(OutputValidator().validate(rendered).isEmpty, "\(OutputValidator().validate(rendered))")
        for manifest in rendered where manifest.target == .kubernetes {
            for needle in ["jndi:", "${", "%{", "rm -rf", "`", "\u{202E}", "\"aws_iam_user\"", "\"}"] {
                #expect(!manifest.content.contains(needle), "\(manifest.path) holds \(needle)")
            }
        }
    }

    @Test func theCheckerCatchesBrokenManifests() throws {
        let (_, rendered) = try files("clinic-booking.yaml")
        func broken(_ path: String, _ change: (String) -> String) -> [String] {
            let changed = rendered.map { file -> RenderedFile in
                var copy = file
                if file.path == path { copy.content = change(file.content) }
                return copy
            }
            return OutputValidator().validate(changed).map { "\($0.path)\($0.position.map { ":\($0)" } ?? ""): \($0.message)" }
        }
        let deployment = "infra/k8s/base/deployment.yaml"
        #expect(
            broken(deployment) {
                $0.replacingOccurrences(
                    of: "      labels:\n        app.kubernetes.io/component: api", with: "      labels:\n        app.kubernetes.io/component: web")
            }
            .contains { $0.contains("spec.selector does not match") })
        #expect(
            broken(deployment) { $0.replacingOccurrences(of: "privileged: false", with: "privileged: true") }.contains {
                $0.contains("is privileged")
            })
        #expect(
            broken(deployment) {
                $0.replacingOccurrences(
                    of: "      terminationGracePeriodSeconds", with: "      hostNetwork: true\n      terminationGracePeriodSeconds")
            }
            .contains { $0.contains("host network") })
        #expect(
            broken(deployment) { $0.replacingOccurrences(of: "name: settings", with: "name: setings") }.contains {
                $0.contains("no overlay generates")
            })
        #expect(broken(deployment) { $0.replacingOccurrences(of: "name: http\n", with: "name: web\n") }.contains { $0.contains("targets port http") })
        #expect(
            broken("infra/k8s/base/networkpolicy.yaml") { $0.replacingOccurrences(of: "cidr: \"10.0.0.0/16\"", with: "cidr: \"0.0.0.0/0\"") }
                .contains { $0.contains("admits 0.0.0.0/0") })
        let unknown = broken("infra/k8s/base/pdb.yaml") { $0.replacingOccurrences(of: "policy/v1", with: "policy/v1beta1") }
        #expect(unknown.contains { $0.contains("unknown apiVersion/kind policy/v1beta1/PodDisruptionBudget") })
        let yaml = broken("infra/k8s/base/service.yaml") { $0 + "  bad: [\n" }
        #expect(yaml.contains { $0.hasPrefix("infra/k8s/base/service.yaml:") })
    }
}
