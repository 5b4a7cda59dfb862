import Glibc
import SnapinfraCore
import SnapinfraFiles

/// The input loop: reads keys and signals, runs `update`, draws `view`. Returns the exit code.
@MainActor
public enum TUIRunner {
    public static func run(_ makeState: (_ width: Int, _ height: Int) -> AppState) -> Int32 {
        let terminal: NcursesTerminal
        do {
            terminal = try NcursesTerminal()
        } catch {
            let message = "snapinfra: error: \(error)\n"
            _ = message.withCString { write(2, $0, strlen($0)) }
            return 2
        }
        let size = terminal.size
        var state = makeState(size.width, size.height)
        terminal.present(AppView.render(state))
        while true {
            if let signal = terminal.pendingSignal {
                terminal.close()
                return 128 + signal
            }
            switch terminal.read(timeout: 250) {
            case .none:
                continue
            case .resize:
                let size = terminal.size
                state = Update.update(state, .resize(width: size.width, height: size.height)).0
            case .key(let key):
                var (next, effects) = Update.update(state, .key(key))
                while let effect = effects.first {
                    effects.removeFirst()
                    if effect == .quit {
                        terminal.close()
                        return 0
                    }
                    let (after, more) = Update.update(next, perform(effect, state: next))
                    next = after
                    effects += more
                }
                state = next
            }
            terminal.present(AppView.render(state))
        }
    }

    /// Performs a file effect and answers with the message it produces.
    static func perform(_ effect: Effect, state: AppState) -> Message {
        switch effect {
        case .quit:
            return .planFailed("quit")
        case .plan(let folder):
            do {
                let plan = try OutputWriter(path: folder).plan(state.files)
                return .planned(folder: folder, items: plan.items.map { PlannedFile(path: $0.path, status: $0.status.rawValue) })
            } catch {
                return .planFailed("\(error)")
            }
        case .write(let folder, let overwrite):
            guard let project = state.project, let result = state.result else { return .writeFailed("no project") }
            do {
                let writer = OutputWriter(path: folder)
                let plan = try writer.plan(state.files)
                if !plan.conflicts.isEmpty && !overwrite { return .writeFailed("files changed by hand; press W to overwrite them") }
                try writer.write(plan, manifest: Manifest(project: project, result: result, files: state.files, appliedEnhancements: state.applied))
                return .written(folder: folder, count: state.files.count)
            } catch {
                return .writeFailed("\(error)")
            }
        }
    }
}
