import Foundation

/// Rules no proposer can break — the rules engine, a language model, an enhancement or a user's
/// toggle: no SSH or RDP open to the world, no public buckets, no unencrypted production database,
/// no IAM users or long-lived access keys. Checked on the design and again on the rendered files.
public enum GuardRails {
    /// Violations in a design.
    public static func check(_ design: InfrastructureDesign) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for (index, resource) in design.resources.enumerated() {
            let path = "design.resources[\(index)].properties"
            switch resource.spec {
            case .database(let db) where !db.storageEncrypted && design.environment == .production:
                problems.append(.error("\(path).storageEncrypted", "guard rail: a production database must be encrypted at rest"))
            case .objectStorage(let bucket) where !bucket.blockPublicAccess:
                problems.append(.error("\(path).blockPublicAccess", "guard rail: buckets must block public access"))
            default:
                break
            }
        }
        return problems
    }

    /// Violations in rendered Terraform: IAM users and access keys, world-open SSH/RDP, public ACLs.
    public static func check(_ files: [RenderedFile]) -> [Diagnostic] {
        check(ParsedTerraform(files))
    }

    /// The same, on parsed files.
    public static func check(_ module: ParsedTerraform) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for file in module.files {
            for block in file.body.blocks where block.type == "resource" && block.labels.count == 2 {
                let resource = TerraformBlock(block)
                let type = resource.type
                if type == "aws_iam_user" || type == "aws_iam_access_key" || type == "aws_iam_user_login_profile" {
                    problems.append(
                        .error(file.path, "guard rail: \(type) is not allowed; use roles, not users or long-lived keys", at: block.position))
                }
                if ["aws_s3_bucket_acl", "aws_s3_bucket"].contains(type),
                    resource.hasValue("\"public-read\"") || resource.hasValue("\"public-read-write\"")
                {
                    problems.append(.error(file.path, "guard rail: buckets must not be public", at: block.position))
                }
                var ingress: [HCLBlock] = []
                if type == "aws_vpc_security_group_ingress_rule" { ingress = [block] }
                if type == "aws_security_group_rule", resource.top("type") == "\"ingress\"" { ingress = [block] }
                if type == "aws_security_group" { ingress = block.body.blocks.filter { $0.type == "ingress" } }
                for rule in ingress where opensAdminPortToTheWorld(TerraformBlock(rule)) {
                    problems.append(.error(file.path, "guard rail: SSH (22) or RDP (3389) must not be open to the world", at: rule.position))
                }
            }
        }
        return problems
    }

    /// Whether an ingress rule admits the world on 22 or 3389 (or on every port).
    static func opensAdminPortToTheWorld(_ rule: TerraformBlock) -> Bool {
        let cidrs = ["cidr_ipv4", "cidr_ipv6", "cidr_blocks", "ipv6_cidr_blocks"].compactMap(rule.value)
        guard cidrs.contains(where: { $0.contains("0.0.0.0/0") || $0.contains("::/0") }) else { return false }
        let proto = rule.value("ip_protocol") ?? rule.value("protocol")
        if proto == "\"-1\"" || proto == "\"all\"" || proto == "-1" { return true }
        guard let from = rule.integer("from_port"), let to = rule.integer("to_port") else { return false }
        let range = from...max(from, to)
        return range.contains(22) || range.contains(3_389)
    }
}
