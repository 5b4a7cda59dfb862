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
