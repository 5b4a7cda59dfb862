import Foundation
import SnapinfraCore

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Lets the user stop a call in flight (Esc in the terminal UI).
public final class CancelToken: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false

    public init() {}

    public func cancel() {
        lock.lock()
        cancelled = true
        lock.unlock()
    }

    public var isCancelled: Bool {
        lock.lock()
        defer { lock.unlock() }
        return cancelled
    }
}

/// Why a call to a model gave no reply.
public enum ModelCallError: Error, Sendable, Hashable, CustomStringConvertible {
    case timedOut(seconds: Double)
    case cancelled
    case http(status: Int, body: String)
    case transport(String)
    case badResponse(String)

    public var description: String {
        switch self {
        case .timedOut(let seconds): return "no reply within \(Format.seconds(seconds))"
        case .cancelled: return "cancelled"
        case .http(let status, let body): return "HTTP \(status)" + (body.isEmpty ? "" : ": \(body)")
        case .transport(let message): return message
        case .badResponse(let message): return "unusable response: \(message)"
        }
    }
}

/// A POST over URLSession that gives up at a deadline and when cancelled, whatever the server does
/// (a slow stream, a connection that never answers).
final class HTTPTransport: @unchecked Sendable {
    struct Response {
        var status: Int
        var headers: [String: String]
        var body: Data
    }

    /// The largest response body read; a bigger one is refused.
    static let maxBody = 2 * 1024 * 1024

    private let session: URLSession

    init() {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.httpCookieStorage = nil
        configuration.urlCache = nil
        session = URLSession(configuration: configuration)
    }

    deinit { session.invalidateAndCancel() }

    func post(_ url: URL, headers: [String: String], body: Data, deadline: Date, cancel: CancelToken) throws(ModelCallError) -> Response {
        let remaining = deadline.timeIntervalSinceNow
        guard remaining > 0 else { throw .timedOut(seconds: 0) }
        var request = URLRequest(url: url, timeoutInterval: remaining)
        request.httpMethod = "POST"
        request.httpBody = body
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let box = ResultBox()
        let task = session.dataTask(with: request) { data, response, error in
            box.finish(data: data, response: response, error: error)
        }
        task.resume()
        while !box.wait(0.05) {
            if cancel.isCancelled {
                task.cancel()
                throw .cancelled
            }
            if Date() >= deadline {
                task.cancel()
                throw .timedOut(seconds: 0)
            }
        }
        if let error = box.error {
            let nsError = error as NSError
            if nsError.code == NSURLErrorTimedOut { throw .timedOut(seconds: 0) }
            if nsError.code == NSURLErrorCancelled { throw .cancelled }
            throw .transport(nsError.localizedDescription.isEmpty ? "connection failed" : nsError.localizedDescription)
        }
        guard let http = box.response as? HTTPURLResponse else { throw .badResponse("not an HTTP response") }
        let data = box.data ?? Data()
        guard data.count <= Self.maxBody else { throw .badResponse("\(data.count) bytes, over the \(Self.maxBody) limit") }
        var fields: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String { fields[name.lowercased()] = value }
        }
        return Response(status: http.statusCode, headers: fields, body: data)
    }

    /// The completion handler's results, handed across threads.
    private final class ResultBox: @unchecked Sendable {
        private let done = DispatchSemaphore(value: 0)
        private let lock = NSLock()
        private var stored: (Data?, URLResponse?, Error?) = (nil, nil, nil)

        func finish(data: Data?, response: URLResponse?, error: Error?) {
            lock.lock()
            stored = (data, response, error)
            lock.unlock()
            done.signal()
        }

        func wait(_ seconds: Double) -> Bool { done.wait(timeout: .now() + seconds) == .success }

        var data: Data? { read { $0.0 } }
        var response: URLResponse? { read { $0.1 } }
        var error: Error? { read { $0.2 } }

        private func read<T>(_ pick: ((Data?, URLResponse?, Error?)) -> T) -> T {
            lock.lock()
            defer { lock.unlock() }
            return pick(stored)
        }
    }
}

extension Format {
    /// `5 s`, `0.5 s`.
    static func seconds(_ value: Double) -> String { "\(number(value, digits: 1)) s" }
}
