/// A large generated project for benchmarks and stress tests: `tables` tables in chains of
/// references, and `endpoints` endpoints spread over them.
public enum SyntheticProject {
    public static func make(tables: Int = 300, endpoints: Int = 1_500, environment: Environment = .production) -> ProjectFile {
        let types: [FieldType] = [.string, .integer, .timestamp, .text, .decimal, .boolean, .json]
        var schema: [Table] = []
        for t in 0..<tables {
            var fields = [Field(name: "id", type: .uuid, primaryKey: true)]
            for f in 0..<8 { fields.append(Field(name: "field_\(f)", type: types[(t + f) % types.count], indexed: f == 0)) }
            if t > 0 { fields.append(Field(name: "parent_id", type: .uuid, nullable: t % 5 == 0, references: "table_\(t - 1).id")) }
            schema.append(Table(name: "table_\(t)", fields: fields, estimatedRows: 10_000 * (t % 50 + 1)))
        }
        let methods = HTTPMethod.allCases.filter { $0 != .head && $0 != .options }
        let list = (0..<endpoints).map { e in
            Endpoint(
                method: methods[e % methods.count], path: "/table-\(e % max(1, tables))/\(e / max(1, tables))/{id}", auth: e % 3 != 0,
                upload: e % 97 == 0)
        }
        let project = Project(
            name: "synthetic-\(tables)", description: "Generated benchmark project", schema: schema, endpoints: list,
            traffic: Traffic(requestsPerSecond: 800, peakMultiplier: 3, monthlyActiveUsers: 2_000_000))
        return ProjectFile(
            project: project,
            options: Options(preferences: Preferences(scale: .growth, compliance: [.soc2]), budget: 20_000, environment: environment))
    }

    /// A project whose every reference names a table that does not exist: `tables` × 8 bad
    /// references (2,000 tables give 16,000), the case that used to make validation quadratic.
    public static func badReferences(tables: Int = 2_000) -> ProjectFile {
        let schema = (0..<tables).map { t in
            Table(
                name: "table_\(t)",
                fields: [Field(name: "id", type: .uuid, primaryKey: true)]
                    + (0..<8).map { Field(name: "ref_\($0)", type: .uuid, references: "missing_\(t)_\($0).id") })
        }
        return ProjectFile(project: Project(name: "bad-references", schema: schema), options: Options())
    }
}
