import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import SnapinfraCore

/// `snapinfra serve`: the HTTP API, until SIGTERM or SIGINT; requests in flight then finish
/// before it exits.
public enum APIServer {
    /// Runs the server. `deterministic` says the service's answers are a function of the request
    /// (the rules engine), so identical requests may share a reply. `onListening` gets the address
    /// actually bound (the port matters when 0 was asked for).
    public static func run(
        service: ProjectService, settings: ServerSettings, deterministic: Bool, onListening: @escaping @Sendable (String) -> Void
    ) async throws {
        var logger = Logger(label: "snapinfra.serve")
        logger.logLevel = .warning
        let responder = APIResponder(
            service: service, settings: settings, queue: WorkQueue(limit: settings.maxConcurrent, cacheBytes: settings.cacheBytes),
            deterministic: deterministic)
        let app = Application(
            responder: responder,
            configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "snapinfra/\(SnapinfraVersion.current)"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? settings.port
                let host = settings.host.contains(":") ? "[\(settings.host)]" : settings.host
                onListening("http://\(host):\(port)")
            },
            logger: logger
        )
        let group = ServiceGroup(
            configuration: .init(services: [app], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        do {
            try await group.run()
        } catch let error as IOError {
            let reason = String(cString: strerror(error.errnoCode))
            throw ListenError(message: "cannot listen on \(settings.host):\(settings.port): \(reason.prefix(1).lowercased() + reason.dropFirst())")
        }
    }

    /// The address cannot be bound (in use, not this machine's, not allowed).
    public struct ListenError: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }
}
