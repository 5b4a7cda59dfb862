import Foundation

/// The one place that turns user text into identifiers for generated files.
///
/// Every result is non-empty, ASCII, and free of quotes, `${`, `%{`, `/`, `..`, white space,
/// control and bidirectional characters. Text with nothing usable left (an all-emoji name) becomes
/// a stable short hash of the original, so the same input always gives the same name.
public enum Naming {
    /// Lower-case ASCII words of a text: accents dropped, full-width folded, camelCase split.
    public static func words(_ text: String) -> [String] {
        let folded = text.precomposedStringWithCompatibilityMapping
            .folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil)
        var words: [String] = []
        var current = ""
        var previous: Character?
        for character in folded {
            guard character.isASCII, character.isLetter || character.isNumber else {
                if !current.isEmpty { words.append(current) }
                current = ""
                previous = nil
                continue
            }
            if let previous, character.isUppercase, previous.isLowercase || previous.isNumber, !current.isEmpty {
                words.append(current)
                current = ""
            }
            current.append(Character(character.lowercased()))
            previous = character
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// Six base-36 characters derived from the text (FNV-1a), stable across runs and machines.
    public static func shortHash(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let digits = Array("0123456789abcdefghijklmnopqrstuvwxyz")
        var out = ""
        for _ in 0..<6 {
            out.append(digits[Int(hash % 36)])
            hash /= 36
        }
        return out
    }

    /// `words` joined by `separator`, or `p` + separator + hash when no word is left.
    static func joined(_ text: String, separator: String) -> String {
        let parts = words(text)
        return parts.isEmpty ? "p\(separator)\(shortHash(text))" : parts.joined(separator: separator)
    }

    /// A Terraform block label or local name: `snake_case`, starting with a letter.
    public static func terraformIdentifier(_ text: String) -> String {
        startWithLetter(joined(text, separator: "_"), separator: "_")
    }

    /// An upper-case environment variable name: `DATABASE_URL`.
    public static func environmentVariable(_ text: String) -> String {
        terraformIdentifier(text).uppercased()
    }

    /// A Docker Compose service or volume name: lower-case words joined by `-`.
    public static func composeService(_ text: String) -> String {
        startWithLetter(joined(text, separator: "-"), separator: "-")
    }

    /// A file name made of the text's words, with an optional extension (`"yaml"`).
    public static func fileName(_ text: String, extension ext: String? = nil) -> String {
        let base = String(joined(text, separator: "-").prefix(100))
        guard let ext else { return base }
        let cleanExt = words(ext).joined()
        return cleanExt.isEmpty ? base : "\(base).\(cleanExt)"
    }

    /// The `-` separated slug of a text: `My Shop!` → `my-shop`.
    public static func slug(_ text: String) -> String {
        joined(text, separator: "-")
    }

    /// An AWS resource name built from a project name and fixed suffix words, inside the limits
    /// of the service. The project part is shortened first (with a hash to stay unique) so the
    /// suffix, which tells resources apart, is always kept.
    public static func awsName(_ project: String, _ suffix: String..., kind: AWSNameKind = .generic) -> String {
        let suffixWords = suffix.flatMap { words($0) }
        let tail = suffixWords.isEmpty ? "" : "-" + suffixWords.joined(separator: "-")
        var head = startWithLetter(slug(project), separator: "-")
        let limit = kind.maxLength
        if head.count + tail.count > limit {
            let hash = shortHash(project)
            let room = max(1, limit - tail.count - hash.count - 1)
            head = String(head.prefix(room))
            while head.hasSuffix("-") { head.removeLast() }
            head = head.isEmpty ? "p-\(hash)" : "\(head)-\(hash)"
            if head.count + tail.count > limit { head = String(head.prefix(max(1, limit - tail.count))) }
        }
        var name = head + tail
        if name.count > limit { name = String(name.prefix(limit)) }
        while name.hasSuffix("-") { name.removeLast() }
        while name.contains("--") { name = name.replacingOccurrences(of: "--", with: "-") }
        if name.count < kind.minLength { name += "-" + shortHash(project) }
        return name
    }

    private static func startWithLetter(_ name: String, separator: String) -> String {
        guard let first = name.first, first.isLetter else { return "p\(separator)\(name)" }
        return name
    }
}

/// AWS resource types whose names have their own length rules.
public enum AWSNameKind: Sendable, Hashable, CaseIterable {
    /// S3 bucket: 3–63 lower-case letters, digits and `-`.
    case s3Bucket
    /// RDS DB identifier: 1–63, letter first, no `--`, no trailing `-`.
    case rdsIdentifier
    /// Application load balancer: 32.
    case loadBalancer
    /// ELB target group: 32.
    case targetGroup
    /// ElastiCache replication group: 40.
    case elasticache
    /// IAM role: 64.
    case iamRole
    /// Anything else (ECS cluster, security group, secret, log group…): kept to 63 for readability.
    case generic

    public var maxLength: Int {
        switch self {
        case .s3Bucket, .rdsIdentifier, .generic: return 63
        case .loadBalancer, .targetGroup: return 32
        case .elasticache: return 40
        case .iamRole: return 64
        }
    }

    public var minLength: Int { self == .s3Bucket ? 3 : 1 }
}
