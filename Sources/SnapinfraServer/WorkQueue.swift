import Foundation
import SnapinfraCore

/// Where the API's work runs: off the event loops, at most `limit` pieces at once, identical
/// requests sharing one piece of work, and replies kept for identical requests when the engine is
/// deterministic.
final class WorkQueue: @unchecked Sendable {
    enum Admission {
        /// Answered from the cache.
        case cached(ServiceReply)
        /// The same request is being worked on; wait for its reply.
        case joined(ReplyPromise)
        /// Work started for this request.
        case started(ReplyPromise)
        /// As many requests as allowed are being worked on.
        case busy
    }

    private let lock = NSLock()
    private let limit: Int
    private var running = 0
    private var inFlight: [String: ReplyPromise] = [:]
    private var cache: ReplyCache

    init(limit: Int, cacheBytes: Int) {
        self.limit = limit
        cache = ReplyCache(capacity: cacheBytes)
    }

    /// Starts `work` for `key` unless its reply is cached, the same work is running, or the queue
    /// is full. The work runs on a worker thread; a slot stays taken until it ends, even when
    /// the request that started it has timed out.
    func admit(_ key: String, work: @escaping @Sendable () -> ServiceReply) -> Admission {
        let admission: Admission = lock.withLock {
            if let reply = cache.reply(for: key) { return .cached(reply) }
            if let promise = inFlight[key] { return .joined(promise) }
            guard running < limit else { return .busy }
            running += 1
            let promise = ReplyPromise()
            inFlight[key] = promise
            return .started(promise)
        }
        if case .started(let promise) = admission {
            DispatchQueue.global(qos: .userInitiated).async {
                let reply = work()
                self.finish(key, reply)
                promise.fulfil(reply)
            }
        }
        return admission
    }

    private func finish(_ key: String, _ reply: ServiceReply) {
        lock.withLock {
            running -= 1
            inFlight[key] = nil
            // A 500 is our failure, not the request's answer: it is not kept.
            if reply.status < 500 { cache.store(reply, for: key) }
        }
    }
}

/// Replies by request key, the oldest dropped first once they hold more than `capacity` bytes.
struct ReplyCache {
    let capacity: Int
    private var replies: [String: ServiceReply] = [:]
    private var order: [String] = []
    private var bytes = 0

    init(capacity: Int) {
        self.capacity = capacity
    }

    func reply(for key: String) -> ServiceReply? { replies[key] }

    mutating func store(_ reply: ServiceReply, for key: String) {
        let size = reply.body.utf8.count
        guard size <= capacity, replies[key] == nil else { return }
        replies[key] = reply
        order.append(key)
        bytes += size
        while bytes > capacity, !order.isEmpty {
            let oldest = order.removeFirst()
            bytes -= replies.removeValue(forKey: oldest)?.body.utf8.count ?? 0
        }
    }
}
