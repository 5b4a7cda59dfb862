/// The VPC: zones, subnets and NAT, by environment, platform and cost preference.
enum NetworkRules {
    static func design(_ input: DesignInput, platform: ComputePlatform, into design: inout InfrastructureDesign) {
        let engine = input.file.project.database.type
        if platform == .lambda && (engine == .dynamodb || engine == .none) {
            design.decisions.append(
                Decision(
                    resource: "network", setting: "vpc", value: "none",
                    reason: "Functions that reach only AWS APIs need no VPC, so none is built and nothing is paid for NAT.",
                    trace: ["compute = lambda", "database.type = \(engine.rawValue)"]))
            return
        }
        let zones = input.isProduction && input.scale == .enterprise ? 3 : 2
        let relational = engine != .dynamodb && engine != .none
        var needs: [String] = []
        if platform.runsContainers { needs.append("a load balancer") }
        if relational { needs.append(input.isProduction ? "a Multi-AZ database" : "a database subnet group") }
        design.decisions.append(
            Decision(
                resource: "network", setting: "availabilityZones", value: "\(zones)",
                reason: zones == 3
                    ? "Three zones keep two thirds of capacity through a zone outage, as enterprise scale expects."
                    : "Two zones are the fewest that \(needs.joined(separator: " and ")) accept\(needs.count == 1 ? "s" : "")"
                        + (platform == .lambda
                            ? ", and the function runs in both."
                            : platform == .eks ? ", and the nodes spread over both." : ", and the tasks spread over both."),
                trace: ["environment = \(input.environment.rawValue)", "scale = \(input.scale.rawValue)", "compute = \(platform.rawValue)"]))

        let nat: Int
        let privateCompute: Bool
        let reason: String
        var trace = ["compute = \(platform.rawValue)", "environment = \(input.environment.rawValue)"]
        if platform == .lambda {
            nat = 0
            privateCompute = true
            reason = "The function runs in private subnets next to the database and needs no internet egress, so no NAT gateway is paid for."
        } else if platform == .eks && !(input.isProduction && input.cost != .minimal) {
            nat = 1
            privateCompute = true
            reason =
                "EKS nodes run in private subnets in every environment: a node with a public address exposes its kubelet and needs a public IP each. One shared NAT gateway gives them outbound access."
        } else if input.environment == .development {
            nat = 0
            privateCompute = false
            reason =
                "In development, tasks run in public subnets with public IPs and a security group that admits only the load balancer, which saves the NAT gateway."
        } else if input.isProduction && input.cost != .minimal {
            nat = zones
            privateCompute = true
            reason = "One NAT gateway per zone keeps outbound traffic working when a zone fails."
        } else {
            nat = 1
            privateCompute = true
            reason = "One shared NAT gateway gives private tasks outbound access at the lowest price."
            trace.append("cost preference = \(input.cost.rawValue)")
        }
        design.decisions.append(Decision(resource: "network", setting: "natGateways", value: "\(nat)", reason: reason, trace: trace))
        var spec = NetworkSpec(cidr: "10.0.0.0/16", availabilityZones: zones, natGateways: nat, privateCompute: privateCompute)
        if engine == .dynamodb {
            spec.dynamoDBEndpoint = true
            design.decisions.append(
                Decision(
                    resource: "network", setting: "dynamoDBEndpoint", value: "gateway",
                    reason:
                        "A DynamoDB gateway endpoint is free and carries all table traffic inside AWS, so none of it pays the NAT gateway's per-GB charge.",
                    trace: ["database.type = dynamodb", "compute = \(platform.rawValue) in a VPC"]))
        }
        design.resources.append(Resource(id: "network", spec: .network(spec)))
    }
}
