import FakeModelServer
import Foundation
import Testing

/// `--ai` end to end: the built binary against a real HTTP server on loopback.
@Suite(.serialized) struct AICommandTests {
    /// A clean environment: a key, no user config, nothing else leaking in from the machine.
    func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var env = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": "/nonexistent", "OPENAI_API_KEY": "sk-cli-SECRET-42",
        ]
        env["XDG_CONFIG_HOME"] = FileManager.default.temporaryDirectory.appendingPathComponent("snapinfra-no-config").path
        return env.merging(extra) { $1 }
    }

    @Test func generateJSONWithAMisbehavingEndpointStillSucceedsAndSaysItFellBack() throws {
        let server = try FakeModelServer([.status(500, #"{"error":"overloaded"}"#)])
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("snapinfra-ai-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let started = Date()
        let run = try CLIRunner.run(
            ["generate", "examples/shop.json", "--out", out.path, "--json", "--ai", "openai", "--ai-base-url", server.baseURL, "--ai-timeout", "5"],
            environment: environment())
        #expect(Date().timeIntervalSince(started) < 20)
        #expect(run.status == 0, "\(run.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(document["success"] as? Bool == true)
        let metadata = try #require(document["metadata"] as? [String: Any])
        #expect(metadata["provider"] as? String == "openai")
        let ai = try #require(metadata["ai"] as? [String: Any])
        #expect(ai["decidedBy"] as? String == "rules")
        let reason = try #require(ai["fallbackReason"] as? String)
        #expect(reason == #"model call failed: HTTP 500: {"error":"overloaded"}; used rules"#)
        let warnings = ((document["data"] as? [String: Any])?["validation"] as? [String: Any])?["warnings"] as? [String] ?? []
        #expect(warnings.contains(reason))
        #expect(run.stderr.contains("examples/shop.json: warning: model call failed: HTTP 500"))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("infra/terraform/main.tf").path))
        #expect(!run.stdout.contains("sk-cli-SECRET-42") && !run.stderr.contains("sk-cli-SECRET-42"))
        let manifest = try String(contentsOf: out.appendingPathComponent("snapinfra.json"), encoding: .utf8)
        #expect(!manifest.contains("sk-cli-SECRET-42"))
    }

    @Test func designWithAGoodModelShowsWhoDecidedAndWhatItCost() throws {
        let reply =
            #"{"decisions":[{"setting":"compute.memoryMB","value":"1024","reason":"More memory gives the function more CPU for cold starts."},{"setting":"database.instanceClass","value":"db.t4g.medium","reason":"Medium is enough."},{"setting":"database.storageGB","value":"20","reason":"Tiny data."},{"setting":"database.multiAZ","value":"false","reason":"Development."},{"setting":"database.backupRetentionDays","value":"1","reason":"Development."},{"setting":"database.readReplicas","value":"0","reason":"No read load."},{"setting":"monitoring.logRetentionDays","value":"7","reason":"A week is enough."}]}"#
        let server = try FakeModelServer([.status(200, FakeModelServer.openAI(reply))])
        // The endpoint and prices come from the config file; the model from the environment.
        let config = FileManager.default.temporaryDirectory.appendingPathComponent("snapinfra-config-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: config) }
        try FileManager.default.createDirectory(at: config.appendingPathComponent("snapinfra"), withIntermediateDirectories: true)
        try "ai: openai\nai-base-url: \(server.baseURL)\nai-price-input: 0.15\nai-price-output: 0.60\n".write(
            to: config.appendingPathComponent("snapinfra/config.yaml"), atomically: true, encoding: .utf8)
        let run = try CLIRunner.run(
            ["design", "examples/tiny-todo.yaml"], environment: environment(["XDG_CONFIG_HOME": config.path, "SNAPINFRA_AI_MODEL": "gpt-4o-mini"]))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("database.instanceClass = db.t4g.medium  [gpt-4o-mini]"))
        #expect(run.stdout.contains("    Medium is enough."))
        #expect(run.stdout.contains("database.service = rds  [rules]"))
        // 812 and 164 tokens at the configured $0.15 / $0.60 per million.
        #expect(run.stdout.contains("gpt-4o-mini: 1 call, 812 → 164 tokens"))
        #expect(run.stdout.contains("$0.0002"))
    }

    @Test func aBadProviderIsAUsageError() throws {
        let run = try CLIRunner.run(["design", "examples/shop.json", "--ai", "gpt"], environment: environment())
        #expect(run.status == 2)
        #expect(run.stderr.contains(#"--ai: "gpt" is not a provider (rules, openai, anthropic)"#))
    }

    @Test func draftWritesAProjectThatValidates() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("draft-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: file) }
        let run = try CLIRunner.run(
            ["draft", "an API for a dental clinic with appointments and invoices", "--out", file.path], environment: environment())
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("by the rules (offline): 2 tables, 10 endpoints"))
        let validate = try CLIRunner.run(["validate", file.path], environment: environment())
        #expect(validate.status == 0, "\(validate.stderr)")
        let again = try CLIRunner.run(["draft", "anything", "--out", file.path], environment: environment())
        #expect(again.status == 2)
        #expect(again.stderr.contains("exists; use --force to replace it"))
    }
}
