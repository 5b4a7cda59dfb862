import Foundation

/// How `snapinfra serve` listens and what it allows one request.
public struct ServerSettings: Sendable, Hashable {
    /// Loopback unless another address is given explicitly.
    public var host = "127.0.0.1"
    /// 0 picks a free port (the address is printed once the server listens).
    public var port = 8080
    /// The longest a request may take; beyond it the answer is 504.
    public var timeout: Duration = .seconds(10)
    /// Requests worked on at once; beyond it the answer is 503 with `Retry-After`.
    public var maxConcurrent = ProcessInfo.processInfo.activeProcessorCount * 4
    /// The largest body accepted; beyond it the answer is 413.
    public var maxBodyBytes = 2 * 1024 * 1024
    /// Replies kept for identical requests (0 turns the cache off). Only when the design comes
    /// from the rules engine, whose answer is a function of the request.
    public var cacheBytes = 64 * 1024 * 1024

    public init() {}

    /// Whether the address is on this machine only.
    public var isLoopback: Bool { ["127.0.0.1", "::1", "localhost"].contains(host) }
}
