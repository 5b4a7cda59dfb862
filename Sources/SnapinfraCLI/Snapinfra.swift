import ArgumentParser
import SnapinfraCore

/// `snapinfra`: turns a described software project into reviewed infrastructure code.
struct Snapinfra: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapinfra",
        abstract: "Turn a described software project into reviewed, ready-to-apply infrastructure code.",
        version: SnapinfraVersion.current,
        subcommands: [
            TUICommand.self, ValidateCommand.self, DesignCommand.self, GenerateCommand.self, EnhancementsCommand.self, DraftCommand.self,
            ImportCommand.self, ServeCommand.self, MCPCommand.self,
        ],
        defaultSubcommand: TUICommand.self
    )
}

extension Snapinfra {
    /// `serve --ssh` with no address means the default one, 127.0.0.1:2222 (an option of
    /// ArgumentParser always takes a value).
    static func withDefaultValues(_ arguments: [String]) -> [String] {
        guard arguments.first == "serve", let index = arguments.firstIndex(of: "--ssh") else { return arguments }
        let next = arguments.index(after: index)
        if next == arguments.endIndex || arguments[next].hasPrefix("-") {
            var copy = arguments
            copy.insert("127.0.0.1:2222", at: next)
            return copy
        }
        return arguments
    }
}
