import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `snapinfra serve --port 0` started as a real process, its address read from stderr, and a real
/// HTTP client (URLSession) to talk to it.
final class ServerProcess: @unchecked Sendable {
    let process = Process()
    private let errors = Pipe()
    private let lock = NSLock()
    private var stderrText = ""
    private(set) var address = ""

    init(_ arguments: [String] = []) throws {
        guard let binary = CLIRunner.binary else { throw Failure("the snapinfra binary is not built") }
        process.executableURL = binary
        process.arguments = ["serve", "--port", "0"] + arguments
        process.currentDirectoryURL = CLIRunner.repositoryRoot
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        errors.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self, !data.isEmpty else { return }
            self.lock.withLock { self.stderrText += String(decoding: data, as: UTF8.self) }
        }
        try process.run()
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            if let range = log.range(of: #"http://127\.0\.0\.1:[0-9]+"#, options: .regularExpression) {
                address = String(log[range])
                return
            }
            if !process.isRunning { break }
            Thread.sleep(forTimeInterval: 0.02)
        }
        process.terminate()
        throw Failure("the server did not say where it listens; stderr: \(log)")
    }

    deinit {
        if process.isRunning { process.terminate() }
    }

    /// Everything the server wrote to stderr so far.
    var log: String { lock.withLock { stderrText } }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    struct Reply {
        var status: Int
        var body: Data
        var headers: [String: String]
        var text: String { String(decoding: body, as: UTF8.self) }
        func json() throws -> [String: Any] {
            guard let object = try JSONSerialization.jsonObject(with: body) as? [String: Any] else { throw Failure("not a JSON object: \(text)") }
            return object
        }
    }

    static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpMaximumConnectionsPerHost = 64
        configuration.timeoutIntervalForRequest = 60
        return URLSession(configuration: configuration)
    }()

    func send(_ method: String, _ path: String, body: Data? = nil, contentType: String = "application/json") async throws -> Reply {
        guard let url = URL(string: address + path) else { throw Failure("bad path \(path)") }
        var request = URLRequest(url: url)
        request.httpMethod = method
        if let body {
            request.httpBody = body
            request.setValue(contentType, forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await Self.session.data(for: request)
        guard let http = response as? HTTPURLResponse else { throw Failure("not an HTTP response") }
        var headers: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String { headers[name.lowercased()] = value }
        }
        return Reply(status: http.statusCode, body: data, headers: headers)
    }

    func post(_ path: String, file: String, contentType: String? = nil) async throws -> Reply {
        let data = try Data(contentsOf: CLIRunner.repositoryRoot.appendingPathComponent(file))
        return try await send(
            "POST", path, body: data, contentType: contentType ?? (file.hasSuffix(".json") ? "application/json" : "application/yaml"))
    }

    /// Sends SIGTERM and waits (at most `seconds`) for the process to end; its exit status.
    func terminate(waiting seconds: Double = 60) -> Int32? {
        process.terminate()
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        return process.isRunning ? nil : process.terminationStatus
    }
}
