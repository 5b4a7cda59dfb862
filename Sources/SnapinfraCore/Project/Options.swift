/// How to build: preferences, budget, cloud, region, targets, environment, enhancement settings.
public struct Options: Sendable, Hashable, Codable {
    public var preferences: Preferences
    /// USD per month.
    public var budget: Double?
    public var cloud: Cloud
    public var region: String
    public var targets: [Target]
    public var environment: Environment
    public var enableAIEnhancements: Bool
    public var enhancementFocus: [EnhancementCategory]
    public var autoApplyEnhancements: Bool

    public static let defaultRegion = "us-east-1"
    public static let defaultTargets: [Target] = [.terraform, .dockerCompose]

    public init(
        preferences: Preferences = Preferences(),
        budget: Double? = nil,
        cloud: Cloud = .aws,
        region: String = Options.defaultRegion,
        targets: [Target] = Options.defaultTargets,
        environment: Environment = .development,
        enableAIEnhancements: Bool = true,
        enhancementFocus: [EnhancementCategory] = EnhancementCategory.allCases,
        autoApplyEnhancements: Bool = false
    ) {
        self.preferences = preferences
        self.budget = budget
        self.cloud = cloud
        self.region = region
        self.targets = targets
        self.environment = environment
        self.enableAIEnhancements = enableAIEnhancements
        self.enhancementFocus = enhancementFocus
        self.autoApplyEnhancements = autoApplyEnhancements
    }
}

/// What the user leans on: price, size, regulation.
public struct Preferences: Sendable, Hashable, Codable {
    public var cost: CostPreference
    public var scale: Scale
    public var compliance: [Compliance]

    public init(cost: CostPreference = .balanced, scale: Scale = .startup, compliance: [Compliance] = []) {
        self.cost = cost
        self.scale = scale
        self.compliance = compliance
    }
}

public enum CostPreference: String, Sendable, Hashable, Codable, CaseIterable {
    case minimal, balanced, performance
}

public enum Scale: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case prototype, startup, growth, enterprise

    /// 0 for the smallest scale, rising with size.
    public var rank: Int {
        switch self {
        case .prototype: return 0
        case .startup: return 1
        case .growth: return 2
        case .enterprise: return 3
        }
    }

    public static func < (lhs: Scale, rhs: Scale) -> Bool { lhs.rank < rhs.rank }
}

public enum Compliance: String, Sendable, Hashable, Codable, CaseIterable {
    case gdpr, hipaa
    case pciDss = "pci-dss"
    case soc2
}

public enum Cloud: String, Sendable, Hashable, Codable, CaseIterable {
    case aws, gcp, azure
}

/// A kind of output to render.
public enum Target: String, Sendable, Hashable, Codable, CaseIterable {
    case terraform
    case dockerCompose = "docker-compose"
    case kubernetes
    case pulumi

}

public enum Environment: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case development, staging, production

    /// 0 for development, 2 for production.
    public var rank: Int {
        switch self {
        case .development: return 0
        case .staging: return 1
        case .production: return 2
        }
    }

    public static func < (lhs: Environment, rhs: Environment) -> Bool { lhs.rank < rhs.rank }
}

public enum EnhancementCategory: String, Sendable, Hashable, Codable, CaseIterable {
    case security, cost, performance, monitoring, reliability
}
