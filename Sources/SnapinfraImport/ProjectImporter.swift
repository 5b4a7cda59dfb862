import SnapinfraCore

/// One input of `snapinfra import`: a file's name (for messages and its kind) and its text.
public struct ImportSource: Sendable {
    public var name: String
    public var text: String

    public init(name: String, text: String) {
        self.name = name
        self.text = text
    }

    /// What a file holds, by its extension.
    public enum Kind: Sendable {
        case sql
        case openAPI(DocumentFormat)
    }

    public var kind: Kind? {
        if name.lowercased().hasSuffix(".sql") { return .sql }
        return DocumentFormat.forFileName(name).map(Kind.openAPI)
    }
}

/// A problem of one input, at its line and column: `schema.sql:41:17: warning: …`.
public struct ImportDiagnostic: Sendable, Hashable {
    public var source: String
    public var diagnostic: Diagnostic

    public var formatted: String { diagnostic.formatted(source: DisplayText.escape(source, limit: 200)) }
}

public struct ImportOptions: Sendable {
    public var name: String?
    public var database: DatabaseEngine?
    /// `TABLE.COLUMN`s made nullable, to break a cycle of required references.
    public var nullable: [String] = []

    public init(name: String? = nil, database: DatabaseEngine? = nil, nullable: [String] = []) {
        self.name = name
        self.database = database
        self.nullable = nullable
    }
}

/// The project an import made, or why it made none, with every input's diagnostics.
public struct ImportResult: Sendable, Hashable {
    public enum Failure: Sendable, Hashable {
        /// An input cannot be read, or is not SQL or OpenAPI.
        case unreadable(String)
        /// The project would not pass `validate`; its problems are in `diagnostics`.
        case invalid(String)
        /// An option names something the inputs do not have.
        case usage(String)
    }

    public var file: ProjectFile?
    public var failure: Failure?
    public var diagnostics: [ImportDiagnostic] = []
    public var tables = 0
    public var foreignKeys = 0
    public var endpoints = 0
    public var skipped = 0

    public init() {}

    /// `7 tables, 6 foreign keys, 12 endpoints, 3 skipped statements`.
    public var summary: String {
        [
            Plural.count(tables, "table"), Plural.count(foreignKeys, "foreign key"), Plural.count(endpoints, "endpoint"),
            Plural.count(skipped, "skipped statement"),
        ].joined(separator: ", ")
    }
}

/// `snapinfra import FILE…`: one project from any mix of SQL DDL and OpenAPI documents.
///
/// Tables come from the SQL and endpoints from OpenAPI. Without SQL, the documents' entity schemas
/// are the tables. When both describe an entity, the SQL's columns win, with a warning for each
/// property or type the SQL does not have, and the API's filters index the SQL's columns.
public enum ProjectImporter {
    public static func run(_ sources: [ImportSource], options: ImportOptions = ImportOptions()) -> ImportResult {
        var result = ImportResult()
        var sqlTables: [Table] = []
        var apiTables: [Table] = []
        var entities: [(source: String, entity: OpenAPIEntity, filters: Set<String>)] = []
        var endpoints: [Endpoint] = []
        var engine: DatabaseEngine?
        var title: String?
        var description: String?
        var apiForeignKeys = 0
        for source in sources {
            func report(_ diagnostics: [Diagnostic]) {
                result.diagnostics += diagnostics.map { ImportDiagnostic(source: source.name, diagnostic: $0) }
            }
            switch source.kind {
            case nil:
                result.failure = .unreadable("\(DisplayText.escape(source.name, limit: 200)): name SQL DDL .sql and OpenAPI .json, .yaml or .yml")
                return result
            case .sql:
                let imported = SQLSchemaReader.read(source.text)
                report(imported.diagnostics)
                if imported.diagnostics.contains(where: { $0.severity == .error }) {
                    result.failure = .unreadable("\(DisplayText.escape(source.name, limit: 200)): the SQL cannot be read")
                    return result
                }
                for table in imported.tables {
                    if sqlTables.contains(where: { $0.name.lowercased() == table.name.lowercased() }) {
                        report([.warning("", "table \(DisplayText.quoted(table.name)) is in an earlier file too; that one is kept")])
                        continue
                    }
                    sqlTables.append(table)
                }
                if imported.engine == .mysql { engine = .mysql }
                result.foreignKeys += imported.foreignKeys
                result.skipped += imported.skipped
            case .openAPI(let format):
                let imported = OpenAPIImport.read(source.text, format: format)
                report(imported.diagnostics)
                if imported.diagnostics.contains(where: { $0.severity == .error }) {
                    result.failure = .unreadable("\(DisplayText.escape(source.name, limit: 200)): the OpenAPI document cannot be read")
                    return result
                }
                title = title ?? imported.title
                description = description ?? imported.description
                for endpoint in imported.endpoints {
                    if endpoints.contains(where: { $0.method == endpoint.method && $0.path == endpoint.path }) {
                        report([
                            .warning(
                                "paths.\(endpoint.path)", "\(endpoint.method.rawValue) \(endpoint.path) is in an earlier file too; that one is kept")
                        ])
                        continue
                    }
                    endpoints.append(endpoint)
                }
                for table in imported.tables where !apiTables.contains(where: { $0.name == table.name }) { apiTables.append(table) }
                entities += imported.entities.map { (source.name, $0, imported.filters[$0.schemaName] ?? []) }
                apiForeignKeys += imported.foreignKeys
                result.skipped += imported.skipped
            }
        }
        var tables = sqlTables
        if sqlTables.isEmpty {
            tables = apiTables
            result.foreignKeys += apiForeignKeys
        } else {
            for (source, entity, filters) in entities {
                result.diagnostics += reconcile(entity, filters: filters, with: &tables).map { ImportDiagnostic(source: source, diagnostic: $0) }
            }
        }
        for column in options.nullable {
            let parts = column.split(separator: ".").map(String.init)
            guard parts.count == 2, let t = tables.firstIndex(where: { $0.name == parts[0] }),
                let f = tables[t].fields.firstIndex(where: { $0.name == parts[1] })
            else {
                result.failure = .usage("--nullable: \(DisplayText.quoted(column)) is not TABLE.COLUMN of an imported table")
                return result
            }
            tables[t].fields[f].nullable = true
        }
        result.tables = tables.count
        result.endpoints = endpoints.count
        let stem = sources.first.map { stemOf($0.name) } ?? "imported"
        var project = Project(name: options.name ?? title.flatMap { $0.count <= 64 ? $0 : nil } ?? stem)
        if let description, description.count <= 2_000 { project.description = description }
        project.schema = tables
        project.endpoints = endpoints
        project.database = Database(type: options.database ?? engine ?? .postgres)
        let file = ProjectFile(project: project)
        let problems = ProjectValidator().validate(file).filter { $0.severity == .error }
        if !problems.isEmpty {
            result.diagnostics += problems.map { ImportDiagnostic(source: "import", diagnostic: $0) }
            result.failure = .invalid("the imported project would not pass validate; nothing was written")
            return result
        }
        result.file = file
        return result
    }

    /// The SQL's table for an entity keeps its columns; each property it lacks, or types otherwise,
    /// is a warning, and the API's filters index the columns they name.
    private static func reconcile(_ entity: OpenAPIEntity, filters: Set<String>, with tables: inout [Table]) -> [Diagnostic] {
        let names = [entity.table, ImportNaming.singular(entity.table), entity.schemaName].map(ImportNaming.key)
        let place = "components.schemas.\(entity.schemaName)"
        guard let t = tables.firstIndex(where: { names.contains(ImportNaming.key($0.name)) }) else {
            return [.warning(place, "no table of the SQL matches it; it is not added (the SQL's tables win)", at: entity.position)]
        }
        var found: [Diagnostic] = []
        let table = tables[t].name
        for column in entity.columns {
            guard let field = tables[t].fields.first(where: { ImportNaming.key($0.name) == ImportNaming.key(column.name) }) else {
                found.append(
                    .warning(
                        place, "\(DisplayText.quoted(column.name)) is not a column of table \(table) in the SQL; the SQL's columns are kept",
                        at: column.position))
                continue
            }
            if !compatible(column.type, field.type) {
                found.append(
                    .warning(
                        place,
                        "\(DisplayText.quoted(column.name)) is \(column.type.rawValue) in the API and \(field.type.rawValue) in table \(table); the SQL's type is kept",
                        at: column.position))
            }
        }
        let filtered = Set(filters.map(ImportNaming.key))
        for f in tables[t].fields.indices where filtered.contains(ImportNaming.key(tables[t].fields[f].name)) && !tables[t].fields[f].primaryKey {
            tables[t].fields[f].indexed = true
        }
        return found
    }

    /// Types that the API and SQL may differ in without a warning: JSON has no `text`, no `bigint`.
    private static func compatible(_ api: FieldType, _ sql: FieldType) -> Bool {
        if api == sql { return true }
        let families: [Set<FieldType>] = [
            [.string, .text, .uuid], [.integer, .bigint], [.float, .decimal, .integer, .bigint], [.timestamp, .date],
        ]
        return families.contains { $0.contains(api) && $0.contains(sql) }
    }

    private static func stemOf(_ name: String) -> String {
        let last = name.split(separator: "/").last.map(String.init) ?? name
        guard let dot = last.lastIndex(of: "."), dot != last.startIndex else { return last }
        return String(last[..<dot])
    }
}
