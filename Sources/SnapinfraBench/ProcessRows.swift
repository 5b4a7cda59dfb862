import Foundation
import SnapinfraCore

/// The whole-process rows of the speed table in README.md: the release binary, started fresh for
/// every run, on the projects a user would hand it.
enum ProcessRows {
    static func run() {
        let binary = ".build/release/snapinfra"
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            print("whole process: \(binary) is missing; run `swift build -c release` first")
            return
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("snapinfra-bench-\(getpid())")
        try? FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let big = scratch.appendingPathComponent("synthetic-300.json").path
        let bad = scratch.appendingPathComponent("bad-references.json").path
        _ = FileManager.default.createFile(atPath: big, contents: try? JSONEncoder().encode(SyntheticProject.make()))
        _ = FileManager.default.createFile(atPath: bad, contents: try? JSONEncoder().encode(SyntheticProject.badReferences(tables: 2_000)))
        let seven = "Tests/Fixtures/architect/northwind-erp.yaml"
        let out = scratch.appendingPathComponent("out").path
        print("whole process (release binary, a fresh process per run)")
        ProcessBench.measure("snapinfra --version", binary, ["--version"])
        ProcessBench.measure("validate, 7 tables", binary, ["validate", seven])
        ProcessBench.measure("generate, 7 tables", binary, ["generate", seven, "--out", out, "--force"])
        ProcessBench.measure("generate --json, 7 tables", binary, ["generate", seven, "--out", out, "--force", "--json"])
        ProcessBench.measure("enhancements --json, 7 tables", binary, ["enhancements", seven, "--json"])
        ProcessBench.measure("validate, 300 tables / 1,500 endpoints", binary, ["validate", big], runs: 7)
        ProcessBench.measure("generate, 300 tables / 1,500 endpoints", binary, ["generate", big, "--out", out, "--force"], runs: 7)
        ProcessBench.measure("validate, 16,000 bad references", binary, ["validate", bad], runs: 5)
        print("")
    }
}
