/// Checks a design, whoever proposed it: references exist, no dependency cycles, and every value
/// comes from the allowed sets for the region.
public struct DesignValidator: Sendable {
    public var catalog: PriceCatalog

    public init(catalog: PriceCatalog = .aws) {
        self.catalog = catalog
    }

    /// Allowed RDS classes: those the rules use plus the catalog's other classes.
    public static let rdsClasses: Set<String> = Set(
        DatabaseSizing.rdsClasses.map(\.value) + DatabaseSizing.documentDBClasses.map(\.value)
            + ["db.t3.micro", "db.t3.small", "db.t3.medium", "db.t3.large", "db.m5.large", "db.r6g.large"])
    public static let cacheNodeTypes: Set<String> = Set(CacheRules.nodes.map(\.value))
    /// Fargate CPU units and the memory sizes (MB) each allows.
    public static let fargateMemory: [Int: ClosedRange<Int>] = Dictionary(
        uniqueKeysWithValues: ComputeRules.taskCPUs.map { ($0.cpu, $0.minMemory...$0.maxMemory) })

    public func validate(_ design: InfrastructureDesign) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let ids = design.resources.map(\.id)
        var seen: Set<String> = []
        for (index, resource) in design.resources.enumerated() {
            let path = "design.resources[\(index)]"
            if !seen.insert(resource.id).inserted {
                diagnostics.append(.error("\(path).id", "resource id \(DisplayText.quoted(resource.id)) is used twice"))
            }
            for (d, dependency) in resource.dependsOn.enumerated() where !ids.contains(dependency) {
                diagnostics.append(
                    .error(
                        "\(path).dependsOn[\(d)]",
                        "resource \(DisplayText.quoted(dependency)) does not exist" + Suggestion.hint(for: dependency, in: ids)))
            }
            diagnostics += checkValues(resource.spec, path: "\(path).properties", design: design)
        }
        diagnostics += GuardRails.check(design)
        if let cycle = findCycle(design) {
            diagnostics.append(.error("design.resources", "dependencies form a cycle: \(cycle.joined(separator: " → "))"))
        }
        return diagnostics
    }

    private func checkValues(_ spec: ResourceSpec, path: String, design: InfrastructureDesign) -> [Diagnostic] {
        var out: [Diagnostic] = []
        func check(_ condition: Bool, _ key: String, _ message: String) {
            if !condition { out.append(.error("\(path).\(key)", message)) }
        }
        switch spec {
        case .network(let n):
            check((1...6).contains(n.availabilityZones), "availabilityZones", "must be 1 to 6, not \(n.availabilityZones)")
            check(n.natGateways >= 0 && n.natGateways <= n.availabilityZones, "natGateways", "must be 0 to the number of zones, not \(n.natGateways)")
            check(
                n.natGateways > 0 || !n.privateCompute || design.compute?.platform == .lambda, "natGateways",
                "private Fargate tasks need a NAT gateway to pull images")
        case .database(let db):
            if db.service != .dynamoDB {
                let instanceClass = db.instanceClass ?? ""
                check(
                    Self.rdsClasses.contains(instanceClass), "instanceClass",
                    "\(DisplayText.quoted(instanceClass)) is not an allowed class" + Suggestion.hint(for: instanceClass, in: Self.rdsClasses.sorted())
                )
                if db.service == .rds {
                    let engine = db.engine == .postgres ? "postgres" : "mysql"
                    check(
                        catalog.price(.rdsInstance(engine: engine, instanceClass: instanceClass, multiAZ: db.multiAZ), region: design.region) != nil,
                        "instanceClass", "\(DisplayText.quoted(instanceClass)) has no price for \(design.region)")
                }
                check((20...65_536).contains(db.storageGB), "storageGB", "must be 20 to 65,536 GB, not \(db.storageGB)")
                let types = db.service == .documentDB ? ["docdb"] : ["gp3", "gp2"]
                check(types.contains(db.storageType), "storageType", "must be " + types.map { DisplayText.quoted($0) }.joined(separator: " or "))
            }
            check((0...35).contains(db.backupRetentionDays), "backupRetentionDays", "must be 0 to 35 days, not \(db.backupRetentionDays)")
            check((0...5).contains(db.readReplicas), "readReplicas", "must be 0 to 5, not \(db.readReplicas)")
        case .compute(let c):
            check(["arm64", "x86_64"].contains(c.architecture), "architecture", "must be \"arm64\" or \"x86_64\"")
            if c.platform == .fargate {
                if let memory = Self.fargateMemory[c.cpuUnits] {
                    check(
                        memory.contains(c.memoryMB) && c.memoryMB % 512 == 0, "memoryMB",
                        "\(c.memoryMB) MB is not a valid Fargate size for \(c.cpuUnits) CPU units")
                } else {
                    check(false, "cpuUnits", "\(c.cpuUnits) is not a Fargate CPU size (256, 512, 1024, 2048, 4096)")
                }
                check(
                    c.minCount >= 1 && c.minCount <= c.desiredCount && c.desiredCount <= c.maxCount && c.maxCount <= 100,
                    "desiredCount",
                    "counts must satisfy 1 ≤ min ≤ desired ≤ max ≤ 100 (min \(c.minCount), desired \(c.desiredCount), max \(c.maxCount))")
            } else if c.platform == .eks {
                check(c.cluster != nil, "cluster", "an EKS design needs its cluster and node group")
                if let cluster = c.cluster {
                    check(
                        KubernetesRules.nodeTypes.contains { $0.name == cluster.nodeType }, "cluster.nodeType",
                        "\(DisplayText.quoted(cluster.nodeType)) is not an allowed node type")
                    check(
                        catalog.price(.ec2Instance(type: cluster.nodeType), region: design.region) != nil, "cluster.nodeType",
                        "\(DisplayText.quoted(cluster.nodeType)) has no price for \(design.region)")
                    check(
                        cluster.minNodes >= 1 && cluster.minNodes <= cluster.desiredNodes && cluster.desiredNodes <= cluster.maxNodes
                            && cluster.maxNodes <= 100, "cluster.desiredNodes",
                        "node counts must satisfy 1 ≤ min ≤ desired ≤ max ≤ 100 (min \(cluster.minNodes), desired \(cluster.desiredNodes), max \(cluster.maxNodes))"
                    )
                    check(
                        cluster.appPodsPerNode >= 1, "cluster.nodeType",
                        "a \(cluster.nodeType) node cannot hold one pod of \(c.cpuUnits) CPU units / \(c.memoryMB) MB")
                }
                check(
                    c.minCount >= 1 && c.minCount <= c.desiredCount && c.desiredCount <= c.maxCount && c.maxCount <= 100,
                    "desiredCount",
                    "replicas must satisfy 1 ≤ min ≤ desired ≤ max ≤ 100 (min \(c.minCount), desired \(c.desiredCount), max \(c.maxCount))")
            } else {
                check((128...10_240).contains(c.memoryMB), "memoryMB", "must be 128 to 10,240 MB for Lambda")
            }
        case .cache(let cache):
            check(Self.cacheNodeTypes.contains(cache.nodeType), "nodeType", "\(DisplayText.quoted(cache.nodeType)) is not an allowed node type")
            check((1...6).contains(cache.nodes), "nodes", "must be 1 to 6")
            check(!cache.automaticFailover || cache.nodes >= 2, "automaticFailover", "needs at least two nodes")
        case .monitoring(let m):
            let allowed = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1_096, 1_827, 2_192, 2_557, 2_922, 3_288, 3_653]
            check(allowed.contains(m.logRetentionDays), "logRetentionDays", "\(m.logRetentionDays) is not a CloudWatch retention value")
        case .entryPoint, .objectStorage, .secret:
            break
        }
        return out
    }

    private func findCycle(_ design: InfrastructureDesign) -> [String]? {
        let edges = Dictionary(design.resources.map { ($0.id, $0.dependsOn) }, uniquingKeysWith: { a, _ in a })
        var state: [String: Int] = [:]  // 1 on the path, 2 done
        for start in design.resources.map(\.id) where state[start] == nil {
            var stack: [(id: String, next: Int)] = [(start, 0)]
            var path = [start]
            state[start] = 1
            while let top = stack.last {
                let next = edges[top.id] ?? []
                if top.next < next.count {
                    stack[stack.count - 1].next += 1
                    let target = next[top.next]
                    if state[target] == 1, let from = path.firstIndex(of: target) {
                        return Array(path[from...]) + [target]
                    }
                    if state[target] == nil, edges[target] != nil {
                        state[target] = 1
                        stack.append((target, 0))
                        path.append(target)
                    }
                } else {
                    state[top.id] = 2
                    stack.removeLast()
                    path.removeLast()
                }
            }
        }
        return nil
    }
}
