import SnapinfraCore

/// The config file, `$XDG_CONFIG_HOME/snapinfra/config.yaml`: a flat map of the flags' names.
///
/// ```yaml
/// ai: openai
/// ai-model: llama3.1:8b
/// ai-base-url: http://localhost:11434/v1
/// ai-timeout: 60
/// ai-price-input: 0.15     # USD per million tokens, for models the built-in table lacks
/// ai-price-output: 0.60
/// ```
struct AIConfigFile {
    static let keys = ["ai", "ai-model", "ai-base-url", "ai-timeout", "ai-api-key", "ai-price-input", "ai-price-output"]

    var values: [String: String] = [:]
    var apiKey: String?
    var prices: (input: Double, output: Double)?

    static func parse(_ text: String?, name: String) throws(AISettingsError) -> AIConfigFile {
        var file = AIConfigFile()
        guard let text, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return file }
        let root: DocumentNode
        do {
            root = try YAMLReader.read(text)
        } catch {
            let place = error.position.map { ":\($0.line):\($0.column)" } ?? ""
            throw AISettingsError(message: "\(name)\(place): \(error.message)")
        }
        guard case .object(let members) = root.value else { throw AISettingsError(message: "\(name): expected a map of settings") }
        for member in members {
            guard keys.contains(member.key) else {
                throw AISettingsError(
                    message: "\(name): \(DisplayText.quoted(member.key)) is not a setting (\(keys.joined(separator: ", ")))"
                        + Suggestion.hint(for: member.key, in: keys))
            }
            guard let value = ModelReply.scalar(member.value) else {
                throw AISettingsError(message: "\(name): \(member.key): expected a single value, found \(member.value.kindDescription)")
            }
            if member.key == "ai-api-key" { file.apiKey = value } else { file.values[member.key] = value }
        }
        if let input = file.values["ai-price-input"], let output = file.values["ai-price-output"] {
            guard let i = Double(input), let o = Double(output), i >= 0, o >= 0 else {
                throw AISettingsError(message: "\(name): ai-price-input and ai-price-output must be numbers (USD per million tokens)")
            }
            file.prices = (i, o)
        }
        return file
    }
}
