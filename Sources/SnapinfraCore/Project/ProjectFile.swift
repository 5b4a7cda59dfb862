/// A project file: what a user hands Snapinfra (`../shared/spec/project-format.md`).
///
/// It keeps the shape of the original web API's request body, `{ "project": …, "options": … }`.
public struct ProjectFile: Sendable, Hashable, Codable {
    public var project: Project
    public var options: Options

    public init(project: Project, options: Options = Options()) {
        self.project = project
        self.options = options
    }
}

/// The software project to build infrastructure for.
public struct Project: Sendable, Hashable, Codable {
    public var name: String
    public var description: String
    public var schema: [Table]
    public var endpoints: [Endpoint]
    public var database: Database
    public var traffic: Traffic
    /// The application's runtime; nil when the project does not say (the design states its default).
    public var runtime: Runtime?
    /// The health-check path; nil means `/health`.
    public var healthPath: String?
    /// The public host name, when the project has one.
    public var domain: String?

    public static let defaultHealthPath = "/health"

    public init(
        name: String,
        description: String = "",
        schema: [Table] = [],
        endpoints: [Endpoint] = [],
        database: Database = Database(),
        traffic: Traffic = Traffic(),
        runtime: Runtime? = nil,
        healthPath: String? = nil,
        domain: String? = nil
    ) {
        self.name = name
        self.description = description
        self.schema = schema
        self.endpoints = endpoints
        self.database = database
        self.traffic = traffic
        self.runtime = runtime
        self.healthPath = healthPath
        self.domain = domain
    }
}

/// The language runtime the application is written for.
public enum Runtime: String, Sendable, Hashable, Codable, CaseIterable {
    case node, python, go, java, dotnet, ruby, php, rust, other
}

/// A table of the application's data model.
public struct Table: Sendable, Hashable, Codable {
    public var name: String
    public var fields: [Field]
    public var estimatedRows: Int?
    /// Rows older than this many days are expired; nil keeps rows for ever.
    public var retentionDays: Int?

    public init(name: String, fields: [Field], estimatedRows: Int? = nil, retentionDays: Int? = nil) {
        self.name = name
        self.fields = fields
        self.estimatedRows = estimatedRows
        self.retentionDays = retentionDays
    }
}

/// A column of a table.
public struct Field: Sendable, Hashable, Codable {
    public var name: String
    public var type: FieldType
    public var primaryKey: Bool
    public var unique: Bool
    public var nullable: Bool
    /// `"table.column"` this column points to.
    public var references: String?
    public var indexed: Bool

    public init(
        name: String,
        type: FieldType,
        primaryKey: Bool = false,
        unique: Bool = false,
        nullable: Bool = false,
        references: String? = nil,
        indexed: Bool = false
    ) {
        self.name = name
        self.type = type
        self.primaryKey = primaryKey
        self.unique = unique
        self.nullable = nullable
        self.references = references
        self.indexed = indexed
    }

    /// The referenced table and column, when `references` has the `table.column` form.
    public var referenceTarget: (table: String, column: String)? {
        guard let references, let dot = references.lastIndex(of: ".") else { return nil }
        let table = String(references[..<dot])
        let column = String(references[references.index(after: dot)...])
        guard !table.isEmpty, !column.isEmpty else { return nil }
        return (table, column)
    }
}

/// The type of a column.
public enum FieldType: String, Sendable, Hashable, Codable, CaseIterable {
    case string, text, integer, bigint, float, decimal, boolean, uuid, timestamp, date, json, binary
}

/// An API endpoint.
public struct Endpoint: Sendable, Hashable, Codable {
    public var method: HTTPMethod
    public var path: String
    public var auth: Bool
    public var upload: Bool
    /// This endpoint's share of traffic, in requests per second.
    public var rps: Double?
    /// Typical request and response body sizes in KB; nil takes the default for the endpoint's kind.
    public var requestKB: Double?
    public var responseKB: Double?

    public init(
        method: HTTPMethod, path: String, auth: Bool = false, upload: Bool = false, rps: Double? = nil, requestKB: Double? = nil,
        responseKB: Double? = nil
    ) {
        self.method = method
        self.path = path
        self.auth = auth
        self.upload = upload
        self.rps = rps
        self.requestKB = requestKB
        self.responseKB = responseKB
    }
}

/// An HTTP method an endpoint answers.
public enum HTTPMethod: String, Sendable, Hashable, Codable, CaseIterable {
    case get = "GET"
    case post = "POST"
    case put = "PUT"
    case patch = "PATCH"
    case delete = "DELETE"
    case head = "HEAD"
    case options = "OPTIONS"

    /// Whether the method changes data.
    public var isWrite: Bool {
        switch self {
        case .post, .put, .patch, .delete: return true
        case .get, .head, .options: return false
        }
    }
}

/// The database the application uses.
public struct Database: Sendable, Hashable, Codable {
    public var type: DatabaseEngine

    public init(type: DatabaseEngine = .postgres) {
        self.type = type
    }
}

/// A database engine.
public enum DatabaseEngine: String, Sendable, Hashable, Codable, CaseIterable {
    case postgres, mysql, mariadb, mongodb, dynamodb, none
}

/// Expected traffic.
public struct Traffic: Sendable, Hashable, Codable {
    /// Average requests per second.
    public var requestsPerSecond: Double?
    /// Peak over average.
    public var peakMultiplier: Double
    public var monthlyActiveUsers: Int?
    public var dataGrowthGBPerMonth: Double?

    public static let defaultPeakMultiplier = 3.0

    public init(
        requestsPerSecond: Double? = nil,
        peakMultiplier: Double = Traffic.defaultPeakMultiplier,
        monthlyActiveUsers: Int? = nil,
        dataGrowthGBPerMonth: Double? = nil
    ) {
        self.requestsPerSecond = requestsPerSecond
        self.peakMultiplier = peakMultiplier
        self.monthlyActiveUsers = monthlyActiveUsers
        self.dataGrowthGBPerMonth = dataGrowthGBPerMonth
    }
}
