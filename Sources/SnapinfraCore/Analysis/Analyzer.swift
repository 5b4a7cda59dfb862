import Foundation

/// Measures a project: pure functions from the project file to `RequirementsAnalysis`.
public enum Analyzer {
    /// Bytes a value of each field type takes on disk, on average (PostgreSQL-like layouts).
    public static func width(of type: FieldType) -> Int {
        switch type {
        case .boolean: return 1
        case .integer, .date: return 4
        case .bigint, .float, .timestamp: return 8
        case .uuid, .decimal: return 16
        case .string: return 48
        case .text: return 400
        case .json: return 300
        case .binary: return 1_024
        }
    }

    /// Per-row overhead (tuple header and alignment).
    public static let rowOverheadBytes = 24
    /// Per-entry overhead of a B-tree index, on top of the key.
    public static let indexEntryOverheadBytes = 16
    /// Read endpoints get this many times the traffic of write endpoints when no per-endpoint
    /// rps is given: a CRUD API with two reads and three writes still serves mostly reads.
    public static let readEndpointWeight = 4.0
    /// Requests per monthly active user per day, when only users are given.
    public static let requestsPerUserPerDay = 30.0
    public static let secondsPerMonth = 730.0 * 3_600

    public static func analyze(_ file: ProjectFile) -> RequirementsAnalysis {
        let project = file.project
        let fields = project.schema.reduce(0) { $0 + $1.fields.count }
        let foreignKeys = project.schema.reduce(0) { $0 + $1.fields.filter { $0.references != nil }.count }
        let indexes = project.schema.reduce(0) { total, table in
            total + table.fields.filter { $0.primaryKey || $0.unique || $0.indexed || $0.references != nil }.count
        }
        var byMethod: [String: Int] = [:]
        for endpoint in project.endpoints { byMethod[endpoint.method.rawValue, default: 0] += 1 }

        let (readShare, readBasis) = readMix(project.endpoints)
        let (average, rpsBasis) = averageRPS(project)
        let peak = average * project.traffic.peakMultiplier
        let monthlyRequests = average * secondsPerMonth

        let dataBytes = project.schema.reduce(0.0) { $0 + tableBytes($1) }
        let dataGB = dataBytes / 1_000_000_000
        let (growth, growthBasis) = growthPerMonth(project, average: average, readShare: readShare)

        let score = Double(project.schema.count) + Double(project.endpoints.count) / 2 + Double(foreignKeys)
        let complexity: RequirementsAnalysis.Complexity
        switch score {
        case ..<8: complexity = .simple
        case ..<25: complexity = .moderate
        case ..<80: complexity = .complex
        default: complexity = .large
        }

        return RequirementsAnalysis(
            tables: project.schema.count, fields: fields, foreignKeys: foreignKeys, indexes: indexes,
            endpoints: project.endpoints.count, endpointsByMethod: byMethod,
            uploadEndpoints: project.endpoints.filter(\.upload).count,
            authenticatedEndpoints: project.endpoints.filter(\.auth).count,
            readShare: readShare, readShareBasis: readBasis,
            averageRPS: average, peakRPS: peak, rpsBasis: rpsBasis, monthlyRequests: monthlyRequests,
            dataSizeGB: dataGB, dataGrowthGBPerMonth: growth, dataGrowthBasis: growthBasis,
            dataSizeIn12MonthsGB: dataGB + 12 * growth,
            complexity: complexity, complexityScore: score)
    }

    /// Bytes of one table: rows × (row width + overhead) plus one index entry per indexed column.
    public static func tableBytes(_ table: Table) -> Double {
        let rows = Double(table.estimatedRows ?? 0)
        let rowWidth = table.fields.reduce(rowOverheadBytes) { $0 + width(of: $1.type) }
        let indexWidth = table.fields
            .filter { $0.primaryKey || $0.unique || $0.indexed || $0.references != nil }
            .reduce(0) { $0 + min(width(of: $1.type), 64) + indexEntryOverheadBytes }
        return rows * Double(rowWidth + indexWidth)
    }

    static func readMix(_ endpoints: [Endpoint]) -> (Double, String) {
        guard !endpoints.isEmpty else { return (0.8, "no endpoints given; assumed 80 % reads") }
        if endpoints.contains(where: { $0.rps != nil }) {
            let reads = endpoints.filter { !$0.method.isWrite }.reduce(0.0) { $0 + ($1.rps ?? 0) }
            let total = endpoints.reduce(0.0) { $0 + ($1.rps ?? 0) }
            if total > 0 { return (reads / total, "per-endpoint rps") }
        }
        let reads = Double(endpoints.filter { !$0.method.isWrite }.count) * readEndpointWeight
        let writes = Double(endpoints.filter { $0.method.isWrite }.count)
        let share = reads + writes > 0 ? reads / (reads + writes) : 0.8
        return (share, "endpoint counts, a read endpoint weighted \(Int(readEndpointWeight))× a write endpoint")
    }

    static func averageRPS(_ project: Project) -> (Double, String) {
        if let rps = project.traffic.requestsPerSecond { return (rps, "traffic.requestsPerSecond") }
        let perEndpoint = project.endpoints.compactMap(\.rps)
        if !perEndpoint.isEmpty { return (perEndpoint.reduce(0, +), "sum of endpoint rps") }
        if let users = project.traffic.monthlyActiveUsers {
            return (Double(users) * requestsPerUserPerDay / 86_400, "\(Int(requestsPerUserPerDay)) requests per monthly active user per day")
        }
        return (1, "no traffic given; assumed 1 request per second")
    }

    static func growthPerMonth(_ project: Project, average: Double, readShare: Double) -> (Double, String) {
        if let growth = project.traffic.dataGrowthGBPerMonth { return (growth, "traffic.dataGrowthGBPerMonth") }
        let widths = project.schema.map { table in Double(table.fields.reduce(rowOverheadBytes) { $0 + width(of: $1.type) }) }
        let averageRow = widths.isEmpty ? 0 : widths.reduce(0, +) / Double(widths.count)
        // Half of all writes insert a row of average width.
        let inserts = average * (1 - readShare) * 0.5 * secondsPerMonth
        return (inserts * averageRow / 1_000_000_000, "estimated: half of the writes insert an average row")
    }
}
