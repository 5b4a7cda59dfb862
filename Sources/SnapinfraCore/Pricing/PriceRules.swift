import Foundation

/// The stated rules that fill the catalog's gaps, each from the sheet's ≈ rows or from a ratio
/// between two sourced prices; every derived price names its rule and is graded ≈. Where no rule
/// applies there is no price, and the design is refused for that region.
enum PriceRules {
    /// Fargate and Lambda Arm ÷ x86, observed in us-east-1, eu-west-1, ap-southeast-1,
    /// ap-northeast-1 and eu-west-2 (sheet §3.4, §3.8).
    static let armRatio = Decimal(string: "0.8") ?? 1
    /// Valkey ÷ Redis OSS node-hours on every row read (sheet §3.6).
    static let valkeyRatio = Decimal(string: "0.8") ?? 1
    /// S3 Standard-IA ÷ Standard storage in us-east-1 (0.0125 ÷ 0.023, sheet §3.7).
    static let infrequentAccessRatio = Decimal(string: "0.5435") ?? 1
    /// DocumentDB ÷ RDS for PostgreSQL on the one class read in both (db.t3.medium, us-east-2:
    /// 0.078 ÷ 0.072, sheet §3.12 and §3.1).
    static let documentDBInstanceRatio = Decimal(string: "1.0833") ?? 1
    /// DocumentDB storage ÷ RDS gp2 Single-AZ in us-east-2 (0.10 ÷ 0.115).
    static let documentDBStorageRatio = Decimal(string: "0.8696") ?? 1
    /// Aurora storage ÷ RDS gp2 Single-AZ in us-east-1 (0.10 ÷ 0.115).
    static let auroraStorageRatio = Decimal(string: "0.8696") ?? 1
    /// DocumentDB I/O per million ÷ storage per GB in us-east-1 and us-east-2 (0.20 ÷ 0.10).
    static let documentDBIORatio: Decimal = 2
    /// The highest CloudWatch ratio to us-east-1 observed (Logs ingestion in ap-northeast-1,
    /// 0.76 ÷ 0.50): the bound used where a region has no CloudWatch figure at all.
    static let cloudWatchUpperRatio = Decimal(string: "1.52") ?? 1

    /// R13: EC2 and EBS in a region without a figure = the us-east-1 rate × the region's EC2 ratio:
    /// read where the sheet has one (t3.large in eu-west-1, c7g.large in eu-central-1), else the
    /// sheet's stated fallback (§3.9).
    static let ec2RegionFactors: [String: (ratio: Decimal, text: String, basis: String)] = [
        "us-west-2": (1, "1.00", "the ratio on every us-west-2 row read (sheet §3.9)"),
        "us-east-2": (1, "1.00", "the ratio on every us-east-2 row read (sheet §3.9)"),
        "eu-west-1": (Decimal(string: "1.0962") ?? 1, "1.0962", "the eu-west-1 ratio of t3.large (0.0912 ÷ 0.0832)"),
        "eu-central-1": (Decimal(string: "1.1379") ?? 1, "1.1379", "the eu-central-1 ratio of c7g.large (0.0825 ÷ 0.0725)"),
        "eu-west-2": (Decimal(string: "1.15") ?? 1, "1.15", "the sheet's eu-west-2 fallback (§3.9)"),
        "ap-southeast-2": (Decimal(string: "1.3") ?? 1, "1.30", "the sheet's ap-southeast-2 fallback for EC2 (§3.9)"),
    ]

    static func derive(_ key: PriceKey, region: String, catalog c: PriceCatalog) -> Price? {
        switch key {
        case .rdsInstance(let engine, let instanceClass, true):
            return c.price(.rdsInstance(engine: engine, instanceClass: instanceClass, multiAZ: false), region: region)
                .map { derived($0, times: 2, rule: "Multi-AZ = 2 × Single-AZ (sheet §2)") }
        case .elastiCacheNode("valkey", let nodeType):
            return c.price(.elastiCacheNode(engine: "redis", nodeType: nodeType), region: region)
                .map { derived($0, times: valkeyRatio, rule: "Valkey = 0.8 × Redis OSS of the region (sheet §3.6)") }
        case .rdsStorage("gp3", let multiAZ):
            return c.price(.rdsStorage(type: "gp2", multiAZ: multiAZ), region: region)
                .map { derived($0, times: 1, rule: "R1: RDS gp3 = gp2 of the region (equal wherever both were read)") }
        case .fargateVCPU(arm: true), .fargateGB(arm: true):
            let x86: PriceKey = key == .fargateVCPU(arm: true) ? .fargateVCPU(arm: false) : .fargateGB(arm: false)
            return c.price(x86, region: region)
                .map { derived($0, times: armRatio, rule: "R2: Fargate Arm = 0.8 × the region's x86 price (the ratio in six regions)") }
        case .lambdaGBSecond(arm: true):
            return c.price(.lambdaGBSecond(arm: false), region: region)
                .map { derived($0, times: armRatio, rule: "R2: Lambda Arm = 0.8 × the region's x86 GB-second (us-east-1, eu-west-2)") }
        case .logsIngestionGB, .logsStorageGB, .alarmStandard, .customMetric:
            return cloudWatch(key, region: region, catalog: c)
        case .xrayTracesMillion:
            return c.row(key, "us-east-1")
                .map { derived($0, times: 1, rule: "the X-Ray page gives one price and names no region (S24)") }
        case .secret, .kmsKey, .kmsRequestsPer10k:
            return c.row(key, "us-east-1")
                .map { derived($0, times: 1, rule: "R4: the us-east-1 rate × 1.00, the ratio read in eu-central-1 and us-west-2") }
        case .wafWebACL, .wafRule, .wafMillionRequests:
            return c.row(key, "us-east-1")
                .map { derived($0, times: 1, rule: "one WAF price in every region (AWS, sheet S28)") }
        case .rdsBackupStorage:
            return c.row(key, "us-east-1")
                .map { derived($0, times: 1, rule: "R6: $0.095, the rate in every region it was read (us-east-1, eu-west-1, ap-south-1)") }
        case .publicIPv4Hour:
            return c.row(key, "us-east-1")
                .map { derived($0, times: 1, rule: "R7: $0.005, the rate in all six regions it was read") }
        case .s3StandardIAGB:
            return c.price(.s3StandardGB, region: region)
                .map { derived($0, times: infrequentAccessRatio, rule: "R8: Standard-IA = 0.5435 × the region's Standard (the us-east-1 ratio)") }
        case .documentDBInstance(let instanceClass):
            return c.price(.rdsInstance(engine: "postgres", instanceClass: instanceClass, multiAZ: false), region: region)
                .map {
                    derived(
                        $0, times: documentDBInstanceRatio, rule: "R9: DocumentDB = 1.0833 × RDS for PostgreSQL of the class (the us-east-2 ratio)")
                }
        case .documentDBStorageGB:
            return c.price(.rdsStorage(type: "gp2", multiAZ: false), region: region)
                .map {
                    derived($0, times: documentDBStorageRatio, rule: "R10: DocumentDB storage = 0.8696 × the region's RDS gp2 (the us-east-2 ratio)")
                }
        case .auroraStorageGB:
            return c.price(.rdsStorage(type: "gp2", multiAZ: false), region: region)
                .map { derived($0, times: auroraStorageRatio, rule: "R11: Aurora storage = 0.8696 × the region's RDS gp2 (the us-east-1 ratio)") }
        case .auroraIOMillion:
            return c.price(.auroraStorageGB, region: region)
                .map { derived($0, times: 2, rule: "R11: Aurora I/O per million = 2 × its storage per GB (the us-east-1 ratio)") }
        case .documentDBIOMillion:
            return c.price(.documentDBStorageGB, region: region)
                .map {
                    derived($0, times: documentDBIORatio, rule: "R10: DocumentDB I/O per million = 2 × its storage per GB (us-east-1, us-east-2)")
                }
        case .eksClusterHour:
            return c.row(key, "us-east-1")
                .map { derived($0, times: 1, rule: "R12: $0.10, the EKS control-plane rate in all six regions it was read") }
        case .ec2Instance, .ebsGP3GB:
            guard let factor = ec2RegionFactors[region], let base = c.row(key, "us-east-1") else { return nil }
            return derived(base, times: factor.ratio, rule: "R13: the us-east-1 rate × \(factor.text), \(factor.basis)")
        case .dataTransferOutOver150TBGB where region == "us-east-1":
            return c.row(key, "us-east-2")
                .map { derived($0, times: 1, rule: "over 150 TB: the us-east-2 rate, equal in every US and EU region read") }
        default:
            return nil
        }
    }

    /// R3: a CloudWatch item = the us-east-1 rate × the region's CloudWatch ratio (Logs ingestion, or
    /// alarms where only those were read), or × the highest ratio observed where none was read.
    static func cloudWatch(_ key: PriceKey, region: String, catalog c: PriceCatalog) -> Price? {
        guard let base = c.row(key, "us-east-1") else { return nil }
        for probe in [PriceKey.logsIngestionGB, .alarmStandard] {
            if let here = c.row(probe, region), let there = c.row(probe, "us-east-1"), there.usd > 0 {
                let ratio = here.usd / there.usd
                return derived(
                    base, times: ratio, rule: "R3: the us-east-1 rate × \(Format.unitPrice(ratio).dropFirst()), the region's CloudWatch ratio")
            }
        }
        return derived(
            base, times: cloudWatchUpperRatio, rule: "R3: the us-east-1 rate × 1.52, the highest CloudWatch ratio seen (no \(region) figure)")
    }

    static func derived(_ price: Price, times factor: Decimal, rule: String) -> Price {
        var copy = price
        copy.usd = price.usd * factor
        copy.grade = .derived
        copy.fallback = rule + (price.fallback.map { "; \($0)" } ?? "")
        return copy
    }
}
