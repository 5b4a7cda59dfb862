import Foundation
import SnapinfraCore
import Testing

/// What a killed `generate` leaves is finished or rolled back by the next run, which says so.
@Suite struct InterruptedWriteTests {
    private let files = FileManager.default

    private func output() throws -> URL {
        let out = files.temporaryDirectory.appendingPathComponent("snapinfra-int-\(UUID().uuidString)/out")
        let first = try CLIRunner.run(["generate", "examples/shop.json", "--out", out.path, "--target", "terraform,docker-compose"])
        #expect(first.status == 0, "\(first.stderr)")
        return out
    }

    private func text(_ url: URL) -> String? { try? String(contentsOf: url, encoding: .utf8) }

    @Test func aCommittedJournalIsRolledForwardManifestLast() throws {
        let out = try output()
        defer { try? files.removeItem(at: out.deletingLastPathComponent()) }
        // A run killed after its commit point: one file already moved, the rest and the manifest staged.
        let pending = out.appendingPathComponent(".snapinfra-pending/files")
        try files.createDirectory(at: pending.appendingPathComponent("infra/terraform"), withIntermediateDirectories: true)
        try "# staged main\n".write(to: pending.appendingPathComponent("infra/terraform/main.tf"), atomically: false, encoding: .utf8)
        try "# moved network\n".write(to: out.appendingPathComponent("infra/terraform/network.tf"), atomically: false, encoding: .utf8)
        try #"{"files": [], "project": {}}"#.write(to: pending.appendingPathComponent("snapinfra.json"), atomically: false, encoding: .utf8)
        let journal = #"{"moves": ["infra/terraform/network.tf", "infra/terraform/main.tf", "snapinfra.json"], "removals": ["docker-compose.yml"]}"#
        try journal.write(to: out.appendingPathComponent(".snapinfra-pending/journal.json"), atomically: false, encoding: .utf8)

        let next = try CLIRunner.run(["generate", "examples/shop.json", "--out", out.path, "--dry-run"])
        #expect(next.status == 0, "\(next.stderr)")
        #expect(next.stderr.contains("note: \(out.path): finished writing 2 files that an interrupted run had committed"))
        #expect(text(out.appendingPathComponent("infra/terraform/main.tf")) == "# staged main\n")
        #expect(text(out.appendingPathComponent("snapinfra.json")) == #"{"files": [], "project": {}}"#)
        #expect(!files.fileExists(atPath: out.appendingPathComponent("docker-compose.yml").path))
        #expect(!files.fileExists(atPath: out.appendingPathComponent(".snapinfra-pending").path))
    }

    @Test func anUncommittedWriteIsRolledBackAndOldStagingFilesGo() throws {
        let out = try output()
        defer { try? files.removeItem(at: out.deletingLastPathComponent()) }
        let before = text(out.appendingPathComponent("infra/terraform/main.tf"))
        let pending = out.appendingPathComponent(".snapinfra-pending/files/infra/terraform")
        try files.createDirectory(at: pending, withIntermediateDirectories: true)
        try "# half\n".write(to: pending.appendingPathComponent("main.tf"), atomically: false, encoding: .utf8)
        // What older versions left: a staged file beside its destination, and a folder beside the output.
        let stale = out.appendingPathComponent("infra/terraform/.main.tf.snapinfra-\(UUID().uuidString)")
        try "x".write(to: stale, atomically: false, encoding: .utf8)
        let besideFolder = out.deletingLastPathComponent().appendingPathComponent(".out.snapinfra-\(UUID().uuidString)")
        try files.createDirectory(at: besideFolder, withIntermediateDirectories: true)
        let keep = out.appendingPathComponent("infra/terraform/.notes.snapinfra-mine")
        try "mine".write(to: keep, atomically: false, encoding: .utf8)

        let next = try CLIRunner.run(["generate", "examples/shop.json", "--out", out.path, "--dry-run", "--target", "terraform,docker-compose"])
        #expect(next.status == 0, "\(next.stderr)")
        #expect(next.stderr.contains("staged entries of an interrupted run; its files were not changed"))
        #expect(next.stderr.contains("removed 2 staging files left by an interrupted run"))
        #expect(text(out.appendingPathComponent("infra/terraform/main.tf")) == before)
        #expect(!files.fileExists(atPath: stale.path))
        #expect(!files.fileExists(atPath: besideFolder.path))
        #expect(files.fileExists(atPath: keep.path), "a file that only looks like a staging name is not ours")
        #expect(!next.stdout.contains("hand-edited"))
        #expect(next.stdout.contains("unchanged   \(out.path)/infra/terraform/main.tf"))
    }

    @Test func aSymlinkedManifestIsRefused() throws {
        let out = try output()
        defer { try? files.removeItem(at: out.deletingLastPathComponent()) }
        let manifest = out.appendingPathComponent("snapinfra.json")
        let elsewhere = out.deletingLastPathComponent().appendingPathComponent("elsewhere.json")
        try files.moveItem(at: manifest, to: elsewhere)
        try files.createSymbolicLink(at: manifest, withDestinationURL: elsewhere)
        let before = text(elsewhere)
        let result = try CLIRunner.run(["generate", "examples/shop.json", "--out", out.path, "--force"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("refusing to read the manifest through the symbolic link"))
        #expect(text(elsewhere) == before)
        #expect((try? files.destinationOfSymbolicLink(atPath: manifest.path)) != nil)
    }

    @Test func invisibleCharactersLeaveAsEscapesInEveryJSONDocument() throws {
        let out = files.temporaryDirectory.appendingPathComponent("snapinfra-bidi-\(UUID().uuidString)")
        defer { try? files.removeItem(at: out) }
        let project =
            #"{"project": {"name": "a\u202Eb\u200Bc\u2028d", "schema": [{"name": "t", "fields": [{"name": "id", "type": "uuid", "primaryKey": true}]}]}}"#
        let result = try CLIRunner.run(["generate", "-", "--out", out.path, "--json"], stdin: project)
        #expect(result.status == 0, "\(result.stderr)")
        let manifest = try #require(text(out.appendingPathComponent("snapinfra.json")))
        for document in [result.stdout, manifest, result.stderr] {
            #expect(!document.unicodeScalars.contains { DisplayText.isUnsafe($0) && $0 != "\n" }, "a raw invisible character")
        }
        #expect(result.stdout.contains(#"a\u202eb\u200bc\u2028d"#))
        #expect(manifest.contains(#"a\u202eb\u200bc\u2028d"#))
    }
}
