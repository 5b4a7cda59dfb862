import ArgumentParser
import Foundation
import SnapinfraCore
import SnapinfraImport

/// `snapinfra import FILE… [--out PROJECT]`: a project file from SQL DDL and OpenAPI documents.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Write a project file from SQL DDL and OpenAPI 3.0/3.1 documents (.sql, .json, .yaml, .yml).",
        discussion: """
            SQL (PostgreSQL, MySQL/MariaDB; pg_dump --schema-only works) gives the tables: columns, keys, foreign keys \
            (ALTER TABLE ones too) and indexes; views, functions, triggers, partitions, INSERT and SET are skipped with a \
            warning at their line. OpenAPI gives one endpoint per method and path, with its effective auth, uploads and \
            body sizes; without SQL its entity schemas become the tables. With both, the SQL's columns win and each \
            difference is a warning. The result must pass 'snapinfra validate'; when it would not, the problems are listed \
            and nothing is written. A cycle of required references is broken with --nullable TABLE.COLUMN.
            Exit status: 0 written, 1 the inputs or the imported project are invalid, 2 usage error (unreadable file, bad flags).
            """
    )

    @Argument(help: "SQL and OpenAPI files to read.")
    var files: [String]

    @Option(help: "Write the project here (.json, .yaml or .yml) instead of YAML on stdout.")
    var out: String?

    @Option(help: "The project name (default: the OpenAPI title, else the first file's name).")
    var name: String?

    @Option(help: "The database engine (default: mysql where the DDL is MySQL's, else postgres).")
    var database: String?

    @Option(help: "Make a column nullable, as TABLE.COLUMN, to break a cycle of required references.")
    var nullable: [String] = []

    @Flag(help: "Replace --out if it exists.")
    var force = false

    func run() throws {
        var sources: [ImportSource] = []
        for path in files {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw CommandFailure.usage("\(DisplayText.escape(path, limit: 200)): no such file, or it cannot be read")
            }
            sources.append(ImportSource(name: path, text: String(decoding: data, as: UTF8.self)))
        }
        var options = ImportOptions(nullable: nullable)
        options.name = name
        if let database {
            guard let chosen = DatabaseEngine(rawValue: database) else {
                throw CommandFailure.usage(
                    "--database: \(DisplayText.quoted(database)) is not one of \(DatabaseEngine.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            options.database = chosen
        }
        var format: DocumentFormat = .yaml
        if let out {
            guard let byName = DocumentFormat.forFileName(out) else { throw CommandFailure.usage("--out: name the file .json, .yaml or .yml") }
            format = byName
            if FileManager.default.fileExists(atPath: out) && !force {
                throw CommandFailure.usage("--out: \(DisplayText.escape(out, limit: 200)) exists; use --force to replace it")
            }
        }
        let result = ProjectImporter.run(sources, options: options)
        for diagnostic in result.diagnostics { StandardError.write(diagnostic.formatted) }
        switch result.failure {
        case .unreadable(let message) where sources.contains(where: { $0.kind == nil }):
            throw CommandFailure.usage(message)
        case .unreadable(let message): throw CommandFailure(message: "\(message); nothing was written", exitCode: 1)
        case .invalid(let message): throw CommandFailure(message: message, exitCode: 1)
        case .usage(let message): throw CommandFailure.usage(message)
        case nil: break
        }
        guard let file = result.file else { throw CommandFailure(message: "nothing was imported", exitCode: 1) }
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
        StandardError.write("Imported \(result.summary). Review it: snapinfra tui \(out.map { DisplayText.escape($0, limit: 200) } ?? "FILE")")
    }
}
