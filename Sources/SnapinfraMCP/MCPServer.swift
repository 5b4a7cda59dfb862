import Foundation
import MCP
import SnapinfraCore

/// `snapinfra mcp`: a Model Context Protocol server over stdio, read-only, whose tools answer with
/// the same JSON as the commands.
public enum MCPServer {
    public static func run(service: ProjectService) async throws {
        let server = Server(
            name: "snapinfra", version: SnapinfraVersion.current, title: "Snapinfra",
            instructions:
                "Offline and deterministic: designs, prices, validates and security-scores AWS infrastructure for a described project. Start with validate_project, then design or render.",
            capabilities: .init(tools: .init(listChanged: false)))
        await server.withMethodHandler(ListTools.self) { _ in
            ListTools.Result(tools: MCPTools.all.map(\.tool))
        }
        await server.withMethodHandler(CallTool.self) { params in
            let reply = await Task.detached { answer(params.name, params.arguments ?? [:], service: service) }.value
            return CallTool.Result(content: [.text(text: reply.body, annotations: nil, _meta: nil)], isError: reply.status != 200)
        }
        try await server.start(transport: StdioTransport())
        await server.waitUntilCompleted()
    }

    /// The reply to one tool call; a bad argument gets the failure document, like a bad flag.
    static func answer(_ name: String, _ arguments: [String: Value], service: ProjectService) -> ServiceReply {
        guard let entry = MCPTools.all.first(where: { $0.tool.name == name }) else {
            let names = MCPTools.all.map(\.tool.name)
            return .failure(400, "unknown tool \(DisplayText.quoted(name))" + Suggestion.hint(for: name, in: names), details: names)
        }
        do throws(ProjectService.Failure) {
            return service.reply(try call(entry.operation, arguments), source: "project")
        } catch {
            return ServiceReply(status: 400, document: error.document)
        }
    }

    static func call(_ operation: ServiceCall.Operation, _ arguments: [String: Value]) throws(ProjectService.Failure) -> ServiceCall {
        var call: ServiceCall
        switch arguments["project"] {
        case .string(let text)?:
            call = ServiceCall(operation, body: Array(text.utf8))
        case .object(let object)?:
            guard let data = try? JSONEncoder().encode(Value.object(object)) else { throw .usage("project: the object cannot be read") }
            call = ServiceCall(operation, body: Array(data), format: .json)
            call.positions = false
        case nil:
            throw .usage("project: missing (the project file, as an object or as its text)")
        default:
            throw .usage("project: expected an object or a string")
        }
        let allowed = Set(["project"] + MCPTools.properties(operation))
        if let unknown = arguments.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw .usage("unknown argument \(DisplayText.quoted(unknown))" + Suggestion.hint(for: unknown, in: allowed.sorted()))
        }
        if operation == .diff {
            guard case .string(let id)? = arguments["id"], !id.isEmpty else {
                throw .usage("id: missing (the enhancement id, from list_enhancements)")
            }
            call.enhancementID = id
        }
        if let apply = arguments["apply"] { call.generate.apply = try strings(apply, "apply") }
        if let safe = arguments["applySafe"] {
            guard case .bool(let value) = safe else { throw .usage("applySafe: expected true or false") }
            call.generate.applySafe = value
        }
        if let targets = arguments["targets"] {
            call.generate.targets = try ServiceCall.targets(try strings(targets, "targets").joined(separator: ","), option: "targets")
        }
        if call.generate.apply != nil && call.generate.applySafe { throw .usage("apply and applySafe cannot be combined") }
        return call
    }

    private static func strings(_ value: Value, _ name: String) throws(ProjectService.Failure) -> [String] {
        guard case .array(let items) = value else { throw .usage("\(name): expected an array of strings") }
        var result: [String] = []
        for (index, item) in items.enumerated() {
            guard case .string(let text) = item else { throw .usage("\(name)[\(index)]: expected a string") }
            result.append(text)
        }
        return result
    }
}
