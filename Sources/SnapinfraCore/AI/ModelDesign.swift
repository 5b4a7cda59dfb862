/// A model's design decisions: read from its reply, checked against the menu, applied to the
/// rules design.
public enum ModelDesign {
    /// One value the model picked, with its reason.
    public struct Choice: Sendable, Hashable {
        public var setting: String
        public var value: String
        public var reason: String
    }

    /// The choices in a reply, or every problem found in it.
    public static func parse(_ reply: String, menu: DesignMenu) throws(ModelReplyError) -> [Choice] {
        let members = try ModelReply.object(in: reply)
        var problems: [String] = []
        for member in members where member.key != "decisions" {
            problems.append("reply.\(DisplayText.escape(member.key, limit: 40)): not a key the reply may have (only \"decisions\")")
            problems += guardRailProblems(member.value, path: "reply.\(DisplayText.escape(member.key, limit: 40))")
        }
        guard let list = members["decisions"] else { throw ModelReplyError(problems + ["reply.decisions: missing"]) }
        guard case .array(let entries) = list.value else {
            throw ModelReplyError(problems + ["reply.decisions: expected an array, found \(list.kindDescription)"])
        }
        var choices: [Choice] = []
        for (index, entry) in entries.enumerated() {
            let path = "reply.decisions[\(index)]"
            guard case .object(let fields) = entry.value else {
                problems.append("\(path): expected an object, found \(entry.kindDescription)")
                continue
            }
            for field in fields where !["setting", "value", "reason"].contains(field.key) {
                problems.append("\(path).\(DisplayText.escape(field.key, limit: 40)): not a key a decision may have")
            }
            guard let settingNode = fields["setting"], let setting = ModelReply.scalar(settingNode) else {
                problems.append("\(path).setting: missing")
                continue
            }
            guard let item = menu.item(setting) else {
                problems.append(
                    "\(path).setting: \(DisplayText.quoted(setting)) is not a setting you may choose"
                        + Suggestion.hint(for: setting, in: menu.items.map(\.setting)))
                problems += guardRailProblems(entry, path: path)
                continue
            }
            if choices.contains(where: { $0.setting == setting }) {
                problems.append("\(path).setting: \(setting) is chosen twice")
            }
            let value = fields["value"].flatMap(ModelReply.scalar)
            if let value, !item.allowed.admits(value) {
                problems.append("\(path).value: \(DisplayText.quoted(value)) is not allowed for \(setting) (allowed: \(item.allowed.text))")
            } else if value == nil {
                problems.append("\(path).value: missing")
            }
            let reason = ModelReply.text(fields["reason"], path: "\(path).reason", limit: 300, problems: &problems)
            if let value, item.allowed.admits(value), let reason {
                choices.append(Choice(setting: setting, value: value, reason: reason))
            }
        }
        for item in menu.items
        where !entries.contains(where: { entry in
            if case .object(let fields) = entry.value, let node = fields["setting"] { return ModelReply.scalar(node) == item.setting }
            return false
        }) {
            problems.append("reply.decisions: no choice for \(item.setting)")
        }
        if let low = choices.first(where: { $0.setting == "compute.minCount" }).flatMap({ Int($0.value) }),
            let high = choices.first(where: { $0.setting == "compute.maxCount" }).flatMap({ Int($0.value) }), high < low
        {
            problems.append("reply.decisions: compute.maxCount \(high) is below compute.minCount \(low)")
        }
        guard problems.isEmpty else { throw ModelReplyError(problems) }
        return choices
    }

    /// Applies the choices to the rules design; each decision then names `source` as its author.
    public static func apply(_ choices: [Choice], to rules: InfrastructureDesign, menu: DesignMenu, source: String) -> InfrastructureDesign {
        var design = rules
        func record(_ resource: String, _ setting: String, _ value: String, _ choice: Choice) {
            let allowed = menu.item(choice.setting).map { "allowed \($0.allowed.text); rules chose \($0.current)" } ?? ""
            design.record(
                Decision(
                    resource: resource, setting: setting, value: value, reason: choice.reason,
                    trace: ["\(choice.setting) = \(choice.value) from \(source) (\(allowed))"], source: source))
        }
        for choice in choices {
            let number = Int(choice.value) ?? 0
            switch choice.setting {
            case "database.instanceClass":
                design.editDatabase { $0.instanceClass = choice.value }
                record("database", "instanceClass", choice.value, choice)
            case "database.storageGB":
                design.editDatabase { $0.storageGB = number }
                record("database", "storage", "\(number) GB \(design.database?.storageType ?? "gp3")", choice)
            case "database.multiAZ":
                design.editDatabase { $0.multiAZ = choice.value == "true" }
                record("database", "multiAZ", choice.value, choice)
            case "database.backupRetentionDays":
                design.editDatabase { $0.backupRetentionDays = number }
                record("database", "backupRetentionDays", choice.value, choice)
            case "database.readReplicas":
                design.editDatabase { $0.readReplicas = number }
                record("database", "readReplicas", choice.value, choice)
            case "compute.taskSize":
                guard var compute = design.compute, let size = ComputeRules.fargateSizes.first(where: { "\($0.cpu)/\($0.memory)" == choice.value })
                else { continue }
                // A task's capacity scales with its CPU.
                compute.requestsPerTask = max(1, compute.requestsPerTask * size.cpu / max(1, compute.cpuUnits))
                compute.cpuUnits = size.cpu
                compute.memoryMB = size.memory
                design.update("compute", .compute(compute))
                record("compute", "taskSize", "\(Format.number(Double(size.cpu) / 1_024, digits: 2)) vCPU / \(size.memory) MB arm64", choice)
            case "compute.minCount", "compute.maxCount":
                guard var compute = design.compute else { continue }
                if choice.setting == "compute.minCount" {
                    compute.minCount = number
                    compute.desiredCount = number
                } else {
                    compute.maxCount = number
                }
                design.update("compute", .compute(compute))
                let reasons = choices.filter { $0.setting.hasPrefix("compute.") && $0.setting.hasSuffix("Count") }.map(\.reason)
                var merged = choice
                merged.reason = reasons.joined(separator: " ")
                record("compute", "taskCount", "\(compute.desiredCount) (min \(compute.minCount), max \(compute.maxCount))", merged)
            case "compute.memoryMB":
                guard var compute = design.compute else { continue }
                compute.memoryMB = number
                design.update("compute", .compute(compute))
                record("compute", "memory", "\(number) MB \(compute.architecture)", choice)
            case "cache.nodeType":
                guard var cache = design.cache else { continue }
                cache.nodeType = choice.value
                design.update("cache", .cache(cache))
                record("cache", "nodeType", "\(cache.nodeType) × \(cache.nodes)", choice)
            case "network.natGateways":
                guard var network = design.network else { continue }
                network.natGateways = number
                design.update("network", .network(network))
                record("network", "natGateways", choice.value, choice)
            case "monitoring.logRetentionDays":
                guard var monitoring = design.monitoring else { continue }
                monitoring.logRetentionDays = number
                design.update("monitoring", .monitoring(monitoring))
                record("monitoring", "logRetentionDays", choice.value, choice)
            default:
                continue
            }
        }
        return design
    }

    /// A reply that tries to open SSH or RDP to the world says so in plain words, whatever key it
    /// hid the attempt under.
    static func guardRailProblems(_ node: DocumentNode, path: String) -> [String] {
        let text = flatten(node)
        guard text.contains("0.0.0.0/0") || text.contains("::/0") else { return [] }
        let numbers = text.split { !$0.isNumber }.compactMap { Int($0) }
        guard numbers.contains(22) || numbers.contains(3_389) else { return [] }
        return ["\(path): guard rail: SSH (22) or RDP (3389) must not be open to the world"]
    }

    private static func flatten(_ node: DocumentNode) -> String {
        switch node.value {
        case .array(let items): return items.map(flatten).joined(separator: " ")
        case .object(let members): return members.map { "\($0.key) \(flatten($0.value))" }.joined(separator: " ")
        default: return ModelReply.scalar(node) ?? ""
        }
    }
}
