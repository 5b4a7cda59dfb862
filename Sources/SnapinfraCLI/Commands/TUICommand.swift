import ArgumentParser
import Foundation
import SnapinfraAI
import SnapinfraCore
import SnapinfraFiles
import SnapinfraTUI

/// `snapinfra` / `snapinfra tui [FILE]`: the terminal UI.
struct TUICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tui",
        abstract: "The terminal UI (the default command): review the design, its cost and the files.",
        discussion: """
            Without FILE it starts on the start screen: a new project, a sentence to draft from, a file to open, \
            the drafts to resume (saved after every change under $XDG_STATE_HOME/snapinfra/drafts), and the examples in ./examples.
            """
    )

    @Argument(help: "A project file to open (JSON or YAML).")
    var file: String?

    @OptionGroup(title: "Language model")
    var ai: AIOptions

    func run() throws {
        let assistant = try ai.assistant()
        let model = assistant.settings.provider == .rules ? nil : assistant.source
        var project: ProjectFile?
        if let file {
            project = try ProjectInput.requireProject(path: file, json: false)
        }
        let examples = project == nil ? Self.examples() : []
        let drafts = project == nil ? (DraftStore.standard()?.list() ?? []) : []
        let code = MainActor.assumeIsolated {
            TUIRunner.run(assistant: model == nil ? nil : assistant) { width, height in
                if let project {
                    var state = AppState(project: project, width: width, height: height, suggestLater: true, aiModel: model)
                    state.draftSource = file
                    // Changes to it (what-ifs, edits) are saved to a draft from the first one on.
                    state.draftID = Draft.newID()
                    return state
                }
                var state = AppState(examples: examples, width: width, height: height, drafts: drafts)
                state.aiModel = model
                return state
            }
        }
        if code != 0 { throw ExitCode(code) }
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
