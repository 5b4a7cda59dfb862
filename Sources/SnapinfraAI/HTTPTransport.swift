import Foundation
import SnapinfraCore

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

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
/// (a slow stream, a connection that never answers). The body is read as it arrives and the call
/// stops at `maxBody` bytes, or at once when `Content-Length` says more. A redirect to another
/// origin is refused, so the API key never travels to a host the user did not name.
final class HTTPTransport: @unchecked Sendable {
    struct Response {
        var status: Int
        var headers: [String: String]
        var body: Data
    }

    /// The largest response body read; a bigger one is refused.
    static let maxBody = 2 * 1024 * 1024

    private let session: URLSession
    private let tasks = TaskStore()

    init() {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.httpCookieStorage = nil
        configuration.urlCache = nil
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = 1
        session = URLSession(configuration: configuration, delegate: tasks, delegateQueue: queue)
    }

    deinit { session.invalidateAndCancel() }

    func post(_ url: URL, headers: [String: String], body: Data, deadline: Date, cancel: CancelToken) throws(ModelCallError) -> Response {
        let remaining = deadline.timeIntervalSinceNow
        guard remaining > 0 else { throw .timedOut(seconds: 0) }
        var request = URLRequest(url: url, timeoutInterval: remaining)
        request.httpMethod = "POST"
        request.httpBody = body
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let task = session.dataTask(with: request)
        let state = tasks.start(task, origin: Origin(url))
        defer { tasks.forget(task) }
        task.resume()
        while !state.wait(0.05) {
            // A refused response ends the call now, whenever the session gets round to finishing it.
            if let refusal = state.refusal {
                task.cancel()
                throw refusal
            }
            if cancel.isCancelled {
                task.cancel()
                throw .cancelled
            }
            if Date() >= deadline {
                task.cancel()
                throw .timedOut(seconds: 0)
            }
        }
        if let refusal = state.refusal { throw refusal }
        if let error = state.error {
            let nsError = error as NSError
            if nsError.code == NSURLErrorTimedOut { throw .timedOut(seconds: 0) }
            if nsError.code == NSURLErrorCancelled { throw .cancelled }
            throw .transport(nsError.localizedDescription.isEmpty ? "connection failed" : nsError.localizedDescription)
        }
        guard let http = state.response else { throw .badResponse("not an HTTP response") }
        var fields: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String { fields[name.lowercased()] = value }
        }
        return Response(status: http.statusCode, headers: fields, body: state.body)
    }

    /// Scheme, host and port: what a redirect must keep for the key to go along.
    struct Origin: Equatable {
        var scheme: String
        var host: String
        var port: Int?

        init(_ url: URL?) {
            scheme = url?.scheme?.lowercased() ?? ""
            host = url?.host?.lowercased() ?? ""
            port = url?.port ?? (scheme == "https" ? 443 : scheme == "http" ? 80 : nil)
        }
    }

    /// One call's progress, filled in on the delegate queue and read by the caller.
    final class TaskState: @unchecked Sendable {
        let origin: Origin
        private let done = DispatchSemaphore(value: 0)
        private let lock = NSLock()
        private var stored = Data()
        private var storedResponse: HTTPURLResponse?
        private var storedError: Error?
        private var storedRefusal: ModelCallError?

        init(origin: Origin) { self.origin = origin }

        func wait(_ seconds: Double) -> Bool { done.wait(timeout: .now() + seconds) == .success }

        func received(_ response: URLResponse) -> Bool {
            locked {
                storedResponse = response as? HTTPURLResponse
                if response.expectedContentLength > HTTPTransport.maxBody {
                    storedRefusal =
                        storedRefusal
                        ?? .badResponse("Content-Length \(response.expectedContentLength), over the \(HTTPTransport.maxBody)-byte limit")
                    return false
                }
                return true
            }
        }

        /// Appends a chunk; false when the body passed the limit and the call must stop.
        func append(_ data: Data) -> Bool {
            locked {
                guard storedRefusal == nil else { return false }
                guard stored.count + data.count <= HTTPTransport.maxBody else {
                    storedRefusal = .badResponse("the body passed the \(HTTPTransport.maxBody)-byte limit; reading stopped")
                    return false
                }
                stored.append(data)
                return true
            }
        }

        func refuse(_ error: ModelCallError) { locked { storedRefusal = storedRefusal ?? error } }

        func finish(_ error: Error?) {
            locked { storedError = error }
            done.signal()
        }

        var body: Data { locked { stored } }
        var response: HTTPURLResponse? { locked { storedResponse } }
        var error: Error? { locked { storedError } }
        var refusal: ModelCallError? { locked { storedRefusal } }

        private func locked<T>(_ body: () -> T) -> T {
            lock.lock()
            defer { lock.unlock() }
            return body()
        }
    }

    /// The session's delegate: routes each callback to its call's state.
    final class TaskStore: NSObject, URLSessionDataDelegate, @unchecked Sendable {
        private let lock = NSLock()
        private var states: [Int: TaskState] = [:]

        func start(_ task: URLSessionTask, origin: Origin) -> TaskState {
            let state = TaskState(origin: origin)
            lock.lock()
            states[task.taskIdentifier] = state
            lock.unlock()
            return state
        }

        func forget(_ task: URLSessionTask) {
            lock.lock()
            states[task.taskIdentifier] = nil
            lock.unlock()
        }

        private func state(_ task: URLSessionTask) -> TaskState? {
            lock.lock()
            defer { lock.unlock() }
            return states[task.taskIdentifier]
        }

        func urlSession(
            _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
            completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
        ) {
            let keep = state(dataTask)?.received(response) ?? false
            completionHandler(keep ? .allow : .cancel)
            if !keep { dataTask.cancel() }
        }

        func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
            if state(dataTask)?.append(data) == false { dataTask.cancel() }
        }

        func urlSession(
            _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse, newRequest request: URLRequest,
            completionHandler: @escaping (URLRequest?) -> Void
        ) {
            guard let state = state(task) else { return completionHandler(nil) }
            let target = Origin(request.url)
            if target != state.origin {
                // Not retried: the same request would be redirected again.
                state.refuse(
                    .badResponse(
                        "the endpoint redirected (HTTP \(response.statusCode)) to \(DisplayText.escape(target.host, limit: 80)); a redirect to another origin is not followed, so the API key stays with the host you named"
                    ))
                return completionHandler(nil)
            }
            completionHandler(request)
        }

        func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
            state(task)?.finish(error)
        }
    }
}

extension Format {
    /// `5 s`, `0.5 s`.
    static func seconds(_ value: Double) -> String { "\(number(value, digits: 1)) s" }
}
