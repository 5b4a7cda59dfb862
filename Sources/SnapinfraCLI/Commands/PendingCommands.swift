import ArgumentParser

/// The message for a command whose phase has not landed yet; exits 2 as `cli.md` allows.
private func notYetAvailable(_ name: String) -> CommandFailure {
    .usage("'snapinfra \(name)' is not yet available in this version; 'snapinfra validate FILE' is")
}

struct EnhancementsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "enhancements", abstract: "Phase 3: suggestions, their impact and safety.")
    @Argument(help: "The project file (JSON or YAML); - reads stdin.") var file: String
    @Flag(help: "Print one JSON document to stdout.") var json = false
    func run() throws { throw notYetAvailable("enhancements") }
}
