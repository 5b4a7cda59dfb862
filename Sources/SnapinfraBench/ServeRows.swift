import Foundation
import SnapinfraCore

#if canImport(Glibc)
    import Glibc
#endif

/// `snapinfra serve` under load on loopback: the release binary as a server, 500 requests from
/// concurrent clients, the latency percentiles and the throughput, and the server's peak RSS.
enum ServeRows {
    static func run() {
        let binary = ".build/release/snapinfra"
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            print("serve: \(binary) is missing; run `swift build -c release` first")
            return
        }
        let fixture = "Tests/Fixtures/architect/northwind-erp.yaml"
        guard let data = FileManager.default.contents(atPath: fixture), let project = ProjectLoader().load([UInt8](data)).file else {
            print("serve: cannot read \(fixture)")
            return
        }
        let server = Process()
        server.executableURL = URL(fileURLWithPath: binary)
        server.arguments = ["serve", "--port", "0"]
        let errors = Pipe()
        server.standardError = errors
        guard (try? server.run()) != nil, let address = listeningAddress(errors.fileHandleForReading) else {
            print("serve: the server did not start")
            return
        }
        // The log lines keep coming; drain them so the server never blocks on a full pipe.
        errors.fileHandleForReading.readabilityHandler = { _ = $0.availableData }
        defer { server.terminate() }
        print("serve (release binary on loopback, generate-iac-v2 on a 7-table project)")
        let identical = load(address, requests: 500, concurrency: 50) { _ in data }
        report("500 identical requests, 50 at a time", identical)
        let distinct = load(address, requests: 500, concurrency: 8) { index in
            var copy = project
            copy.project.name = "northwind-\(index)"
            return (try? JSONEncoder().encode(copy)) ?? data
        }
        report("500 different requests, 8 at a time", distinct)
        print("  server peak RSS                                 \(peakRSS(server.processIdentifier))")
        print("")
    }

    struct Result {
        var latencies: [Double]
        var seconds: Double
        var failures: Int
    }

    static func report(_ label: String, _ result: Result) {
        let sorted = result.latencies.sorted()
        guard !sorted.isEmpty else {
            print("  \(label): no request succeeded")
            return
        }
        let p = { (q: Double) in sorted[min(sorted.count - 1, Int(Double(sorted.count) * q))] }
        let padded = label.count < 46 ? label + String(repeating: " ", count: 46 - label.count) : label
        print(
            "  " + padded
                + String(
                    format: "  p50 %7.1f ms   p99 %7.1f ms   %6.0f requests/s   %d failed", p(0.5), p(0.99), Double(sorted.count) / result.seconds,
                    result.failures))
    }

    static func listeningAddress(_ handle: FileHandle) -> String? {
        var text = ""
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            let chunk = handle.availableData
            if chunk.isEmpty { return nil }
            text += String(decoding: chunk, as: UTF8.self)
            if let range = text.range(of: #"http://127\.0\.0\.1:[0-9]+"#, options: .regularExpression) { return String(text[range]) }
        }
        return nil
    }

    /// `requests` POSTs from `concurrency` clients, each a thread with one kept-alive connection
    /// taking the next index as it frees up. A plain blocking HTTP/1.1 client: URLSession on Linux
    /// runs every transfer on one thread, which would put its own queueing into the figures.
    static func load(_ address: String, requests: Int, concurrency: Int, body: @escaping @Sendable (Int) -> Data) -> Result {
        final class Shared: @unchecked Sendable {
            let lock = NSLock()
            var next = 0
            var result = Result(latencies: [], seconds: 0, failures: 0)
        }
        let shared = Shared()
        guard let port = Int(address.split(separator: ":").last ?? "") else { return shared.result }
        let group = DispatchGroup()
        let started = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<concurrency {
            group.enter()
            Thread.detachNewThread {
                var connection = HTTPConnection(port: port)
                while let index = shared.lock.withLock({ () -> Int? in
                    guard shared.next < requests else { return nil }
                    shared.next += 1
                    return shared.next - 1
                }) {
                    let start = DispatchTime.now().uptimeNanoseconds
                    let status = connection.post("/api/generate-iac-v2", body: body(index))
                    let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
                    shared.lock.withLock {
                        if status == 200 { shared.result.latencies.append(milliseconds) } else { shared.result.failures += 1 }
                    }
                }
                connection.close()
                group.leave()
            }
        }
        group.wait()
        shared.result.seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        return shared.result
    }

    /// VmHWM from /proc: the most resident memory the server has had.
    static func peakRSS(_ pid: Int32) -> String {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kib = Double(line.split(separator: " ").dropFirst().first ?? "")
        else { return "(no /proc)" }
        return String(format: "%.1f MB", kib / 1024)
    }
}

/// One kept-alive HTTP/1.1 connection to 127.0.0.1, reconnecting when the server closes it.
struct HTTPConnection {
    let port: Int
    private var socket: Int32 = -1

    init(port: Int) {
        self.port = port
    }

    mutating func close() {
        if socket >= 0 { Glibc.close(socket) }
        socket = -1
    }

    /// The status of the response, its body read and dropped; nil when the exchange failed.
    mutating func post(_ path: String, body: Data) -> Int? {
        if socket < 0 { connect() }
        guard socket >= 0 else { return nil }
        let head = "POST \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/yaml\r\nContent-Length: \(body.count)\r\n\r\n"
        guard send(Data(head.utf8) + body) else {
            close()
            return nil
        }
        var buffer = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            if let end = buffer.firstRange(of: Array("\r\n\r\n".utf8)) {
                let header = String(decoding: buffer[..<end.lowerBound], as: UTF8.self).lowercased()
                let status = Int(header.split(separator: " ").dropFirst().first ?? "")
                let length =
                    header.split(separator: "\r\n").first { $0.hasPrefix("content-length:") }
                    .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
                while buffer.count - end.upperBound < length {
                    let count = recv(socket, &chunk, chunk.count, 0)
                    guard count > 0 else {
                        close()
                        return nil
                    }
                    buffer += chunk[0..<count]
                }
                if header.contains("connection: close") { close() }
                return status
            }
            let count = recv(socket, &chunk, chunk.count, 0)
            guard count > 0 else {
                close()
                return nil
            }
            buffer += chunk[0..<count]
        }
    }

    private mutating func connect() {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        if connected != 0 { close() }
        var one: Int32 = 1
        if socket >= 0 { setsockopt(socket, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size)) }
    }

    private func send(_ data: Data) -> Bool {
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let sent = Glibc.send(socket, raw.baseAddress.map { $0 + offset }, raw.count - offset, Int32(MSG_NOSIGNAL))
                if sent <= 0 { return false }
                offset += sent
            }
            return true
        }
    }
}
