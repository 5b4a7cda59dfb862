/// An EKS cluster: the control plane's Kubernetes version and the managed node group the pods
/// run on.
public struct ClusterSpec: Sendable, Hashable, Codable {
    /// The Kubernetes minor version, in standard support (extended support costs six times as much).
    public var kubernetesVersion: String
    public var nodeType: String
    public var nodeVCPU: Int
    public var nodeMemoryGiB: Int
    /// Pods the VPC CNI can address on one node (its ENI limit).
    public var maxPodsPerNode: Int
    /// Application pods that fit on one node after the kubelet's reserve and the DaemonSets.
    public var appPodsPerNode: Int
    public var minNodes: Int
    public var desiredNodes: Int
    public var maxNodes: Int
    /// The gp3 root volume of each node.
    public var nodeDiskGB: Int
    /// The pods' sizing in every environment, for the Kustomize overlays.
    public var overlays: [PodSizing]

    public var nodeArchitecture: String { nodeType.contains("g.") ? "arm64" : "x86_64" }
}

/// One environment's pods: requests and replica bounds.
public struct PodSizing: Sendable, Hashable, Codable {
    public var environment: Environment
    /// CPU request in CPU units (1024 = 1 vCPU), as Fargate counts them.
    public var cpuUnits: Int
    public var memoryMB: Int
    public var minReplicas: Int
    public var maxReplicas: Int

    public var cpuMillicores: Int { cpuUnits * 1_000 / 1_024 }
}
