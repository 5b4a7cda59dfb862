/// Chooses where the application runs and how much of it.
enum ComputeRules {
    /// Fargate task sizes (CPU units, memory MB) and the requests per second one task serves.
    static let fargateSizes: [(cpu: Int, memory: Int, rps: Int)] = [
        (256, 512, 50), (512, 1_024, 120), (1_024, 2_048, 250), (2_048, 4_096, 500), (4_096, 8_192, 1_000),
    ]
    /// The most tasks the sizing plans for at peak before it picks a bigger task.
    static let maxTasksAtPeak = 8
    /// Peak rps up to which a function behind an HTTP API is the cheaper shape.
    static let serverlessPeakLimit = 50.0
    /// Budget under which a small project is steered to the serverless shape.
    static let serverlessBudgetLimit = 75.0

    /// Whether the serverless shape (Lambda behind an HTTP API) fits, and why.
    static func platform(_ input: DesignInput) -> (ComputePlatform, [String]) {
        let peak = input.analysis.peakRPS
        let budget = input.options.budget
        var trace = ["\(Format.number(peak)) peak rps against the \(Format.number(serverlessPeakLimit)) rps serverless limit"]
        guard peak <= serverlessPeakLimit, input.cost != .performance else {
            if input.cost == .performance { trace.append("cost preference \"performance\" keeps warm containers") }
            return (.fargate, trace)
        }
        if let budget, budget < serverlessBudgetLimit {
            trace.append("budget $\(Format.number(budget)) is under $\(Format.number(serverlessBudgetLimit)), too little for a load balancer and NAT")
            return (.lambda, trace)
        }
        if input.scale == .prototype {
            trace.append("scale \"prototype\"")
            return (.lambda, trace)
        }
        trace.append("budget and scale leave room for always-on containers")
        return (.fargate, trace)
    }

    static func design(_ input: DesignInput, platform: ComputePlatform, platformTrace: [String], into design: inout InfrastructureDesign) {
        let analysis = input.analysis
        if platform == .lambda {
            let memory = analysis.complexity == .large ? 1_024 : 512
            design.decisions.append(
                Decision(
                    resource: "compute", setting: "platform", value: "lambda",
                    reason:
                        "A function behind an HTTP API costs nothing while idle, which suits this traffic and budget better than always-on containers and a load balancer.",
                    trace: platformTrace))
            design.decisions.append(
                Decision(
                    resource: "compute", setting: "memory", value: "\(memory) MB arm64",
                    reason:
                        "Graviton functions cost 20% less per GB-second, and \(memory) MB gives a full share of CPU for a \(analysis.complexity.rawValue) API.",
                    trace: ["complexity \(analysis.complexity.rawValue) (score \(Format.number(analysis.complexityScore)))"]))
            let spec = ComputeSpec(
                platform: .lambda, architecture: "arm64", cpuUnits: 0, memoryMB: memory, desiredCount: 0, minCount: 0,
                maxCount: 0, containerPort: 8_080, requestsPerTask: 0, assumedDurationMS: 120)
            design.resources.append(Resource(id: "compute", spec: .compute(spec), dependsOn: dependencies(design)))
            return
        }
        design.decisions.append(
            Decision(
                resource: "compute", setting: "platform", value: "fargate",
                reason: "ECS on Fargate runs the application container with no servers to patch and scales tasks with load.",
                trace: platformTrace))
        let peak = analysis.peakRPS
        let start = analysis.complexity == .large ? 1 : 0
        let chosen =
            fargateSizes[start...].first { Int((peak / Double($0.rps)).rounded(.up)) <= maxTasksAtPeak } ?? fargateSizes[fargateSizes.count - 1]
        let minimum = input.isProduction ? 2 : 1
        let desired = max(minimum, Int((analysis.averageRPS / Double(chosen.rps)).rounded(.up)))
        let maximum = max(desired + (input.isProduction ? 2 : 1), Int((peak * 1.2 / Double(chosen.rps)).rounded(.up)))
        let vcpu = Format.number(Double(chosen.cpu) / 1_024, digits: 2)
        design.decisions.append(
            Decision(
                resource: "compute", setting: "taskSize", value: "\(vcpu) vCPU / \(chosen.memory) MB arm64",
                reason:
                    "The smallest task that serves the peak with at most \(maxTasksAtPeak) tasks, on Graviton, which is 20% cheaper per vCPU-hour.",
                trace: [
                    "\(Format.number(peak)) peak rps ÷ \(chosen.rps) rps per task = \(Int((peak / Double(chosen.rps)).rounded(.up))) tasks at peak, within \(maxTasksAtPeak)"
                ]))
        design.decisions.append(
            Decision(
                resource: "compute", setting: "taskCount", value: "\(desired) (min \(desired), max \(maximum))",
                reason: input.isProduction
                    ? "At least two tasks in two availability zones keep the service up through a task or zone failure; autoscaling covers the peak."
                    : "One task is enough outside production; autoscaling covers the peak.",
                trace: [
                    "\(Format.number(analysis.averageRPS)) average rps ÷ \(chosen.rps) = \(Int((analysis.averageRPS / Double(chosen.rps)).rounded(.up))), at least \(minimum) in \(input.environment.rawValue)",
                    "max: \(Format.number(peak)) peak rps × 1.2 ÷ \(chosen.rps) = \(Int((peak * 1.2 / Double(chosen.rps)).rounded(.up)))",
                ]))
        let spec = ComputeSpec(
            platform: .fargate, architecture: "arm64", cpuUnits: chosen.cpu, memoryMB: chosen.memory, desiredCount: desired,
            minCount: desired, maxCount: maximum, containerPort: 8_080, requestsPerTask: chosen.rps, assumedDurationMS: 0)
        design.resources.append(Resource(id: "compute", spec: .compute(spec), dependsOn: dependencies(design)))
    }

    private static func dependencies(_ design: InfrastructureDesign) -> [String] {
        ["network", "database", "database_secret", "cache", "uploads"].filter { design.resource($0) != nil }
    }
}
