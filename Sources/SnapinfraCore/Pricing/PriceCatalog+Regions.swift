/// The sheet's rows for the regions added in 2026-12 (and the cells its later passes filled for the
/// first four), transcribed table by table: `cells` follow `regions` in order, "-" where the sheet
/// has no figure.
extension PriceCatalog {
    struct RegionalRow {
        var key: PriceKey
        var source: String
        var grade: PriceGrade
        var regions: [String]
        var cells: [String]
    }

    static let newRegions = ["eu-central-1", "us-west-2", "us-east-2", "eu-west-2", "ap-northeast-1", "ap-southeast-2"]
    static let firstRegions = ["us-east-1", "eu-west-1", "ap-southeast-1", "ap-south-1"]

    static let regionalRows: [RegionalRow] = [
        // §3.5 ALB, NAT and IPv4 (S29, S21, S32, S10).
        RegionalRow(
            key: .albHour, source: "S29", grade: .a, regions: newRegions, cells: ["0.027", "0.0225", "0.0225", "0.02646", "0.0243", "0.0252"]),
        RegionalRow(key: .albHour, source: "S29", grade: .a, regions: firstRegions, cells: ["-", "0.0252", "0.0252", "0.0239"]),
        RegionalRow(key: .albLCUHour, source: "S29", grade: .a, regions: newRegions, cells: ["0.008", "0.008", "0.008", "0.0084", "0.008", "0.008"]),
        RegionalRow(key: .albLCUHour, source: "S29", grade: .a, regions: firstRegions, cells: ["-", "0.008", "0.008", "0.008"]),
        RegionalRow(
            key: .natGatewayHour, source: "S21", grade: .a, regions: newRegions, cells: ["0.052", "0.045", "0.045", "0.05", "0.062", "0.059"]),
        RegionalRow(key: .natGatewayGB, source: "S29", grade: .a, regions: newRegions, cells: ["0.052", "0.045", "0.045", "0.05", "0.062", "0.059"]),
        RegionalRow(key: .natGatewayGB, source: "S29", grade: .a, regions: firstRegions, cells: ["-", "0.048", "0.059", "0.056"]),
        RegionalRow(key: .publicIPv4Hour, source: "S32", grade: .b, regions: ["eu-central-1"], cells: ["0.005"]),
        RegionalRow(key: .publicIPv4Hour, source: "S10", grade: .b, regions: ["ap-northeast-1"], cells: ["0.005"]),
        // §3.4 Fargate (S29 x86; S4, S10, S37 ARM).
        RegionalRow(
            key: .fargateVCPU(arm: false), source: "S29", grade: .a, regions: newRegions,
            cells: ["0.04656", "0.04048", "0.04048", "0.04656", "0.05056", "0.04856"]),
        RegionalRow(
            key: .fargateGB(arm: false), source: "S29", grade: .a, regions: newRegions,
            cells: ["0.00511", "0.004445", "0.004445", "0.00511", "0.00553", "0.00532"]),
        RegionalRow(key: .fargateVCPU(arm: true), source: "S4", grade: .a, regions: ["eu-west-2"], cells: ["0.03725"]),
        RegionalRow(key: .fargateGB(arm: true), source: "S4", grade: .a, regions: ["eu-west-2"], cells: ["0.00409"]),
        RegionalRow(key: .fargateVCPU(arm: true), source: "S10", grade: .b, regions: ["ap-northeast-1"], cells: ["0.04045"]),
        RegionalRow(key: .fargateGB(arm: true), source: "S10", grade: .b, regions: ["ap-northeast-1"], cells: ["0.00442"]),
        RegionalRow(key: .fargateVCPU(arm: true), source: "S37", grade: .c, regions: ["ap-southeast-2"], cells: ["0.03885"]),
        RegionalRow(key: .fargateGB(arm: true), source: "S37", grade: .c, regions: ["ap-southeast-2"], cells: ["0.00426"]),
        // §3.2 RDS storage (S21, S22).
        RegionalRow(
            key: .rdsStorage(type: "gp2", multiAZ: false), source: "S21", grade: .a, regions: newRegions,
            cells: ["0.137", "0.115", "0.115", "0.133", "0.138", "0.138"]),
        RegionalRow(
            key: .rdsStorage(type: "gp2", multiAZ: true), source: "S21", grade: .a, regions: newRegions,
            cells: ["0.273", "0.23", "0.23", "0.266", "0.276", "0.276"]),
        RegionalRow(key: .rdsStorage(type: "gp3", multiAZ: false), source: "S22", grade: .a, regions: ["eu-west-2"], cells: ["0.133"]),
        // §3.6 ElastiCache, Redis OSS node-hours (S8, B; the t4g.micro and t4g.medium cells equal S29, A).
        RegionalRow(
            key: .elastiCacheNode(engine: "redis", nodeType: "cache.t4g.micro"), source: "S29", grade: .a, regions: newRegions,
            cells: ["0.018", "0.016", "0.016", "0.018", "0.025", "0.024"]),
        RegionalRow(
            key: .elastiCacheNode(engine: "redis", nodeType: "cache.t4g.small"), source: "S8", grade: .b, regions: newRegions,
            cells: ["0.036", "0.032", "0.032", "0.036", "0.049", "0.048"]),
        RegionalRow(
            key: .elastiCacheNode(engine: "redis", nodeType: "cache.t4g.medium"), source: "S29", grade: .a, regions: newRegions,
            cells: ["0.072", "0.065", "0.065", "0.072", "0.098", "0.095"]),
        RegionalRow(
            key: .elastiCacheNode(engine: "redis", nodeType: "cache.m6g.large"), source: "S8", grade: .b, regions: newRegions,
            cells: ["0.177", "0.149", "0.149", "0.171", "0.191", "0.185"]),
        RegionalRow(
            key: .elastiCacheNode(engine: "redis", nodeType: "cache.r6g.large"), source: "S8", grade: .b, regions: newRegions,
            cells: ["0.247", "0.206", "0.206", "0.24", "0.247", "0.247"]),
        RegionalRow(
            key: .elastiCacheNode(engine: "valkey", nodeType: "cache.t4g.micro"), source: "S4", grade: .a, regions: ["eu-west-2"], cells: ["0.0144"]),
        RegionalRow(
            key: .elastiCacheNode(engine: "valkey", nodeType: "cache.t4g.medium"), source: "S4", grade: .a, regions: ["eu-west-2"], cells: ["0.0576"]),
        // §3.7 S3 Standard storage and requests (S29; eu-west-2 S22).
        RegionalRow(
            key: .s3StandardGB, source: "S29", grade: .a, regions: newRegions + firstRegions,
            cells: ["0.0245", "0.023", "0.023", "0.024", "0.025", "0.025", "-", "0.023", "0.025", "0.025"]),
        RegionalRow(
            key: .s3PutPer1k, source: "S29", grade: .a, regions: newRegions + firstRegions,
            cells: ["0.0054", "0.005", "0.005", "0.0053", "0.0047", "0.0055", "-", "0.005", "0.005", "0.005"]),
        RegionalRow(
            key: .s3GetPer1k, source: "S29", grade: .a, regions: newRegions + firstRegions,
            cells: ["0.00043", "0.0004", "0.0004", "0.00042", "0.00037", "0.00044", "-", "0.0004", "0.0004", "0.0004"]),
        // §3.7 CloudWatch, Secrets Manager and KMS outside us-east-1 (2026-12c).
        RegionalRow(key: .logsIngestionGB, source: "S32", grade: .b, regions: ["eu-central-1"], cells: ["0.63"]),
        RegionalRow(key: .logsIngestionGB, source: "S39", grade: .c, regions: ["ap-northeast-1"], cells: ["0.76"]),
        RegionalRow(key: .logsStorageGB, source: "S36", grade: .c, regions: ["us-west-2"], cells: ["0.03"]),
        RegionalRow(key: .logsStorageGB, source: "S39", grade: .c, regions: ["ap-northeast-1"], cells: ["0.033"]),
        RegionalRow(key: .alarmStandard, source: "S35", grade: .b, regions: ["us-west-2", "us-east-2"], cells: ["0.10", "0.10"]),
        RegionalRow(key: .kmsKey, source: "S32", grade: .b, regions: ["eu-central-1"], cells: ["1.00"]),
        RegionalRow(key: .kmsKey, source: "S35", grade: .b, regions: ["us-west-2"], cells: ["1.00"]),
        RegionalRow(key: .secret, source: "S36", grade: .c, regions: ["us-west-2"], cells: ["0.40"]),
        // §3.5 interface VPC endpoints (S1 us-east-1, A; S32 eu-central-1, B; S36 us-west-2, C).
        RegionalRow(key: .interfaceEndpointHour, source: "S1", grade: .a, regions: ["us-east-1"], cells: ["0.01"]),
        RegionalRow(key: .interfaceEndpointHour, source: "S32", grade: .b, regions: ["eu-central-1"], cells: ["0.012"]),
        RegionalRow(key: .interfaceEndpointHour, source: "S36", grade: .c, regions: ["us-west-2"], cells: ["0.01"]),
        RegionalRow(key: .interfaceEndpointGB, source: "S1", grade: .a, regions: ["us-east-1"], cells: ["0.01"]),
        // §3.7 KMS requests (S1) and X-Ray traces recorded (S24, one price on the page).
        RegionalRow(key: .kmsRequestsPer10k, source: "S1", grade: .a, regions: ["us-east-1"], cells: ["0.03"]),
        RegionalRow(key: .xrayTracesMillion, source: "S24", grade: .b, regions: ["us-east-1"], cells: ["5.00"]),
        // §3.8 Serverless in the new regions (S2; Arm: S22, S37).
        RegionalRow(key: .lambdaMillionRequests, source: "S2", grade: .a, regions: newRegions, cells: Array(repeating: "0.20", count: 6)),
        RegionalRow(
            key: .lambdaGBSecond(arm: false), source: "S2", grade: .a, regions: newRegions, cells: Array(repeating: "0.0000166667", count: 6)),
        RegionalRow(key: .lambdaGBSecond(arm: true), source: "S22", grade: .a, regions: ["eu-west-2"], cells: ["0.0000133334"]),
        RegionalRow(key: .lambdaGBSecond(arm: true), source: "S37", grade: .c, regions: ["ap-southeast-2"], cells: ["0.0000133334"]),
        RegionalRow(
            key: .apiGatewayHTTPMillionRequests, source: "S2", grade: .a, regions: newRegions,
            cells: ["1.20", "1.00", "1.00", "1.16", "1.29", "1.29"]),
        // §3.12 DocumentDB: the one instance row, for rule R9.
        RegionalRow(key: .documentDBInstance(instanceClass: "db.t3.medium"), source: "S1", grade: .a, regions: ["us-east-2"], cells: ["0.078"]),
        RegionalRow(
            key: .rdsInstance(engine: "postgres", instanceClass: "db.t3.medium", multiAZ: false), source: "S7", grade: .b, regions: ["us-east-2"],
            cells: ["0.072"]),
    ]

    static var regionalPriceRows: [PriceRow] {
        regionalRows.flatMap { row in
            zip(row.regions, row.cells).compactMap { region, cell in
                cell == "-" ? nil : PriceRow(row.key, region, cell, row.source, row.grade)
            }
        }
    }
}
