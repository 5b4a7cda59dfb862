import Foundation
import Testing

/// `snapinfra import`: a project file from SQL that `validate` accepts, or nothing written.
@Suite struct ImportCommandTests {
    private func temporary(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("snapinfra-import-\(UUID().uuidString)-\(name)")
    }

    @Test func aCycleIsReportedAndNothingWrittenUntilItIsBroken() throws {
        let out = temporary("rental.yaml")
        defer { try? FileManager.default.removeItem(at: out) }
        let refused = try CLIRunner.run(["import", "Tests/Fixtures/import/rental-mysql.sql", "--out", out.path])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("project.schema[3].fields[1].references: required references form a cycle: store → staff → store"))
        #expect(refused.stderr.contains("Tests/Fixtures/import/rental-mysql.sql:60:1: warning: CREATE TRIGGER skipped"))
        #expect(!FileManager.default.fileExists(atPath: out.path), "nothing is written")
        let written = try CLIRunner.run([
            "import", "Tests/Fixtures/import/rental-mysql.sql", "--out", out.path, "--nullable", "store.manager_staff_id",
        ])
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stderr.contains("Imported 5 tables, 4 foreign keys, 0 endpoints, 7 skipped statements."))
        let validated = try CLIRunner.run(["validate", out.path])
        #expect(validated.status == 0, "\(validated.stderr)")
        #expect(try String(contentsOf: out, encoding: .utf8).contains("type: mysql"))
    }

    @Test func theImportedProjectGenerates() throws {
        let project = temporary("ledger.json")
        let output = temporary("out")
        defer {
            try? FileManager.default.removeItem(at: project)
            try? FileManager.default.removeItem(at: output)
        }
        let imported = try CLIRunner.run(["import", "Tests/Fixtures/import/ledger-postgres.sql", "--out", project.path, "--name", "Ledger"])
        #expect(imported.status == 0, "\(imported.stderr)")
        let generated = try CLIRunner.run(["generate", project.path, "--out", output.path])
        #expect(generated.status == 0, "\(generated.stderr)")
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("infra/terraform/database.tf").path))
        let stdout = try CLIRunner.run(["import", "Tests/Fixtures/import/shop-postgres.sql"])
        #expect(stdout.status == 0 && stdout.stdout.hasPrefix("project:\n  name: shop-postgres\n"))
    }

    @Test func anOpenAPIDocumentAndSQLTogetherGenerate() throws {
        let project = temporary("shop.yaml")
        let output = temporary("out")
        defer {
            try? FileManager.default.removeItem(at: project)
            try? FileManager.default.removeItem(at: output)
        }
        let imported = try CLIRunner.run([
            "import", "Tests/Fixtures/import/shop-postgres.sql", "Tests/Fixtures/import/shop-api.yaml", "--out", project.path,
        ])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(
            imported.stderr.contains("Tests/Fixtures/import/shop-api.yaml:71:20: warning: components.schemas.Order: \"gift_note\" is not a column"))
        #expect(imported.stderr.contains("Imported 3 tables, 2 foreign keys, 4 endpoints, 7 skipped statements."))
        let generated = try CLIRunner.run(["generate", project.path, "--out", output.path])
        #expect(generated.status == 0, "\(generated.stderr)")
        let api = try CLIRunner.run(["import", "Tests/Fixtures/import/events-3.1.yaml"])
        #expect(api.status == 0 && api.stdout.hasPrefix("project:\n  name: ride-events\n") && api.stdout.contains("path: \"/health\""))
    }

    @Test func whatCannotBeReadIsAUsageError() throws {
        let project = try CLIRunner.run(["import", "examples/shop.json"])
        #expect(project.status == 1 && project.stderr.contains("examples/shop.json:1:1: error: not an OpenAPI document"))
        let text = try CLIRunner.run(["import", "README.md"])
        #expect(text.status == 2 && text.stderr.contains("README.md: name SQL DDL .sql and OpenAPI .json, .yaml or .yml"))
        let missing = try CLIRunner.run(["import", "nowhere.sql"])
        #expect(missing.status == 2 && missing.stderr.contains("nowhere.sql: no such file"))
        let engine = try CLIRunner.run(["import", "Tests/Fixtures/import/shop-postgres.sql", "--database", "oracle"])
        #expect(engine.status == 2 && engine.stderr.contains("--database: \"oracle\" is not one of"))
    }
}
