import Foundation
import Testing

/// `snapinfra mcp` as a subprocess, spoken to in JSON-RPC over its stdin and stdout, as an agent's
/// client would.
@Suite struct MCPTests {
    final class Session {
        let process = Process()
        let input = Pipe()
        let output = Pipe()
        private var buffer = Data()
        private var nextID = 0

        init() throws {
            guard let binary = CLIRunner.binary else { throw ServerProcess.Failure("the snapinfra binary is not built") }
            process.executableURL = binary
            process.arguments = ["mcp"]
            process.currentDirectoryURL = CLIRunner.repositoryRoot
            process.standardInput = input
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
        }

        func notify(_ method: String) throws {
            try write(["jsonrpc": "2.0", "method": method])
        }

        /// Sends a request and reads lines until the response with its id.
        func request(_ method: String, _ params: [String: Any] = [:]) throws -> [String: Any] {
            nextID += 1
            try write(["jsonrpc": "2.0", "id": nextID, "method": method, "params": params])
            while true {
                let line = try readLine()
                guard let message = try JSONSerialization.jsonObject(with: line) as? [String: Any] else { continue }
                if message["id"] as? Int == nextID { return message }
            }
        }

        /// A tool's text and whether it is an error.
        func call(_ tool: String, _ arguments: [String: Any]) throws -> (text: String, isError: Bool) {
            let response = try request("tools/call", ["name": tool, "arguments": arguments])
            let result = try #require(response["result"] as? [String: Any], "\(response)")
            let content = try #require(result["content"] as? [[String: Any]])
            #expect(content.count == 1 && content[0]["type"] as? String == "text")
            return (content[0]["text"] as? String ?? "", result["isError"] as? Bool ?? false)
        }

        private func write(_ object: [String: Any]) throws {
            var data = try JSONSerialization.data(withJSONObject: object)
            data.append(UInt8(ascii: "\n"))
            input.fileHandleForWriting.write(data)
        }

        private func readLine() throws -> Data {
            while true {
                if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                    let line = buffer[buffer.startIndex..<newline]
                    buffer = Data(buffer[buffer.index(after: newline)...])
                    return Data(line)
                }
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { throw ServerProcess.Failure("the MCP server closed its output") }
                buffer.append(chunk)
            }
        }

        func close() -> Int32 {
            try? input.fileHandleForWriting.close()
            process.waitUntilExit()
            return process.terminationStatus
        }
    }

    @Test func anAgentListsTheToolsAndEachAnswersWithTheCommandsJSON() throws {
        let session = try Session()
        let initialize = try session.request(
            "initialize", ["protocolVersion": "2025-06-18", "capabilities": [:], "clientInfo": ["name": "tests", "version": "1"]])
        let info = try #require((initialize["result"] as? [String: Any])?["serverInfo"] as? [String: Any])
        #expect(info["name"] as? String == "snapinfra")
        try session.notify("notifications/initialized")

        let list = try session.request("tools/list")
        let tools = try #require((list["result"] as? [String: Any])?["tools"] as? [[String: Any]])
        #expect(
            tools.compactMap { $0["name"] as? String } == [
                "validate_project", "design", "estimate_cost", "list_enhancements", "diff_enhancement", "render",
            ])
        for tool in tools {
            let schema = try #require(tool["inputSchema"] as? [String: Any])
            #expect((schema["required"] as? [String])?.first == "project")
            #expect((tool["annotations"] as? [String: Any])?["readOnlyHint"] as? Bool == true)
        }

        let file = "examples/shop.json"
        let project = try JSONSerialization.jsonObject(with: Data(contentsOf: CLIRunner.repositoryRoot.appendingPathComponent(file)))
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("snapinfra-mcp-\(UUID())")
        defer { try? FileManager.default.removeItem(at: out) }
        let pairs: [(String, [String: Any], [String])] = [
            ("validate_project", [:], ["validate", file, "--json"]),
            ("design", [:], ["design", file, "--json"]),
            ("list_enhancements", [:], ["enhancements", file, "--json"]),
            ("render", ["applySafe": true], ["generate", file, "--out", out.path, "--json", "--apply-safe"]),
        ]
        for (tool, extra, command) in pairs {
            let answer = try session.call(tool, extra.merging(["project": project]) { a, _ in a })
            #expect(!answer.isError, "\(tool): \(answer.text.prefix(300))")
            #expect(answer.text == (try CLIRunner.run(command)).stdout, "\(tool) differs from \(command.joined(separator: " "))")
        }

        let diff = try session.call("diff_enhancement", ["project": project, "id": "vpc-flow-logs"])
        let diffJSON = try #require(try JSONSerialization.jsonObject(with: Data(diff.text.utf8)) as? [String: Any])
        let lines = try #require((diffJSON["data"] as? [String: Any])?["diff"] as? [String])
        #expect(lines.joined(separator: "\n") + "\n" == (try CLIRunner.run(["enhancements", file, "--diff", "vpc-flow-logs"])).stdout)

        let estimate = try session.call("estimate_cost", ["project": project])
        let estimateJSON = try #require(try JSONSerialization.jsonObject(with: Data(estimate.text.utf8)) as? [String: Any])
        let design = try #require(
            try JSONSerialization.jsonObject(with: Data((try CLIRunner.run(["design", file, "--json"])).stdout.utf8)) as? [String: Any])
        let fromDesign = try #require(design["data"] as? [String: Any])
        let estimated = try #require(estimateJSON["data"] as? [String: Any])
        for key in ["estimate", "budget"] {
            let mine = try JSONSerialization.data(withJSONObject: try #require(estimated[key]), options: [.sortedKeys])
            let theirs = try JSONSerialization.data(withJSONObject: try #require(fromDesign[key]), options: [.sortedKeys])
            #expect(mine == theirs, "estimate_cost's \(key) differs from design --json's")
        }

        // A project as YAML text; a bad one names the path (no line and column: the client sent an object).
        let yaml = try session.call("validate_project", ["project": "project:\n  name: a\n"])
        #expect(!yaml.isError && yaml.text.contains("\"valid\" : true"))
        let bad = try session.call(
            "design",
            ["project": ["project": ["name": "x", "schema": [["name": "t", "fields": [["name": "id", "type": "uuid", "references": "org.id"]]]]]]])
        #expect(bad.isError)
        #expect(
            bad.text.contains(#"project: error: project.schema[0].fields[0].references: table \"org\" does not exist"#), "\(bad.text.prefix(400))")
        let missing = try session.call("diff_enhancement", ["project": project])
        #expect(missing.isError && missing.text.contains("id: missing"))
        let unknown = try session.call("render", ["project": project, "aply": ["x"]])
        #expect(unknown.isError && unknown.text.contains(#"unknown argument \"aply\""#))
        #expect(session.close() == 0)
    }
}
