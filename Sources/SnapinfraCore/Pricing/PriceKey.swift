/// One priced thing: "an RDS PostgreSQL db.t4g.micro instance-hour, Multi-AZ".
public enum PriceKey: Sendable, Hashable, Codable {
    /// Instance-hour. `engine` is "postgres" or "mysql" (the catalog's two RDS engines).
    case rdsInstance(engine: String, instanceClass: String, multiAZ: Bool)
    /// Per GB-month; `type` is "gp3" or "gp2".
    case rdsStorage(type: String, multiAZ: Bool)
    /// gp3 IOPS above the included baseline, per IOPS-month.
    case rdsProvisionedIOPS(multiAZ: Bool)
    /// Backup storage beyond the free amount, per GB-month.
    case rdsBackupStorage
    /// Per vCPU-hour or per GB-hour; `arm` for Graviton.
    case fargateVCPU(arm: Bool)
    case fargateGB(arm: Bool)
    case albHour
    case albLCUHour
    case natGatewayHour
    case natGatewayGB
    case publicIPv4Hour
    /// Data transfer out to the internet, first 10 TB tier, per GB.
    case dataTransferOutGB
    /// Data transfer out to the internet, next 40 TB tier, per GB.
    case dataTransferOutNext40TBGB
    /// Data transfer out to the internet, next 100 TB and over 150 TB, per GB.
    case dataTransferOutNext100TBGB
    case dataTransferOutOver150TBGB
    /// Data between availability zones in a region, per GB in each direction.
    case crossAZGB
    /// Node-hour; `engine` is "redis" or "valkey".
    case elastiCacheNode(engine: String, nodeType: String)
    case s3StandardGB
    /// S3 Standard-IA storage, per GB-month.
    case s3StandardIAGB
    case s3PutPer1k
    case s3GetPer1k
    case logsIngestionGB
    case logsStorageGB
    case alarmStandard
    /// CloudWatch custom or detailed-monitoring metric, per metric-month.
    case customMetric
    case secret
    case kmsKey
    /// An interface VPC endpoint, per endpoint per zone-hour, and its data processed per GB.
    case interfaceEndpointHour
    case interfaceEndpointGB
    /// KMS symmetric requests, per 10,000.
    case kmsRequestsPer10k
    /// X-Ray traces recorded, per million.
    case xrayTracesMillion
    case wafWebACL
    case wafRule
    case wafMillionRequests
    case lambdaMillionRequests
    case lambdaGBSecond(arm: Bool)
    case apiGatewayHTTPMillionRequests
    /// DynamoDB on-demand request units, per million; provisioned capacity units, per hour.
    case dynamoDBWriteMillion
    case dynamoDBReadMillion
    case dynamoDBWCUHour
    case dynamoDBRCUHour
    /// DynamoDB Standard table storage and point-in-time recovery, per GB-month.
    case dynamoDBStorageGB
    case dynamoDBBackupGB
    /// Aurora (MySQL or PostgreSQL, Aurora Standard) instance-hour; storage per GB-month used; I/O
    /// per million requests; Serverless v2 per ACU-hour.
    case auroraInstance(instanceClass: String)
    case auroraStorageGB
    case auroraIOMillion
    case auroraServerlessACUHour
    /// DocumentDB instance-hour (one instance; a cluster of two is two).
    case documentDBInstance(instanceClass: String)
    /// DocumentDB storage per GB-month and I/O per million requests.
    case documentDBStorageGB
    case documentDBIOMillion
    /// The EKS control plane, per cluster-hour, on a version in standard support.
    case eksClusterHour
    /// An EC2 instance-hour, Linux, on-demand, shared tenancy (an EKS node).
    case ec2Instance(type: String)
    /// EBS gp3 volume storage, per GB-month (a node's root volume).
    case ebsGP3GB
}
