import ArgumentParser
import Foundation
import SnapinfraCore

/// Reads a project file named on the command line (`-` is stdin) and loads it.
struct ProjectInput {
    /// The name diagnostics start with: the path as given, or `<stdin>`.
    let sourceName: String
    let result: ProjectLoader.Result

    init(path: String) throws {
        let bytes: [UInt8]
        let limit = DocumentLimits.standard.maxBytes
        if path == "-" {
            sourceName = "<stdin>"
            let data = FileHandle.standardInput.readData(ofLength: limit + 1)
            bytes = [UInt8](data)
        } else {
            sourceName = DisplayText.escape(path, limit: 200)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw CommandFailure.usage("cannot read \(sourceName): no such file")
            }
            guard !isDirectory.boolValue else { throw CommandFailure.usage("cannot read \(sourceName): it is a folder") }
            guard let handle = FileHandle(forReadingAtPath: path) else {
                throw CommandFailure.usage("cannot read \(sourceName): permission denied")
            }
            defer { try? handle.close() }
            // Read at most one byte past the limit, so a huge file is refused without loading it.
            bytes = [UInt8](handle.readData(ofLength: limit + 1))
        }
        let format = path == "-" ? nil : DocumentFormat.forFileName(path)
        result = ProjectLoader().load(bytes, format: format)
    }

    /// Reads and checks a project for a command: diagnostics to stderr (as `cli.md` says, also with
    /// `--json`), and on an invalid project the JSON failure document, then exit 1.
    static func requireProject(path: String, json: Bool) throws -> ProjectFile {
        let input = try ProjectInput(path: path)
        input.reportDiagnostics()
        guard let project = input.result.file else {
            if json { try JSONOutput.printFailure("the project file is invalid", diagnostics: input.result.diagnostics, source: input.sourceName) }
            throw ExitCode(1)
        }
        return project
    }

    /// Prints every diagnostic to stderr, compiler style.
    func reportDiagnostics() {
        for diagnostic in result.diagnostics {
            StandardError.write(diagnostic.formatted(source: sourceName))
        }
    }
}
