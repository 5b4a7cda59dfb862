import Foundation

/// Prices a design line by line from the catalog.
public struct CostEstimator: Sendable {
    public var catalog: PriceCatalog
    /// Free data transfer out per month across AWS (sheet S15).
    public static let freeTransferGB = 100.0

    /// How much smaller CloudWatch keeps archived logs than it ingests them.
    public static let logCompression = 6.0

    public init(catalog: PriceCatalog = .aws) {
        self.catalog = catalog
    }

    public func estimate(_ design: InfrastructureDesign, analysis: RequirementsAnalysis) -> CostEstimate {
        var builder = CostLineBuilder(catalog: catalog, region: design.region, bought: design.activeHardening.commitments)
        var resources: [ResourceCost] = []
        for resource in design.resources {
            resources += cost(of: resource, design: design, analysis: analysis, builder: &builder)
        }
        resources += HardeningCost.lines(design, analysis: analysis, builder: &builder)
        var transfer = dataTransfer(analysis, builder: &builder)
        if let crossAZ = Self.crossAZLine(design, analysis: analysis, builder: &builder) { transfer.lines.append(crossAZ) }
        resources.append(transfer)
        resources = resources.map { ResourceCost(resourceID: $0.resourceID, address: $0.address, lines: $0.lines.map { $0.roundedToCents() }) }
        let lines = resources.flatMap(\.lines)
        let alwaysOn = lines.filter { $0.kind == .alwaysOn }.reduce(Decimal(0)) { $0 + ($1.monthlyCost ?? 0) }
        let usage = lines.filter { $0.kind == .usage }.reduce(Decimal(0)) { $0 + ($1.monthlyCost ?? 0) }
        let minimum = lines.reduce(Decimal(0)) { $0 + ($1.minMonthlyCost ?? 0) }
        let maximum = lines.reduce(Decimal(0)) { $0 + ($1.maxMonthlyCost ?? 0) }
        return CostEstimate(
            currency: "USD", region: design.region, resources: resources.filter { !$0.lines.isEmpty },
            alwaysOnMonthly: alwaysOn, usageMonthly: usage, totalMonthly: alwaysOn + usage,
            minMonthly: minimum, maxMonthly: maximum,
            assumptions: [
                "730 hours a month; prices are on-demand list prices in USD, before tax, credits and free tiers unless a line says so.",
                "Usage lines assume \(Format.number(analysis.averageRPS)) average rps (\(Format.number(analysis.monthlyRequests / 1_000_000, digits: 2))M requests a month); the range runs from half to twice that usage, and from the minimum to the maximum task count.",
            ],
            notes: builder.notes)
    }

    /// Standard storage, or, once uploads move to Standard-IA after 30 days, the two classes.
    private func storageLines(_ bucket: ObjectStorageSpec, design: InfrastructureDesign, builder: inout CostLineBuilder) -> [CostLine] {
        let basis =
            "\(Format.number(bucket.assumedPutsPerMonth, digits: 0)) uploads a month; \(Format.number(SupportRules.storedMonths, digits: 0)) months' worth stored"
        guard design.activeHardening.uploadsInfrequentAccess else {
            return [
                builder.usage(
                    "Standard storage", .s3StandardGB, quantity: CostLineBuilder.decimal(bucket.assumedStoredGB), unit: "GB", assumption: basis)
            ]
        }
        // Of the months stored, the newest stays in Standard; the rest is older than 30 days.
        return [
            builder.usage(
                "Standard storage", .s3StandardGB, quantity: CostLineBuilder.decimal(bucket.assumedStoredGB / SupportRules.storedMonths), unit: "GB",
                assumption: basis + "; the newest month in Standard"),
            builder.usage(
                "Standard-IA storage", .s3StandardIAGB,
                quantity: CostLineBuilder.decimal(bucket.assumedStoredGB * (SupportRules.storedMonths - 1) / SupportRules.storedMonths), unit: "GB",
                assumption: basis + "; older uploads in Standard-IA (its retrieval fee per GB read is not in the catalog)"),
        ]
    }

    private func cost(of resource: Resource, design: InfrastructureDesign, analysis: RequirementsAnalysis, builder: inout CostLineBuilder)
        -> [ResourceCost]
    {
        switch resource.spec {
        case .network(let network):
            if network.interfaceEndpoints == true {
                return [endpointCost(network, design: design, resourceID: resource.id, builder: &builder)]
            }
            guard network.natGateways > 0 else { return [] }
            let count = Decimal(network.natGateways)
            // Image layers and S3 objects make up most of it; an S3 gateway endpoint carries those free.
            let endpoint = design.activeHardening.s3GatewayEndpoint
            let natGB = (endpoint ? 2.0 : 10.0) * Double(network.natGateways)
            return [
                ResourceCost(
                    resourceID: resource.id, address: "aws_nat_gateway.this",
                    lines: [
                        builder.hourly("NAT gateway", .natGatewayHour, count: count),
                        builder.usage(
                            "NAT gateway data processed", .natGatewayGB, quantity: CostLineBuilder.decimal(natGB), unit: "GB",
                            assumption: endpoint
                                ? "2 GB a month per NAT gateway of outbound calls; image layers (8 GB) go through the S3 endpoint"
                                : "10 GB a month per NAT gateway of image pulls and outbound calls"),
                        builder.hourly("Public IPv4 address (NAT)", .publicIPv4Hour, count: count),
                    ])
            ]
        case .database(let db):
            return DatabaseCost.lines(db, resourceID: resource.id, analysis: analysis, builder: &builder)
        case .secret:
            return [
                ResourceCost(
                    resourceID: resource.id, address: "aws_secretsmanager_secret (managed by RDS)",
                    lines: [
                        builder.monthly("Secret", .secret, quantity: 1, unit: "months")
                    ])
            ]
        case .compute(let compute):
            return ComputeCost.lines(compute, design: design, resourceID: resource.id, analysis: analysis, builder: &builder)
        case .entryPoint(let entry):
            return ComputeCost.entryLines(entry, design: design, resourceID: resource.id, analysis: analysis, builder: &builder)
        case .cache(let cache):
            let nodes = Decimal(cache.nodes)
            return [
                ResourceCost(
                    resourceID: resource.id, address: "aws_elasticache_replication_group.this",
                    lines: [
                        builder.hourly(
                            "ElastiCache (on-demand, \(cache.nodeType))", .elastiCacheNode(engine: cache.engine, nodeType: cache.nodeType),
                            count: nodes)
                    ])
            ]
        case .objectStorage(let bucket):
            return [
                ResourceCost(
                    resourceID: resource.id, address: "aws_s3_bucket.\(resource.id)",
                    lines: storageLines(bucket, design: design, builder: &builder) + [
                        builder.usage(
                            "PUT, COPY, POST, LIST requests", .s3PutPer1k, quantity: CostLineBuilder.decimal(bucket.assumedPutsPerMonth, scale: 0),
                            unit: "requests", perUnits: 1_000, assumption: "one PUT per upload"),
                        builder.usage(
                            "GET, SELECT, and all other requests", .s3GetPer1k,
                            quantity: CostLineBuilder.decimal(bucket.assumedGetsPerMonth, scale: 0),
                            unit: "requests", perUnits: 1_000,
                            assumption: bucket.assumedGetsPerMonth == bucket.assumedPutsPerMonth * SupportRules.readsPerUpload
                                ? "each upload read ten times" : "one GET per download request"),
                    ])
            ]
        case .monitoring(let monitoring):
            let ingested = monitoring.assumedLogsGBPerMonth
            let stored = ingested * Double(min(monitoring.logRetentionDays, 365)) / 30 / Self.logCompression
            var lines = [
                builder.usage(
                    "Log data ingested", .logsIngestionGB, quantity: CostLineBuilder.decimal(ingested), unit: "GB",
                    assumption: "\(Format.number(SupportRules.logBytesPerRequest)) bytes of logs per request"),
                builder.usage(
                    "Log archival storage", .logsStorageGB, quantity: CostLineBuilder.decimal(stored), unit: "GB",
                    assumption:
                        "logs kept \(monitoring.logRetentionDays) days, stored compressed at about 1/\(Int(Self.logCompression)) of the ingested size"
                ),
            ]
            if !monitoring.alarms.isEmpty {
                lines.append(
                    builder.monthly("Standard resolution alarms", .alarmStandard, quantity: Decimal(monitoring.alarms.count), unit: "alarm metrics"))
            }
            return [ResourceCost(resourceID: resource.id, address: "aws_cloudwatch_log_group.app", lines: lines)]
        }
    }

    /// Interface endpoints in every zone, and the bytes they carry: the logs, and about 1 GB a month
    /// of API calls (image layers come from S3 through the free gateway endpoint).
    private func endpointCost(_ network: NetworkSpec, design: InfrastructureDesign, resourceID: String, builder: inout CostLineBuilder)
        -> ResourceCost
    {
        let count = NetworkSpec.endpointServices.count * network.availabilityZones
        let gb = (design.monitoring?.assumedLogsGBPerMonth ?? 0) + 1
        return ResourceCost(
            resourceID: resourceID, address: "aws_vpc_endpoint.interface",
            lines: [
                builder.hourly(
                    "Interface endpoints (\(NetworkSpec.endpointServices.count) services × \(network.availabilityZones) zones)",
                    .interfaceEndpointHour,
                    count: Decimal(count)),
                builder.usage(
                    "Interface endpoint data processed", .interfaceEndpointGB, quantity: CostLineBuilder.decimal(gb), unit: "GB",
                    assumption: "the logs and about 1 GB a month of API calls; image layers come through the S3 gateway endpoint"),
            ])
    }

    /// Egress to the internet by tier: the responses (and downloads) leave, requests come in free.
    private func dataTransfer(_ analysis: RequirementsAnalysis, builder: inout CostLineBuilder) -> ResourceCost {
        let total = analysis.monthlyRequests * analysis.averageResponseKB / 1_000_000
        var billed = max(0, total - Self.freeTransferGB)
        let tiers: [(name: String, key: PriceKey, size: Double)] = [
            ("first 10 TB", .dataTransferOutGB, 10_240), ("next 40 TB", .dataTransferOutNext40TBGB, 40_960),
            ("next 100 TB", .dataTransferOutNext100TBGB, 102_400), ("over 150 TB", .dataTransferOutOver150TBGB, .infinity),
        ]
        var lines: [CostLine] = []
        for (index, tier) in tiers.enumerated() where index == 0 || billed > 0 {
            let gb = min(billed, tier.size)
            billed -= gb
            lines.append(
                builder.usage(
                    "Data transfer out to the internet (\(tier.name))", tier.key, quantity: CostLineBuilder.decimal(gb), unit: "GB",
                    assumption: index == 0
                        ? "\(Format.number(analysis.averageResponseKB, digits: 2)) KB per response on average (\(Self.sizeBasis(analysis))) = \(Format.number(total)) GB, less the free 100 GB a month"
                        : "the part in this tier"))
        }
        return ResourceCost(resourceID: "data_transfer", address: "data transfer", lines: lines)
    }

    /// How the response sizes were found.
    static func sizeBasis(_ analysis: RequirementsAnalysis) -> String {
        guard !analysis.endpointLoads.isEmpty else { return "no endpoints; defaults for reads and writes" }
        if analysis.endpointLoads.allSatisfy(\.sizesGiven) { return "the endpoints' responseKB" }
        let defaults = EndpointKind.allCases.filter { kind in analysis.endpointLoads.contains { $0.kind == kind && !$0.sizesGiven } }
            .map { "\($0.rawValue) \(Format.number($0.defaultResponseKB)) KB" }
        return "defaults by kind: " + defaults.joined(separator: ", ")
            + (analysis.endpointLoads.contains(where: \.sizesGiven) ? "; responseKB where given" : "")
    }

    /// Traffic between the tasks and a database or cache in another zone: half the bytes cross,
    /// billed leaving one zone and entering the other.
    static func crossAZLine(_ design: InfrastructureDesign, analysis: RequirementsAnalysis, builder: inout CostLineBuilder) -> CostLine? {
        guard let network = design.network, network.availabilityZones > 1, design.compute?.platform.runsContainers == true,
            let db = design.database, db.service != .dynamoDB
        else { return nil }
        let kb = analysis.averageResponseKB + analysis.averageRequestKB
        let crossing = analysis.monthlyRequests * kb / 1_000_000 * Double(network.availabilityZones - 1) / Double(network.availabilityZones)
        return builder.usage(
            "Cross-AZ traffic (tasks to database and cache)", .crossAZGB, quantity: CostLineBuilder.decimal(crossing * 2), unit: "GB",
            assumption:
                "each request's \(Format.number(kb, digits: 2)) KB passes between a task and the database; \(network.availabilityZones - 1) in \(network.availabilityZones) calls cross zones, billed in each direction"
        )
    }
}
