import Foundation
import NIOCore
import NIOPosix
import NIOSSH

/// `snapinfra serve --ssh`: an SSH server whose only job is the terminal UI, one `snapinfra tui`
/// per session. Runs until SIGTERM or SIGINT, which hang up every session.
public enum SSHServer {
    public struct Failure: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    public static func run(_ settings: SSHSettings, onListening: @escaping @Sendable (String, String) -> Void) throws(Failure) {
        let registry = SessionRegistry(settings: settings)
        let hostKey: HostKey.Loaded
        do {
            hostKey = try HostKey.load(
                path: settings.hostKeyPath ?? HostKey.defaultPath(environment: settings.environment), create: settings.hostKeyPath == nil)
        } catch {
            throw Failure(message: "--host-key: \(error)")
        }
        let group = MultiThreadedEventLoopGroup.singleton
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                let visitor = Visitor(address: channel.remoteAddress.map(describe) ?? "?")
                return channel.eventLoop.makeCompletedFuture {
                    let handler = NIOSSHHandler(
                        role: .server(.init(hostKeys: [hostKey.key], userAuthDelegate: VisitorAuthenticator(visitor: visitor))),
                        allocator: channel.allocator,
                        inboundChildChannelInitializer: { child, type in
                            guard case .session = type else {
                                // Port forwarding (direct-tcpip) is refused.
                                return child.eventLoop.makeFailedFuture(Failure(message: "only sessions are offered"))
                            }
                            return child.eventLoop.makeCompletedFuture {
                                try child.pipeline.syncOperations.addHandler(TerminalSession(registry: registry, visitor: visitor))
                            }
                        })
                    try channel.pipeline.syncOperations.addHandlers([handler, CloseOnError()])
                }
            }
        let channel: Channel
        do {
            channel = try bootstrap.bind(host: settings.host, port: settings.port).wait()
        } catch let error as IOError {
            let reason = String(cString: strerror(error.errnoCode))
            throw Failure(message: "cannot listen on \(settings.host):\(settings.port): \(reason.prefix(1).lowercased() + reason.dropFirst())")
        } catch {
            throw Failure(message: "cannot listen on \(settings.host):\(settings.port): \(error)")
        }
        let port = channel.localAddress?.port ?? settings.port
        registry.reconnectHint = { code in
            "ssh -p \(port) \(code)@\(settings.host == "127.0.0.1" || settings.host == "::1" ? "localhost" : settings.host)"
        }
        onListening("\(settings.host.contains(":") ? "[\(settings.host)]" : settings.host):\(port)", hostKey.fingerprint)
        // SIGTERM and SIGINT: stop accepting, hang up every session, give them a moment to restore
        // their terminals, exit.
        let stop = DispatchSemaphore(value: 0)
        var sources: [DispatchSourceSignal] = []
        for number in [SIGTERM, SIGINT] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { stop.signal() }
            source.resume()
            sources.append(source)
        }
        stop.wait()
        try? channel.close().wait()
        let hungUp = registry.hangUpAll()
        let deadline = Date().addingTimeInterval(3)
        while registry.runningCount > 0 && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        registry.log("stopped (\(hungUp) session\(hungUp == 1 ? "" : "s") hung up)")
        _ = sources
    }

    static func describe(_ address: SocketAddress) -> String {
        guard let ip = address.ipAddress, let port = address.port else { return "\(address)" }
        return ip.contains(":") ? "[\(ip)]:\(port)" : "\(ip):\(port)"
    }
}

/// A connection whose SSH handshake or channel fails is closed, not left hanging.
final class CloseOnError: ChannelInboundHandler {
    typealias InboundIn = Any

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        context.close(promise: nil)
    }
}
