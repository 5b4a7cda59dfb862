import Foundation
import Glibc
import SnapinfraAI
import SnapinfraCore
import SnapinfraFiles
import SnapinfraImport

/// The input loop: reads keys and signals, runs `update`, draws `view`. Returns the exit code.
@MainActor
public enum TUIRunner {
    /// `assistant` answers the jobs that ask the language model; nil keeps everything on the rules.
    public static func run(assistant: AIAssistant? = nil, _ makeState: (_ width: Int, _ height: Int) -> AppState) -> Int32 {
        let terminal: NcursesTerminal
        do {
            terminal = try NcursesTerminal()
        } catch {
            let message = "snapinfra: error: \(error)\n"
            _ = message.withCString { write(2, $0, strlen($0)) }
            return 2
        }
        return loop(terminal, assistant: assistant, makeState)
    }

    /// Reads input from `terminal` until a quit or a signal, running `update` and drawing `view`;
    /// slow work runs on a worker thread. `assistant` designs, ranks and drafts when the jobs ask
    /// the model. Returns the exit code.
    public static func loop(
        _ terminal: some TerminalDevice, assistant: AIAssistant? = nil, _ makeState: (_ width: Int, _ height: Int) -> AppState
    ) -> Int32 {
        // One pipeline for the session, so toggles reuse what it rendered and parsed.
        let pipeline = assistant.map { Pipeline(advisor: $0) } ?? Job.rules
        let size = terminal.size
        var state = makeState(size.width, size.height)
        var worker: Worker?
        // The wizard's live check: its own worker, so typing never waits and a job never waits for it.
        var checker: Worker?
        // The toggle preview of the selected suggestion: its own worker too, so j/k never wait.
        var previewer: Worker?
        terminal.present(AppView.render(state))
        var pending: [Message] = [.started]
        while true {
            if let signal = terminal.pendingSignal {
                // A dropped connection: the session is saved as it is, cursor and all.
                saveOnExit(state)
                terminal.close()
                return 128 + signal
            }
            var messages = pending
            pending = []
            if let checked = checker?.result {
                checker = nil
                messages.append(checked)
            }
            if let previewed = previewer?.result {
                previewer = nil
                messages.append(previewed)
            }
            let timeout: Int32 = checker != nil || previewer != nil ? 16 : (worker == nil ? 250 : 80)
            switch messages.isEmpty ? terminal.read(timeout: timeout) : .none {
            case .none where !messages.isEmpty:
                break
            case .none:
                if let done = worker?.result {
                    worker = nil
                    messages.append(done)
                } else if worker != nil {
                    messages.append(.tick)
                } else {
                    continue
                }
            case .resize:
                let size = terminal.size
                messages.append(.resize(width: size.width, height: size.height))
            case .key(let key):
                messages.append(.key(key))
            }
            for message in messages {
                var (next, effects) = Update.update(state, message)
                while let effect = effects.first {
                    effects.removeFirst()
                    switch effect {
                    case .quit:
                        saveOnExit(next)
                        terminal.close()
                        return 0
                    case .run(let job):
                        worker?.cancel()
                        worker = Worker { token in .finished(job.run(pipeline: pipeline, cancel: token)) }
                    case .checkWizard(let project):
                        checker?.cancel()
                        checker = Worker { _ in .wizardChecked(project, Wizard.check(project)) }
                    case .preview(let request):
                        // A newer request makes the older answer stale; update drops it by number.
                        previewer = Worker { _ in .previewed(number: request.number, request.run()) }
                    case .draft(let description):
                        worker?.cancel()
                        if let assistant {
                            worker = Worker { token in
                                let (project, report) = assistant.draft(description: description, cancel: token)
                                return .drafted(project, report)
                            }
                        }
                    default:
                        let (after, more) = Update.update(next, perform(effect, state: next))
                        next = after
                        effects += more
                    }
                }
                state = next
            }
            if state.busy == nil, let cancelled = worker {
                // Esc: the result is dropped, and a model call in flight is stopped.
                cancelled.cancel()
                worker = nil
            }
            terminal.present(AppView.render(state))
        }
    }

    /// Saves the session's draft with the cursor as it is now, if the session has one.
    static func saveOnExit(_ state: AppState) {
        guard state.sessionChanged, var draft = state.currentDraft, let store = DraftStore.standard() else { return }
        draft.savedAt = Date()
        try? store.save(draft)
    }

    /// Reads an output folder's manifest and how each file stands.
    static func openFolder(_ path: String) -> Message {
        do {
            guard let (manifest, states) = try OutputWriter(path: path).reopen() else {
                return .folderOpened(path: path, opened: nil, problem: "holds no \(Manifest.fileName); generate into it first")
            }
            return .folderOpened(path: path, opened: OpenedFolder(manifest, states: states), problem: nil)
        } catch {
            return .folderOpened(path: path, opened: nil, problem: "\(error)")
        }
    }

    /// Performs a file effect and answers with the message it produces.
    static func perform(_ effect: Effect, state: AppState) -> Message {
        if let root = state.fileRoot, let path = effect.paths.first(where: { !FileRoot.contains(root, $0) }) {
            return refusal(effect, path: path, root: root)
        }
        switch effect {
        case .quit, .run, .draft, .checkWizard, .preview:
            return .planFailed("not a file effect")
        case .complete(let path):
            return .completed(path: path, candidates: PathCompletion.candidates(for: path))
        case .openFolder(let path):
            return openFolder(path)
        case .importFiles(let paths):
            var sources: [ImportSource] = []
            for path in paths {
                guard let data = FileManager.default.contents(atPath: path) else {
                    var result = ImportResult()
                    result.failure = .unreadable("\(DisplayText.escape(path, limit: 60)): no such file, or it cannot be read")
                    return .imported(paths: paths, result: result)
                }
                sources.append(ImportSource(name: path, text: String(decoding: data, as: UTF8.self)))
            }
            return .imported(paths: paths, result: ProjectImporter.run(sources))
        case .openFile(let path):
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue { return openFolder(path) }
            guard let data = FileManager.default.contents(atPath: path) else {
                return .fileOpened(path: path, project: nil, problems: ["no such file, or it cannot be read"])
            }
            let loaded = ProjectLoader().load([UInt8](data), format: DocumentFormat.forFileName(path))
            return .fileOpened(
                path: path, project: loaded.file,
                problems: loaded.diagnostics.filter { $0.severity == .error }.map { $0.formatted(source: DisplayText.escape(path, limit: 60)) })
        case .saveProject(let path, let project, let overwrite):
            guard let format = DocumentFormat.forFileName(path) else {
                return .projectSaveFailed("Name the file .json, .yaml or .yml.", exists: false)
            }
            if FileManager.default.fileExists(atPath: path) && !overwrite && path != state.draftSource {
                return .projectSaveFailed("\(DisplayText.escape(path, limit: 60)) exists: Enter again replaces it, Esc keeps it.", exists: true)
            }
            do {
                try Data(ProjectWriter.text(project, format: format).utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
                return .projectSaved(path: path)
            } catch {
                return .projectSaveFailed("Cannot write \(DisplayText.escape(path, limit: 60)): \(error.localizedDescription)", exists: false)
            }
        case .writeReport(let path, let text):
            do {
                let url = URL(fileURLWithPath: path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url, options: .atomic)
                return .reportWritten(path: path)
            } catch {
                return .writeFailed("cannot write \(DisplayText.escape(path, limit: 60)): \(error.localizedDescription)")
            }
        case .deleteDraft(let id):
            DraftStore.standard()?.delete(id)
            return .tick
        case .saveDraft(var draft):
            guard let store = DraftStore.standard() else { return .draftSaveFailed("no HOME or XDG_STATE_HOME to keep it in") }
            draft.savedAt = Date()
            do {
                try store.save(draft)
                return .tick
            } catch {
                return .draftSaveFailed("\(error.localizedDescription)")
            }
        case .plan(let folder):
            do {
                let writer = OutputWriter(path: folder)
                let plan = try writer.plan(state.files, merge: true)
                let states = (try? writer.reopen())?.states ?? [:]
                let items = plan.items.map { item -> PlannedFile in
                    let before = writer.text(of: item.path)
                    var diff: [String] = []
                    if item.writes || item.removes, before != item.content {
                        diff = LineDiff.unified(
                            from: before.map { [RenderedFile(path: item.path, content: $0, source: "", target: nil)] } ?? [],
                            to: item.content.map { [RenderedFile(path: item.path, content: $0, source: "", target: nil)] } ?? [])
                    }
                    return PlannedFile(item, onDisk: states[item.path], diff: diff)
                }
                return .planned(folder: folder, items: items, notes: plan.notes)
            } catch {
                return .planFailed("\(error)")
            }
        case .write(let folder, let overwrite, let resolutions):
            guard let project = state.project, let result = state.result else { return .writeFailed("no project") }
            do {
                let writer = OutputWriter(path: folder)
                var plan = try writer.plan(state.files, merge: !overwrite)
                for (path, settled) in resolutions {
                    for (index, resolution) in settled { plan.resolve(path, conflict: index, resolution) }
                }
                if let open = plan.mergeConflicts.first {
                    return .writeFailed(
                        "\(open.path) has \(Plural.count(open.openConflicts, "conflict")) to settle: m keeps yours, t takes the new, b keeps both")
                }
                if plan.mergesHandEdits,
                    let problem = OutputValidator().validate(plan.filesAsWritten(state.files)).first(where: { $0.severity == .error })
                {
                    return .writeFailed("the merged files are invalid, so nothing was written: \(problem.formattedInFile)")
                }
                try writer.write(
                    plan, manifest: Manifest(project: project, result: result, files: state.files, appliedEnhancements: state.applied, plan: plan))
                return .written(folder: folder, count: plan.items.filter(\.writes).count)
            } catch {
                return .writeFailed("\(error)")
            }
        }
    }
}

extension TUIRunner {
    /// The answer to a file effect outside the session's folder: what the effect answers when it
    /// cannot read or write, with the reason.
    static func refusal(_ effect: Effect, path: String, root: String) -> Message {
        let reason = "this session reads and writes only inside \(DisplayText.escape(root, limit: 60))"
        switch effect {
        case .complete(let typed): return .completed(path: typed, candidates: [])
        case .openFile(let file): return .fileOpened(path: file, project: nil, problems: [reason])
        case .importFiles(let paths):
            var result = ImportResult()
            result.failure = .unreadable("\(DisplayText.escape(path, limit: 60)): \(reason)")
            return .imported(paths: paths, result: result)
        case .openFolder(let folder): return .folderOpened(path: folder, opened: nil, problem: reason)
        case .plan: return .planFailed(reason)
        case .saveProject: return .projectSaveFailed(reason.prefix(1).uppercased() + reason.dropFirst() + ".", exists: false)
        default: return .writeFailed(reason)
        }
    }
}

/// The one folder a session may read and write in (an SSH demo session's scratch folder): a path
/// is inside when it is, with symbolic links resolved and `..` followed.
enum FileRoot {
    static func contains(_ root: String, _ path: String) -> Bool {
        let base = URL(fileURLWithPath: root).standardizedFileURL.resolvingSymlinksInPath().path
        var url = URL(fileURLWithPath: path).standardizedFileURL
        // The deepest part that exists, with its links resolved, then the rest as given.
        var rest: [String] = []
        while !FileManager.default.fileExists(atPath: url.path), url.path != "/" {
            rest.insert(url.lastPathComponent, at: 0)
            url.deleteLastPathComponent()
        }
        let resolved = rest.reduce(url.resolvingSymlinksInPath()) { $0.appendingPathComponent($1) }.path
        return resolved == base || resolved.hasPrefix(base + "/")
    }
}

extension Effect {
    /// The paths an effect reads or writes.
    var paths: [String] {
        switch self {
        case .saveProject(let path, _, _), .writeReport(let path, _), .openFile(let path), .openFolder(let path): [path]
        case .write(let folder, _, _), .plan(let folder): [folder]
        case .importFiles(let paths): paths
        // A partly typed path: its folder is what would be listed.
        case .complete(let typed): [Self.folder(of: typed)]
        default: []
        }
    }

    /// The folder whose entries complete a partly typed path.
    static func folder(of typed: String) -> String {
        if typed.isEmpty { return "." }
        if typed.hasSuffix("/") { return typed }
        let parent = (typed as NSString).deletingLastPathComponent
        return parent.isEmpty ? "." : parent
    }
}

/// Runs one piece of slow work on another thread; the input loop polls for the message it ends with.
final class Worker: @unchecked Sendable {
    private let lock = NSLock()
    private var done: Message?
    private let token = CancelToken()

    init(_ work: @escaping @Sendable (CancelToken) -> Message) {
        let token = self.token
        let thread = Thread { [self] in
            let result = work(token)
            lock.withLock { done = result }
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    var result: Message? { lock.withLock { done } }

    func cancel() { token.cancel() }
}
