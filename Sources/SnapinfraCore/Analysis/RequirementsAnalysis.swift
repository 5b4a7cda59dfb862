/// What the project asks of the infrastructure, measured from the project file.
///
/// Every figure here appears in the design report; every decision's trace refers to them.
public struct RequirementsAnalysis: Sendable, Hashable, Codable {
    public var tables: Int
    public var fields: Int
    public var foreignKeys: Int
    public var indexes: Int
    public var endpoints: Int
    /// Endpoint count per HTTP method, upper-case method names.
    public var endpointsByMethod: [String: Int]
    public var uploadEndpoints: Int
    public var authenticatedEndpoints: Int
    /// Share of requests that only read, 0…1, weighted by traffic (see `TrafficModel`).
    public var readShare: Double
    /// How the read share was found: from per-endpoint rps or from the default weights.
    public var readShareBasis: String
    /// Average and peak requests per second.
    public var averageRPS: Double
    public var peakRPS: Double
    public var rpsBasis: String
    public var monthlyRequests: Double
    /// Estimated data size now, in GB (rows × row width, plus indexes).
    public var dataSizeGB: Double
    /// Growth in GB per month, given or estimated.
    public var dataGrowthGBPerMonth: Double
    public var dataGrowthBasis: String
    /// Data size a year from now, in GB.
    public var dataSizeIn12MonthsGB: Double
    /// Data size in 3 and 24 months, in GB; tables with `retentionDays` stop growing at their horizon.
    public var dataSizeIn3MonthsGB: Double
    public var dataSizeIn24MonthsGB: Double
    /// The part of `dataSizeGB` that is indexes.
    public var indexSizeGB: Double
    public var complexity: Complexity
    /// The score the tier was read from: tables + endpoints / 2 + foreign keys.
    public var complexityScore: Double
    /// The runtime the sizing assumes, and whether the project named it.
    public var runtime: Runtime
    public var runtimeBasis: String
    /// Each endpoint's traffic, kind and sizes.
    public var endpointLoads: [EndpointLoad]
    /// Application CPU per request on average, in ms, for `runtime`.
    public var appCPUMSPerRequest: Double
    /// Database CPU per request on average, in ms, and the part of it spent on reads.
    public var databaseCPUMSPerRequest: Double
    public var databaseReadCPUMSPerRequest: Double
    /// Average request and response bodies, in KB, weighted by traffic.
    public var averageRequestKB: Double
    public var averageResponseKB: Double
    /// Files uploaded per month.
    public var uploadsPerMonth: Double

    /// How big the application is, from its data model and API surface.
    public enum Complexity: String, Sendable, Hashable, Codable, CaseIterable {
        case simple, moderate, complex, large
    }

    /// Whether reads dominate enough that caching pays.
    public var isReadHeavy: Bool { readShare >= 0.7 }
    /// Whether writes dominate.
    public var isWriteHeavy: Bool { readShare < 0.4 }
}
