import Glibc

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
                let (next, effects) = Update.update(state, .key(key))
                state = next
                if effects.contains(.quit) {
                    terminal.close()
                    return 0
                }
            }
            terminal.present(AppView.render(state))
        }
    }
}
