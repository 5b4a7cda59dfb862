import Foundation
import SnapinfraCore
import Testing

@testable import SnapinfraTUI

/// A demo session over SSH reads and writes only inside its scratch folder.
@Suite struct FileRootTests {
    @Test func pathsInsideTheRootAreAllowedAndNoWayOutIs() throws {
        let manager = FileManager.default
        let root = manager.temporaryDirectory.appendingPathComponent("snapinfra-root-\(UUID())").path
        try manager.createDirectory(atPath: root + "/out", withIntermediateDirectories: true)
        defer { try? manager.removeItem(atPath: root) }
        try manager.createSymbolicLink(atPath: root + "/escape", withDestinationPath: "/etc")
        #expect(FileRoot.contains(root, root + "/out/shop"))
        #expect(FileRoot.contains(root, root + "/project.yaml"))
        #expect(FileRoot.contains(root, root + "/new/folder/deep.json"))
        #expect(!FileRoot.contains(root, "/etc/passwd"))
        #expect(!FileRoot.contains(root, root + "/../elsewhere.json"))
        #expect(!FileRoot.contains(root, root + "/escape/cron.d/x"))
        #expect(!FileRoot.contains(root, root + "-sibling/x.json"))
    }

    @Test @MainActor func theRunnerRefusesAWriteOutsideTheRoot() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("snapinfra-root-\(UUID())").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let project = try #require(ProjectLoader().load(Array("project:\n  name: demo\n".utf8), format: .yaml).file)
        var state = AppState(project: project, width: 100, height: 30)
        state.fileRoot = root
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("snapinfra-outside-\(UUID()).yaml").path
        guard
            case .projectSaveFailed(let message, _) = TUIRunner.perform(.saveProject(path: outside, project: project, overwrite: true), state: state)
        else {
            Issue.record("the save outside the root was not refused")
            return
        }
        #expect(message.hasPrefix("This session reads and writes only inside "))
        #expect(!FileManager.default.fileExists(atPath: outside))
        guard case .writeFailed = TUIRunner.perform(.write(folder: "/tmp/snapinfra-outside-\(UUID())", overwriteHandEdits: false), state: state)
        else {
            Issue.record("the write outside the root was not refused")
            return
        }
        guard case .fileOpened(_, nil, let problems) = TUIRunner.perform(.openFile("/etc/hostname"), state: state) else {
            Issue.record("a file outside the root was opened")
            return
        }
        #expect(problems.first?.hasPrefix("this session reads and writes only inside ") == true)
        guard case .completed(_, let candidates) = TUIRunner.perform(.complete("/et"), state: state), candidates.isEmpty else {
            Issue.record("the folders outside the root were listed")
            return
        }
        guard case .projectSaved = TUIRunner.perform(.saveProject(path: root + "/demo.yaml", project: project, overwrite: true), state: state) else {
            Issue.record("a save inside the root was refused")
            return
        }
    }
}
