import Foundation

/// Prices a design line by line from the catalog.
public struct CostEstimator: Sendable {
    public var catalog: PriceCatalog
    /// Average response size, for data transfer out.
    public static let averageResponseKB = 8.0
    /// Free data transfer out per month across AWS (sheet S15).
    public static let freeTransferGB = 100.0

    /// How much smaller CloudWatch keeps archived logs than it ingests them.
    public static let logCompression = 6.0

    public init(catalog: PriceCatalog = .aws) {
        self.catalog = catalog
    }

    public func estimate(_ design: InfrastructureDesign, analysis: RequirementsAnalysis) -> CostEstimate {
        var builder = CostLineBuilder(catalog: catalog, region: design.region)
        var resources: [ResourceCost] = []
        for resource in design.resources {
            resources += cost(of: resource, design: design, analysis: analysis, builder: &builder)
        }
        resources += HardeningCost.lines(design, analysis: analysis, builder: &builder)
        resources.append(dataTransfer(analysis, builder: &builder))
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
        let basis = "uploads of \(Format.number(SupportRules.averageUploadMB)) MB each; six months' worth stored on average over the first year"
        guard design.activeHardening.uploadsInfrequentAccess else {
            return [
                builder.usage(
                    "Standard storage", .s3StandardGB, quantity: CostLineBuilder.decimal(bucket.assumedStoredGB), unit: "GB", assumption: basis)
            ]
        }
        // Of six months' worth, the newest month stays in Standard; the rest is older than 30 days.
        return [
            builder.usage(
                "Standard storage", .s3StandardGB, quantity: CostLineBuilder.decimal(bucket.assumedStoredGB / 6), unit: "GB",
                assumption: basis + "; the newest month in Standard"),
            builder.usage(
                "Standard-IA storage", .s3StandardIAGB, quantity: CostLineBuilder.decimal(bucket.assumedStoredGB * 5 / 6), unit: "GB",
                assumption: basis + "; older uploads in Standard-IA (its retrieval fee per GB read is not in the catalog)"),
        ]
    }

    private func cost(of resource: Resource, design: InfrastructureDesign, analysis: RequirementsAnalysis, builder: inout CostLineBuilder)
        -> [ResourceCost]
    {
        switch resource.spec {
        case .network(let network):
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
                            unit: "requests", perUnits: 1_000, assumption: "each upload read ten times"),
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

    private func dataTransfer(_ analysis: RequirementsAnalysis, builder: inout CostLineBuilder) -> ResourceCost {
        let total = analysis.monthlyRequests * Self.averageResponseKB / 1_000_000
        let billed = max(0, total - Self.freeTransferGB)
        let firstTier = 10_240.0
        var lines = [
            builder.usage(
                "Data transfer out to the internet (first 10 TB)", .dataTransferOutGB, quantity: CostLineBuilder.decimal(min(billed, firstTier)),
                unit: "GB",
                assumption: "\(Format.number(Self.averageResponseKB)) KB per response = \(Format.number(total)) GB, less the free 100 GB a month")
        ]
        if billed > firstTier {
            lines.append(
                builder.usage(
                    "Data transfer out to the internet (next 40 TB)", .dataTransferOutNext40TBGB,
                    quantity: CostLineBuilder.decimal(min(billed - firstTier, 40_960)), unit: "GB",
                    assumption: "the part above 10 TB; beyond 50 TB the lower tiers are not applied"))
        }
        return ResourceCost(resourceID: "data_transfer", address: "data transfer", lines: lines)
    }
}
