import Foundation
import SnapinfraCore

/// The reply to one piece of work, awaited by every request that asked for it, each with its own
/// deadline: a request that gives up leaves the work running for the others (and the cache).
final class ReplyPromise: @unchecked Sendable {
    private let lock = NSLock()
    private var reply: ServiceReply?
    private var waiters: [Int: CheckedContinuation<ServiceReply?, Never>] = [:]
    private var nextWaiter = 0

    /// Hands the reply to everyone waiting, and to everyone who waits from now on.
    func fulfil(_ reply: ServiceReply) {
        let waiting = lock.withLock {
            self.reply = reply
            defer { waiters = [:] }
            return waiters.values
        }
        for waiter in waiting { waiter.resume(returning: reply) }
    }

    /// The reply, or nil when it is not there within `timeout`.
    func wait(timeout: Duration) async -> ServiceReply? {
        await withCheckedContinuation { continuation in
            let (ready, id) = lock.withLock {
                if let reply { return (reply as ServiceReply?, 0) }
                nextWaiter += 1
                waiters[nextWaiter] = continuation
                return (nil, nextWaiter)
            }
            if let ready {
                continuation.resume(returning: ready)
                return
            }
            Task {
                try? await Task.sleep(for: timeout)
                self.expire(id)
            }
        }
    }

    private func expire(_ id: Int) {
        let waiter = lock.withLock { waiters.removeValue(forKey: id) }
        waiter?.resume(returning: nil)
    }
}
