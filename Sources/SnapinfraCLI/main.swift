import ArgumentParser
import Foundation

/// Runs the command line, mapping errors to the exit codes of `shared/spec/cli.md`:
/// 0 success, 1 invalid project or output, 2 usage, 3 hand edits in the output folder.
do {
    var command = try Snapinfra.parseAsRoot(Snapinfra.withDefaultValues(Array(CommandLine.arguments.dropFirst())))
    try command.run()
} catch {
    let code = Snapinfra.exitCode(for: error)
    if code == .success {
        Snapinfra.exit(withError: error)  // --help, --version
    }
    if let exit = error as? ExitCode { Foundation.exit(exit.rawValue) }
    if let failure = error as? CommandFailure {
        StandardError.write("snapinfra: error: \(failure.message)")
        Foundation.exit(failure.exitCode)
    }
    // Anything ArgumentParser itself raises is a usage error: exit 2, not its default 64.
    StandardError.write(Snapinfra.fullMessage(for: error))
    Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
}
