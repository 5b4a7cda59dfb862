/// The sheet's EKS, EC2 (the node-group candidates) and EBS rows (§3.3), for the Kubernetes
/// target. Cells the sheet leaves empty are filled by rules R12 and R13 (`PriceRules`).
extension PriceCatalog {
    static let kubernetesRows: [PriceRow] = {
        var rows = [
            PriceRow(.eksClusterHour, "us-east-1", "0.10", "S1", .a),
            PriceRow(.eksClusterHour, "ap-south-1", "0.10", "S10", .b),
            PriceRow(.eksClusterHour, "ap-southeast-1", "0.10", "S10", .b),
            PriceRow(.eksClusterHour, "ap-northeast-1", "0.10", "S10", .b),
            PriceRow(.eksClusterHour, "eu-central-1", "0.10", "S30", .b),
            PriceRow(.eksClusterHour, "eu-west-1", "0.10", "S31", .b),
            PriceRow(.ebsGP3GB, "us-east-1", "0.08", "S1", .a),
            PriceRow(.ebsGP3GB, "ap-northeast-1", "0.096", "S10", .b),
            PriceRow(.ebsGP3GB, "ap-southeast-1", "0.096", "S10", .b),
            PriceRow(.ebsGP3GB, "ap-south-1", "0.0912", "S10", .b),
            PriceRow(.ebsGP3GB, "eu-central-1", "0.0952", "S32", .b),
            PriceRow(.ec2Instance(type: "c7g.large"), "eu-central-1", "0.0825", "S32", .b),
        ]
        // Graviton node types: us-east-1, ap-northeast-1, ap-southeast-1, ap-south-1 (S9, S10, B).
        let graviton: [(String, [String])] = [
            ("t4g.medium", ["0.0336", "0.0432", "0.0424", "0.0224"]),
            ("t4g.large", ["0.0672", "0.0864", "0.0848", "0.0448"]),
            ("m7g.large", ["0.0816", "0.1054", "0.1020", "0.0583"]),
            ("m7g.xlarge", ["0.1632", "0.2108", "0.2040", "0.1166"]),
            ("m7g.2xlarge", ["0.3264", "0.4216", "0.4080", "0.2333"]),
            ("c7g.large", ["0.0725", "0.0910", "0.0833", "0.0491"]),
        ]
        for (type, cells) in graviton {
            for (region, cell) in zip(["us-east-1", "ap-northeast-1", "ap-southeast-1", "ap-south-1"], cells) {
                rows.append(PriceRow(.ec2Instance(type: type), region, cell, "S10", .b))
            }
        }
        return rows
    }()
}
