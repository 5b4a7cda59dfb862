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
        var problems: [Diagnostic] = []
        for file in files where file.path.hasSuffix(".tf") {
            guard let body = try? HCLParser.parse(file.content) else { continue }
            for block in body.blocks where block.type == "resource" && block.labels.count == 2 {
                let type = block.labels[0]
                if type == "aws_iam_user" || type == "aws_iam_access_key" || type == "aws_iam_user_login_profile" {
                    problems.append(
                        .error(file.path, "guard rail: \(type) is not allowed; use roles, not users or long-lived keys", at: block.position))
                }
                if ["aws_s3_bucket_acl", "aws_s3_bucket"].contains(type), publicACL(in: file.content, near: block.position) {
                    problems.append(.error(file.path, "guard rail: buckets must not be public", at: block.position))
                }
                var ingress: [HCLBlock] = []
                if type == "aws_vpc_security_group_ingress_rule" { ingress = [block] }
                if type == "aws_security_group_rule", text(of: block, in: file.content).contains("\"ingress\"") { ingress = [block] }
                if type == "aws_security_group" { ingress = block.body.blocks.filter { $0.type == "ingress" } }
                for rule in ingress where opensAdminPortToTheWorld(text(of: rule, in: file.content)) {
                    problems.append(.error(file.path, "guard rail: SSH (22) or RDP (3389) must not be open to the world", at: rule.position))
                }
            }
        }
        return problems
    }

    /// The text of a block, from its first line to the matching closing brace.
    static func text(of block: HCLBlock, in content: String) -> String {
        let lines = content.components(separatedBy: "\n")
        var depth = 0
        var out: [String] = []
        for line in lines.dropFirst(block.position.line - 1) {
            out.append(line)
            depth += HCLFormatter.Scan(line).net
            if depth <= 0 && out.count > 1 { break }
            if depth <= 0 && line.contains("{") && line.contains("}") { break }
        }
        return out.joined(separator: "\n")
    }

    private static func publicACL(in content: String, near position: SourcePosition) -> Bool {
        let line = content.components(separatedBy: "\n").dropFirst(position.line - 1).prefix(12).joined(separator: "\n")
        return line.contains("\"public-read\"") || line.contains("\"public-read-write\"")
    }

    /// Whether an ingress rule's text admits the world on 22 or 3389 (or on every port).
    static func opensAdminPortToTheWorld(_ text: String) -> Bool {
        guard text.contains("0.0.0.0/0") || text.contains("::/0") else { return false }
        if text.contains("\"-1\"") || text.contains("\"all\"") { return true }
        guard let from = value(of: "from_port", in: text), let to = value(of: "to_port", in: text) else { return false }
        let range = from...max(from, to)
        return range.contains(22) || range.contains(3_389)
    }

    private static func value(of key: String, in text: String) -> Int? {
        for line in text.components(separatedBy: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix(key) else { continue }
            let digits = trimmed.drop { !$0.isNumber }.prefix { $0.isNumber }
            return Int(digits)
        }
        return nil
    }
}
