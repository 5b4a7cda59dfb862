import Foundation
import Testing

@testable import SnapinfraCore

/// `snapinfra import schema.sql`: tables, keys and references from PostgreSQL and MySQL DDL, the
/// rest skipped with a warning at its line; never a table made out of a comment or a string.
@Suite struct SQLImportTests {
    private func fixture(_ name: String) throws -> SQLImport {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/import/\(name)")
        return SQLSchemaReader.read(try String(contentsOf: url, encoding: .utf8))
    }

    private func field(_ imported: SQLImport, _ table: String, _ name: String) -> Field? {
        imported.tables.first { $0.name == table }?.fields.first { $0.name == name }
    }

    @Test func aMySQLSampleWithViewsTriggersAndDelimiterBlocks() throws {
        let imported = try fixture("rental-mysql.sql")
        #expect(imported.tables.map(\.name) == ["actor", "film", "film_actor", "store", "staff"])
        #expect(imported.foreignKeys == 4 && imported.skipped == 7 && imported.engine == .mysql)
        #expect(imported.summary == "5 tables, 4 foreign keys, 7 skipped statements")
        let skipped = imported.diagnostics.filter { $0.message.hasSuffix("skipped") || $0.message.contains("skipped:") }
        #expect(
            skipped.map { "\($0.position?.line ?? 0) \($0.message)" } == [
                "3 SET skipped", "4 SET skipped", "5 USE skipped", "57 CREATE VIEW skipped: a view is not a table", "60 CREATE TRIGGER skipped",
                "63 CREATE PROCEDURE skipped", "70 INSERT skipped",
            ])
        #expect(field(imported, "film", "in_stock")?.type == .boolean, "tinyint(1) is a boolean")
        #expect(field(imported, "film", "release_year")?.type == .integer && field(imported, "film", "rating")?.type == .string)
        #expect(field(imported, "film", "poster")?.type == .binary && field(imported, "store", "location")?.type == .binary)
        #expect(field(imported, "film_actor", "actor_id")?.primaryKey == true && field(imported, "film_actor", "film_id")?.primaryKey == true)
        #expect(field(imported, "film_actor", "film_id")?.references == "film.film_id")
        #expect(field(imported, "store", "manager_staff_id")?.references == "staff.staff_id", "a key added by ALTER TABLE, forward")
        #expect(field(imported, "store", "manager_staff_id")?.unique == true && field(imported, "actor", "last_name")?.indexed == true)
        // The store <-> staff cycle of required references is what validate reports.
        let cycle = ProjectValidator().validate(ProjectFile(project: Project(name: "rental", schema: imported.tables)))
        #expect(cycle.contains { $0.severity == .error && $0.message.contains("required references form a cycle: store → staff → store") })
    }

    @Test func aPgDumpWithAlterTableKeysAndASelfReference() throws {
        let imported = try fixture("shop-postgres.sql")
        #expect(imported.tables.map(\.name) == ["customers", "categories", "orders"])
        #expect(imported.foreignKeys == 2 && imported.skipped == 7 && imported.engine == .postgres)
        #expect(
            field(imported, "categories", "parent_id")?.references == "categories.id" && field(imported, "categories", "parent_id")?.nullable == true)
        #expect(field(imported, "customers", "id")?.primaryKey == true && field(imported, "customers", "email")?.unique == true)
        #expect(field(imported, "orders", "placed_on")?.indexed == true && field(imported, "orders", "details")?.type == .json)
        #expect(field(imported, "orders", "tags")?.type == .json, "an array column is a JSON list")
        #expect(field(imported, "customers", "created_at")?.type == .timestamp && field(imported, "orders", "total")?.type == .decimal)
        #expect(
            ProjectValidator().validate(ProjectFile(project: Project(name: "shop", schema: imported.tables))).allSatisfy { $0.severity != .error })
    }

    @Test func anAdvancedSchemaWithEnumsDomainsQuotedNamesPartitionsAndDecoys() throws {
        let imported = try fixture("ledger-postgres.sql")
        #expect(imported.tables.map(\.name) == ["accounts", "Change_Log", "price-tier", "entries"])
        #expect(!imported.tables.contains { $0.name.contains("decoy") }, "DDL in comments, strings and function bodies is not a table")
        #expect(imported.foreignKeys == 4 && imported.skipped == 4)
        #expect(field(imported, "accounts", "owner_email")?.type == .string, "a domain over citext")
        #expect(field(imported, "price-tier", "rate")?.type == .decimal, "a schema-qualified domain over numeric")
        #expect(field(imported, "entries", "kind")?.type == .string && field(imported, "entries", "kind")?.indexed == true, "an enum type")
        #expect(field(imported, "accounts", "display_name") != nil, "a quoted name with a space")
        #expect(field(imported, "Change_Log", "account_id")?.references == "accounts.id", "REFERENCES a table without a column: its key")
        #expect(field(imported, "entries", "tier")?.references == "price-tier.tier", "a composite foreign key, column by column")
        #expect(field(imported, "entries", "amount_cents")?.type == .bigint, "a generated column is a column")
        #expect(imported.diagnostics.contains { $0.message == "CREATE TABLE skipped: a partition of entries is not a separate table" })
        #expect(
            imported.diagnostics.contains { $0.message == "table \"Change Log\" is named \"Change_Log\" in the project" && $0.position?.line == 17 })
        #expect(
            ProjectValidator().validate(ProjectFile(project: Project(name: "ledger", schema: imported.tables))).allSatisfy { $0.severity != .error })
    }

    @Test(arguments: [
        ("int", "", FieldType.integer), ("bigserial", "", .bigint), ("double precision", "", .float), ("numeric", "10,2", .decimal),
        ("tinyint", "1", .boolean), ("tinyint", "4", .integer), ("year", "", .integer), ("enum", "'a','b'", .string), ("set", "'a'", .string),
        ("blob", "", .binary), ("geometry", "", .binary), ("jsonb", "", .json), ("timestamp with time zone", "", .timestamp),
        ("datetime", "", .timestamp), ("date", "", .date), ("uuid", "", .uuid), ("longtext", "", .text), ("character varying", "255", .string),
        ("bool", "", .boolean), ("bytea", "", .binary),
    ])
    func typesMapToTheFormatsTypes(name: String, arguments: String, expected: FieldType) {
        #expect(SQLTypes.fieldType(name, arguments: arguments).0 == expected)
    }

    /// Truncated and garbled DDL: never a crash or a hang, and every error has a line and column.
    @Test func truncatedAndGarbledInputNeverCrashes() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/import/ledger-postgres.sql")
        let text = Array(try String(contentsOf: url, encoding: .utf8))
        var generator = SystemRandomNumberGenerator()
        for cut in stride(from: 0, to: text.count, by: 37) {
            let result = SQLSchemaReader.read(String(text[..<cut]))
            #expect(result.diagnostics.filter { $0.severity == .error }.allSatisfy { $0.position != nil })
        }
        let noise: [Character] = ["(", ")", "'", "\"", "`", "$", ";", ",", "-", "/", "*", "\n", "x", "1", " "]
        for _ in 0..<200 {
            var garbled = text
            for _ in 0..<20 { garbled[Int.random(in: 0..<garbled.count, using: &generator)] = noise.randomElement(using: &generator) ?? "x" }
            let result = SQLSchemaReader.read(String(garbled))
            #expect(result.diagnostics.filter { $0.severity == .error }.allSatisfy { $0.position != nil })
        }
        let unclosed = SQLSchemaReader.read("CREATE TABLE t (id int);\nCREATE FUNCTION f() AS $$ begin")
        #expect(unclosed.diagnostics.contains { $0.severity == .error && $0.position == SourcePosition(line: 2, column: 24) })
    }
}
