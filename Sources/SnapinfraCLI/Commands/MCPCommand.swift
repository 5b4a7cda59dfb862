import ArgumentParser
import Foundation
import SnapinfraCore
import SnapinfraMCP

/// `snapinfra mcp`: read-only tools for coding agents over the Model Context Protocol.
struct MCPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mcp",
        abstract: "A read-only Model Context Protocol server over stdio: validate, design, price, suggest, diff and render.",
        discussion: """
            Tools: validate_project, design, estimate_cost, list_enhancements, diff_enhancement, render. Each takes \
            the project file (an object, or its JSON or YAML text) and answers with the JSON the matching command \
            prints with --json. No tool writes a file or runs anything. Offline and deterministic with the rules \
            engine; a language model is used only when this server is started with one.
            """
    )

    @OptionGroup(title: "Language model")
    var ai: AIOptions

    func run() throws {
        let service = ProjectService(pipeline: Pipeline(advisor: try ai.assistant()))
        do {
            try AsyncMain.block { try await MCPServer.run(service: service) }
        } catch {
            throw CommandFailure(message: "\(error)", exitCode: 1)
        }
    }
}
