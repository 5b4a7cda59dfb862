import Foundation

/// Cost lines of the compute and of the entry point in front of it.
enum ComputeCost {
    static func lines(
        _ compute: ComputeSpec, design: InfrastructureDesign, resourceID: String, analysis: RequirementsAnalysis,
        builder: inout CostLineBuilder
    ) -> [ResourceCost] {
        switch compute.platform {
        case .lambda:
            let requests = analysis.monthlyRequests
            let gbSeconds = requests * Double(compute.assumedDurationMS) / 1_000 * compute.memoryGB
            return [
                ResourceCost(
                    resourceID: resourceID, address: "aws_lambda_function.this",
                    lines: [
                        builder.usage(
                            "Requests", .lambdaMillionRequests, quantity: CostLineBuilder.decimal(requests, scale: 0), unit: "requests",
                            perUnits: 1_000_000, assumption: "one invocation per API request"),
                        builder.usage(
                            "Duration (arm64)", .lambdaGBSecond(arm: compute.isGraviton), quantity: CostLineBuilder.decimal(gbSeconds),
                            unit: "GB-seconds",
                            assumption: "\(compute.assumedDurationMS) ms per invocation at \(compute.memoryMB) MB"),
                    ] + (compute.tracing ? [tracesLine(requests, builder: &builder)] : []))
            ]
        case .eks:
            guard let cluster = compute.cluster else { return [] }
            return eksLines(cluster, resourceID: resourceID, builder: &builder)
        case .fargate:
            let tasks = Decimal(compute.desiredCount)
            let minTasks = Decimal(compute.minCount)
            let maxTasks = Decimal(compute.maxCount)
            let vcpu = CostLineBuilder.decimal(compute.vCPU)
            let gb = CostLineBuilder.decimal(compute.memoryGB)
            var lines = [
                builder.perUnitHour(
                    "Per GB per hour", .fargateGB(arm: compute.isGraviton), units: gb * tasks, unit: "GB", min: gb * minTasks, max: gb * maxTasks),
                builder.perUnitHour(
                    "Per vCPU per hour", .fargateVCPU(arm: compute.isGraviton), units: vcpu * tasks, unit: "CPU",
                    min: vcpu * minTasks, max: vcpu * maxTasks),
            ]
            if let network = design.network, !network.privateCompute {
                lines.append(builder.hourly("Public IPv4 addresses (tasks)", .publicIPv4Hour, count: tasks, min: minTasks, max: maxTasks))
            }
            return [ResourceCost(resourceID: resourceID, address: "aws_ecs_service.this", lines: lines)]
        }
    }

    /// The control plane, and the node group's instances and root volumes from its minimum to its
    /// maximum size.
    static func eksLines(_ cluster: ClusterSpec, resourceID: String, builder: inout CostLineBuilder) -> [ResourceCost] {
        let nodes = Decimal(cluster.desiredNodes)
        let minNodes = Decimal(cluster.minNodes)
        let maxNodes = Decimal(cluster.maxNodes)
        let disk = Decimal(cluster.nodeDiskGB)
        var volumes = builder.monthly("Node root volumes (gp3)", .ebsGP3GB, quantity: disk * nodes, unit: "GB")
        volumes.minMonthlyCost = volumes.unitPrice.map { disk * minNodes * $0 }
        volumes.maxMonthlyCost = volumes.unitPrice.map { disk * maxNodes * $0 }
        volumes.assumption = "\(cluster.nodeDiskGB) GB per node"
        return [
            ResourceCost(resourceID: resourceID, address: "aws_eks_cluster.this", lines: [builder.hourly("EKS control plane", .eksClusterHour)]),
            ResourceCost(
                resourceID: resourceID, address: "aws_eks_node_group.this",
                lines: [
                    builder.hourly(
                        "Nodes (\(cluster.nodeType), on demand)", .ec2Instance(type: cluster.nodeType), count: nodes, min: minNodes, max: maxNodes),
                    volumes,
                ]),
        ]
    }

    /// X-Ray's default sampling records one request a second and 5% of the rest; 100,000 traces a
    /// month are free (sheet §3.7).
    static func tracesLine(_ requests: Double, builder: inout CostLineBuilder) -> CostLine {
        let seconds = Analyzer.secondsPerMonth
        let recorded = min(requests, seconds) + max(0, requests - seconds) * 0.05
        let billed = max(0, recorded - 100_000)
        return builder.usage(
            "X-Ray traces recorded", .xrayTracesMillion, quantity: CostLineBuilder.decimal(billed, scale: 0), unit: "traces", perUnits: 1_000_000,
            assumption:
                "default sampling (one request a second, then 5%) records \(Format.number(recorded / 1_000_000, digits: 2))M traces, less the free 100,000"
        )
    }

    static func entryLines(
        _ entry: EntryPointSpec, design: InfrastructureDesign, resourceID: String, analysis: RequirementsAnalysis,
        builder: inout CostLineBuilder
    ) -> [ResourceCost] {
        switch entry.kind {
        case .httpAPI:
            return [
                ResourceCost(
                    resourceID: resourceID, address: "aws_apigatewayv2_api.this",
                    lines: [
                        builder.usage(
                            "Requests (first 300M)", .apiGatewayHTTPMillionRequests,
                            quantity: CostLineBuilder.decimal(analysis.monthlyRequests, scale: 0),
                            unit: "requests", perUnits: 1_000_000, assumption: "every API request")
                    ])
            ]
        case .applicationLoadBalancer:
            // LCUs: the larger of new connections (25/s each, 90% of requests reuse a connection) and
            // processed bytes (1 GB/hour each).
            let newConnections = analysis.averageRPS * 0.1 / 25
            let gbPerHour = analysis.averageRPS * (analysis.averageResponseKB + analysis.averageRequestKB) * 3_600 / 1_000_000
            let lcus = max(0.1, newConnections, gbPerHour)
            let zones = Decimal(design.network?.availabilityZones ?? 2)
            // On EKS the AWS Load Balancer Controller creates the load balancer from the Ingress.
            let address = design.compute?.platform == .eks ? "Ingress app (AWS Load Balancer Controller)" : "aws_lb.this"
            return [
                ResourceCost(
                    resourceID: resourceID, address: address,
                    lines: [
                        builder.hourly("Application load balancer", .albHour),
                        builder.usage(
                            "Load balancer capacity units", .albLCUHour, quantity: CostLineBuilder.decimal(lcus * 730), unit: "LCU-hours",
                            assumption:
                                "\(Format.number(lcus, digits: 2)) LCUs on average: \(Format.number(analysis.averageRPS)) rps, 90% on kept-alive connections, \(Format.number(analysis.averageRequestKB + analysis.averageResponseKB, digits: 2)) KB per request and response"
                        ),
                        builder.hourly("Public IPv4 addresses (load balancer)", .publicIPv4Hour, count: zones),
                    ])
            ]
        }
    }
}
