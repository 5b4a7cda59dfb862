/// A piece of advice from a model: shown to the user, never applied.
public struct ModelAdvice: Sendable, Hashable, Codable {
    public var title: String
    public var detail: String
    /// The model that gave it.
    public var source: String

    public init(title: String, detail: String, source: String) {
        self.title = title
        self.detail = detail
        self.source = source
    }
}

/// A model's ordering of the suggestions, most important first, and its advice.
public struct EnhancementRanking: Sendable, Hashable, Codable {
    /// Every offered id once: the model's order, then any it left out in the engine's order.
    public var order: [String]
    public var advice: [ModelAdvice]
    public var source: String
    /// Advice dropped because it contradicted a guard rail, as notes for the user.
    public var dropped: [String] = []

    /// The suggestions in this order.
    public func sorted(_ suggestions: [Enhancement]) -> [Enhancement] {
        suggestions.sorted { (order.firstIndex(of: $0.id) ?? .max) < (order.firstIndex(of: $1.id) ?? .max) }
    }

    public static func prompt(suggestions: [Enhancement], input: DesignInput) -> ModelPrompt {
        let lines = suggestions.map { s in
            let score = s.securityScoreDelta.map { String(format: "%+.1f", $0) } ?? "?"
            return "\(s.id) | \(s.category.rawValue) | \(s.severity.rawValue) | \(Format.money(s.monthlyCostDelta))/mo | score \(score)"
        }
        let context = DesignPrompt.ProjectContext(
            name: input.file.project.name, environment: input.environment.rawValue,
            compliance: input.compliance.map(\.rawValue), budgetUSDPerMonth: input.options.budget)
        let system = """
            You review suggested changes to an AWS design. Order the suggestion ids by importance for this project, \
            most important first, and add at most 3 short advice items about risks the list does not cover. \
            \(ModelPrompt.dataRule)
            Reply with one JSON object and nothing else:
            {"ranking":["<id>"],"advice":[{"title":"<short>","detail":"<one or two sentences>"}]}
            """
        let user = """
            \(ModelPrompt.delimited(context, tag: "project_data"))
            Suggestions (id | category | severity | cost | security score change):
            \(lines.joined(separator: "\n"))
            """
        return ModelPrompt(system: system, messages: [ChatMessage(.user, user)], maxReplyTokens: 700)
    }

    /// The ranking in a reply, or every problem found in it.
    public static func parse(_ reply: String, offered: [String], source: String) throws(ModelReplyError) -> EnhancementRanking {
        let members = try ModelReply.object(in: reply)
        var problems: [String] = []
        for member in members where member.key != "ranking" && member.key != "advice" {
            problems.append("reply.\(DisplayText.escape(member.key, limit: 40)): not a key the reply may have (only \"ranking\", \"advice\")")
        }
        var order: [String] = []
        if let ranking = members["ranking"], case .array(let ids) = ranking.value {
            for (index, node) in ids.enumerated() {
                guard case .string(let id) = node.value else {
                    problems.append("reply.ranking[\(index)]: expected an id, found \(node.kindDescription)")
                    continue
                }
                if !offered.contains(id) {
                    problems.append(
                        "reply.ranking[\(index)]: \(DisplayText.quoted(id)) is not one of the suggestions" + Suggestion.hint(for: id, in: offered))
                } else if order.contains(id) {
                    problems.append("reply.ranking[\(index)]: \(id) is listed twice")
                } else {
                    order.append(id)
                }
            }
        } else {
            problems.append("reply.ranking: missing or not an array")
        }
        var advice: [ModelAdvice] = []
        var dropped: [String] = []
        if let list = members["advice"] {
            if case .array(let items) = list.value {
                if items.count > 3 { problems.append("reply.advice: \(items.count) items, at most 3") }
                for (index, item) in items.prefix(3).enumerated() {
                    guard case .object(let fields) = item.value else {
                        problems.append("reply.advice[\(index)]: expected an object, found \(item.kindDescription)")
                        continue
                    }
                    let title = ModelReply.text(fields["title"], path: "reply.advice[\(index)].title", limit: 80, problems: &problems)
                    let detail = ModelReply.text(fields["detail"], path: "reply.advice[\(index)].detail", limit: 400, problems: &problems)
                    guard let title, let detail else { continue }
                    if let rule = PromptInjection.contradiction("\(title) \(detail)") {
                        dropped.append("advice \(DisplayText.quoted(title, limit: 40)) from \(source) was dropped: \(rule)")
                    } else {
                        advice.append(ModelAdvice(title: title, detail: detail, source: source))
                    }
                }
            } else {
                problems.append("reply.advice: expected an array, found \(list.kindDescription)")
            }
        }
        guard problems.isEmpty else { throw ModelReplyError(problems) }
        return EnhancementRanking(order: order + offered.filter { !order.contains($0) }, advice: advice, source: source, dropped: dropped)
    }
}

extension DesignPrompt {
    /// The little the ranking call needs to know about the project.
    struct ProjectContext: Encodable {
        var name: String
        var environment: String
        var compliance: [String]
        var budgetUSDPerMonth: Double?
    }
}
