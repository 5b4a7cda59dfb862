import FakeModelServer
import Foundation
import SnapinfraCore

@testable import SnapinfraAI

let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A key that must never appear in any output.
let secretKey = "sk-test-SECRET-0123456789"

/// An example project from `examples/`.
func example(_ name: String) throws -> ProjectFile {
    let url = repositoryRoot.appendingPathComponent("examples/\(name)")
    let bytes = try [UInt8](Data(contentsOf: url))
    let result = ProjectLoader().load(bytes, format: DocumentFormat.forFileName(name))
    guard let file = result.file else { throw POSIXError(.EINVAL) }
    return file
}

/// An assistant that talks to the fake server.
func assistant(_ server: FakeModelServer, provider: String = "openai", timeout: Double = 5) throws -> AIAssistant {
    let environment = ["OPENAI_API_KEY": secretKey, "ANTHROPIC_API_KEY": secretKey]
    let base = provider == "anthropic" ? "http://127.0.0.1:\(server.port)" : server.baseURL
    let flags = AISettings.Flags(provider: provider, model: "test-model", baseURL: base, timeout: "\(timeout)")
    let settings = try AISettings.resolve(flags: flags, environment: environment, configText: nil)
    let assistant = AIAssistant(settings: settings)
    assistant.client.backoff = 0.05
    return assistant
}

/// A design reply that picks every setting's rules value, except the ones in `overrides`.
func designReply(for file: ProjectFile, overrides: [String: String] = [:]) -> String {
    let input = DesignInput(file: file)
    let menu = DesignMenu(design: RulesDesigner().design(input), input: input)
    let decisions: [[String: String]] = menu.items.map {
        ["setting": $0.setting, "value": overrides[$0.setting] ?? $0.current, "reason": "Chosen for the test's load."]
    }
    let data = (try? JSONSerialization.data(withJSONObject: ["decisions": decisions], options: [.sortedKeys])) ?? Data()
    return String(decoding: data, as: UTF8.self)
}

/// Everything a run could print or save about the AI phase, for leak checks.
func everything(_ report: AIReport, _ result: DesignResult) -> String {
    let encoder = JSONEncoder()
    let a = (try? encoder.encode(report)).map { String(decoding: $0, as: UTF8.self) } ?? ""
    let b = (try? encoder.encode(result)).map { String(decoding: $0, as: UTF8.self) } ?? ""
    return a + b + report.summary
}
