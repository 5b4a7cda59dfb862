import Foundation

/// What one request of an endpoint costs the application and the database, by the kind of work.
public enum EndpointKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// GET of one item (`/users/{id}`).
    case read
    /// GET of a collection or a search (`/users`, `/search`).
    case list
    /// POST, PUT, PATCH or DELETE.
    case write
    /// Sign-in, sign-up, token and session endpoints.
    case auth
    /// A request that carries a file (`upload: true`).
    case upload
    /// A GET that returns a file.
    case download

    /// Application CPU per request on the reference runtime (Node.js), in milliseconds.
    public var appCPUMS: Double {
        switch self {
        case .read: return 4
        case .list: return 10
        case .write: return 8
        case .auth: return 20
        case .upload: return 6
        case .download: return 3
        }
    }

    /// Database CPU per request, in milliseconds (a point read is an index lookup; a list scans a
    /// range and sorts; a write updates the row, its indexes and the log).
    public var databaseCPUMS: Double {
        switch self {
        case .read, .download: return 0.5
        case .list: return 2
        case .write: return 1.5
        case .auth, .upload: return 1
        }
    }

    /// Rows a request touches: one for a point read or a write, a page of results for a list.
    public var rowsTouched: Double {
        switch self {
        case .list: return 20
        default: return 1
        }
    }

    /// Whether the request only reads (a cache can serve it).
    public var isRead: Bool { self == .read || self == .list || self == .download }

    /// Default request and response body sizes in KB.
    public var defaultRequestKB: Double {
        switch self {
        case .upload: return Workload.uploadKB
        case .write: return 2
        case .auth: return 1
        case .read, .list, .download: return 0.5
        }
    }

    public var defaultResponseKB: Double {
        switch self {
        case .read: return 2
        case .list: return 16
        case .download: return Workload.uploadKB
        case .write, .auth, .upload: return 1
        }
    }

    /// Relative traffic of an endpoint with no `rps`: a read endpoint is called about four times as
    /// often as a write endpoint; a file moves far less often than a record.
    var weight: Double {
        switch self {
        case .read, .list: return 4
        case .write, .auth: return 1
        case .upload, .download: return 0.25
        }
    }
}

/// One endpoint's share of the traffic and its sizes.
public struct EndpointLoad: Sendable, Hashable, Codable {
    public var method: String
    public var path: String
    public var kind: EndpointKind
    /// Average requests per second.
    public var rps: Double
    /// Whether `rps` was given in the project or divided from the rest of the traffic.
    public var rpsGiven: Bool
    public var requestKB: Double
    public var responseKB: Double
    public var sizesGiven: Bool
}

/// The per-request model behind compute and database sizing: the endpoints' traffic, the CPU each
/// kind of request needs, and the bytes it moves.
public enum Workload {
    /// Average size of an uploaded file, in KB.
    public static let uploadKB = 500.0
    /// The runtime assumed when the project names none.
    public static let defaultRuntime = Runtime.node

    /// CPU per request relative to Node.js.
    public static func cpuFactor(_ runtime: Runtime) -> Double {
        switch runtime {
        case .node, .other: return 1
        case .python: return 1.5
        case .ruby: return 1.6
        case .php: return 1.3
        case .java, .dotnet: return 0.8
        case .go: return 0.5
        case .rust: return 0.4
        }
    }

    /// Memory a task needs per vCPU, in GB (JVM and CLR heaps need more).
    public static func memoryGBPerVCPU(_ runtime: Runtime) -> Double {
        switch runtime {
        case .java: return 4
        case .dotnet: return 3
        default: return 2
        }
    }

    /// The smallest Lambda memory the runtime starts well with, in MB.
    public static func lambdaMinimumMB(_ runtime: Runtime) -> Int {
        switch runtime {
        case .java, .dotnet: return 1_024
        default: return 512
        }
    }

    static let authWords = ["login", "logout", "signin", "sign-in", "signup", "sign-up", "session", "token", "auth", "oauth", "password"]
    static let searchWords = ["search", "query", "feed", "timeline", "report"]
    static let fileWords = ["download", "file", "media", "image", "avatar", "attachment", "photo", "video", "document"]

    /// The kind of work an endpoint does, from its method, path and upload flag.
    public static func kind(_ endpoint: Endpoint) -> EndpointKind {
        if endpoint.upload { return .upload }
        let segments = endpoint.path.lowercased().split(separator: "/").map(String.init)
        let words = segments.filter { !$0.hasPrefix("{") && !$0.hasPrefix(":") }
        if endpoint.method == .post, words.contains(where: { word in authWords.contains { word.contains($0) } }) { return .auth }
        if endpoint.method.isWrite { return .write }
        if words.contains(where: { word in fileWords.contains { word.contains($0) } }),
            segments.last.map(isParameter) == true
                || words.last.map({ word in fileWords.contains { word.contains($0) } }) == true
        {
            return .download
        }
        if words.contains(where: { word in searchWords.contains { word.contains($0) } }) { return .list }
        guard let last = segments.last else { return .list }
        return isParameter(last) ? .read : .list
    }

    private static func isParameter(_ segment: String) -> Bool { segment.hasPrefix("{") || segment.hasPrefix(":") }

    /// The tables by the path segments that name them: a table's name, its plural and its singular.
    public struct TableNames: Sendable {
        var byName: [String: [Int]] = [:]

        public init(_ schema: [Table]) {
            for (index, table) in schema.enumerated() {
                let name = table.name.lowercased()
                for form in Set([name, name + "s", name.hasSuffix("s") ? String(name.dropLast()) : name]) {
                    byName[form, default: []].append(index)
                }
            }
        }

        /// Which table a path addresses: the one named by the last segment that names a table, as in
        /// REST (`/devices/{id}/readings` is about readings); empty when none.
        public func tables(for path: String) -> [Int] {
            let segments = path.lowercased().split(separator: "/").map { $0.replacingOccurrences(of: "-", with: "_") }
            for segment in segments.reversed() {
                if let named = byName[segment] { return named }
            }
            return []
        }
    }

    /// Each endpoint's traffic: its own `rps`, or its weighted share of what the given rates leave
    /// of the project's total.
    static func loads(_ project: Project, averageRPS: Double) -> [EndpointLoad] {
        let kinds = project.endpoints.map(kind)
        let given = project.endpoints.compactMap(\.rps).reduce(0, +)
        let rest = max(0, averageRPS - given)
        let openWeight = zip(project.endpoints, kinds).filter { $0.0.rps == nil }.reduce(0.0) { $0 + $1.1.weight }
        return zip(project.endpoints, kinds).map { endpoint, kind in
            let rps = endpoint.rps ?? (openWeight > 0 ? rest * kind.weight / openWeight : 0)
            return EndpointLoad(
                method: endpoint.method.rawValue, path: endpoint.path, kind: kind, rps: rps, rpsGiven: endpoint.rps != nil,
                requestKB: endpoint.requestKB ?? kind.defaultRequestKB, responseKB: endpoint.responseKB ?? kind.defaultResponseKB,
                sizesGiven: endpoint.requestKB != nil || endpoint.responseKB != nil)
        }
    }

    /// Weighted averages over the endpoints' traffic; an API with no endpoints is taken as 80 % reads
    /// and 20 % writes.
    static func averages(_ loads: [EndpointLoad]) -> (appMS: Double, databaseMS: Double, readMS: Double, responseKB: Double, requestKB: Double) {
        let total = loads.reduce(0) { $0 + $1.rps }
        guard total > 0 else {
            let mix: [(EndpointKind, Double)] = [(.read, 0.8), (.write, 0.2)]
            return (
                mix.reduce(0) { $0 + $1.0.appCPUMS * $1.1 }, mix.reduce(0) { $0 + $1.0.databaseCPUMS * $1.1 },
                mix.filter { $0.0.isRead }.reduce(0) { $0 + $1.0.databaseCPUMS * $1.1 },
                mix.reduce(0) { $0 + $1.0.defaultResponseKB * $1.1 }, mix.reduce(0) { $0 + $1.0.defaultRequestKB * $1.1 }
            )
        }
        func mean(_ value: (EndpointLoad) -> Double) -> Double { loads.reduce(0) { $0 + value($1) * $1.rps } / total }
        return (
            mean { $0.kind.appCPUMS }, mean { $0.kind.databaseCPUMS }, mean { $0.kind.isRead ? $0.kind.databaseCPUMS : 0 },
            mean(\.responseKB), mean(\.requestKB)
        )
    }
}
