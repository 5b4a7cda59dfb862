import Foundation
import NIOCore
import NIOPosix
import NIOSSH

/// One SSH session channel: a pseudo-terminal request, then a shell, gets its own `snapinfra tui`
/// on a terminal of its own; window changes resize it; when the connection drops, the program gets
/// SIGHUP. Sessions without a terminal, exec, subsystems (sftp) and anything after the shell are
/// refused with a message.
final class TerminalSession: ChannelDuplexHandler {
    typealias InboundIn = SSHChannelData
    typealias InboundOut = ByteBuffer
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = SSHChannelData

    private let registry: SessionRegistry
    private let visitor: Visitor
    private var terminal: SSHChannelRequestEvent.PseudoTerminalRequest?
    private var process: TerminalProcess?
    private var home: VisitorHome?
    private var output: Channel?
    private var holdsSlot = false
    private var started = NIODeadline.now()
    private var lastInput = NIODeadline.now()
    private var idleCheck: RepeatedTask?
    /// Said on the terminal once the program has ended (the idle limit).
    private var farewell: String?
    private var exitStatus: Int32?
    private var ended = false

    init(registry: SessionRegistry, visitor: Visitor) {
        self.registry = registry
        self.visitor = visitor
    }

    func handlerAdded(context: ChannelHandlerContext) {
        _ = context.channel.setOption(ChannelOptions.allowRemoteHalfClosure, value: true)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        switch event {
        case let request as SSHChannelRequestEvent.PseudoTerminalRequest:
            guard process == nil else { return reply(context, request.wantReply, false) }
            terminal = request
            reply(context, request.wantReply, true)
        case let request as SSHChannelRequestEvent.ShellRequest:
            start(context, wantReply: request.wantReply)
        case let request as SSHChannelRequestEvent.ExecRequest:
            refuse(
                context, wantReply: request.wantReply,
                "snapinfra: this server runs only the terminal UI; commands are not run (connect without one: ssh -t -p PORT HOST)")
        case let request as SSHChannelRequestEvent.SubsystemRequest:
            refuse(
                context, wantReply: request.wantReply, accept: false,
                "snapinfra: this server runs only the terminal UI; \(request.subsystem) is not offered")
        case let request as SSHChannelRequestEvent.WindowChangeRequest:
            process?.resize(rows: request.terminalRowHeight, columns: request.terminalCharacterWidth)
        case let request as SSHChannelRequestEvent.EnvironmentRequest:
            // The client's environment is not passed on (LANG and the like): the server sets it.
            reply(context, request.wantReply, false)
        default:
            context.fireUserInboundEventTriggered(event)
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let message = unwrapInboundIn(data)
        guard case .channel = message.type, case .byteBuffer(let bytes) = message.data else { return }
        lastInput = .now()
        output?.writeAndFlush(bytes, promise: nil)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        context.write(wrapOutboundOut(SSHChannelData(type: .channel, data: .byteBuffer(unwrapOutboundIn(data)))), promise: promise)
    }

    func channelInactive(context: ChannelHandlerContext) {
        // The connection is gone: hang up, as a terminal does when its line drops.
        finish(context, dropped: true)
        context.fireChannelInactive()
    }

    // MARK: Starting

    private func start(_ context: ChannelHandlerContext, wantReply: Bool) {
        guard process == nil else { return reply(context, wantReply, false) }
        guard let terminal else {
            return refuse(
                context, wantReply: wantReply,
                "snapinfra: this server runs the terminal UI, which needs a terminal; connect without -T (ssh -t -p PORT HOST)")
        }
        guard registry.acquire() else {
            return refuse(
                context, wantReply: wantReply,
                "snapinfra: all \(registry.settings.maxSessions) sessions are taken; try again in a few minutes")
        }
        holdsSlot = true
        let settings = registry.settings
        let process: TerminalProcess
        let home: VisitorHome
        do {
            home = try VisitorHome.resolve(visitor, stateRoot: registry.stateRoot, demo: settings.demo)
            var directory = settings.directory
            if settings.demo {
                try Self.prepareScratch(home.path, examples: settings.directory + "/examples")
                directory = home.path
            }
            process = try TerminalProcess(
                executable: settings.executable, arguments: ["tui"],
                environment: home.environment(
                    term: terminal.term, server: settings.environment, demo: settings.demo, reconnect: registry.reconnectHint(home.code ?? "")),
                directory: directory, rows: terminal.terminalRowHeight, columns: terminal.terminalCharacterWidth)
        } catch {
            return refuse(context, wantReply: wantReply, "snapinfra: the session cannot start: \(error)")
        }
        self.process = process
        self.home = home
        registry.started(process)
        started = .now()
        lastInput = .now()
        reply(context, wantReply, true)
        connect(context, process)
        watchIdle(context)
    }

    /// The terminal's master side as a NIO channel on this session's event loop: what the program
    /// writes goes to the client.
    private func connect(_ context: ChannelHandlerContext, _ process: TerminalProcess) {
        let session = NIOLoopBound(self, eventLoop: context.eventLoop)
        let sessionContext = NIOLoopBound(context, eventLoop: context.eventLoop)
        let sshChannel = context.channel
        NIOPipeBootstrap(group: context.eventLoop)
            .channelOption(ChannelOptions.allowRemoteHalfClosure, value: true)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(TerminalOutput(ssh: sshChannel))
                }
            }
            .takingOwnershipOfDescriptor(inputOutput: process.master)
            .whenComplete { result in
                switch result {
                case .success(let channel):
                    session.value.output = channel
                    channel.closeFuture.whenComplete { _ in
                        session.value.programEnded(sessionContext.value)
                    }
                case .failure:
                    session.value.finish(sessionContext.value, dropped: false)
                }
            }
        let loop = context.eventLoop
        process.reap { status in
            loop.execute {
                session.value.exitStatus = status
                session.value.programEnded(sessionContext.value)
            }
        }
    }

    private func watchIdle(_ context: ChannelHandlerContext) {
        let limit = TimeAmount.nanoseconds(
            Int64(registry.settings.idle.components.seconds) * 1_000_000_000
                + registry.settings.idle.components.attoseconds / 1_000_000_000)
        let every = min(TimeAmount.seconds(30), .nanoseconds(max(limit.nanoseconds / 4, 50_000_000)))
        let session = NIOLoopBound(self, eventLoop: context.eventLoop)
        idleCheck = context.eventLoop.scheduleRepeatedTask(initialDelay: every, delay: every) { _ in
            let me = session.value
            guard me.farewell == nil, NIODeadline.now() - me.lastInput >= limit else { return }
            let minutes = Double(limit.nanoseconds) / 60e9
            let amount =
                minutes >= 1
                ? "\(Int(minutes.rounded())) minute\(Int(minutes.rounded()) == 1 ? "" : "s")" : "\(limit.nanoseconds / 1_000_000_000) seconds"
            me.farewell = "snapinfra: no keystroke for \(amount); the session ends. Connect again to resume a draft."
            me.process?.hangUp()
        }
    }

    // MARK: Ending

    /// The program has ended or its terminal closed: once both, say goodbye and close the channel.
    private func programEnded(_ context: ChannelHandlerContext) {
        guard !ended, exitStatus != nil, output?.isActive != true else { return }
        if let farewell {
            var buffer = context.channel.allocator.buffer(capacity: farewell.utf8.count + 4)
            buffer.writeString("\r\n" + farewell + "\r\n")
            context.writeAndFlush(wrapOutboundOut(SSHChannelData(type: .channel, data: .byteBuffer(buffer))), promise: nil)
        }
        let status = Int(exitStatus ?? 0)
        let channel = context.channel
        context.channel.triggerUserOutboundEvent(SSHChannelRequestEvent.ExitStatus(exitStatus: status)).whenComplete { _ in
            channel.close(promise: nil)
        }
        finish(context, dropped: false)
    }

    private func finish(_ context: ChannelHandlerContext, dropped: Bool) {
        guard !ended else { return }
        ended = true
        idleCheck?.cancel()
        if let process {
            if dropped || exitStatus == nil { process.hangUp() }
            output?.close(promise: nil)
            registry.ended(process)
            let rows = terminal?.terminalRowHeight ?? 0
            let columns = terminal?.terminalCharacterWidth ?? 0
            let seconds = Double((NIODeadline.now() - started).nanoseconds) / 1e9
            let who = visitor.key.map { "key \($0)" } ?? (home?.code.map { "code \($0)" } ?? "no key")
            let how = farewell != nil ? "idle" : (dropped ? "dropped" : "exited \(exitStatus ?? 0)")
            registry.log(
                "\(visitor.address) user \(visitor.user.debugDescription) (\(who)) TERM=\(terminal?.term ?? "-") \(columns)x\(rows) \(String(format: "%.1f", seconds)) s, \(how)"
            )
            if let home, home.scratch { try? FileManager.default.removeItem(atPath: home.path) }
        }
        if holdsSlot {
            holdsSlot = false
            registry.release()
        }
    }

    // MARK: Replies

    private func reply(_ context: ChannelHandlerContext, _ wantReply: Bool, _ success: Bool) {
        guard wantReply else { return }
        if success {
            context.channel.triggerUserOutboundEvent(ChannelSuccessEvent(), promise: nil)
        } else {
            context.channel.triggerUserOutboundEvent(ChannelFailureEvent(), promise: nil)
        }
    }

    /// Says why on the client's stderr, then ends the channel with exit status 1. A shell or exec
    /// request is answered with success first, so that the client shows the message rather than
    /// only "request failed"; nothing is run.
    private func refuse(_ context: ChannelHandlerContext, wantReply: Bool, accept: Bool = true, _ message: String) {
        var buffer = context.channel.allocator.buffer(capacity: message.utf8.count + 2)
        buffer.writeString(message + "\r\n")
        reply(context, wantReply, accept)
        context.writeAndFlush(wrapOutboundOut(SSHChannelData(type: .stdErr, data: .byteBuffer(buffer))), promise: nil)
        let channel = context.channel
        let address = visitor.address
        let user = visitor.user
        registry.log("\(address) user \(user.debugDescription) refused: \(message.replacingOccurrences(of: "snapinfra: ", with: ""))")
        context.channel.triggerUserOutboundEvent(SSHChannelRequestEvent.ExitStatus(exitStatus: 1)).whenComplete { _ in
            channel.close(promise: nil)
        }
    }

    /// The demo's scratch folder: the examples to open, and the folders the UI writes in.
    static func prepareScratch(_ path: String, examples: String) throws {
        let manager = FileManager.default
        for folder in ["state", "config", "cache", "tmp"] {
            try manager.createDirectory(atPath: path + "/" + folder, withIntermediateDirectories: true)
        }
        if manager.fileExists(atPath: examples) { try manager.copyItem(atPath: examples, toPath: path + "/examples") }
    }
}

/// What the program writes on its terminal, to the client.
final class TerminalOutput: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    let ssh: Channel

    init(ssh: Channel) {
        self.ssh = ssh
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        ssh.writeAndFlush(unwrapInboundIn(data), promise: nil)
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        // EIO once the program has ended and its terminal is gone.
        context.close(promise: nil)
    }
}
