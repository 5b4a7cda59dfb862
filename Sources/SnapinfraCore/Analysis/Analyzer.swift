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

        let (average, rpsBasis) = averageRPS(project)
        let loads = Workload.loads(project, averageRPS: average)
        let (readShare, readBasis) = readMix(loads)
        let peak = average * project.traffic.peakMultiplier
        let monthlyRequests = average * secondsPerMonth
        let runtime = project.runtime ?? Workload.defaultRuntime
        let means = Workload.averages(loads)
        let factor = Workload.cpuFactor(runtime)

        let dataBytes = project.schema.reduce(0.0) { $0 + tableBytes($1) }
        let indexTotal = project.schema.reduce(0.0) { $0 + indexBytes($1) }
        let dataGB = dataBytes / 1_000_000_000
        var (tableGrowth, growthBasis) = tableGrowth(project, loads: loads)
        if project.schema.contains(where: { $0.retentionDays != nil }) {
            growthBasis += "; tables with retentionDays stop growing at their horizon"
        }
        let growth = tableGrowth.reduce(0, +)
        func size(inMonths months: Double) -> Double { projectedGB(project, growth: tableGrowth, months: months) }

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
            dataSizeIn12MonthsGB: size(inMonths: 12), dataSizeIn3MonthsGB: size(inMonths: 3), dataSizeIn24MonthsGB: size(inMonths: 24),
            indexSizeGB: indexTotal / 1_000_000_000,
            complexity: complexity, complexityScore: score,
            runtime: runtime, runtimeBasis: project.runtime == nil ? "project.runtime not given; the default" : "project.runtime",
            endpointLoads: loads, appCPUMSPerRequest: means.appMS * factor, databaseCPUMSPerRequest: means.databaseMS,
            databaseReadCPUMSPerRequest: means.readMS, averageRequestKB: means.requestKB, averageResponseKB: means.responseKB,
            uploadsPerMonth: loads.filter { $0.kind == .upload }.reduce(0) { $0 + $1.rps } * secondsPerMonth)
    }

    /// Index bytes of one table: one entry per indexed column and row.
    public static func indexBytes(_ table: Table) -> Double {
        let rows = Double(table.estimatedRows ?? 0)
        let indexWidth = table.fields
            .filter { $0.primaryKey || $0.unique || $0.indexed || $0.references != nil }
            .reduce(0) { $0 + min(width(of: $1.type), 64) + indexEntryOverheadBytes }
        return rows * Double(indexWidth)
    }

    /// The data in `months`: a table with `retentionDays` grows only until it holds that many days of rows.
    static func projectedGB(_ project: Project, growth: [Double], months: Double) -> Double {
        zip(project.schema, growth).reduce(0.0) { total, pair in
            let (table, monthly) = pair
            let now = tableBytes(table) / 1_000_000_000
            guard let days = table.retentionDays else { return total + now + monthly * months }
            return total + min(now + monthly * months, max(now, monthly * Double(days) / 30))
        }
    }

    /// Bytes of one table: rows × (row width + overhead) plus one index entry per indexed column.
    public static func tableBytes(_ table: Table) -> Double {
        let rowWidth = table.fields.reduce(rowOverheadBytes) { $0 + width(of: $1.type) }
        return Double(table.estimatedRows ?? 0) * Double(rowWidth) + indexBytes(table)
    }

    static func readMix(_ loads: [EndpointLoad]) -> (Double, String) {
        let total = loads.reduce(0.0) { $0 + $1.rps }
        guard total > 0 else { return (0.8, loads.isEmpty ? "no endpoints given; assumed 80 % reads" : "no traffic; assumed 80 % reads") }
        let reads = loads.filter { $0.kind.isRead }.reduce(0.0) { $0 + $1.rps }
        let basis: String
        if loads.allSatisfy(\.rpsGiven) {
            basis = "per-endpoint rps"
        } else if loads.contains(where: \.rpsGiven) {
            basis = "per-endpoint rps; the rest shared by endpoint kind"
        } else {
            basis = "endpoint counts, a read endpoint weighted \(Int(readEndpointWeight))× a write endpoint"
        }
        return (reads / total, basis)
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

    /// Monthly growth in GB per table: each POST inserts a row into the tables its path names (all
    /// tables when it names none); a given `dataGrowthGBPerMonth` is shared out in the same proportions.
    static func tableGrowth(_ project: Project, loads: [EndpointLoad]) -> (perTable: [Double], basis: String) {
        let rowBytes = project.schema.map { tableBytes(Table(name: $0.name, fields: $0.fields, estimatedRows: 1)) }
        var inserts = project.schema.map { _ in 0.0 }
        let names = Workload.TableNames(project.schema)
        for load in loads where load.method == HTTPMethod.post.rawValue && (load.kind == .write || load.kind == .upload) && load.rps > 0 {
            var targets = names.tables(for: load.path)
            if targets.isEmpty { targets = Array(project.schema.indices) }
            for index in targets { inserts[index] += load.rps / Double(targets.count) }
        }
        var perTable = zip(inserts, rowBytes).map { $0 * $1 * secondsPerMonth / 1_000_000_000 }
        if let given = project.traffic.dataGrowthGBPerMonth {
            let estimated = perTable.reduce(0, +)
            let weights = estimated > 0 ? perTable : rowBytes
            let total = weights.reduce(0, +)
            perTable = weights.map { total > 0 ? given * $0 / total : 0 }
            return (perTable, "traffic.dataGrowthGBPerMonth")
        }
        return (perTable, "estimated: each POST inserts a row into the table its path names")
    }
}
