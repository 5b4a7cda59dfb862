import ArgumentParser
import Foundation
import SnapinfraCore

/// `snapinfra import schema.sql… [--out PROJECT]`: a project file from SQL DDL.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Write a project file from SQL DDL (PostgreSQL, MySQL/MariaDB; pg_dump --schema-only works).",
        discussion: """
            Tables, columns, keys, foreign keys (ALTER TABLE ones too) and indexes are read; views, functions, \
            triggers, partitions, INSERT and SET are skipped with a warning at their line. The result must pass \
            'snapinfra validate'; when it would not, the problems are listed and nothing is written. A cycle of \
            required references is broken with --nullable TABLE.COLUMN. OpenAPI documents are not read yet.
            Exit status: 0 written, 1 the imported project is invalid, 2 usage error (unreadable file, bad flags).
            """
    )

    @Argument(help: "SQL files to read.")
    var files: [String]

    @Option(help: "Write the project here (.json, .yaml or .yml) instead of YAML on stdout.")
    var out: String?

    @Option(help: "The project name (default: the first file's name).")
    var name: String?

    @Option(help: "The database engine (default: mysql where the DDL is MySQL's, else postgres).")
    var database: String?

    @Option(help: "Make a column nullable, as TABLE.COLUMN, to break a cycle of required references.")
    var nullable: [String] = []

    @Flag(help: "Replace --out if it exists.")
    var force = false

    func run() throws {
        var tables: [Table] = []
        var engine = DatabaseEngine.postgres
        var counts = (foreignKeys: 0, skipped: 0)
        for path in files {
            guard path.lowercased().hasSuffix(".sql") else {
                throw CommandFailure.usage(
                    "\(DisplayText.escape(path, limit: 200)): only SQL DDL (.sql) is read so far; OpenAPI documents are not yet")
            }
            guard let data = FileManager.default.contents(atPath: path) else {
                throw CommandFailure.usage("\(DisplayText.escape(path, limit: 200)): no such file, or it cannot be read")
            }
            let imported = SQLSchemaReader.read(String(decoding: data, as: UTF8.self))
            for diagnostic in imported.diagnostics { StandardError.write(diagnostic.formatted(source: DisplayText.escape(path, limit: 200))) }
            if imported.diagnostics.contains(where: { $0.severity == .error }) {
                throw CommandFailure(message: "\(DisplayText.escape(path, limit: 200)): the SQL cannot be read; nothing was written", exitCode: 1)
            }
            for table in imported.tables {
                if tables.contains(where: { $0.name.lowercased() == table.name.lowercased() }) {
                    StandardError.write(
                        "\(DisplayText.escape(path, limit: 200)): warning: table \(DisplayText.quoted(table.name)) is in an earlier file too; that one is kept"
                    )
                    continue
                }
                tables.append(table)
            }
            if imported.engine == .mysql { engine = .mysql }
            counts.foreignKeys += imported.foreignKeys
            counts.skipped += imported.skipped
        }
        if let database {
            guard let chosen = DatabaseEngine(rawValue: database) else {
                throw CommandFailure.usage(
                    "--database: \(DisplayText.quoted(database)) is not one of \(DatabaseEngine.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            engine = chosen
        }
        for column in nullable {
            let parts = column.split(separator: ".").map(String.init)
            guard parts.count == 2, let t = tables.firstIndex(where: { $0.name == parts[0] }),
                let f = tables[t].fields.firstIndex(where: { $0.name == parts[1] })
            else { throw CommandFailure.usage("--nullable: \(DisplayText.quoted(column)) is not TABLE.COLUMN of an imported table") }
            tables[t].fields[f].nullable = true
        }
        let stem = URL(fileURLWithPath: files[0]).deletingPathExtension().lastPathComponent
        var project = Project(name: name ?? stem)
        project.schema = tables
        project.database = Database(type: engine)
        let file = ProjectFile(project: project)
        let problems = ProjectValidator().validate(file)
        for problem in problems where problem.severity == .error { StandardError.write("import: error: \(problem.pathAndMessage)") }
        if problems.contains(where: { $0.severity == .error }) {
            throw CommandFailure(message: "the imported project would not pass validate; nothing was written", exitCode: 1)
        }
        var format: DocumentFormat = .yaml
        if let out {
            guard let byName = DocumentFormat.forFileName(out) else { throw CommandFailure.usage("--out: name the file .json, .yaml or .yml") }
            format = byName
            if FileManager.default.fileExists(atPath: out) && !force {
                throw CommandFailure.usage("--out: \(DisplayText.escape(out, limit: 200)) exists; use --force to replace it")
            }
        }
        let text = ProjectWriter.text(file, format: format)
        if let out {
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
            } catch {
                throw CommandFailure.usage("cannot write \(DisplayText.escape(out, limit: 200)): \(error.localizedDescription)")
            }
        } else {
            print(text, terminator: "")
        }
        StandardError.write(
            "Imported \(Plural.count(tables.count, "table")), \(Plural.count(counts.foreignKeys, "foreign key")), 0 endpoints; \(Plural.count(counts.skipped, "skipped statement")). Review it: snapinfra tui \(out.map { DisplayText.escape($0, limit: 200) } ?? "FILE")"
        )
    }
}
