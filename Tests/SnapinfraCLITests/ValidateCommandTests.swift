import Foundation
import Testing

@Suite struct ValidateCommandTests {
    @Test func aValidExampleExitsZero() throws {
        let result = try CLIRunner.run(["validate", "examples/shop.json"])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(result.stdout == "examples/shop.json: valid: 5 tables, 9 endpoints, 0 warnings\n")
    }

    @Test func anInvalidFileGivesCompilerStyleDiagnosticsAndExitOne() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("snapinfra-bad-\(UUID()).json")
        try #"""
        {"project": {"name": "x", "schema": [
          {"name": "orgs", "fields": [{"name": "id", "type": "uuid", "primaryKey": true}]},
          {"name": "users", "fields": [{"name": "id", "type": "uuid", "primaryKey": true}, {"name": "org_id", "type": "uuid", "references": "org.id"}]}
        ]}}
        """#.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try CLIRunner.run(["validate", file.path])
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(
            result.stderr
                == "\(file.path):3:133: error: project.schema[1].fields[1].references: table \"org\" does not exist (did you mean \"orgs\"?)\n")
    }

    @Test func stdinIsReadWithADash() throws {
        let yaml = try CLIRunner.run(["validate", "-"], stdin: "project:\n  name: a\n  nmae: b\n")
        #expect(yaml.status == 0)
        #expect(yaml.stderr == "<stdin>:3:3: warning: project.nmae: unknown key, ignored (did you mean \"name\"?)\n")
        let json = try CLIRunner.run(["validate", "-"], stdin: "{\"project\": 1}")
        #expect(json.status == 1)
        #expect(json.stderr == "<stdin>:1:13: error: project: expected an object, found a number\n")
    }

    @Test func usageProblemsExitTwo() throws {
        let missing = try CLIRunner.run(["validate", "no/such/file.json"])
        #expect(missing.status == 2)
        #expect(missing.stderr == "snapinfra: error: cannot read no/such/file.json: no such file\n")
        let badFlag = try CLIRunner.run(["validate", "--bogus", "x.json"])
        #expect(badFlag.status == 2)
        #expect(badFlag.stderr.contains("Unknown option '--bogus'"))
        let folder = try CLIRunner.run(["validate", "examples"])
        #expect(folder.status == 2)
    }

    @Test func hostileFileNamesAreNotEchoedRaw() throws {
        let result = try CLIRunner.run(["validate", "evil\u{1B}[2J.json"])
        #expect(result.status == 2)
        #expect(result.stderr == "snapinfra: error: cannot read evil\\u{1B}[2J.json: no such file\n")
    }
}
