/// AWS list prices transcribed from `shared/reference/cloud-prices.md` (§3), each with its source
/// id and grade. One row per cell of the sheet that has a figure; cells the sheet leaves empty are
/// filled at look-up time by the documented fallback rules in `PriceCatalog`.
extension PriceCatalog {
    static let awsRows: [PriceRow] = [
        PriceRow(.rdsInstance(engine: "mysql", instanceClass: "db.t4g.micro", multiAZ: false), "us-east-1", "0.016", "S2", .a),
        PriceRow(.rdsInstance(engine: "mysql", instanceClass: "db.t4g.micro", multiAZ: true), "us-east-1", "0.032", "S2", .a),
        PriceRow(.rdsInstance(engine: "postgres", instanceClass: "db.t4g.micro", multiAZ: false), "us-east-1", "0.016", "S2", .a),
        PriceRow(.rdsInstance(engine: "postgres", instanceClass: "db.t4g.micro", multiAZ: true), "us-east-1", "0.032", "S2", .a),
        PriceRow(.rdsInstance(engine: "mysql", instanceClass: "db.t4g.small", multiAZ: false), "us-east-1", "0.032", "S1", .a),
        PriceRow(.rdsInstance(engine: "mysql", instanceClass: "db.t4g.small", multiAZ: true), "us-east-1", "0.065", "S1", .a),
        PriceRow(.rdsInstance(engine: "postgres", instanceClass: "db.t4g.small", multiAZ: false), "us-east-1", "0.032", "S19", .c),
        PriceRow(.rdsInstance(engine: "mysql", instanceClass: "db.t4g.medium", multiAZ: false), "us-east-1", "0.065", "S2", .a),
        PriceRow(.rdsInstance(engine: "mysql", instanceClass: "db.t4g.medium", multiAZ: true), "us-east-1", "0.129", "S2", .a),
        PriceRow(.rdsInstance(engine: "postgres", instanceClass: "db.t4g.medium", multiAZ: false), "us-east-1", "0.065", "S2", .a),
        PriceRow(.rdsInstance(engine: "postgres", instanceClass: "db.t4g.medium", multiAZ: true), "us-east-1", "0.129", "S2", .a),
        PriceRow(.rdsInstance(engine: "mysql", instanceClass: "db.t3.micro", multiAZ: false), "us-east-1", "0.017", "S7", .b),
        PriceRow(.rdsInstance(engine: "postgres", instanceClass: "db.t3.micro", multiAZ: false), "us-east-1", "0.018", "S7", .b),
        PriceRow(.rdsInstance(engine: "mysql", instanceClass: "db.t3.small", multiAZ: false), "us-east-1", "0.034", "S7", .b),
        PriceRow(.rdsInstance(engine: "mysql", instanceClass: "db.t3.small", multiAZ: true), "us-east-1", "0.068", "S7", .b),
        PriceRow(.rdsInstance(engine: "postgres", instanceClass: "db.t3.small", multiAZ: false), "us-east-1", "0.036", "S7", .b),
        PriceRow(.rdsInstance(engine: "mysql", instanceClass: "db.t3.medium", multiAZ: false), "us-east-1", "0.068", "S7", .b),
        PriceRow(.rdsInstance(engine: "postgres", instanceClass: "db.t3.medium", multiAZ: false), "us-east-1", "0.072", "S7", .b),
        PriceRow(.rdsInstance(engine: "mysql", instanceClass: "db.t3.large", multiAZ: false), "us-east-1", "0.136", "S1", .a),
        PriceRow(.rdsInstance(engine: "mysql", instanceClass: "db.t3.large", multiAZ: true), "us-east-1", "0.272", "S1", .a),
        PriceRow(.rdsInstance(engine: "postgres", instanceClass: "db.t3.large", multiAZ: false), "us-east-1", "0.145", "S1", .a),
        PriceRow(.rdsInstance(engine: "mysql", instanceClass: "db.m5.large", multiAZ: false), "us-east-1", "0.171", "S1", .a),
        PriceRow(.rdsInstance(engine: "postgres", instanceClass: "db.m5.large", multiAZ: false), "us-east-1", "0.178", "S1", .a),
        PriceRow(.rdsInstance(engine: "mysql", instanceClass: "db.m6g.large", multiAZ: false), "us-east-1", "0.152", "S7", .b),
        PriceRow(.rdsInstance(engine: "postgres", instanceClass: "db.m6g.large", multiAZ: false), "us-east-1", "0.159", "S7", .b),
        PriceRow(.rdsInstance(engine: "mysql", instanceClass: "db.m6g.xlarge", multiAZ: false), "us-east-1", "0.304", "S7", .b),
        PriceRow(.rdsInstance(engine: "postgres", instanceClass: "db.m6g.xlarge", multiAZ: false), "us-east-1", "0.318", "S7", .b),
        PriceRow(.rdsInstance(engine: "mysql", instanceClass: "db.r6g.large", multiAZ: false), "us-east-1", "0.215", "S2", .a),
        PriceRow(.rdsInstance(engine: "mysql", instanceClass: "db.r6g.large", multiAZ: true), "us-east-1", "0.43", "S2", .a),
        PriceRow(.rdsInstance(engine: "postgres", instanceClass: "db.r6g.large", multiAZ: false), "us-east-1", "0.225", "S2", .a),
        PriceRow(.rdsInstance(engine: "postgres", instanceClass: "db.r6g.large", multiAZ: true), "us-east-1", "0.45", "S2", .a),
        PriceRow(.rdsInstance(engine: "mysql", instanceClass: "db.r6g.xlarge", multiAZ: false), "us-east-1", "0.43", "S7", .b),
        PriceRow(.rdsInstance(engine: "postgres", instanceClass: "db.r6g.xlarge", multiAZ: false), "us-east-1", "0.45", "S7", .b),
        PriceRow(.rdsInstance(engine: "mysql", instanceClass: "db.r6g.2xlarge", multiAZ: false), "us-east-1", "0.859", "S7", .b),
        PriceRow(.rdsInstance(engine: "postgres", instanceClass: "db.r6g.2xlarge", multiAZ: false), "us-east-1", "0.899", "S7", .b),
        PriceRow(.rdsInstance(engine: "mysql", instanceClass: "db.t4g.micro", multiAZ: false), "eu-west-1", "0.017", "S2", .a),
        PriceRow(.rdsInstance(engine: "mysql", instanceClass: "db.t4g.micro", multiAZ: true), "eu-west-1", "0.035", "S2", .a),
        PriceRow(.rdsInstance(engine: "postgres", instanceClass: "db.t4g.micro", multiAZ: false), "eu-west-1", "0.017", "S2", .a),
        PriceRow(.rdsInstance(engine: "postgres", instanceClass: "db.t4g.micro", multiAZ: true), "eu-west-1", "0.035", "S2", .a),
        PriceRow(.rdsInstance(engine: "mysql", instanceClass: "db.t4g.medium", multiAZ: false), "eu-west-1", "0.069", "S2", .a),
        PriceRow(.rdsInstance(engine: "mysql", instanceClass: "db.t4g.medium", multiAZ: true), "eu-west-1", "0.138", "S2", .a),
        PriceRow(.rdsInstance(engine: "postgres", instanceClass: "db.t4g.medium", multiAZ: false), "eu-west-1", "0.069", "S2", .a),
        PriceRow(.rdsInstance(engine: "postgres", instanceClass: "db.t4g.medium", multiAZ: true), "eu-west-1", "0.138", "S2", .a),
        PriceRow(.rdsInstance(engine: "mysql", instanceClass: "db.t3.micro", multiAZ: false), "eu-west-1", "0.018", "S7", .b),
        PriceRow(.rdsInstance(engine: "postgres", instanceClass: "db.t3.micro", multiAZ: false), "eu-west-1", "0.020", "S7", .b),
        PriceRow(.rdsInstance(engine: "mysql", instanceClass: "db.t3.small", multiAZ: false), "eu-west-1", "0.036", "S7", .b),
        PriceRow(.rdsInstance(engine: "postgres", instanceClass: "db.t3.small", multiAZ: false), "eu-west-1", "0.039", "S7", .b),
        PriceRow(.rdsInstance(engine: "mysql", instanceClass: "db.t3.medium", multiAZ: false), "eu-west-1", "0.072", "S7", .b),
        PriceRow(.rdsInstance(engine: "postgres", instanceClass: "db.t3.medium", multiAZ: false), "eu-west-1", "0.078", "S7", .b),
        PriceRow(.rdsInstance(engine: "mysql", instanceClass: "db.t3.large", multiAZ: false), "eu-west-1", "0.144", "S7", .b),
        PriceRow(.rdsInstance(engine: "postgres", instanceClass: "db.t3.large", multiAZ: false), "eu-west-1", "0.156", "S7", .b),
        PriceRow(.rdsInstance(engine: "mysql", instanceClass: "db.m6g.large", multiAZ: false), "eu-west-1", "0.168", "S7", .b),
        PriceRow(.rdsInstance(engine: "postgres", instanceClass: "db.m6g.large", multiAZ: false), "eu-west-1", "0.176", "S7", .b),
        PriceRow(.rdsInstance(engine: "mysql", instanceClass: "db.m6g.xlarge", multiAZ: false), "eu-west-1", "0.336", "S7", .b),
        PriceRow(.rdsInstance(engine: "postgres", instanceClass: "db.m6g.xlarge", multiAZ: false), "eu-west-1", "0.352", "S7", .b),
        PriceRow(.rdsInstance(engine: "postgres", instanceClass: "db.m6g.xlarge", multiAZ: true), "eu-west-1", "0.704", "S1", .a),
        PriceRow(.rdsInstance(engine: "mysql", instanceClass: "db.r6g.large", multiAZ: false), "eu-west-1", "0.237", "S2", .a),
        PriceRow(.rdsInstance(engine: "mysql", instanceClass: "db.r6g.large", multiAZ: true), "eu-west-1", "0.474", "S2", .a),
        PriceRow(.rdsInstance(engine: "postgres", instanceClass: "db.r6g.large", multiAZ: false), "eu-west-1", "0.252", "S2", .a),
        PriceRow(.rdsInstance(engine: "postgres", instanceClass: "db.r6g.large", multiAZ: true), "eu-west-1", "0.504", "S2", .a),
        PriceRow(.rdsInstance(engine: "mysql", instanceClass: "db.r6g.xlarge", multiAZ: false), "eu-west-1", "0.474", "S7", .b),
        PriceRow(.rdsInstance(engine: "postgres", instanceClass: "db.r6g.xlarge", multiAZ: false), "eu-west-1", "0.504", "S7", .b),
        PriceRow(.rdsInstance(engine: "mysql", instanceClass: "db.r6g.2xlarge", multiAZ: false), "eu-west-1", "0.949", "S7", .b),
        PriceRow(.rdsInstance(engine: "postgres", instanceClass: "db.r6g.2xlarge", multiAZ: false), "eu-west-1", "1.007", "S7", .b),
        PriceRow(.rdsInstance(engine: "mysql", instanceClass: "db.t4g.micro", multiAZ: false), "ap-southeast-1", "0.025", "S2", .a),
        PriceRow(.rdsInstance(engine: "mysql", instanceClass: "db.t4g.micro", multiAZ: true), "ap-southeast-1", "0.051", "S2", .a),
        PriceRow(.rdsInstance(engine: "postgres", instanceClass: "db.t4g.micro", multiAZ: false), "ap-southeast-1", "0.025", "S2", .a),
        PriceRow(.rdsInstance(engine: "postgres", instanceClass: "db.t4g.micro", multiAZ: true), "ap-southeast-1", "0.051", "S2", .a),
        PriceRow(.rdsInstance(engine: "mysql", instanceClass: "db.t4g.medium", multiAZ: false), "ap-southeast-1", "0.102", "S2", .a),
        PriceRow(.rdsInstance(engine: "mysql", instanceClass: "db.t4g.medium", multiAZ: true), "ap-southeast-1", "0.203", "S2", .a),
        PriceRow(.rdsInstance(engine: "postgres", instanceClass: "db.t4g.medium", multiAZ: false), "ap-southeast-1", "0.102", "S2", .a),
        PriceRow(.rdsInstance(engine: "postgres", instanceClass: "db.t4g.medium", multiAZ: true), "ap-southeast-1", "0.203", "S2", .a),
        PriceRow(.rdsInstance(engine: "mysql", instanceClass: "db.t3.micro", multiAZ: false), "ap-southeast-1", "0.026", "S7", .b),
        PriceRow(.rdsInstance(engine: "postgres", instanceClass: "db.t3.micro", multiAZ: false), "ap-southeast-1", "0.028", "S7", .b),
        PriceRow(.rdsInstance(engine: "mysql", instanceClass: "db.t3.small", multiAZ: false), "ap-southeast-1", "0.052", "S7", .b),
        PriceRow(.rdsInstance(engine: "postgres", instanceClass: "db.t3.small", multiAZ: false), "ap-southeast-1", "0.056", "S7", .b),
        PriceRow(.rdsInstance(engine: "mysql", instanceClass: "db.t3.medium", multiAZ: false), "ap-southeast-1", "0.104", "S7", .b),
        PriceRow(.rdsInstance(engine: "postgres", instanceClass: "db.t3.medium", multiAZ: false), "ap-southeast-1", "0.112", "S7", .b),
        PriceRow(.rdsInstance(engine: "mysql", instanceClass: "db.t3.large", multiAZ: false), "ap-southeast-1", "0.208", "S7", .b),
        PriceRow(.rdsInstance(engine: "postgres", instanceClass: "db.t3.large", multiAZ: false), "ap-southeast-1", "0.224", "S7", .b),
        PriceRow(.rdsInstance(engine: "mysql", instanceClass: "db.m6g.large", multiAZ: false), "ap-southeast-1", "0.209", "S7", .b),
        PriceRow(.rdsInstance(engine: "postgres", instanceClass: "db.m6g.large", multiAZ: false), "ap-southeast-1", "0.221", "S7", .b),
        PriceRow(.rdsInstance(engine: "mysql", instanceClass: "db.m6g.xlarge", multiAZ: false), "ap-southeast-1", "0.418", "S7", .b),
        PriceRow(.rdsInstance(engine: "postgres", instanceClass: "db.m6g.xlarge", multiAZ: false), "ap-southeast-1", "0.441", "S7", .b),
        PriceRow(.rdsInstance(engine: "mysql", instanceClass: "db.r6g.xlarge", multiAZ: false), "ap-southeast-1", "0.51", "S7", .b),
        PriceRow(.rdsInstance(engine: "postgres", instanceClass: "db.r6g.xlarge", multiAZ: false), "ap-southeast-1", "0.54", "S7", .b),
        PriceRow(.rdsInstance(engine: "mysql", instanceClass: "db.r6g.2xlarge", multiAZ: false), "ap-southeast-1", "1.02", "S7", .b),
        PriceRow(.rdsInstance(engine: "postgres", instanceClass: "db.r6g.2xlarge", multiAZ: false), "ap-southeast-1", "1.079", "S7", .b),
        PriceRow(.rdsInstance(engine: "mysql", instanceClass: "db.r6g.large", multiAZ: false), "ap-southeast-1", "0.255", "S2", .a),
        PriceRow(.rdsInstance(engine: "mysql", instanceClass: "db.r6g.large", multiAZ: true), "ap-southeast-1", "0.51", "S2", .a),
        PriceRow(.rdsInstance(engine: "postgres", instanceClass: "db.r6g.large", multiAZ: false), "ap-southeast-1", "0.27", "S2", .a),
        PriceRow(.rdsInstance(engine: "postgres", instanceClass: "db.r6g.large", multiAZ: true), "ap-southeast-1", "0.54", "S2", .a),
        PriceRow(.rdsInstance(engine: "mysql", instanceClass: "db.t4g.micro", multiAZ: false), "ap-south-1", "0.021", "S2", .a),
        PriceRow(.rdsInstance(engine: "mysql", instanceClass: "db.t4g.micro", multiAZ: true), "ap-south-1", "0.042", "S2", .a),
        PriceRow(.rdsInstance(engine: "postgres", instanceClass: "db.t4g.micro", multiAZ: false), "ap-south-1", "0.021", "S2", .a),
        PriceRow(.rdsInstance(engine: "postgres", instanceClass: "db.t4g.micro", multiAZ: true), "ap-south-1", "0.042", "S2", .a),
        PriceRow(.rdsInstance(engine: "postgres", instanceClass: "db.t4g.small", multiAZ: false), "ap-south-1", "0.042", "S11", .b),
        PriceRow(.rdsInstance(engine: "postgres", instanceClass: "db.t4g.small", multiAZ: true), "ap-south-1", "0.084", "S11", .b),
        PriceRow(.rdsInstance(engine: "mysql", instanceClass: "db.t4g.medium", multiAZ: false), "ap-south-1", "0.084", "S2", .a),
        PriceRow(.rdsInstance(engine: "mysql", instanceClass: "db.t4g.medium", multiAZ: true), "ap-south-1", "0.167", "S2", .a),
        PriceRow(.rdsInstance(engine: "postgres", instanceClass: "db.t4g.medium", multiAZ: false), "ap-south-1", "0.084", "S2", .a),
        PriceRow(.rdsInstance(engine: "postgres", instanceClass: "db.t4g.medium", multiAZ: true), "ap-south-1", "0.167", "S2", .a),
        PriceRow(.rdsInstance(engine: "mysql", instanceClass: "db.t3.micro", multiAZ: false), "ap-south-1", "0.025", "S7", .b),
        PriceRow(.rdsInstance(engine: "postgres", instanceClass: "db.t3.micro", multiAZ: false), "ap-south-1", "0.026", "S7", .b),
        PriceRow(.rdsInstance(engine: "mysql", instanceClass: "db.t3.small", multiAZ: false), "ap-south-1", "0.049", "S7", .b),
        PriceRow(.rdsInstance(engine: "postgres", instanceClass: "db.t3.small", multiAZ: false), "ap-south-1", "0.053", "S7", .b),
        PriceRow(.rdsInstance(engine: "mysql", instanceClass: "db.t3.medium", multiAZ: false), "ap-south-1", "0.098", "S7", .b),
        PriceRow(.rdsInstance(engine: "postgres", instanceClass: "db.t3.medium", multiAZ: false), "ap-south-1", "0.106", "S7", .b),
        PriceRow(.rdsInstance(engine: "mysql", instanceClass: "db.t3.large", multiAZ: false), "ap-south-1", "0.196", "S7", .b),
        PriceRow(.rdsInstance(engine: "postgres", instanceClass: "db.t3.large", multiAZ: false), "ap-south-1", "0.212", "S7", .b),
        PriceRow(.rdsInstance(engine: "mysql", instanceClass: "db.m6g.large", multiAZ: false), "ap-south-1", "0.214", "S7", .b),
        PriceRow(.rdsInstance(engine: "postgres", instanceClass: "db.m6g.large", multiAZ: false), "ap-south-1", "0.226", "S7", .b),
        PriceRow(.rdsInstance(engine: "mysql", instanceClass: "db.m6g.xlarge", multiAZ: false), "ap-south-1", "0.428", "S7", .b),
        PriceRow(.rdsInstance(engine: "postgres", instanceClass: "db.m6g.xlarge", multiAZ: false), "ap-south-1", "0.452", "S7", .b),
        PriceRow(.rdsInstance(engine: "mysql", instanceClass: "db.r6g.xlarge", multiAZ: false), "ap-south-1", "0.483", "S7", .b),
        PriceRow(.rdsInstance(engine: "postgres", instanceClass: "db.r6g.xlarge", multiAZ: false), "ap-south-1", "0.513", "S7", .b),
        PriceRow(.rdsInstance(engine: "mysql", instanceClass: "db.r6g.2xlarge", multiAZ: false), "ap-south-1", "0.967", "S7", .b),
        PriceRow(.rdsInstance(engine: "postgres", instanceClass: "db.r6g.2xlarge", multiAZ: false), "ap-south-1", "1.025", "S7", .b),
        PriceRow(.rdsInstance(engine: "mysql", instanceClass: "db.r6g.large", multiAZ: false), "ap-south-1", "0.242", "S2", .a),
        PriceRow(.rdsInstance(engine: "mysql", instanceClass: "db.r6g.large", multiAZ: true), "ap-south-1", "0.483", "S2", .a),
        PriceRow(.rdsInstance(engine: "postgres", instanceClass: "db.r6g.large", multiAZ: false), "ap-south-1", "0.256", "S2", .a),
        PriceRow(.rdsInstance(engine: "postgres", instanceClass: "db.r6g.large", multiAZ: true), "ap-south-1", "0.513", "S2", .a),
        PriceRow(.rdsStorage(type: "gp3", multiAZ: false), "us-east-1", "0.115", "S1", .a),
        PriceRow(.rdsStorage(type: "gp3", multiAZ: false), "eu-west-1", "0.127", "S12", .b),
        PriceRow(.rdsStorage(type: "gp3", multiAZ: false), "ap-south-1", "0.131", "S11", .b),
        PriceRow(.rdsStorage(type: "gp3", multiAZ: true), "us-east-1", "0.23", "S1", .a),
        PriceRow(.rdsStorage(type: "gp2", multiAZ: false), "us-east-1", "0.115", "S2", .a),
        PriceRow(.rdsStorage(type: "gp2", multiAZ: true), "us-east-1", "0.23", "S2", .a),
        PriceRow(.rdsStorage(type: "gp2", multiAZ: false), "eu-west-1", "0.127", "S2", .a),
        PriceRow(.rdsStorage(type: "gp2", multiAZ: true), "eu-west-1", "0.253", "S2", .a),
        PriceRow(.rdsStorage(type: "gp2", multiAZ: false), "ap-southeast-1", "0.138", "S2", .a),
        PriceRow(.rdsStorage(type: "gp2", multiAZ: true), "ap-southeast-1", "0.276", "S2", .a),
        PriceRow(.rdsStorage(type: "gp2", multiAZ: false), "ap-south-1", "0.131", "S2", .a),
        PriceRow(.rdsStorage(type: "gp2", multiAZ: true), "ap-south-1", "0.262", "S2", .a),
        PriceRow(.rdsProvisionedIOPS(multiAZ: false), "us-east-1", "0.02", "S1", .a),
        PriceRow(.rdsProvisionedIOPS(multiAZ: true), "us-east-1", "0.04", "S1", .a),
        PriceRow(.rdsBackupStorage, "us-east-1", "0.095", "S1", .a),
        PriceRow(.rdsBackupStorage, "eu-west-1", "0.095", "S1", .a),
        PriceRow(.rdsBackupStorage, "ap-south-1", "0.095", "S11", .b),
        PriceRow(.fargateVCPU(arm: false), "us-east-1", "0.04048", "S1", .a),
        PriceRow(.fargateGB(arm: false), "us-east-1", "0.004445", "S1", .a),
        PriceRow(.fargateVCPU(arm: true), "us-east-1", "0.03238", "S10", .b),
        PriceRow(.fargateGB(arm: true), "us-east-1", "0.00356", "S10", .b),
        PriceRow(.fargateVCPU(arm: false), "eu-west-1", "0.04048", "S13", .b),
        PriceRow(.fargateGB(arm: false), "eu-west-1", "0.004445", "S13", .b),
        PriceRow(.fargateVCPU(arm: true), "eu-west-1", "0.03238", "S13", .b),
        PriceRow(.fargateGB(arm: true), "eu-west-1", "0.00356", "S13", .b),
        PriceRow(.fargateVCPU(arm: false), "ap-southeast-1", "0.05056", "S10", .b),
        PriceRow(.fargateGB(arm: false), "ap-southeast-1", "0.00553", "S10", .b),
        PriceRow(.fargateVCPU(arm: true), "ap-southeast-1", "0.04045", "S10", .b),
        PriceRow(.fargateGB(arm: true), "ap-southeast-1", "0.00442", "S10", .b),
        PriceRow(.fargateVCPU(arm: false), "ap-south-1", "0.04256", "S10", .b),
        PriceRow(.fargateGB(arm: false), "ap-south-1", "0.004655", "S10", .b),
        PriceRow(.fargateVCPU(arm: true), "ap-south-1", "0.02383", "S10", .b),
        PriceRow(.fargateGB(arm: true), "ap-south-1", "0.00261", "S10", .b),
        PriceRow(.albHour, "us-east-1", "0.0225", "S3", .a),
        PriceRow(.albHour, "eu-west-1", "0.0252", "S12", .b),
        PriceRow(.albLCUHour, "us-east-1", "0.008", "S3", .a),
        PriceRow(.natGatewayHour, "us-east-1", "0.045", "S2", .a),
        PriceRow(.natGatewayHour, "eu-west-1", "0.048", "S2", .a),
        PriceRow(.natGatewayHour, "ap-southeast-1", "0.059", "S2", .a),
        PriceRow(.natGatewayHour, "ap-south-1", "0.056", "S2", .a),
        PriceRow(.natGatewayGB, "us-east-1", "0.045", "S1", .a),
        PriceRow(.natGatewayGB, "ap-southeast-1", "0.059", "S10", .b),
        PriceRow(.natGatewayGB, "ap-south-1", "0.056", "S10", .b),
        PriceRow(.publicIPv4Hour, "us-east-1", "0.005", "S10", .b),
        PriceRow(.publicIPv4Hour, "eu-west-1", "0.005", "S10", .b),
        PriceRow(.publicIPv4Hour, "ap-southeast-1", "0.005", "S10", .b),
        PriceRow(.publicIPv4Hour, "ap-south-1", "0.005", "S10", .b),
        PriceRow(.dataTransferOutGB, "us-east-1", "0.09", "S1", .a),
        PriceRow(.dataTransferOutGB, "eu-west-1", "0.09", "S1", .a),
        PriceRow(.dataTransferOutGB, "ap-southeast-1", "0.12", "S1", .a),
        PriceRow(.dataTransferOutGB, "ap-south-1", "0.1093", "S1", .a),
        PriceRow(.dataTransferOutNext40TBGB, "us-east-1", "0.085", "S1", .a),
        PriceRow(.dataTransferOutNext40TBGB, "eu-west-1", "0.085", "S1", .a),
        PriceRow(.dataTransferOutNext40TBGB, "ap-southeast-1", "0.085", "S1", .a),
        PriceRow(.dataTransferOutNext40TBGB, "ap-south-1", "0.085", "S1", .a),
        PriceRow(.elastiCacheNode(engine: "redis", nodeType: "cache.t4g.micro"), "us-east-1", "0.016", "S8", .b),
        PriceRow(.elastiCacheNode(engine: "redis", nodeType: "cache.t4g.micro"), "eu-west-1", "0.017", "S8", .b),
        PriceRow(.elastiCacheNode(engine: "redis", nodeType: "cache.t4g.micro"), "ap-southeast-1", "0.024", "S8", .b),
        PriceRow(.elastiCacheNode(engine: "redis", nodeType: "cache.t4g.micro"), "ap-south-1", "0.020", "S8", .b),
        PriceRow(.elastiCacheNode(engine: "redis", nodeType: "cache.t4g.small"), "us-east-1", "0.032", "S8", .b),
        PriceRow(.elastiCacheNode(engine: "redis", nodeType: "cache.t4g.small"), "eu-west-1", "0.034", "S8", .b),
        PriceRow(.elastiCacheNode(engine: "redis", nodeType: "cache.t4g.small"), "ap-southeast-1", "0.048", "S8", .b),
        PriceRow(.elastiCacheNode(engine: "redis", nodeType: "cache.t4g.small"), "ap-south-1", "0.041", "S8", .b),
        PriceRow(.elastiCacheNode(engine: "redis", nodeType: "cache.t4g.medium"), "us-east-1", "0.065", "S8", .b),
        PriceRow(.elastiCacheNode(engine: "redis", nodeType: "cache.t4g.medium"), "eu-west-1", "0.068", "S8", .b),
        PriceRow(.elastiCacheNode(engine: "redis", nodeType: "cache.t4g.medium"), "ap-southeast-1", "0.095", "S8", .b),
        PriceRow(.elastiCacheNode(engine: "redis", nodeType: "cache.t4g.medium"), "ap-south-1", "0.081", "S8", .b),
        PriceRow(.elastiCacheNode(engine: "redis", nodeType: "cache.m6g.large"), "us-east-1", "0.149", "S8", .b),
        PriceRow(.elastiCacheNode(engine: "redis", nodeType: "cache.m6g.large"), "eu-west-1", "0.164", "S8", .b),
        PriceRow(.elastiCacheNode(engine: "redis", nodeType: "cache.m6g.large"), "ap-southeast-1", "0.185", "S8", .b),
        PriceRow(.elastiCacheNode(engine: "redis", nodeType: "cache.m6g.large"), "ap-south-1", "0.155", "S8", .b),
        PriceRow(.elastiCacheNode(engine: "redis", nodeType: "cache.r6g.large"), "us-east-1", "0.206", "S8", .b),
        PriceRow(.elastiCacheNode(engine: "redis", nodeType: "cache.r6g.large"), "eu-west-1", "0.229", "S8", .b),
        PriceRow(.elastiCacheNode(engine: "redis", nodeType: "cache.r6g.large"), "ap-southeast-1", "0.247", "S8", .b),
        PriceRow(.elastiCacheNode(engine: "redis", nodeType: "cache.r6g.large"), "ap-south-1", "0.211", "S8", .b),
        PriceRow(.elastiCacheNode(engine: "redis", nodeType: "cache.m6g.12xlarge"), "us-east-1", "3.557", "S1", .a),
        PriceRow(.elastiCacheNode(engine: "redis", nodeType: "cache.m6g.12xlarge"), "eu-west-1", "3.922", "S1", .a),
        PriceRow(.elastiCacheNode(engine: "redis", nodeType: "cache.m6g.12xlarge"), "ap-southeast-1", "4.424", "S1", .a),
        PriceRow(.elastiCacheNode(engine: "redis", nodeType: "cache.m6g.12xlarge"), "ap-south-1", "3.717", "S1", .a),
        PriceRow(.elastiCacheNode(engine: "valkey", nodeType: "cache.t4g.small"), "us-east-1", "0.0256", "S9", .b),
        PriceRow(.elastiCacheNode(engine: "valkey", nodeType: "cache.t4g.medium"), "us-east-1", "0.052", "S9", .b),
        PriceRow(.s3StandardGB, "us-east-1", "0.023", "S1", .a),
        PriceRow(.s3StandardIAGB, "us-east-1", "0.0125", "S1", .a),
        PriceRow(.s3PutPer1k, "us-east-1", "0.005", "S1", .a),
        PriceRow(.s3GetPer1k, "us-east-1", "0.0004", "S1", .a),
        PriceRow(.logsIngestionGB, "us-east-1", "0.50", "S1", .a),
        PriceRow(.logsIngestionGB, "eu-west-1", "0.57", "S1", .a),
        PriceRow(.logsStorageGB, "us-east-1", "0.03", "S1", .a),
        PriceRow(.logsStorageGB, "eu-west-1", "0.03", "S1", .a),
        PriceRow(.alarmStandard, "us-east-1", "0.10", "S1", .a),
        PriceRow(.customMetric, "us-east-1", "0.30", "S1", .a),
        PriceRow(.secret, "us-east-1", "0.40", "S1", .a),
        PriceRow(.kmsKey, "us-east-1", "1.00", "S1", .a),
        PriceRow(.wafWebACL, "us-east-1", "5.00", "S1", .a),
        PriceRow(.wafRule, "us-east-1", "1.00", "S1", .a),
        PriceRow(.wafMillionRequests, "us-east-1", "0.60", "S1", .a),
        PriceRow(.lambdaMillionRequests, "us-east-1", "0.20", "S2", .a),
        PriceRow(.lambdaGBSecond(arm: false), "us-east-1", "0.0000166667", "S2", .a),
        PriceRow(.lambdaMillionRequests, "eu-west-1", "0.20", "S2", .a),
        PriceRow(.lambdaGBSecond(arm: false), "eu-west-1", "0.0000166667", "S2", .a),
        PriceRow(.lambdaMillionRequests, "ap-southeast-1", "0.20", "S2", .a),
        PriceRow(.lambdaGBSecond(arm: false), "ap-southeast-1", "0.0000166667", "S2", .a),
        PriceRow(.lambdaMillionRequests, "ap-south-1", "0.20", "S2", .a),
        PriceRow(.lambdaGBSecond(arm: false), "ap-south-1", "0.0000166667", "S2", .a),
        PriceRow(.lambdaGBSecond(arm: true), "us-east-1", "0.0000133334", "S1", .a),
        PriceRow(.apiGatewayHTTPMillionRequests, "us-east-1", "1.00", "S2", .a),
        PriceRow(.apiGatewayHTTPMillionRequests, "eu-west-1", "1.11", "S2", .a),
        PriceRow(.apiGatewayHTTPMillionRequests, "ap-southeast-1", "1.25", "S2", .a),
        PriceRow(.apiGatewayHTTPMillionRequests, "ap-south-1", "1.05", "S2", .a),
    ]
}

/// Rows the sheet gives as tables across regions, transcribed table by table.
extension PriceCatalog {
    static let regions10 = [
        "eu-central-1", "us-west-2", "us-east-2", "eu-west-2", "ap-northeast-1", "ap-southeast-2", "us-east-1", "eu-west-1",
        "ap-southeast-1", "ap-south-1",
    ]

    /// §3.1 "Larger classes, all ten regions": Single-AZ MySQL / PostgreSQL from S7 (B), in the
    /// order of `regions10`. Rows already read from a fresher source above are not repeated.
    static let rdsLargerClasses: [(instanceClass: String, cells: [String])] = [
        ("db.m6g.large", ["0.18/0.189", "0.152/0.159", "0.152/0.159", "0.176/0.184", "0.209/0.221", "0.209/0.221"]),
        ("db.m6g.xlarge", ["0.361/0.379", "0.304/0.318", "0.304/0.318", "0.352/0.368", "0.418/0.441", "0.418/0.441"]),
        (
            "db.m6g.2xlarge",
            [
                "0.722/0.757", "0.608/0.636", "0.608/0.636", "0.704/0.736", "0.836/0.883", "0.836/0.883", "0.608/0.636", "0.672/0.704", "0.836/0.883",
                "0.857/0.904",
            ]
        ),
        ("db.r6g.xlarge", ["0.519/0.549", "0.43/0.45", "0.43/0.45", "0.501/0.529", "0.51/0.54", "0.51/0.54"]),
        ("db.r6g.2xlarge", ["1.038/1.097", "0.859/0.899", "0.859/0.899", "1.002/1.057", "1.02/1.079", "1.02/1.079"]),
        (
            "db.r6g.4xlarge",
            [
                "2.076/2.194", "1.718/1.798", "1.718/1.798", "2.005/2.115", "2.041/2.158", "2.041/2.158", "1.718/1.798", "1.897/2.014", "2.041/2.158",
                "1.933/2.05",
            ]
        ),
    ]

    /// §3.1 "New regions (2026-12)": S21 (A), MySQL Single / Multi, PostgreSQL Single / Multi.
    static let rdsNewRegions: [(region: String, instanceClass: String, cells: String)] = [
        ("eu-central-1", "db.t4g.micro", "0.019/0.037/0.019/0.037"), ("eu-central-1", "db.t4g.medium", "0.074/0.149/0.074/0.149"),
        ("eu-central-1", "db.r6g.large", "0.26/0.519/0.274/0.549"),
        ("us-west-2", "db.t4g.micro", "0.016/0.032/0.016/0.032"), ("us-west-2", "db.t4g.medium", "0.065/0.129/0.065/0.129"),
        ("us-west-2", "db.r6g.large", "0.215/0.43/0.225/0.45"),
        ("us-east-2", "db.t4g.micro", "0.016/0.032/0.016/0.032"), ("us-east-2", "db.t4g.medium", "0.065/0.129/0.065/0.129"),
        ("us-east-2", "db.r6g.large", "0.215/0.43/0.225/0.45"),
        ("eu-west-2", "db.t4g.micro", "0.018/0.036/0.018/0.036"), ("eu-west-2", "db.t4g.medium", "0.072/0.145/0.072/0.145"),
        ("eu-west-2", "db.r6g.large", "0.251/0.501/0.264/0.529"),
        ("ap-northeast-1", "db.t4g.micro", "0.025/0.05/0.025/0.05"), ("ap-northeast-1", "db.t4g.medium", "0.101/0.202/0.101/0.202"),
        ("ap-northeast-1", "db.r6g.large", "0.255/0.51/0.27/0.54"),
        ("ap-southeast-2", "db.t4g.micro", "0.025/0.051/0.025/0.051"), ("ap-southeast-2", "db.t4g.medium", "0.102/0.203/0.102/0.203"),
        ("ap-southeast-2", "db.r6g.large", "0.255/0.51/0.27/0.54"),
    ]

    /// §3.5 data transfer out tiers (S1 `data_transfer`, A): first 10 TB / next 40 TB / next 100 TB /
    /// over 150 TB, and cross-AZ per GB, in the order of `regions10`; "-" where the sheet has no figure.
    static let transferTiers: [String] = [
        "0.09/0.085/0.07/0.05/0.01", "0.09/0.085/0.07/0.05/0.01", "0.09/0.085/0.07/0.05/0.01", "0.09/0.085/0.07/0.05/0.01",
        "0.114/0.089/0.086/0.084/0.01", "0.114/0.098/0.094/0.092/0.01", "0.09/0.085/0.07/-/0.01", "0.09/0.085/0.07/0.05/0.01",
        "0.12/0.085/0.082/0.08/0.01", "0.1093/0.085/0.082/0.08/0.01",
    ]

    /// §3.2 Aurora provisioned instances, Aurora Standard, all ten regions (S7, B), in the order of
    /// `regions10`; Aurora MySQL and PostgreSQL have the same price in every cell.
    static let auroraInstances: [(instanceClass: String, cells: [String])] = [
        ("db.r6g.large", ["0.313", "0.26", "0.26", "0.304", "0.313", "0.313", "0.26", "0.286", "0.313", "0.295"]),
        ("db.r6g.xlarge", ["0.627", "0.519", "0.519", "0.609", "0.627", "0.627", "0.519", "0.573", "0.627", "0.591"]),
        ("db.r6g.2xlarge", ["1.253", "1.038", "1.038", "1.217", "1.253", "1.253", "1.038", "1.146", "1.253", "1.181"]),
        ("db.r6g.4xlarge", ["2.506", "2.076", "2.076", "2.434", "2.506", "2.506", "2.076", "2.291", "2.506", "2.363"]),
        ("db.t3.medium", ["0.096", "0.082", "0.082", "0.093", "0.125", "0.125", "0.082", "0.088", "0.126", "0.118"]),
        ("db.t3.large", ["0.192", "0.164", "0.164", "0.186", "0.25", "0.25", "0.164", "0.176", "0.252", "0.236"]),
    ]

    /// §3.11 DynamoDB and §3.12 DocumentDB storage and I/O.
    static let serviceRows: [PriceRow] = [
        PriceRow(.dynamoDBWriteMillion, "us-east-1", "0.625", "S1", .a),
        PriceRow(.dynamoDBWriteMillion, "us-east-2", "0.625", "S1", .a),
        PriceRow(.dynamoDBReadMillion, "us-east-1", "0.125", "S1", .a),
        PriceRow(.dynamoDBReadMillion, "us-east-2", "0.125", "S1", .a),
        PriceRow(.dynamoDBWCUHour, "us-east-1", "0.00065", "S1", .b),
        PriceRow(.dynamoDBWCUHour, "us-east-2", "0.00065", "S1", .a),
        PriceRow(.dynamoDBRCUHour, "us-east-1", "0.00013", "S1", .b),
        PriceRow(.dynamoDBRCUHour, "us-east-2", "0.00013", "S1", .a),
        PriceRow(.dynamoDBStorageGB, "us-east-1", "0.25", "S1", .a),
        PriceRow(.dynamoDBStorageGB, "us-east-2", "0.25", "S1", .a),
        PriceRow(.dynamoDBBackupGB, "us-east-1", "0.20", "S1", .a),
        PriceRow(.dynamoDBBackupGB, "us-east-2", "0.20", "S1", .a),
        PriceRow(.auroraStorageGB, "us-east-1", "0.10", "S1", .a),
        PriceRow(.auroraIOMillion, "us-east-1", "0.20", "S1", .a),
        PriceRow(.auroraServerlessACUHour, "us-east-1", "0.12", "S1", .a),
        PriceRow(.documentDBStorageGB, "us-east-1", "0.10", "S27", .c),
        PriceRow(.documentDBStorageGB, "us-east-2", "0.10", "S1", .a),
        PriceRow(.documentDBStorageGB, "eu-central-1", "0.119", "S27", .c),
        PriceRow(.documentDBIOMillion, "us-east-1", "0.20", "S27", .c),
        PriceRow(.documentDBIOMillion, "us-east-2", "0.20", "S1", .a),
        PriceRow(.documentDBIOMillion, "eu-central-1", "0.22", "S27", .c),
    ]

    /// Every table above as catalog rows.
    static let tableRows: [PriceRow] = {
        var rows: [PriceRow] = []
        for (instanceClass, cells) in rdsLargerClasses {
            for (region, cell) in zip(regions10, cells) {
                let parts = cell.split(separator: "/").map(String.init)
                rows.append(PriceRow(.rdsInstance(engine: "mysql", instanceClass: instanceClass, multiAZ: false), region, parts[0], "S7", .b))
                rows.append(PriceRow(.rdsInstance(engine: "postgres", instanceClass: instanceClass, multiAZ: false), region, parts[1], "S7", .b))
            }
        }
        for (instanceClass, cells) in auroraInstances {
            for (region, cell) in zip(regions10, cells) {
                rows.append(PriceRow(.auroraInstance(instanceClass: instanceClass), region, cell, "S7", .b))
            }
        }
        for (region, instanceClass, cells) in rdsNewRegions {
            let parts = cells.split(separator: "/").map(String.init)
            for (index, (engine, multiAZ)) in [("mysql", false), ("mysql", true), ("postgres", false), ("postgres", true)].enumerated() {
                rows.append(PriceRow(.rdsInstance(engine: engine, instanceClass: instanceClass, multiAZ: multiAZ), region, parts[index], "S21", .a))
            }
        }
        let transfer: [PriceKey] = [
            .dataTransferOutGB, .dataTransferOutNext40TBGB, .dataTransferOutNext100TBGB, .dataTransferOutOver150TBGB, .crossAZGB,
        ]
        for (region, cells) in zip(regions10, transferTiers) {
            for (key, cell) in zip(transfer, cells.split(separator: "/").map(String.init)) where cell != "-" {
                rows.append(PriceRow(key, region, cell, "S1", .a))
            }
        }
        return rows + serviceRows
    }()
}
