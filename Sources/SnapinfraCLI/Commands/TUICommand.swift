import ArgumentParser
import Foundation
import SnapinfraAI
import SnapinfraCore
import SnapinfraFiles
import SnapinfraTUI

/// `snapinfra` / `snapinfra tui [FILE|DIR]`: the terminal UI.
struct TUICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tui",
        abstract: "The terminal UI (the default command): review the design, its cost and the files.",
        discussion: """
            Without FILE it starts on the start screen: a new project, a sentence to draft from, a file or an \
            output folder to open, the drafts to resume, and the examples in ./examples. The whole session is \
            a draft from its first change: the project, the enhancements, the output folder and the cursor, \
            saved under $XDG_STATE_HOME/snapinfra/drafts (one per source; older than 30 days or past the newest \
            50 are pruned). DIR, a folder written by generate, reopens its project and enhancements; the \
            Write screen then merges with hand edits made there.
            """
    )

    @Argument(help: "A project file to open (JSON or YAML), or an output folder holding snapinfra.json.")
    var file: String?

    @OptionGroup(title: "Language model")
    var ai: AIOptions

    func run() throws {
        let assistant = try ai.assistant()
        let model = assistant.settings.provider == .rules ? nil : assistant.source
        var project: ProjectFile?
        var folder: OpenedFolder?
        if let file {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: file, isDirectory: &isFolder), isFolder.boolValue {
                folder = try Self.openFolder(file)
                project = folder?.project
            } else {
                project = try ProjectInput.requireProject(path: file, json: false)
            }
        }
        let store = DraftStore.standard()
        let pruned = project == nil ? (store?.prune() ?? 0) : 0
        let examples = project == nil ? Self.examples() : []
        let drafts = project == nil ? (store?.list() ?? []) : []
        let source = file.map(Draft.source)
        let earlier = source.flatMap { store?.draft(of: $0) }
        // The one impure part of a draft's id (time and chance), fixed here for the whole run.
        let session = Draft.newID()
        // Set by `serve --ssh` for its sessions: the demo's scratch folder, a keyless visitor's code.
        let environment = ProcessInfo.processInfo.environment
        let fileRoot = environment["SNAPINFRA_FILE_ROOT"].flatMap { $0.isEmpty ? nil : $0 }
        let sessionNote = environment["SNAPINFRA_SESSION_NOTE"].flatMap { $0.isEmpty ? nil : DisplayText.escape($0, limit: 200) }
        let code = MainActor.assumeIsolated {
            TUIRunner.run(assistant: model == nil ? nil : assistant) { width, height in
                if let project, let file, let source {
                    var state = AppState(
                        project: project, width: width, height: height, suggestLater: true, aiModel: model, applied: folder?.applied ?? [],
                        fitted: folder?.fitted ?? false, inputs: folder?.inputs ?? [:])
                    state.draftSource = source
                    state.fileRoot = fileRoot
                    // Changes to it (toggles, what-ifs, edits) are saved to a draft from the first one on.
                    state.session = session
                    state.draftID = earlier?.id ?? state.newDraftID()
                    if let folder {
                        state.outputFolder = file
                        state.folderStates = folder.states
                        state.message = Update.folderSummary(file, folder.states)
                    }
                    if let earlier {
                        state.message =
                            (state.message.map { $0 + " " } ?? "")
                            + Update.earlierDraftNotice(earlier)
                    }
                    return state
                }
                var state = AppState(examples: examples, width: width, height: height, drafts: drafts)
                state.session = session
                state.fileRoot = fileRoot
                state.sessionNote = sessionNote
                state.aiModel = model
                if pruned > 0 {
                    state.message = "Pruned \(Plural.count(pruned, "draft")) older than 30 days or past the newest \(DraftStore.keep)."
                }
                return state
            }
        }
        if code != 0 { throw ExitCode(code) }
    }

    /// An output folder's manifest: its project, set and file states, or a usage error.
    static func openFolder(_ path: String) throws -> OpenedFolder {
        let shown = DisplayText.escape(path, limit: 200)
        do {
            guard let (manifest, states) = try OutputWriter(path: path).reopen() else {
                throw CommandFailure.usage("\(shown) holds no \(Manifest.fileName): give a project file, or a folder written by generate")
            }
            return OpenedFolder(manifest, states: states)
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure.usage("\(shown): \(error)")
        }
    }

    /// The valid project files in ./examples, by name.
    static func examples() -> [ExampleProject] {
        let folder = "examples"
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        return names.compactMap { name in
            guard let format = DocumentFormat.forFileName(name), let data = FileManager.default.contents(atPath: "\(folder)/\(name)"),
                let file = ProjectLoader().load([UInt8](data), format: format).file
            else { return nil }
            return ExampleProject(name: name, file: file)
        }
    }
}
