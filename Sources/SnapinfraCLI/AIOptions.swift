import ArgumentParser
import Foundation
import SnapinfraAI
import SnapinfraCore

/// `--ai` and its settings, shared by the commands that design.
struct AIOptions: ParsableArguments {
    @Option(
        name: .customLong("ai"), help: "Who makes the design decisions: rules (default, offline), openai (any OpenAI-compatible endpoint), anthropic."
    )
    var provider: String?

    @Option(name: .customLong("ai-model"), help: "The model name (default gpt-4o-mini, claude-3-5-haiku-latest).")
    var model: String?

    @Option(name: .customLong("ai-base-url"), help: "The endpoint, e.g. http://localhost:11434/v1 for Ollama.")
    var baseURL: String?

    @Option(name: .customLong("ai-timeout"), help: "Seconds one model phase may take, retries included (default 30).")
    var timeout: String?

    /// The assistant for these settings (flags, then SNAPINFRA_AI_* and the key variables, then
    /// $XDG_CONFIG_HOME/snapinfra/config.yaml); a bad setting is a usage error.
    func assistant() throws -> AIAssistant {
        do {
            let settings = try AISettings.fromProcess(flags: .init(provider: provider, model: model, baseURL: baseURL, timeout: timeout))
            if let warning = settings.plainTextKeyWarning { StandardError.write("snapinfra: warning: \(warning)") }
            return AIAssistant(settings: settings)
        } catch {
            throw CommandFailure.usage(error.message)
        }
    }
}

extension AIReport {
    /// Says on stderr, as a warning, that the rules took over and why.
    func warnIfFellBack(source: String) {
        guard let reason = fallbackReason else { return }
        StandardError.write("\(source): warning: \(reason)")
    }
}
