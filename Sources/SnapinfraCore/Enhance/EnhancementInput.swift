/// A value a suggestion needs from the user before it works: an address for alarms, a certificate.
/// It goes into `terraform.tfvars.example` and the manifest, never into the code, and it is never a
/// secret (a value that must stay secret is created where DEPLOY.md says).
public enum EnhancementInput: String, Sendable, Hashable, Codable, CaseIterable {
    case alarmEmail = "alarm_email"
    case budgetEmail = "budget_email"
    case certificateARN = "certificate_arn"

    /// The Terraform variable it fills.
    public var variable: String { rawValue }

    /// What to type, for a prompt: `an email address for the alarms`.
    public var label: String {
        switch self {
        case .alarmEmail: return "the email address alarms go to"
        case .budgetEmail: return "the email address budget alerts go to"
        case .certificateARN: return "the ACM certificate ARN for HTTPS"
        }
    }

    /// The placeholder `terraform.tfvars.example` shows without a value.
    public func example(region: String) -> String {
        switch self {
        case .alarmEmail: return "oncall@example.com"
        case .budgetEmail: return "billing@example.com"
        case .certificateARN: return "arn:aws:acm:\(region):123456789012:certificate/00000000-0000-0000-0000-000000000000"
        }
    }

    /// Why a value is refused, or nil: the same rules as the variable's validation block.
    public func problem(_ value: String) -> String? {
        let text = value.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return "\(variable): type \(label), or Esc" }
        guard text.count <= 320, text.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }) else {
            return "\(variable): printable ASCII without spaces, at most 320 characters"
        }
        switch self {
        case .alarmEmail, .budgetEmail:
            let parts = text.split(separator: "@", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix(".") else {
                return "\(variable): \(DisplayText.quoted(text)) is not an email address"
            }
        case .certificateARN:
            let parts = text.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 6, parts[0] == "arn", parts[1].hasPrefix("aws"), parts[2] == "acm", parts[5].hasPrefix("certificate/") else {
                return "\(variable): \(DisplayText.quoted(text)) is not an ACM certificate ARN (arn:aws:acm:REGION:ACCOUNT:certificate/ID)"
            }
        }
        return nil
    }
}
