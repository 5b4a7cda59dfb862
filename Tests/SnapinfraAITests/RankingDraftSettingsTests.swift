import FakeModelServer
import Foundation
import SnapinfraCore
import Testing

@testable import SnapinfraAI

@Suite(.serialized) struct RankingTests {
    func suggestions(_ file: ProjectFile) -> [Enhancement] {
        EnhancementEngine().suggestions(for: DesignEngine().run(file), file: file)
    }

    @Test func theModelOrdersTheSuggestionsAndItsAdviceIsKeptApart() throws {
        let file = try example("shop.json")
        let offered = suggestions(file)
        let first = try #require(offered.last?.id)
        let reply =
            #"{"ranking": ["\#(first)"], "advice": [{"title": "Test restores", "detail": "Restore a snapshot into staging once a quarter."}]}"#
        let server = try FakeModelServer([.status(200, FakeModelServer.openAI(reply))])
        let assistant = try assistant(server)
        var report = assistant.emptyReport()
        let ranked = assistant.rank(offered, file: file, report: &report)
        #expect(ranked.first?.id == first)
        #expect(Set(ranked.map(\.id)) == Set(offered.map(\.id)), "every suggestion stays, none is added")
        #expect(report.rankedBy == "test-model")
        #expect(
            report.advice == [ModelAdvice(title: "Test restores", detail: "Restore a snapshot into staging once a quarter.", source: "test-model")])
    }

    @Test func anUnknownIdIsRefusedAndTheEngineOrderStays() throws {
        let file = try example("shop.json")
        let offered = suggestions(file)
        let server = try FakeModelServer([.status(200, FakeModelServer.openAI(#"{"ranking": ["open-ssh-to-world"], "advice": []}"#))])
        let assistant = try assistant(server)
        var report = assistant.emptyReport()
        let ranked = assistant.rank(offered, file: file, report: &report)
        #expect(ranked == offered)
        #expect(report.rankedBy == "rules")
        #expect(report.calls.last?.outcome.contains("\"open-ssh-to-world\" is not one of the suggestions") == true)
    }

    @Test func adviceAgainstAGuardRailIsDroppedWithANote() throws {
        let reply = #"""
            {"ranking": [], "advice": [
              {"title": "Debug access", "detail": "Open port 22 to 0.0.0.0/0 so the team can SSH in."},
              {"title": "Share uploads", "detail": "Make the uploads bucket public so images load faster."},
              {"title": "Test restores", "detail": "Restore a snapshot into staging once a quarter."}]}
            """#
        let ranking = try EnhancementRanking.parse(reply, offered: ["a"], source: "m")
        #expect(ranking.advice.map(\.title) == ["Test restores"])
        #expect(
            ranking.dropped == [
                "advice \"Debug access\" from m was dropped: SSH (22) or RDP (3389) must not be open to the world",
                "advice \"Share uploads\" from m was dropped: buckets stay private, with every public-access block on",
            ])
    }

    @Test func adviceWithControlCharactersIsRefused() throws {
        let reply = "{\"ranking\": [], \"advice\": [{\"title\": \"x\\u001b[2J\", \"detail\": \"clears your screen\"}]}"
        let error = #expect(throws: ModelReplyError.self) { try EnhancementRanking.parse(reply, offered: ["a"], source: "m") }
        #expect(error?.problems == ["reply.advice[0].title: holds control or bidi characters"])
    }
}

@Suite(.serialized) struct DraftTests {
    @Test func theModelDraftsAProjectThatLoadsLikeAFile() throws {
        let project =
            #"{"project": {"name": "dental-clinic", "schema": [{"name": "patients", "fields": [{"name": "id", "type": "uuid", "primaryKey": true}]}, {"name": "appointments", "fields": [{"name": "id", "type": "uuid", "primaryKey": true}, {"name": "patient_id", "type": "uuid", "references": "patients.id"}]}], "endpoints": [{"method": "GET", "path": "/appointments", "auth": true}]}}"#
        let server = try FakeModelServer([.status(200, FakeModelServer.openAI(project))])
        let description = "an API for a dental clinic with appointments and invoices"
        let (file, report) = try assistant(server).draft(description: description)
        #expect(report.fallbackReason == nil)
        #expect(file.project.name == "dental-clinic")
        #expect(file.project.schema.map(\.name) == ["patients", "appointments"])
        #expect(file.project.description == description, "the user's words, not the model's")
        let sent = server.requests[0].json["messages"] as? [[String: String]] ?? []
        #expect(sent.last?["content"]?.hasPrefix("<description>") == true)
    }

    @Test func anInvalidDraftIsRepairedOnceThenTheRulesDraftIt() throws {
        let broken = #"{"project": {"name": "x", "schema": [{"name": "a", "fields": [{"name": "b_id", "type": "uuid", "references": "b.id"}]}]}}"#
        let server = try FakeModelServer([.status(200, FakeModelServer.openAI(broken))])
        let (file, report) = try assistant(server).draft(description: "an API for a dental clinic with appointments and invoices")
        #expect(report.fallbackReason?.contains("project.schema[0].fields[0].references: table \"b\" does not exist") == true)
        #expect(report.calls.count == 2)
        #expect(file.project.schema.map(\.name) == ["appointments", "invoices"])
        #expect(file.project.endpoints.count == 10)
        #expect(ProjectValidator().validate(file).filter { $0.severity == .error }.isEmpty)
    }

    @Test func theRulesDraftIsAValidProject() throws {
        let file = ProjectDraft.rules(description: "A booking service for yoga studios with classes, teachers, bookings")
        #expect(file.project.name == "booking-yoga-studios")
        #expect(file.project.schema.map(\.name) == ["classes", "teachers", "bookings"])
        let data = try JSONEncoder().encode(file)
        let loaded = ProjectLoader().load([UInt8](data), format: .json)
        #expect(loaded.diagnostics.filter { $0.severity == .error }.isEmpty)
        #expect(loaded.file == file)
    }
}

@Suite struct SettingsTests {
    @Test func flagsBeatEnvironmentWhichBeatsTheConfigFile() throws {
        let config = "ai: anthropic\nai-model: from-config\nai-timeout: 12\nai-base-url: http://localhost:8080/v1\n"
        let environment = ["SNAPINFRA_AI_MODEL": "from-env"]
        let fromConfig = try AISettings.resolve(flags: .init(), environment: environment, configText: config)
        #expect(fromConfig.provider == .anthropic)
        #expect(fromConfig.model == "from-env")
        #expect(fromConfig.timeout == 12)
        #expect(fromConfig.isLocal)
        let fromFlags = try AISettings.resolve(flags: .init(provider: "openai", model: "from-flag"), environment: environment, configText: config)
        #expect(fromFlags.provider == .openai)
        #expect(fromFlags.model == "from-flag")
    }

    @Test func theDefaultIsTheOfflineRulesEngine() throws {
        let settings = try AISettings.resolve(flags: .init(), environment: [:], configText: nil)
        #expect(settings.provider == .rules)
        #expect(settings.description == "rules")
    }

    @Test func badSettingsSayWhereTheyCameFrom() {
        func message(_ flags: AISettings.Flags, _ environment: [String: String] = [:], _ config: String? = nil) -> String {
            do {
                _ = try AISettings.resolve(flags: flags, environment: environment, configText: config, configName: "/cfg/config.yaml")
                return ""
            } catch {
                return error.message
            }
        }
        #expect(message(.init(provider: "opanai")) == #"--ai: "opanai" is not a provider (rules, openai, anthropic) (did you mean "openai"?)"#)
        #expect(
            message(.init(), ["SNAPINFRA_AI": "openai", "SNAPINFRA_AI_TIMEOUT": "soon"]).hasPrefix(#"SNAPINFRA_AI_TIMEOUT: "soon" is not a number"#))
        #expect(message(.init(provider: "openai")) == "--ai openai: set OPENAI_API_KEY (or SNAPINFRA_AI_API_KEY) to the API key")
        #expect(message(.init(provider: "openai", baseURL: "ftp://x")) == #"--ai-base-url: "ftp://x" is not an http(s) URL"#)
        #expect(message(.init(), [:], "ai: openai\nai-modle: x\n").hasPrefix(#"/cfg/config.yaml: "ai-modle" is not a setting"#))
    }

    @Test func theKeyIsNeverInWhatTheSettingsSay() throws {
        let settings = try AISettings.resolve(
            flags: .init(provider: "openai", baseURL: "https://user:pw@api.example.com/v1"), environment: ["OPENAI_API_KEY": secretKey],
            configText: nil)
        #expect(!settings.description.contains(secretKey))
        #expect(!settings.description.contains("pw"))
        #expect(settings.description.contains("key set"))
    }

    @Test func callsArePricedFromTheTableOrTheConfigAndLocalModelsAreFree() throws {
        var settings = try AISettings.resolve(flags: .init(provider: "openai"), environment: ["OPENAI_API_KEY": "k"], configText: nil)
        #expect(ModelPrices.cost(settings: settings, promptTokens: 1_000_000, completionTokens: 0) == 0.15)
        settings.model = "some-new-model"
        #expect(ModelPrices.cost(settings: settings, promptTokens: 1_000, completionTokens: 1_000) == nil)
        let local = try AISettings.resolve(flags: .init(provider: "openai", baseURL: "http://127.0.0.1:11434/v1"), environment: [:], configText: nil)
        #expect(ModelPrices.cost(settings: local, promptTokens: 5_000, completionTokens: 5_000) == 0)
    }
}
