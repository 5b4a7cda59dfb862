import Foundation
import SnapinfraCore
import Testing

/// `snapinfra serve`: the real server on a loopback port, a real HTTP client.
@Suite(.serialized) struct ServeTests {
    /// The 300-table project of the benchmarks (1.4 MB of JSON): long enough to work on that a
    /// request is still in flight when the test acts.
    static func bigProject() throws -> Data {
        try JSONEncoder().encode(SyntheticProject.make())
    }

    @Test func generateAnswersByteForByteWhatGenerateJSONPrints() async throws {
        let server = try ServerProcess()
        for file in ["examples/saas-api.json", "Tests/Fixtures/architect/northwind-erp.yaml"] {
            let reply = try await server.post("/api/generate-iac-v2", file: file)
            #expect(reply.status == 200)
            #expect(reply.headers["content-type"] == "application/json; charset=utf-8")
            let out = FileManager.default.temporaryDirectory.appendingPathComponent("snapinfra-serve-\(UUID())")
            defer { try? FileManager.default.removeItem(at: out) }
            let command = try CLIRunner.run(["generate", file, "--out", out.path, "--json"])
            #expect(command.status == 0)
            #expect(reply.text == command.stdout, "\(file): the API and generate --json differ")
            // Nothing was written by the server: the folder exists only because the command wrote it.
        }
        let again = try await server.post("/api/generate-iac-v2", file: "examples/saas-api.json")
        #expect(again.headers["x-snapinfra-cache"] == "hit")
        #expect(server.log.contains("POST /api/generate-iac-v2 200 "))
    }

    @Test func theOtherRoutesAnswerWhatTheirCommandsPrint() async throws {
        let server = try ServerProcess()
        let file = "examples/shop.json"
        let pairs: [(String, [String])] = [
            ("/api/design", ["design", file, "--json"]),
            ("/api/enhancements", ["enhancements", file, "--json"]),
            ("/api/validate", ["validate", file, "--json"]),
            (
                "/api/generate-iac-v2?applySafe=true&target=terraform",
                ["generate", file, "--out", "/dev/null/x", "--json", "--apply-safe", "--target", "terraform"]
            ),
        ]
        for (path, arguments) in pairs {
            let reply = try await server.post(path, file: file)
            #expect(reply.status == 200, "\(path): \(reply.text.prefix(300))")
            if arguments[0] == "generate" {
                // generate cannot write into /dev/null; compare what it would print with a real folder.
                let out = FileManager.default.temporaryDirectory.appendingPathComponent("snapinfra-serve-\(UUID())")
                defer { try? FileManager.default.removeItem(at: out) }
                var real = arguments
                real[3] = out.path
                #expect(reply.text == (try CLIRunner.run(real)).stdout, "\(path)")
            } else {
                #expect(reply.text == (try CLIRunner.run(arguments)).stdout, "\(path)")
            }
        }
        let diff = try await server.post("/api/enhancements/diff?id=vpc-flow-logs", file: file)
        #expect(diff.status == 200)
        let lines = try #require((try diff.json()["data"] as? [String: Any])?["diff"] as? [String])
        #expect(lines.joined(separator: "\n") + "\n" == (try CLIRunner.run(["enhancements", file, "--diff", "vpc-flow-logs"])).stdout)
        let health = try await server.send("GET", "/healthz")
        #expect(health.status == 200 && health.text.contains("\"ok\""))
        let document = try await server.send("GET", "/openapi.yaml")
        #expect(document.status == 200 && document.text.hasPrefix("openapi: 3.1.0\n"))
        #expect(document.headers["content-type"]?.hasPrefix("application/yaml") == true)
    }

    @Test func aBadProjectGetsItsDiagnosticsWithTheirPaths() async throws {
        let server = try ServerProcess()
        let body = Data(
            #"{"project": {"name": "x", "schema": [{"name": "orgs", "fields": [{"name": "id", "type": "uuid", "primaryKey": true}]}, {"name": "users", "fields": [{"name": "id", "type": "uuid", "primaryKey": true}, {"name": "org_id", "type": "uuid", "references": "org.id"}]}]}}"#
                .utf8)
        for path in ["/api/generate-iac-v2", "/api/design", "/api/enhancements", "/api/validate"] {
            let reply = try await server.send("POST", path, body: body)
            #expect(reply.status == 400)
            let json = try reply.json()
            #expect(json["success"] as? Bool == false)
            #expect(json["error"] as? String == "the project file is invalid")
            #expect(
                json["details"] as? [String] == [
                    #"<request>:1:250: error: project.schema[1].fields[1].references: table "org" does not exist (did you mean "orgs"?)"#
                ])
        }
        let yaml = try await server.send(
            "POST", "/api/validate", body: Data("project:\n  name: a\n  nmae: b\n".utf8), contentType: "application/yaml")
        #expect(yaml.status == 200)
        #expect(yaml.text.contains(#"<request>:3:3: warning: project.nmae: unknown key, ignored (did you mean \"name\"?)"#))
        let broken = try await server.send("POST", "/api/design", body: Data("{\"project\": ".utf8))
        #expect(broken.status == 400)
        #expect(broken.text.contains("<request>:1:"))
        let unknown = try await server.post("/api/generate-iac-v2?aply=x", file: "examples/shop.json")
        #expect(unknown.status == 400)
        #expect(unknown.text.contains(#"unknown query parameter \"aply\""#))
        let badID = try await server.post("/api/enhancements/diff?id=nope", file: "examples/shop.json")
        #expect(badID.status == 400)
        #expect(try await server.send("GET", "/nowhere").status == 404)
        let method = try await server.send("GET", "/api/design")
        #expect(method.status == 405 && method.headers["allow"] == "POST")
    }

    @Test func eachLimitGetsItsStatus() async throws {
        let server = try ServerProcess(["--timeout", "0.05", "--max-requests", "1", "--cache-mb", "0"])
        // 413: over 2 MiB, refused before it is read.
        let huge = Data(repeating: UInt8(ascii: " "), count: 2 * 1024 * 1024 + 1)
        let tooLarge = try await server.send("POST", "/api/validate", body: huge)
        #expect(tooLarge.status == 413)
        #expect(try tooLarge.json()["error"] as? String == "the body is 2097153 bytes, over the limit of 2097152")
        // 504: the big project takes longer than 50 ms.
        let big = try Self.bigProject()
        let slow = try await server.send("POST", "/api/generate-iac-v2", body: big)
        #expect(slow.status == 504)
        #expect(try slow.json()["error"] as? String == "the request took longer than the limit of 0.05 s")
        // 503: one request at a time, and the timed-out work still holds the slot until it ends
        // (seconds, for this project), so the next request is refused.
        let busy = try await server.post("/api/validate", file: "examples/shop.json")
        #expect(busy.status == 503)
        #expect(busy.headers["retry-after"] == "1")
        #expect(try busy.json()["success"] as? Bool == false)
        #expect(server.log.contains("POST /api/validate 503 "))
    }

    /// An option of one front end given with the other is refused, not ignored.
    @Test func theHTTPOptionsAndTheSSHOptionsDoNotMix() throws {
        for (arguments, message) in [
            (["serve", "--ssh", "127.0.0.1:0", "--port", "9000"], "--port is for the HTTP API"),
            (["serve", "--ssh", "127.0.0.1:0", "--timeout", "5"], "--timeout is for the HTTP API"),
            (["serve", "--idle", "5"], "--idle goes with --ssh"),
            (["serve", "--max-sessions", "2"], "--max-sessions goes with --ssh"),
        ] {
            let run = try CLIRunner.run(arguments)
            #expect(run.status == 2 && run.stderr.contains(message), "\(arguments): \(run.stderr)")
        }
    }

    @Test func aPortInUseIsAUsageErrorThatSaysSo() throws {
        let server = try ServerProcess()
        let port = try #require(server.address.split(separator: ":").last.map(String.init))
        let second = try CLIRunner.run(["serve", "--port", port])
        #expect(second.status == 2)
        #expect(second.stderr == "snapinfra: error: cannot listen on 127.0.0.1:\(port): address already in use\n")
    }

    @Test func sigtermLetsARequestInFlightFinish() async throws {
        let server = try ServerProcess()
        let big = try Self.bigProject()
        async let reply = server.send("POST", "/api/generate-iac-v2", body: big)
        try await Task.sleep(for: .milliseconds(300))
        server.process.terminate()
        let finished = try await reply
        #expect(finished.status == 200)
        #expect(try finished.json()["success"] as? Bool == true)
        let deadline = Date().addingTimeInterval(30)
        while server.process.isRunning && Date() < deadline { try await Task.sleep(for: .milliseconds(20)) }
        #expect(!server.process.isRunning)
        #expect(server.process.terminationStatus == 0)
        #expect(server.log.contains("snapinfra serve: stopped"))
        // The request was still being worked on when SIGTERM came: it took longer than the wait.
        let line = try #require(server.log.components(separatedBy: "\n").first { $0.hasPrefix("POST /api/generate-iac-v2 200 ") })
        let milliseconds = Double(line.split(separator: " ")[3]) ?? 0
        #expect(milliseconds > 300, "the request ended before SIGTERM (\(line)); the test needs a slower project")
    }

    /// 500 requests, 50 at a time, every one answered; the latencies are printed (the figures for
    /// the note come from snapinfra-bench on a release build).
    @Test func fiveHundredRequestsFiftyAtATimeAllSucceed() async throws {
        let server = try ServerProcess()
        let body = try Data(contentsOf: CLIRunner.repositoryRoot.appendingPathComponent("Tests/Fixtures/architect/northwind-erp.yaml"))
        let started = ContinuousClock.now
        let latencies = try await withThrowingTaskGroup(of: [Double].self) { group in
            let next = Counter()
            for _ in 0..<50 {
                group.addTask {
                    var own: [Double] = []
                    while next.take(below: 500) {
                        let start = ContinuousClock.now
                        let reply = try await server.send("POST", "/api/generate-iac-v2", body: body, contentType: "application/yaml")
                        guard reply.status == 200 else { throw ServerProcess.Failure("status \(reply.status): \(reply.text.prefix(200))") }
                        own.append((ContinuousClock.now - start) / .milliseconds(1))
                    }
                    return own
                }
            }
            var all: [Double] = []
            for try await part in group { all += part }
            return all.sorted()
        }
        let elapsed = (ContinuousClock.now - started) / .seconds(1)
        #expect(latencies.count == 500)
        #expect(elapsed < 120, "500 requests took \(elapsed) s")
        print("serve load (debug build): p50 \(latencies[250]) ms, p99 \(latencies[494]) ms, \(Double(500) / elapsed) requests/s")
    }
}

/// Hands out 0, 1, 2, … to concurrent workers.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func take(below limit: Int) -> Bool {
        lock.withLock {
            guard value < limit else { return false }
            value += 1
            return true
        }
    }
}
