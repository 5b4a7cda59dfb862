import Foundation

/// Sizes the EKS shape: pods by the same load model as ECS tasks, then the managed node group
/// that holds them, on Graviton, with the kubelet's reserve and the system pods counted.
enum KubernetesRules {
    /// A node type the node group may use, with the pods the VPC CNI can address on it
    /// (ENIs × (IPv4 addresses per ENI − 1) + 2, from the EC2 ENI limits).
    struct NodeType {
        var name: String
        var vCPU: Int
        var memoryGiB: Int
        var maxPods: Int
        var burstable: Bool
    }

    /// Graviton types in order of size. Outside production the burstable t4g types come first; in
    /// production only m7g, whose CPU is not metered by credits.
    static let nodeTypes = [
        NodeType(name: "t4g.medium", vCPU: 2, memoryGiB: 4, maxPods: 17, burstable: true),
        NodeType(name: "t4g.large", vCPU: 2, memoryGiB: 8, maxPods: 35, burstable: true),
        NodeType(name: "m7g.large", vCPU: 2, memoryGiB: 8, maxPods: 29, burstable: false),
        NodeType(name: "m7g.xlarge", vCPU: 4, memoryGiB: 16, maxPods: 58, burstable: false),
        NodeType(name: "m7g.2xlarge", vCPU: 8, memoryGiB: 32, maxPods: 58, burstable: false),
    ]
    /// The Kubernetes minor the cluster runs: the newest in EKS standard support (14 months each)
    /// that checkov 3.3 accepts (CKV_AWS_339). A version past standard support bills $0.60/h.
    static let kubernetesVersion = "1.35"
    /// CPU (millicores) and memory (MiB) of the DaemonSets on every node: aws-node (VPC CNI with
    /// the network-policy agent), kube-proxy and the Pod Identity agent.
    static let daemonSetMillicores = 150
    static let daemonSetMiB = 192
    /// Cluster-wide system pods the nodes also hold: CoreDNS (2 × 100m / 70 Mi), the AWS Load
    /// Balancer Controller (2 replicas) and the External Secrets Operator.
    static let systemMillicores = 400
    static let systemMiB = 512
    /// The most nodes the group plans for at peak before it picks a bigger node type.
    static let maxNodesAtPeak = 10
    /// The root volume of each node, the EKS AL2023 default.
    static let nodeDiskGB = 20

    /// The kubelet's CPU reserve on EKS AMIs: 6% of the first core, 1% of the second, 0.5% of the
    /// third and fourth, 0.25% of the rest.
    static func reservedMillicores(_ vCPU: Int) -> Int {
        let rest = Double(max(0, vCPU - 4)) * 2.5
        return Int((60 + (vCPU > 1 ? 10 : 0) + Double(min(2, max(0, vCPU - 2))) * 5 + rest).rounded(.up))
    }

    /// The kubelet's memory reserve on EKS AMIs (255 MiB + 11 MiB per pod) plus the 100 MiB
    /// eviction threshold.
    static func reservedMiB(_ maxPods: Int) -> Int { 255 + 11 * maxPods + 100 }

    /// What one node offers the pods after the reserve and the DaemonSets.
    static func allocatable(_ node: NodeType) -> (millicores: Int, mib: Int) {
        (node.vCPU * 1_000 - reservedMillicores(node.vCPU) - daemonSetMillicores, node.memoryGiB * 1_024 - reservedMiB(node.maxPods) - daemonSetMiB)
    }

    /// Application pods of the given size that fit on one node.
    static func podsPerNode(_ node: NodeType, millicores: Int, mib: Int) -> Int {
        let free = allocatable(node)
        return max(0, min(free.millicores / max(1, millicores), free.mib / max(1, mib), node.maxPods - 3))
    }

    /// Nodes that hold `pods` application pods and the system pods.
    static func nodes(for pods: Int, on node: NodeType, millicores: Int, mib: Int) -> Int {
        let free = allocatable(node)
        let perNode = max(1, podsPerNode(node, millicores: millicores, mib: mib))
        let byCount = (pods + perNode - 1) / perNode
        let byCPU = Int((Double(pods * millicores + systemMillicores) / Double(free.millicores)).rounded(.up))
        let byMemory = Int((Double(pods * mib + systemMiB) / Double(free.mib)).rounded(.up))
        return max(1, byCount, byCPU, byMemory)
    }

    static func pods(_ analysis: RequirementsAnalysis, environment: Environment, zones: Int) -> PodSizing {
        let sizing = ComputeRules.containerSizing(analysis, production: environment == .production, zones: zones)
        return PodSizing(
            environment: environment, cpuUnits: sizing.size.cpu, memoryMB: sizing.memory, minReplicas: sizing.minimum,
            maxReplicas: sizing.maximum)
    }

    static func design(_ input: DesignInput, platformTrace: [String], into design: inout InfrastructureDesign) {
        let analysis = input.analysis
        let zones = design.network?.availabilityZones ?? 2
        let overlays = Environment.allCases.map { pods(analysis, environment: $0, zones: $0 == input.environment ? zones : 2) }
        let pod = overlays.first { $0.environment == input.environment } ?? pods(analysis, environment: input.environment, zones: zones)
        let sizing = ComputeRules.containerSizing(analysis, production: input.isProduction, zones: zones)
        let millicores = pod.cpuMillicores
        let candidates = nodeTypes.filter { !input.isProduction || !$0.burstable }
        let node =
            candidates.first {
                podsPerNode($0, millicores: millicores, mib: pod.memoryMB) >= 1
                    && nodes(for: pod.maxReplicas, on: $0, millicores: millicores, mib: pod.memoryMB) + 1 <= maxNodesAtPeak
            } ?? candidates[candidates.count - 1]
        let perNode = podsPerNode(node, millicores: millicores, mib: pod.memoryMB)
        let floor = input.isProduction ? zones : 1
        let atMin = nodes(for: pod.minReplicas, on: node, millicores: millicores, mib: pod.memoryMB)
        let atMax = nodes(for: pod.maxReplicas, on: node, millicores: millicores, mib: pod.memoryMB)
        let minNodes = max(floor, atMin)
        let maxNodes = max(minNodes + 1, atMax + 1)
        let free = allocatable(node)
        let cluster = ClusterSpec(
            kubernetesVersion: kubernetesVersion, nodeType: node.name, nodeVCPU: node.vCPU, nodeMemoryGiB: node.memoryGiB,
            maxPodsPerNode: node.maxPods, appPodsPerNode: perNode, minNodes: minNodes, desiredNodes: minNodes, maxNodes: maxNodes,
            nodeDiskGB: nodeDiskGB, overlays: overlays)
        var spec = ComputeSpec(
            platform: .eks, architecture: "arm64", cpuUnits: pod.cpuUnits, memoryMB: pod.memoryMB, desiredCount: pod.minReplicas,
            minCount: pod.minReplicas, maxCount: pod.maxReplicas, containerPort: 8_080,
            requestsPerTask: ComputeRules.requestsPerTask(cpuUnits: pod.cpuUnits, analysis: analysis), assumedDurationMS: 0)
        spec.cluster = cluster

        let comparison = costOverECS(spec, cluster: cluster, region: input.options.region)
        design.decisions.append(
            Decision(
                resource: "compute", setting: "platform", value: "eks",
                reason:
                    "The project asks for Kubernetes, so the application runs as pods on EKS rather than as ECS tasks: one API for the workload, portable manifests, and the Kubernetes tooling the team already uses"
                    + (comparison.map { ". It costs \($0.extra) a month more than ECS on Fargate for the same pods." } ?? "."),
                trace: platformTrace + (comparison?.trace ?? [])))
        let vcpuText = Format.number(sizing.vcpu, digits: 2)
        design.decisions.append(
            Decision(
                resource: "compute", setting: "podSize", value: "\(millicores)m CPU / \(pod.memoryMB) Mi",
                reason:
                    "Each pod requests what an ECS task of the same load would get: the smallest size that serves the peak with at most \(ComputeRules.maxTasksAtPeak) replicas; memory is \(Format.number(sizing.memoryGBPerVCPU)) GB per vCPU for \(analysis.runtime.rawValue).",
                trace: [
                    "\(Format.number(analysis.peakRPS)) peak rps × \(Format.number(analysis.appCPUMSPerRequest, digits: 2)) ms ÷ \(Int(ComputeRules.targetUtilisation * 100))% target CPU = \(Format.number(sizing.peakVCPU, digits: 2)) vCPU at peak",
                    "\(Format.number(sizing.peakVCPU, digits: 2)) vCPU ÷ \(vcpuText) vCPU per pod = \(sizing.atPeak) pods at peak",
                    "limits: memory = the request (no overcommit), CPU = 2 × the request for bursts",
                ]))
        design.decisions.append(
            Decision(
                resource: "compute", setting: "replicas", value: "\(pod.minReplicas) (HPA \(pod.minReplicas)–\(pod.maxReplicas))",
                reason: input.isProduction
                    ? "At least one pod in each of the \(zones) zones, spread by topology constraints; the HorizontalPodAutoscaler adds pods on CPU up to the peak."
                    : "The average load fits in \(pod.minReplicas) pod\(pod.minReplicas == 1 ? "" : "s") outside production; the HorizontalPodAutoscaler adds pods on CPU up to the peak.",
                trace: overlays.map {
                    "\($0.environment.rawValue) overlay: \($0.cpuMillicores)m / \($0.memoryMB) Mi, \($0.minReplicas)–\($0.maxReplicas) replicas"
                }))
        design.decisions.append(
            Decision(
                resource: "compute", setting: "nodeType", value: "\(node.name) (\(node.vCPU) vCPU / \(node.memoryGiB) GiB, Graviton)",
                reason: input.isProduction
                    ? "The smallest non-burstable Graviton node that holds the peak's pods on at most \(maxNodesAtPeak) nodes; production avoids t4g, whose CPU credits can run out under steady load."
                    : "The smallest Graviton node that holds the peak's pods on at most \(maxNodesAtPeak) nodes; a burstable t4g suits the idle hours outside production.",
                trace: [
                    "allocatable per node: \(node.vCPU * 1_000)m − \(reservedMillicores(node.vCPU))m kubelet reserve − \(daemonSetMillicores)m DaemonSets = \(free.millicores)m CPU",
                    "memory: \(node.memoryGiB * 1_024) Mi − \(reservedMiB(node.maxPods)) Mi reserve (255 + 11 × \(node.maxPods) pods + 100 eviction) − \(daemonSetMiB) Mi DaemonSets = \(free.mib) Mi",
                    "\(perNode) application pod\(perNode == 1 ? "" : "s") of \(millicores)m / \(pod.memoryMB) Mi per node",
                ]))
        design.decisions.append(
            Decision(
                resource: "compute", setting: "nodeCount", value: "\(minNodes) (min \(minNodes), max \(maxNodes))",
                reason: input.isProduction
                    ? "One node per zone at least, so the pods' zone spread holds through a node or zone failure; the maximum leaves one node of surge room for a rolling update at peak. Cluster Autoscaler or Karpenter moves the count between them."
                    : "The minimum holds the average load and the system pods; the maximum leaves one node of surge room for a rolling update at peak. Cluster Autoscaler or Karpenter moves the count between them.",
                trace: [
                    "min: \(pod.minReplicas) pods + \(systemMillicores)m / \(systemMiB) Mi of system pods → \(atMin) node\(atMin == 1 ? "" : "s"), at least \(floor) → \(minNodes)",
                    "max: \(pod.maxReplicas) pods → \(atMax) node\(atMax == 1 ? "" : "s") + 1 for surge → \(maxNodes)",
                ]))
        design.decisions.append(
            Decision(
                resource: "compute", setting: "kubernetesVersion", value: kubernetesVersion,
                reason:
                    "The newest Kubernetes minor in EKS standard support: the control plane bills $0.10 an hour, where a version in extended support bills $0.60 ($438 a month).",
                trace: ["EKS standard support lasts 14 months per minor version", "checkov CKV_AWS_339 accepts 1.29–1.35"]))
        design.resources.append(Resource(id: "compute", spec: .compute(spec), dependsOn: ComputeRules.dependencies(design)))
    }

    /// The monthly cost of the EKS shape over ECS on Fargate for the same pods at their minimum
    /// count, from the catalog; nil where the region lacks a price.
    static func costOverECS(_ spec: ComputeSpec, cluster: ClusterSpec, region: String) -> (extra: String, trace: [String])? {
        let catalog = PriceCatalog.aws
        guard let plane = catalog.price(.eksClusterHour, region: region),
            let node = catalog.price(.ec2Instance(type: cluster.nodeType), region: region),
            let disk = catalog.price(.ebsGP3GB, region: region),
            let vcpu = catalog.price(.fargateVCPU(arm: true), region: region),
            let gb = catalog.price(.fargateGB(arm: true), region: region)
        else { return nil }
        let hours: Decimal = 730
        let nodes = Decimal(cluster.desiredNodes)
        let eks = plane.usd * hours + nodes * node.usd * hours + nodes * Decimal(cluster.nodeDiskGB) * disk.usd
        let pods = Decimal(spec.minCount)
        let ecs = pods * (CostLineBuilder.decimal(spec.vCPU) * vcpu.usd + CostLineBuilder.decimal(spec.memoryGB) * gb.usd) * hours
        return (
            Format.money(eks - ecs),
            [
                "EKS: control plane \(Format.money(plane.usd * hours)) + \(cluster.desiredNodes) × \(cluster.nodeType) \(Format.money(nodes * node.usd * hours)) + root volumes \(Format.money(nodes * Decimal(cluster.nodeDiskGB) * disk.usd)) = \(Format.money(eks)) a month",
                "ECS on Fargate: \(spec.minCount) tasks of \(Format.number(spec.vCPU, digits: 2)) vCPU / \(spec.memoryMB) MB = \(Format.money(ecs)) a month",
            ]
        )
    }
}
