import Foundation
import SnapinfraCore

#if canImport(FoundationNetworking)
    import FoundationNetworking
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

    /// `requests` POSTs from `concurrency` clients, each taking the next index as it frees up.
    static func load(_ address: String, requests: Int, concurrency: Int, body: @escaping @Sendable (Int) -> Data) -> Result {
        final class Box: @unchecked Sendable {
            var result = Result(latencies: [], seconds: 0, failures: 0)
            let lock = NSLock()
            var next = 0
            func take() -> Int? {
                lock.withLock {
                    guard next < requests else { return nil }
                    next += 1
                    return next - 1
                }
            }
            let requests: Int
            init(_ requests: Int) { self.requests = requests }
        }
        let box = Box(requests)
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpMaximumConnectionsPerHost = concurrency
        let session = URLSession(configuration: configuration)
        guard let url = URL(string: address + "/api/generate-iac-v2") else { return box.result }
        let done = DispatchSemaphore(value: 0)
        let started = DispatchTime.now().uptimeNanoseconds
        Task.detached {
            await withTaskGroup(of: Void.self) { group in
                for _ in 0..<concurrency {
                    group.addTask {
                        while let index = box.take() {
                            var request = URLRequest(url: url)
                            request.httpMethod = "POST"
                            request.httpBody = body(index)
                            let start = DispatchTime.now().uptimeNanoseconds
                            let status = (try? await session.data(for: request)).flatMap { ($0.1 as? HTTPURLResponse)?.statusCode }
                            let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
                            box.lock.withLock {
                                if status == 200 { box.result.latencies.append(milliseconds) } else { box.result.failures += 1 }
                            }
                        }
                    }
                }
            }
            done.signal()
        }
        done.wait()
        box.result.seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        return box.result
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
