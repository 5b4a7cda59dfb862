import Foundation

/// Chooses where the application runs and how much of it, from the load model: CPU per request
/// by endpoint kind and runtime, the peak factor and a target utilisation.
enum ComputeRules {
    /// Fargate task sizes in CPU units (1024 = 1 vCPU), with the memory range Fargate allows for each.
    static let taskCPUs: [(cpu: Int, minMemory: Int, maxMemory: Int)] = [
        (256, 512, 2_048), (512, 1_024, 4_096), (1_024, 2_048, 8_192), (2_048, 4_096, 16_384), (4_096, 8_192, 30_720),
    ]
    /// Every size the rules (and a model) may pick, as (CPU units, memory MB).
    static let fargateSizes: [(cpu: Int, memory: Int)] = [
        (256, 512), (256, 1_024), (512, 1_024), (512, 2_048), (1_024, 2_048), (1_024, 4_096), (2_048, 4_096), (2_048, 8_192),
        (4_096, 8_192), (4_096, 16_384),
    ]
    /// Average CPU the service is scaled to; the rest absorbs bursts while new tasks start.
    static let targetUtilisation = 0.6
    /// The most tasks the sizing plans for at peak before it picks a bigger task.
    static let maxTasksAtPeak = 10
    /// Peak rps up to which a function behind an HTTP API is the cheaper shape.
    static let serverlessPeakLimit = 50.0
    /// Budget under which a small project is steered to the serverless shape.
    static let serverlessBudgetLimit = 75.0
    /// Lambda memory at which a function gets one full vCPU (AWS Lambda developer guide).
    static let lambdaOneVCPUMB = 1_769
    /// Time a function waits on the database and other calls per request, in ms.
    static let lambdaWaitMS = 30.0
    /// The CPU part of a function's duration the memory choice keeps within, in ms.
    static let lambdaCPUBudgetMS = 50.0

    /// Requests per second one task of `cpuUnits` serves at the target utilisation.
    static func requestsPerTask(cpuUnits: Int, analysis: RequirementsAnalysis) -> Int {
        let perVCPU = 1_000 / max(0.1, analysis.appCPUMSPerRequest) * targetUtilisation
        return max(1, Int((perVCPU * Double(cpuUnits) / 1_024).rounded(.down)))
    }

    /// Whether the serverless shape (Lambda behind an HTTP API) fits, and why.
    static func platform(_ input: DesignInput) -> (ComputePlatform, [String]) {
        let peak = input.analysis.peakRPS
        let budget = input.options.budget
        if input.options.targets.contains(.kubernetes) {
            return (.eks, ["options.targets includes kubernetes: the application runs on Kubernetes"])
        }
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
        if platform == .lambda {
            designLambda(input, platformTrace: platformTrace, into: &design)
            return
        }
        if platform == .eks {
            KubernetesRules.design(input, platformTrace: platformTrace, into: &design)
            return
        }
        let analysis = input.analysis
        design.decisions.append(
            Decision(
                resource: "compute", setting: "platform", value: "fargate",
                reason: "ECS on Fargate runs the application container with no servers to patch and scales tasks with load.",
                trace: platformTrace))
        let zones = design.network?.availabilityZones ?? 2
        let sizing = containerSizing(analysis, production: input.isProduction, zones: zones)
        let cpuMS = analysis.appCPUMSPerRequest
        let (size, memory, vcpu, perGB) = (sizing.size, sizing.memory, sizing.vcpu, sizing.memoryGBPerVCPU)
        let (peakVCPU, atPeak, atAverage, minimum, maximum, floor) =
            (sizing.peakVCPU, sizing.atPeak, sizing.atAverage, sizing.minimum, sizing.maximum, sizing.floor)
        let vcpuText = Format.number(vcpu, digits: 2)
        let cpuTrace =
            "\(Format.number(cpuMS, digits: 2)) ms of CPU per request on average for \(analysis.runtime.rawValue) (\(analysis.runtimeBasis)); by endpoint kind: \(kindMix(analysis))"
        design.decisions.append(
            Decision(
                resource: "compute", setting: "taskSize", value: "\(vcpuText) vCPU / \(memory) MB arm64",
                reason: size.cpu == taskCPUs[taskCPUs.count - 1].cpu && atPeak > maxTasksAtPeak
                    ? "The largest Fargate task, since the peak needs more than \(maxTasksAtPeak) of any smaller one; on Graviton, which is 20% cheaper per vCPU-hour."
                    : "The smallest task that serves the peak with at most \(maxTasksAtPeak) tasks, on Graviton, which is 20% cheaper per vCPU-hour; memory is \(Format.number(perGB)) GB per vCPU for \(analysis.runtime.rawValue).",
                trace: [
                    cpuTrace,
                    "\(Format.number(analysis.peakRPS)) peak rps × \(Format.number(cpuMS, digits: 2)) ms ÷ \(Int(targetUtilisation * 100))% target CPU = \(Format.number(peakVCPU, digits: 2)) vCPU at peak",
                    "\(Format.number(peakVCPU, digits: 2)) vCPU ÷ \(vcpuText) vCPU per task = \(atPeak) tasks at peak"
                        + (atPeak <= maxTasksAtPeak ? ", within \(maxTasksAtPeak)" : ""),
                    "memory: \(vcpuText) vCPU × \(Format.number(perGB)) GB = \(memory) MB (Fargate allows \(size.minMemory)–\(size.maxMemory) MB at \(vcpuText) vCPU)",
                ]))
        var countTrace = [
            "min: \(Format.number(analysis.averageRPS)) average rps × \(Format.number(cpuMS, digits: 2)) ms ÷ \(Int(targetUtilisation * 100))% ÷ \(vcpuText) vCPU = \(atAverage), at least \(floor)"
                + (input.isProduction ? " (one per zone in production)" : "") + " → \(minimum)",
            "max: \(Format.number(peakVCPU, digits: 2)) vCPU at peak ÷ \(vcpuText) vCPU = \(atPeak)"
                + (maximum > atPeak ? ", one above the minimum so autoscaling can act" : "") + " → \(maximum)",
        ]
        countTrace.append("\(Format.number(Double(minimum) * vcpu, digits: 2))–\(Format.number(Double(maximum) * vcpu, digits: 2)) vCPU in all")
        design.decisions.append(
            Decision(
                resource: "compute", setting: "taskCount", value: "\(minimum) (min \(minimum), max \(maximum))",
                reason: input.isProduction
                    ? "At least one task in each of the \(zones) zones keeps the service up through a task or zone failure; target tracking on CPU adds tasks up to the peak."
                    : "The average load fits in \(minimum) task\(minimum == 1 ? "" : "s") outside production; target tracking on CPU adds tasks up to the peak.",
                trace: countTrace))
        let spec = ComputeSpec(
            platform: .fargate, architecture: "arm64", cpuUnits: size.cpu, memoryMB: memory, desiredCount: minimum,
            minCount: minimum, maxCount: maximum, containerPort: 8_080,
            requestsPerTask: requestsPerTask(cpuUnits: size.cpu, analysis: analysis), assumedDurationMS: 0)
        design.resources.append(Resource(id: "compute", spec: .compute(spec), dependsOn: dependencies(design)))
    }

    /// How big one container is and how many run: the smallest size that serves the peak with
    /// at most `maxTasksAtPeak` of them, memory by runtime, the count from the average and the peak.
    struct ContainerSizing {
        var size: (cpu: Int, minMemory: Int, maxMemory: Int)
        var memory: Int
        var vcpu: Double
        var memoryGBPerVCPU: Double
        var peakVCPU: Double
        var atPeak: Int
        var atAverage: Int
        var minimum: Int
        var maximum: Int
        var floor: Int
    }

    static func containerSizing(_ analysis: RequirementsAnalysis, production: Bool, zones: Int) -> ContainerSizing {
        let cpuMS = analysis.appCPUMSPerRequest
        let peakVCPU = analysis.peakRPS * cpuMS / 1_000 / targetUtilisation
        let averageVCPU = analysis.averageRPS * cpuMS / 1_000 / targetUtilisation
        let floor = production ? zones : 1
        let smallest = production ? 1 : 0
        let size =
            taskCPUs[smallest...].first { Int((peakVCPU / (Double($0.cpu) / 1_024)).rounded(.up)) <= maxTasksAtPeak }
            ?? taskCPUs[taskCPUs.count - 1]
        let vcpu = Double(size.cpu) / 1_024
        let perGB = Workload.memoryGBPerVCPU(analysis.runtime)
        let memory = min(size.maxMemory, max(size.minMemory, Int((vcpu * perGB * 1_024).rounded(.up))))
        let atPeak = max(1, Int((peakVCPU / vcpu).rounded(.up)))
        let atAverage = max(1, Int((averageVCPU / vcpu).rounded(.up)))
        let minimum = max(floor, atAverage)
        let maximum = max(minimum + (production ? 1 : 0), atPeak)
        return ContainerSizing(
            size: size, memory: memory, vcpu: vcpu, memoryGBPerVCPU: perGB, peakVCPU: peakVCPU, atPeak: atPeak, atAverage: atAverage,
            minimum: minimum, maximum: maximum, floor: floor)
    }

    private static func designLambda(_ input: DesignInput, platformTrace: [String], into design: inout InfrastructureDesign) {
        let analysis = input.analysis
        let cpuMS = analysis.appCPUMSPerRequest
        let needed = Double(lambdaOneVCPUMB) * cpuMS / lambdaCPUBudgetMS
        let floor = Workload.lambdaMinimumMB(analysis.runtime)
        let memory = [512, 1_024, lambdaOneVCPUMB].first { $0 >= floor && Double($0) >= needed } ?? lambdaOneVCPUMB
        let share = min(1, Double(memory) / Double(lambdaOneVCPUMB))
        let duration = Int((lambdaWaitMS + cpuMS / share).rounded(.up))
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
                    "Lambda gives CPU in proportion to memory, one full vCPU at \(Format.number(Double(lambdaOneVCPUMB))) MB; \(memory) MB is the least that keeps each request's CPU time within \(Format.number(lambdaCPUBudgetMS)) ms for \(analysis.runtime.rawValue), on Graviton, 20% cheaper per GB-second.",
                trace: [
                    "\(Format.number(cpuMS, digits: 2)) ms of CPU per request for \(analysis.runtime.rawValue) (\(analysis.runtimeBasis))",
                    "\(Format.number(Double(lambdaOneVCPUMB))) MB × \(Format.number(cpuMS, digits: 2)) ms ÷ \(Format.number(lambdaCPUBudgetMS)) ms = \(Format.number(needed)) MB, at least \(floor) MB for \(analysis.runtime.rawValue) → \(memory) MB",
                    "duration: \(Format.number(lambdaWaitMS)) ms waiting + \(Format.number(cpuMS, digits: 2)) ms ÷ \(Format.number(share, digits: 2)) of a vCPU = \(duration) ms",
                ]))
        let tracing = input.environment != .development
        design.decisions.append(
            Decision(
                resource: "compute", setting: "tracing", value: tracing ? "X-Ray, active" : "pass-through",
                reason: tracing
                    ? "Traces of sampled requests (one a second, then 5%) show where a slow request spends its time; the first 100,000 a month are free."
                    : "In development nobody reads the traces, and each beyond the free 100,000 costs $5 per million.",
                trace: ["environment = \(input.environment.rawValue)"]))
        let spec = ComputeSpec(
            platform: .lambda, architecture: "arm64", cpuUnits: 0, memoryMB: memory, desiredCount: 0, minCount: 0,
            maxCount: 0, containerPort: 8_080, requestsPerTask: 0, assumedDurationMS: duration, xrayTracing: tracing)
        design.resources.append(Resource(id: "compute", spec: .compute(spec), dependsOn: dependencies(design)))
    }

    /// The traffic share of each endpoint kind, for the trace: `read 60%, write 40%`.
    static func kindMix(_ analysis: RequirementsAnalysis) -> String {
        let total = analysis.endpointLoads.reduce(0) { $0 + $1.rps }
        guard total > 0 else { return "no endpoint traffic; 80% reads assumed" }
        return EndpointKind.allCases.compactMap { kind in
            let rps = analysis.endpointLoads.filter { $0.kind == kind }.reduce(0) { $0 + $1.rps }
            let share = rps / total * 100
            return rps > 0 ? "\(kind.rawValue) \(share < 1 ? "<1" : Format.number(share, digits: 0))% at \(Format.number(kind.appCPUMS)) ms" : nil
        }.joined(separator: ", ")
    }

    static func dependencies(_ design: InfrastructureDesign) -> [String] {
        ["network", "database", "database_secret", "cache", "uploads"].filter { design.resource($0) != nil }
    }
}
