/// List prices per million tokens (input, output) in USD, for the estimate beside each call.
///
/// Published list prices as of 2025; a model not listed has no estimate unless the config file
/// gives `ai-price-input` and `ai-price-output`. Models on this machine cost nothing.
enum ModelPrices {
    static let perMillion: [(prefix: String, input: Double, output: Double)] = [
        ("gpt-4o-mini", 0.15, 0.60),
        ("gpt-4o", 2.50, 10.00),
        ("gpt-4.1-nano", 0.10, 0.40),
        ("gpt-4.1-mini", 0.40, 1.60),
        ("gpt-4.1", 2.00, 8.00),
        ("claude-3-5-haiku", 0.80, 4.00),
        ("claude-haiku-4-5", 1.00, 5.00),
        ("claude-3-haiku", 0.25, 1.25),
        ("claude-3-5-sonnet", 3.00, 15.00),
        ("claude-sonnet-4", 3.00, 15.00),
        ("claude-opus-4", 15.00, 75.00),
    ]

    /// The estimated price of a call, or nil when the model's price is unknown.
    static func cost(settings: AISettings, promptTokens: Int, completionTokens: Int) -> Double? {
        let price: (input: Double, output: Double)?
        if let configured = settings.pricePerMillion {
            price = configured
        } else if settings.isLocal {
            price = (0, 0)
        } else {
            // Longest prefix first, so gpt-4o-mini is not priced as gpt-4o.
            price = perMillion.sorted { $0.prefix.count > $1.prefix.count }.first { settings.model.hasPrefix($0.prefix) }.map {
                ($0.input, $0.output)
            }
        }
        guard let price else { return nil }
        return (Double(promptTokens) * price.input + Double(completionTokens) * price.output) / 1_000_000
    }
}
