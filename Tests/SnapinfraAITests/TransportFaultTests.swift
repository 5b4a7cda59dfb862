import FakeModelServer
import Foundation
import SnapinfraCore
import Testing

@testable import SnapinfraAI

/// The faults a hostile or broken endpoint can produce, against both providers.
@Suite(.serialized) struct TransportFaultTests {
    static let providers = ["openai", "anthropic"]

    /// The path the provider posts to, for a redirect's Location.
    static func route(_ provider: String, _ server: FakeModelServer) -> String {
        provider == "anthropic" ? "http://127.0.0.1:\(server.port)/v1/messages" : "\(server.baseURL)/chat/completions"
    }

    static func reply(_ provider: String, _ content: String) -> String {
        provider == "anthropic" ? FakeModelServer.anthropic(content) : FakeModelServer.openAI(content)
    }

    @Test(arguments: providers) func aRedirectToAnotherOriginIsNotFollowedAndTheKeyStaysHome(provider: String) throws {
        let file = try example("shop.json")
        let elsewhere = try FakeModelServer([.status(200, Self.reply(provider, designReply(for: file)))])
        let server = try FakeModelServer([.status(307, "", headers: ["Location": Self.route(provider, elsewhere)])])
        let (result, report) = try assistant(server, provider: provider).design(file)
        #expect(elsewhere.requests.isEmpty, "the other host was contacted")
        let reason = try #require(report.fallbackReason)
        #expect(reason.contains("redirected (HTTP 307) to 127.0.0.1; a redirect to another origin is not followed"), "\(reason)")
        #expect(result == DesignEngine().run(file))
        #expect(!everything(report, result).contains(secretKey))
    }

    @Test(arguments: providers) func anOversizedContentLengthIsRefusedAtOnce(provider: String) throws {
        let file = try example("shop.json")
        let server = try FakeModelServer([.flood(bytes: 800 * 1024 * 1024, declared: true)])
        // A generous deadline: the refusal, not the clock, must end the call (the reason says which).
        let (_, report) = try assistant(server, provider: provider, timeout: 30).design(file)
        #expect(report.fallbackReason?.contains("Content-Length 838860800, over the 2097152-byte limit") == true, "\(report.fallbackReason ?? "")")
        // One request, not retried: the same answer would come again.
        #expect(server.requests.count == 1)
    }

    @Test(arguments: providers) func anEndlessBodyStopsAtTheCap(provider: String) throws {
        let file = try example("shop.json")
        let server = try FakeModelServer([.flood(bytes: 400 * 1024 * 1024, declared: false)])
        let (_, report) = try assistant(server, provider: provider).design(file)
        #expect(report.fallbackReason?.contains("the body passed the 2097152-byte limit; reading stopped") == true, "\(report.fallbackReason ?? "")")
    }

    @Test(arguments: providers) func aReplyWithDuplicateKeysIsRejected(provider: String) throws {
        let file = try example("shop.json")
        let valid = designReply(for: file)
        // The model's JSON names "decisions" twice: one reader would take the first, another the last.
        let twice = String(valid.dropLast()) + #", "decisions": []}"#
        let server = try FakeModelServer([.status(200, Self.reply(provider, twice))])
        let (result, report) = try assistant(server, provider: provider).design(file)
        #expect(
            report.fallbackReason?.contains("reply.decisions: duplicate key; a reply names each key once") == true, "\(report.fallbackReason ?? "")")
        #expect(result == DesignEngine().run(file))
    }

    @Test(arguments: providers) func aResponseEnvelopeWithDuplicateKeysIsRejected(provider: String) throws {
        let file = try example("shop.json")
        let body = Self.reply(provider, designReply(for: file))
        let doubled = String(body.dropLast()) + (provider == "anthropic" ? #", "content": []}"# : #", "choices": []}"#)
        let server = try FakeModelServer([.status(200, doubled)])
        let (_, report) = try assistant(server, provider: provider).design(file)
        let key = provider == "anthropic" ? "content" : "choices"
        #expect(report.fallbackReason?.contains("the key \"\(key)\" appears twice in the response") == true, "\(report.fallbackReason ?? "")")
    }

    @Test func aKeyOverPlainHTTPToAnotherHostIsWarnedAbout() throws {
        let environment = ["OPENAI_API_KEY": secretKey]
        func settings(_ url: String) throws -> AISettings {
            try AISettings.resolve(flags: .init(provider: "openai", model: "m", baseURL: url), environment: environment, configText: nil)
        }
        #expect(
            try settings("http://models.example.com/v1").plainTextKeyWarning
                == "the API key would be sent unencrypted over http to models.example.com; use an https endpoint")
        #expect(try settings("https://models.example.com/v1").plainTextKeyWarning == nil)
        #expect(try settings("http://127.0.0.1:11434/v1").plainTextKeyWarning == nil)
        #expect(try settings("http://localhost:8080/v1").plainTextKeyWarning == nil)
    }
}
