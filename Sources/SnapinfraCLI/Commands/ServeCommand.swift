import ArgumentParser
import Foundation
import SnapinfraCore
import SnapinfraSSH
import SnapinfraServer

/// `snapinfra serve`: the original HTTP API over the same core as the commands.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "The HTTP API: POST /api/generate-iac-v2, /api/design, /api/enhancements, /api/validate (GET /openapi.yaml describes it).",
        discussion: """
            Stateless: each request carries a project file (JSON or YAML) and gets the JSON the matching command \
            prints with --json; nothing is written to disk. It listens on loopback unless --host names another \
            address. Limits, each answered with a JSON error: a body over 2 MiB gets 413, a bad project 400 with \
            its diagnostics, a request over --timeout 504, more than --max-requests at once 503 with Retry-After. \
            One line per request goes to stderr. SIGTERM or SIGINT lets the requests in flight finish, then exits.

            With --ssh [HOST:]PORT (default 127.0.0.1:2222) it is an SSH server instead, whose only job is the \
            terminal UI: any user name, with a key or with any password, gets a session running `snapinfra tui` \
            on a terminal of its own. Drafts are kept per key, or per session code for visitors without one, so a \
            dropped visitor who comes back is offered Resume. Sessions without a terminal, commands, sftp and \
            port forwarding are refused. The host key is generated once under $XDG_STATE_HOME/snapinfra/ssh/.
            """
    )

    // The HTTP API's options and the SSH ones are optional, defaults applied in `run`, so that one
    // given with the other front end is refused instead of ignored.
    @Option(help: "The address to listen on (default 127.0.0.1); anything but loopback is reachable from other machines.")
    var host: String?

    @Option(help: "The port (default 8080; 0 picks a free one, and the address is printed once listening).")
    var port: Int?

    @Option(help: "Seconds a request may take (default 10).")
    var timeout: Double?

    @Option(help: "Requests worked on at once (default cores × 4); beyond it 503 with Retry-After.")
    var maxRequests: Int?

    @Option(help: "MiB of replies kept for identical requests when the rules engine designs (default 64; 0 turns it off).")
    var cacheMb: Int?

    @Option(help: "Serve the terminal UI over SSH on [HOST:]PORT instead of the HTTP API (default 127.0.0.1:2222).")
    var ssh: String?

    @Option(help: "With --ssh: an OpenSSH ed25519 private key to use as the host key (default: one generated and kept).")
    var hostKey: String?

    @Option(help: "With --ssh: sessions at once (default 20).")
    var maxSessions: Int?

    @Option(help: "With --ssh: minutes without a keystroke after which a session ends (default 15).")
    var idle: Double?

    @Flag(help: "With --ssh: every session starts on the start screen with the examples and writes only in a scratch folder of its own.")
    var demo = false

    @OptionGroup(title: "Language model (used for every request when given; a request cannot choose one)")
    var ai: AIOptions

    func validate() throws {
        if let ssh {
            let http = [
                ("--host", host != nil), ("--port", port != nil), ("--timeout", timeout != nil), ("--max-requests", maxRequests != nil),
                ("--cache-mb", cacheMb != nil),
            ]
            if let given = http.first(where: \.1) {
                throw ValidationError("\(given.0) is for the HTTP API; with --ssh the address is --ssh [HOST:]PORT")
            }
            guard SSHSettings.address(ssh) != nil else { throw ValidationError("--ssh: \(ssh) is not [HOST:]PORT with PORT 0…65535") }
            guard maxSessions ?? 1 >= 1 else { throw ValidationError("--max-sessions must be at least 1") }
            guard idle ?? 1 > 0 else { throw ValidationError("--idle must be more than 0 minutes") }
        } else {
            let sshOnly = [("--host-key", hostKey != nil), ("--demo", demo), ("--max-sessions", maxSessions != nil), ("--idle", idle != nil)]
            if let given = sshOnly.first(where: \.1) { throw ValidationError("\(given.0) goes with --ssh") }
            guard (0...65535).contains(port ?? 0) else { throw ValidationError("--port must be 0…65535") }
            let seconds = timeout ?? 10
            guard seconds > 0, seconds <= 3600 else { throw ValidationError("--timeout must be more than 0 and at most 3600 seconds") }
            guard maxRequests ?? 1 >= 1 else { throw ValidationError("--max-requests must be at least 1") }
            guard cacheMb ?? 0 >= 0 else { throw ValidationError("--cache-mb cannot be negative") }
        }
    }

    func run() throws {
        if let ssh { return try runSSH(ssh) }
        let assistant = try ai.assistant()
        let timeout = timeout ?? 10
        var settings = ServerSettings()
        settings.host = host ?? "127.0.0.1"
        settings.port = port ?? 8080
        settings.timeout = .milliseconds(Int((timeout * 1000).rounded()))
        settings.maxConcurrent = maxRequests ?? ProcessInfo.processInfo.activeProcessorCount * 4
        settings.cacheBytes = (cacheMb ?? 64) * 1024 * 1024
        if !settings.isLoopback {
            StandardError.write("snapinfra serve: warning: listening on \(settings.host): anyone who can reach this machine can use the API")
        }
        if assistant.settings.provider != .rules && assistant.settings.timeout * 2 > timeout {
            StandardError.write(
                "snapinfra serve: warning: a model phase may take --ai-timeout \(Format.number(assistant.settings.timeout)) s and a design has two, but a request gets --timeout \(Format.number(timeout)) s; raise --timeout"
            )
        }
        let service = ProjectService(pipeline: Pipeline(advisor: assistant))
        ProjectService.warmUp()
        let deterministic = assistant.settings.provider == .rules
        do {
            try AsyncMain.block { [settings] in
                try await APIServer.run(service: service, settings: settings, deterministic: deterministic) { address in
                    StandardError.write("snapinfra serve: listening on \(address) (GET \(address)/openapi.yaml describes the API)")
                }
            }
        } catch let error as APIServer.ListenError {
            throw CommandFailure.usage(error.message)
        } catch {
            throw CommandFailure(message: "\(error)", exitCode: 1)
        }
        StandardError.write("snapinfra serve: stopped")
    }
}

extension ServeCommand {
    /// `--ssh`: the terminal UI for visitors over SSH.
    func runSSH(_ address: String) throws {
        guard let (host, port) = SSHSettings.address(address) else { throw CommandFailure.usage("--ssh: \(address) is not [HOST:]PORT") }
        let environment = ProcessInfo.processInfo.environment
        var settings = SSHSettings(
            executable: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0],
            directory: FileManager.default.currentDirectoryPath, environment: environment)
        settings.host = host
        settings.port = port
        settings.hostKeyPath = hostKey
        settings.maxSessions = maxSessions ?? 20
        settings.idle = .milliseconds(Int(((idle ?? 15) * 60_000).rounded()))
        settings.demo = demo
        if !["127.0.0.1", "::1", "localhost"].contains(host) {
            StandardError.write(
                "snapinfra serve --ssh: warning: listening on \(host): anyone who can reach this machine gets the terminal UI"
                    + (demo ? "" : "; --demo keeps each session's writes in a scratch folder"))
        }
        do {
            let demo = settings.demo
            try SSHServer.run(settings) { address, fingerprint in
                StandardError.write(
                    "snapinfra serve --ssh: listening on \(address) (host key \(fingerprint)\(demo ? ", demo mode" : ""))")
            }
        } catch {
            throw CommandFailure.usage(error.message)
        }
    }
}

/// Runs async work from a synchronous command, on the concurrency pool, until it ends; its error
/// is rethrown as it is.
enum AsyncMain {
    static func block(_ work: @escaping @Sendable () async throws -> Void) throws {
        final class Outcome: @unchecked Sendable {
            var error: (any Error)?
        }
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            do {
                try await work()
            } catch {
                outcome.error = error
            }
            done.signal()
        }
        done.wait()
        if let error = outcome.error { throw error }
    }
}
