/// For each compliance regime the project names, each control it asks for and where the design
/// stands: satisfied, satisfied once a suggested enhancement is applied, or waived with the reason.
public struct ComplianceChecklist: Sendable, Hashable, Codable {
    public enum Status: String, Sendable, Hashable, Codable {
        case satisfied
        case afterEnhancement = "after-enhancement"
        case waived
    }

    public struct Item: Sendable, Hashable, Codable {
        public var profile: Compliance
        public var control: String
        public var title: String
        public var status: Status
        /// The enhancement that satisfies it (status after-enhancement).
        public var enhancement: String?
        /// Why it is waived, or why the enhancement is not offered.
        public var note: String?
    }

    public var items: [Item]

    /// `offered`: the ids of the suggestions for the design (`EnhancementEngine.offeredIDs`).
    public init(result: DesignResult, file: ProjectFile, offered: [String]) {
        let offered = Set(offered)
        var items: [Item] = []
        for profile in file.options.preferences.compliance {
            for requirement in ComplianceProfiles.profiles[profile] ?? [] where requirement.applies(result.design) {
                var item = Item(profile: profile, control: requirement.id, title: requirement.title, status: .satisfied)
                if requirement.met(result.design) {
                    items.append(item)
                    continue
                }
                if let reason = requirement.waiver(result.design) {
                    item.status = .waived
                    item.note = reason
                } else if let id = requirement.enhancement {
                    item.status = .afterEnhancement
                    item.enhancement = id
                    if !offered.contains(id) { item.note = "add its category to options.enhancementFocus to have it suggested" }
                } else {
                    item.status = .waived
                    item.note = "no enhancement covers it"
                }
                items.append(item)
            }
        }
        self.items = items
    }

    /// Report lines: one heading per regime, one line per control.
    public var lines: [String] {
        var out: [String] = []
        var current: Compliance?
        for item in items {
            if item.profile != current {
                current = item.profile
                let done = items.filter { $0.profile == item.profile && $0.status == .satisfied }.count
                let all = items.filter { $0.profile == item.profile }.count
                out.append("  \(item.profile.rawValue): \(done) of \(all) satisfied")
            }
            switch item.status {
            case .satisfied: out.append("    [x] \(item.title)")
            case .afterEnhancement:
                out.append("    [ ] \(item.title): apply \(item.enhancement ?? "")" + (item.note.map { " (\($0))" } ?? ""))
            case .waived: out.append("    [-] \(item.title): waived, \(item.note ?? "")")
            }
        }
        return out
    }
}
