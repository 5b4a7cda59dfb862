import Foundation
import SnapinfraCore

/// Who makes the "AI" decisions.
public enum AIProvider: String, Sendable, Hashable, CaseIterable {
    /// The offline rules engine (the default).
    case rules
    /// Any OpenAI-compatible chat-completions endpoint: OpenAI, Ollama, llama.cpp's server, vLLM, LM Studio.
    case openai
    /// Anthropic's Messages API.
    case anthropic

    var defaultModel: String {
        switch self {
        case .rules: return "rules"
        case .openai: return "gpt-4o-mini"
        case .anthropic: return "claude-3-5-haiku-latest"
        }
    }

    var defaultBaseURL: String {
        switch self {
        case .rules: return ""
        case .openai: return "https://api.openai.com/v1"
        case .anthropic: return "https://api.anthropic.com"
        }
    }

    var keyVariable: String { self == .anthropic ? "ANTHROPIC_API_KEY" : "OPENAI_API_KEY" }
}

/// A setting that cannot be used, with where it came from.
public struct AISettingsError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// The provider settings for one run, from flags, then environment variables, then the config
/// file, then defaults. The API key is held here and sent in a header; nothing prints it.
public struct AISettings: Sendable, CustomStringConvertible {
    public var provider: AIProvider
    public var model: String
    public var baseURL: URL?
    /// The most seconds one phase (a call, its retries and its repair round) may take.
    public var timeout: Double
    /// Retries after a 429 or 5xx answer or a dropped connection.
    public var retries: Int
    /// Price per million tokens (input, output) given in the config file, for models the table lacks.
    public var pricePerMillion: (input: Double, output: Double)?
    var apiKey: String?

    public static let rules = AISettings(provider: .rules, model: "rules", baseURL: nil, timeout: 30, retries: 2, pricePerMillion: nil, apiKey: nil)

    /// What the settings say, without the key: safe for logs and `--json` metadata.
    public var description: String {
        guard provider != .rules else { return "rules" }
        return "\(provider.rawValue) \(model) at \(displayURL) (timeout \(Format.number(timeout)) s, key \(apiKey == nil ? "not set" : "set"))"
    }

    /// The base URL with any user and password removed.
    public var displayURL: String {
        guard let baseURL, var parts = URLComponents(url: baseURL, resolvingAgainstBaseURL: false) else { return "" }
        parts.user = nil
        parts.password = nil
        return parts.string ?? ""
    }

    /// Whether the endpoint is on this machine (Ollama, llama.cpp): no key needed, no price.
    public var isLocal: Bool {
        guard let host = baseURL?.host else { return false }
        return ["localhost", "127.0.0.1", "::1", "[::1]"].contains(host) || host.hasSuffix(".localhost")
    }

    /// A warning when the key would travel unencrypted: plain `http` to a host other than this
    /// machine. Nil when there is no key, the scheme is `https`, or the host is loopback.
    public var plainTextKeyWarning: String? {
        guard apiKey != nil, baseURL?.scheme?.lowercased() == "http", !isLocal else { return nil }
        return "the API key would be sent unencrypted over http to \(DisplayText.escape(baseURL?.host ?? "", limit: 80)); use an https endpoint"
    }

    /// Flag values as given on the command line (nil when not given).
    public struct Flags: Sendable {
        public var provider: String?
        public var model: String?
        public var baseURL: String?
        public var timeout: String?

        public init(provider: String? = nil, model: String? = nil, baseURL: String? = nil, timeout: String? = nil) {
            self.provider = provider
            self.model = model
            self.baseURL = baseURL
            self.timeout = timeout
        }
    }

    /// Resolves the settings. `configText` is the config file's content (nil when there is none)
    /// and `configName` its path, for messages.
    public static func resolve(
        flags: Flags, environment: [String: String], configText: String?, configName: String = "config.yaml"
    ) throws(AISettingsError) -> AISettings {
        let config = try AIConfigFile.parse(configText, name: configName)
        func pick(_ flag: String?, _ flagName: String, _ variable: String, _ key: String) -> (value: String, source: String)? {
            if let flag, !flag.isEmpty { return (flag, flagName) }
            if let value = environment[variable], !value.isEmpty { return (value, variable) }
            if let value = config.values[key] { return (value, "\(configName): \(key)") }
            return nil
        }
        let providerValue = pick(flags.provider, "--ai", "SNAPINFRA_AI", "ai")
        let providerName = providerValue?.value ?? "rules"
        guard let provider = AIProvider(rawValue: providerName.lowercased()) else {
            throw AISettingsError(
                message: "\(providerValue?.source ?? "--ai"): \(DisplayText.quoted(providerName)) is not a provider (rules, openai, anthropic)"
                    + Suggestion.hint(for: providerName, in: AIProvider.allCases.map(\.rawValue)))
        }
        var settings = AISettings.rules
        settings.provider = provider
        settings.pricePerMillion = config.prices
        guard provider != .rules else { return settings }
        settings.model = pick(flags.model, "--ai-model", "SNAPINFRA_AI_MODEL", "ai-model")?.value ?? provider.defaultModel
        let urlValue = pick(flags.baseURL, "--ai-base-url", "SNAPINFRA_AI_BASE_URL", "ai-base-url")
        let urlText = urlValue?.value ?? provider.defaultBaseURL
        guard let url = URL(string: urlText), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme), url.host != nil else {
            throw AISettingsError(message: "\(urlValue?.source ?? "--ai-base-url"): \(DisplayText.quoted(urlText)) is not an http(s) URL")
        }
        settings.baseURL = url
        if let timeoutValue = pick(flags.timeout, "--ai-timeout", "SNAPINFRA_AI_TIMEOUT", "ai-timeout") {
            guard let seconds = Double(timeoutValue.value), seconds > 0, seconds <= 600 else {
                throw AISettingsError(
                    message: "\(timeoutValue.source): \(DisplayText.quoted(timeoutValue.value)) is not a number of seconds from 0 to 600")
            }
            settings.timeout = seconds
        }
        let key =
            environment["SNAPINFRA_AI_API_KEY"].flatMap { $0.isEmpty ? nil : $0 }
            ?? environment[provider.keyVariable].flatMap { $0.isEmpty ? nil : $0 }
        settings.apiKey = key ?? config.apiKey
        if settings.apiKey == nil && !settings.isLocal && settings.displayURL.hasPrefix(provider.defaultBaseURL) {
            throw AISettingsError(message: "--ai \(provider.rawValue): set \(provider.keyVariable) (or SNAPINFRA_AI_API_KEY) to the API key")
        }
        return settings
    }

    /// Where the config file lives: `$XDG_CONFIG_HOME/snapinfra/config.yaml`, by default
    /// `~/.config/snapinfra/config.yaml`.
    public static func configPath(environment: [String: String]) -> String? {
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") { return xdg + "/snapinfra/config.yaml" }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.config/snapinfra/config.yaml"
    }

    /// Settings from the process: flags, its environment, and the config file if there is one.
    public static func fromProcess(flags: Flags) throws(AISettingsError) -> AISettings {
        let environment = ProcessInfo.processInfo.environment
        let path = configPath(environment: environment)
        let text = path.flatMap { try? String(contentsOfFile: $0, encoding: .utf8) }
        return try resolve(flags: flags, environment: environment, configText: text, configName: path ?? "config.yaml")
    }
}
