import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A real HTTP/1.1 server on 127.0.0.1 that plays a language model: each request gets the next
/// scripted answer (the last one repeats). Nothing here reaches beyond loopback.
public final class FakeModelServer: @unchecked Sendable {
    public enum Answer: Sendable {
        /// A complete response.
        case status(Int, String, headers: [String: String] = [:])
        /// Headers promising more body than is sent, then the connection closes.
        case truncated(String)
        /// Waits this long before answering at all.
        case delayed(Double, String)
        /// Sends the headers, then one byte of the body every interval.
        case dribble(String, interval: Double)
        /// A body of `bytes` bytes sent as fast as the client reads it, with or without a
        /// `Content-Length` that says so (without one, the body ends when the connection closes).
        case flood(bytes: Int, declared: Bool)
    }

    public struct Request: Sendable {
        public var path: String
        public var headers: [String: String]
        public var body: String

        /// The request body as JSON.
        public var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] ?? [:] }
    }

    private let lock = NSLock()
    private var answers: [Answer]
    private var received: [Request] = []
    private var listener: Int32 = -1
    public private(set) var port: UInt16 = 0
    private var stopped = false

    public var baseURL: String { "http://127.0.0.1:\(port)/v1" }

    public init(_ answers: [Answer]) throws {
        self.answers = answers
        listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard listener >= 0 else { throw POSIXError(.EIO) }
        var yes: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(listener, 16) == 0 else { throw POSIXError(.EADDRINUSE) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        port = UInt16(bigEndian: address.sin_port)
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    deinit { stop() }

    public func stop() {
        lock.lock()
        let wasStopped = stopped
        stopped = true
        lock.unlock()
        if !wasStopped {
            shutdown(listener, Int32(SHUT_RDWR))
            close(listener)
        }
    }

    public var requests: [Request] {
        lock.lock()
        defer { lock.unlock() }
        return received
    }

    /// An OpenAI chat-completions body whose message is `content`.
    public static func openAI(_ content: String, finish: String = "stop", usage: (Int, Int)? = (812, 164)) -> String {
        var object: [String: Any] = [
            "id": "chatcmpl-test", "object": "chat.completion",
            "choices": [["index": 0, "message": ["role": "assistant", "content": content], "finish_reason": finish]],
        ]
        if let usage { object["usage"] = ["prompt_tokens": usage.0, "completion_tokens": usage.1, "total_tokens": usage.0 + usage.1] }
        return String(decoding: (try? JSONSerialization.data(withJSONObject: object)) ?? Data(), as: UTF8.self)
    }

    /// An Anthropic Messages body whose text is `content`.
    public static func anthropic(_ content: String, stop: String = "end_turn") -> String {
        let object: [String: Any] = [
            "id": "msg_test", "type": "message", "role": "assistant", "content": [["type": "text", "text": content]],
            "stop_reason": stop, "usage": ["input_tokens": 700, "output_tokens": 150],
        ]
        return String(decoding: (try? JSONSerialization.data(withJSONObject: object)) ?? Data(), as: UTF8.self)
    }

    private func acceptLoop() {
        while true {
            let connection = accept(listener, nil, nil)
            if connection < 0 { return }
            let thread = Thread { [self] in handle(connection) }
            thread.start()
        }
    }

    private func handle(_ connection: Int32) {
        defer { close(connection) }
        guard let request = read(connection) else { return }
        lock.lock()
        received.append(request)
        let answer = answers.count > 1 ? answers.removeFirst() : answers[0]
        lock.unlock()
        switch answer {
        case .status(let code, let body, let headers):
            send(connection, head(code, body.utf8.count, headers) + body)
        case .truncated(let body):
            send(connection, head(200, body.utf8.count * 2, [:]) + body)
        case .delayed(let seconds, let body):
            Thread.sleep(forTimeInterval: seconds)
            send(connection, head(200, body.utf8.count, [:]) + body)
        case .flood(let bytes, let declared):
            var text = "HTTP/1.1 200 Test\r\nContent-Type: application/json\r\nConnection: close\r\n"
            if declared { text += "Content-Length: \(bytes)\r\n" }
            guard send(connection, text + "\r\n") else { return }
            let chunk = String(repeating: "a", count: 65_536)
            var sent = 0
            while sent < bytes, !isStopped, send(connection, chunk) { sent += chunk.utf8.count }
        case .dribble(let body, let interval):
            send(connection, head(200, body.utf8.count, [:]))
            for byte in body.utf8 {
                if isStopped { return }
                Thread.sleep(forTimeInterval: interval)
                if !send(connection, String(decoding: [byte], as: UTF8.self)) { return }
            }
        }
    }

    private var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    private func head(_ code: Int, _ length: Int, _ headers: [String: String]) -> String {
        var text = "HTTP/1.1 \(code) Test\r\nContent-Type: application/json\r\nContent-Length: \(length)\r\nConnection: close\r\n"
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        return text + "\r\n"
    }

    @discardableResult
    private func send(_ connection: Int32, _ text: String) -> Bool {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if written <= 0 { return false }
            offset += written
        }
        return true
    }

    private func read(_ connection: Int32) -> Request? {
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var headerEnd: Int?
        var expected = 0
        while true {
            let count = recv(connection, &buffer, buffer.count, 0)
            if count <= 0 { return nil }
            data += buffer[0..<count]
            if headerEnd == nil, let end = data.firstRange(of: Array("\r\n\r\n".utf8))?.upperBound {
                headerEnd = end
                let head = String(decoding: data[0..<end], as: UTF8.self).lowercased()
                if let line = head.split(separator: "\r\n").first(where: { $0.hasPrefix("content-length:") }) {
                    expected = Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) ?? 0
                }
            }
            if let end = headerEnd, data.count - end >= expected {
                let head = String(decoding: data[0..<end], as: UTF8.self)
                let lines = head.split(separator: "\r\n")
                let path = lines.first?.split(separator: " ").dropFirst().first.map(String.init) ?? ""
                var headers: [String: String] = [:]
                for line in lines.dropFirst() {
                    guard let colon = line.firstIndex(of: ":") else { continue }
                    headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                }
                return Request(path: path, headers: headers, body: String(decoding: data[end...], as: UTF8.self))
            }
        }
    }
}
