/// The sizing choices a language model may make, each with the values it may pick from.
///
/// The model never writes a design: it picks values from these lists for the design the rules
/// engine built, so everything outside the menu (network shape, encryption, ingress) stays as the
/// rules and guard rails made it. The allowed values already carry policy (production keeps
/// Multi-AZ, audit regimes keep 35 days of backups), so a valid reply is a safe design.
public struct DesignMenu: Sendable, Hashable {
    /// One setting and what it may be.
    public struct Item: Sendable, Hashable {
        public enum Allowed: Sendable, Hashable {
            case oneOf([String])
            case integer(ClosedRange<Int>)

            /// How the prompt and messages show the allowed values.
            public var text: String {
                switch self {
                case .oneOf(let values): return values.joined(separator: "|")
                case .integer(let range): return "\(range.lowerBound)..\(range.upperBound)"
                }
            }

            func admits(_ value: String) -> Bool {
                switch self {
                case .oneOf(let values): return values.contains(value)
                case .integer(let range): return Int(value).map(range.contains) ?? false
                }
            }
        }

        /// `resource.setting`, as the reply names it.
        public var setting: String
        /// The rules engine's value, shown to the model as the baseline.
        public var current: String
        public var allowed: Allowed
    }

    public var items: [Item]

    public func item(_ setting: String) -> Item? { items.first { $0.setting == setting } }

    /// The menu for a rules design.
    public init(design: InfrastructureDesign, input: DesignInput) {
        var items: [Item] = []
        let production = input.isProduction
        if let db = design.database, db.service != .dynamoDB, let instanceClass = db.instanceClass {
            let classes = db.service == .rds ? DatabaseSizing.rdsClasses : DatabaseSizing.documentDBClasses
            items.append(Item(setting: "database.instanceClass", current: instanceClass, allowed: .oneOf(classes.map(\.value))))
            let least = max(20, Int(input.analysis.dataSizeIn3MonthsGB.rounded(.up)))
            items.append(Item(setting: "database.storageGB", current: "\(db.storageGB)", allowed: .integer(least...max(least, 16_384))))
            if !production {
                items.append(Item(setting: "database.multiAZ", current: "\(db.multiAZ)", allowed: .oneOf(["false", "true"])))
            }
            let leastDays = production ? (input.needsAuditRetention ? 35 : 7) : 1
            if leastDays < 35 {
                items.append(Item(setting: "database.backupRetentionDays", current: "\(db.backupRetentionDays)", allowed: .integer(leastDays...35)))
            }
            if db.service == .rds {
                items.append(Item(setting: "database.readReplicas", current: "\(db.readReplicas)", allowed: .integer(0...2)))
            }
        }
        if let compute = design.compute {
            if compute.platform == .fargate {
                let sizes = ComputeRules.fargateSizes.map { "\($0.cpu)/\($0.memory)" }
                items.append(Item(setting: "compute.taskSize", current: "\(compute.cpuUnits)/\(compute.memoryMB)", allowed: .oneOf(sizes)))
                let least = production ? (design.network?.availabilityZones ?? 2) : 1
                let most = max(10, compute.minCount * 2)
                items.append(Item(setting: "compute.minCount", current: "\(compute.minCount)", allowed: .integer(least...most)))
                items.append(
                    Item(setting: "compute.maxCount", current: "\(compute.maxCount)", allowed: .integer(least...max(30, compute.maxCount * 2))))
            } else {
                items.append(Item(setting: "compute.memoryMB", current: "\(compute.memoryMB)", allowed: .oneOf(["512", "1024", "1536", "2048"])))
            }
        }
        if let cache = design.cache {
            items.append(Item(setting: "cache.nodeType", current: cache.nodeType, allowed: .oneOf(CacheRules.nodes.map(\.value))))
        }
        if let network = design.network, network.natGateways > 0 {
            items.append(Item(setting: "network.natGateways", current: "\(network.natGateways)", allowed: .integer(1...network.availabilityZones)))
        }
        if let monitoring = design.monitoring {
            let least = production ? 365 : 7
            let values = [7, 14, 30, 60, 90, 180, 365, 731].filter { $0 >= least }.map(String.init)
            if values.count > 1 {
                items.append(Item(setting: "monitoring.logRetentionDays", current: "\(monitoring.logRetentionDays)", allowed: .oneOf(values)))
            }
        }
        self.items = items
    }
}
