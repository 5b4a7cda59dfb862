import SnapinfraCore
import SnapinfraFiles
import SnapinfraImport

/// Project entry: the start screen's choices, the wizard, the prompts, drafts and saving.
extension Update {
    /// Enter on a start-screen line.
    static func openStartItem(_ input: AppState) -> (AppState, [Effect]) {
        var state = input
        let items = state.startItems
        guard items.indices.contains(state.startSelection) else { return (state, []) }
        switch items[state.startSelection] {
        case .new:
            startWizard(&state, Wizard(project: Wizard.blank), source: nil)
            state.message = "A new project: type its name. Enter goes on, Esc goes back."
        case .describe:
            state.prompt = Prompt(kind: .describe, field: TextField("", limit: DocumentLimits.standard.maxDescriptionLength))
        case .open:
            state.prompt = Prompt(kind: .open, field: TextField("", limit: 4_096))
        case .importFiles:
            state.prompt = Prompt(kind: .importFiles, field: TextField("", limit: 16_384))
        case .openFolder:
            state.prompt = Prompt(kind: .openFolder, field: TextField("", limit: 4_096))
        case .resume(let index):
            return resume(state, state.drafts[index])
        case .example(let index):
            return openProject(state, state.examples[index].file, message: nil)
        }
        return (state, [])
    }

    /// Resume: the session as it was saved, down to the screen, the suggestion or file selected,
    /// and an open table or field editor.
    static func resume(_ input: AppState, _ draft: Draft) -> (AppState, [Effect]) {
        var state = input
        state.draftID = draft.id
        state.draftSource = draft.sourcePath
        state.sessionChanged = true
        state.applied = draft.applied ?? []
        state.keptAside = draft.keptAside ?? []
        state.fitToBudget = draft.fitToBudget ?? false
        state.inputs = draft.inputs ?? [:]
        if let folder = draft.outputFolder { state.outputFolder = folder }
        let place = draft.place ?? Draft.Place(screen: draft.step == "review" ? Screen.design.rawValue : Screen.wizard.rawValue)
        let valid = ProjectValidator().validate(draft.project).allSatisfy { $0.severity != .error }
        let name = DisplayText.escape(draft.project.project.name, limit: 40)
        let inWizard = place.screen == Screen.wizard.rawValue || place.screen == Screen.start.rawValue || draft.step != "review"
        var effects: [Effect] = []
        if valid && (!inWizard || place.fromReview == true) {
            (state, effects) = openProject(state, draft.project, message: "Resumed \(name) as it was saved.")
            if let id = place.enhancement, let index = state.suggestions.firstIndex(where: { $0.id == id }) { state.enhancementSelection = index }
            if let path = place.file, let index = state.files.firstIndex(where: { $0.path == path }) { state.fileSelection = index }
            state.designScroll = max(0, place.designScroll ?? 0)
            if !inWizard, let screen = Screen(rawValue: place.screen), screen != .start, screen != .wizard {
                state.screen = screen
                if screen == .enhancements { state.refreshDiff() }
                if screen == .write { effects.append(.plan(folder: state.outputFolder)) }
            }
            if !inWizard { return (state, effects) }
        }
        var wizard = Wizard(project: draft.project, step: Wizard.Step(rawValue: draft.step) ?? .basics, fromReview: valid && place.fromReview == true)
        wizard.restore(page: place.page, table: place.table, field: place.field, endpoint: place.endpoint, row: place.row)
        WizardUpdate.focus(&wizard)
        state.wizard = wizard
        state.screen = .wizard
        state.message = "Resumed \(name) as it was saved."
        return (state, effects)
    }

    /// An output folder written before: its project and enhancements from the manifest, and how
    /// each file stands against what was written. The Write screen compares with what is there.
    static func openFolder(
        _ input: AppState, path: String, project: ProjectFile, applied: [String], fitted: Bool, inputs: [String: String],
        states: [String: Manifest.FileState]
    )
        -> (AppState, [Effect])
    {
        var state = input
        state.prompt = nil
        state.draftID = state.newDraftID()
        state.draftSource = Draft.source(path)
        state.outputFolder = path
        state.applied = applied
        state.keptAside = []
        state.fitToBudget = fitted
        state.inputs = inputs
        state.folderStates = states
        return openProject(state, project, message: folderSummary(path, states))
    }

    /// `Opened out/shop: 14 files as written, 1 changed by hand, 1 missing.`
    public static func folderSummary(_ path: String, _ states: [String: Manifest.FileState]) -> String {
        let counts = Manifest.FileState.allCases.compactMap { kind -> String? in
            let n = states.values.filter { $0 == kind }.count
            return n == 0 && kind != .asWritten ? nil : kind == .asWritten ? "\(Plural.count(n, "file")) as written" : "\(n) \(kind.rawValue)"
        }
        return "Opened \(DisplayText.escape(path, limit: 60)): \(counts.joined(separator: ", ")). 4 compares the files with the folder."
    }

    /// Said when a file or folder is opened that has a draft already.
    public static func earlierDraftNotice(_ draft: Draft) -> String {
        "A draft of it from \(StartView.timestamp(draft.savedAt)) is on the start screen (snapinfra); the first change here replaces it."
    }

    static func startWizard(_ state: inout AppState, _ wizard: Wizard, source: String?) {
        var wizard = wizard
        WizardUpdate.focus(&wizard)
        state.wizard = wizard
        state.screen = .wizard
        state.draftID = state.newDraftID()
        state.draftSource = source
        state.confirmDiscard = false
    }

    /// Designs a project and shows the review screens (with a model, its design follows from a job).
    static func openProject(_ input: AppState, _ project: ProjectFile, message: String?) -> (AppState, [Effect]) {
        var state = input
        if state.draftID == nil { state.draftID = state.newDraftID() }
        state.load(project)
        state.screen = .design
        state.designScroll = 0
        state.message = message
        if state.aiModel != nil {
            state.suggestionsPending = true
            return update(state, .started)
        }
        return (state, [])
    }

    /// `p` on a review screen: the wizard over the loaded project.
    static func editProject(_ input: AppState) -> (AppState, [Effect]) {
        var state = input
        guard let project = state.project else { return (state, []) }
        var wizard = Wizard(project: project, fromReview: true)
        WizardUpdate.focus(&wizard)
        state.wizard = wizard
        state.screen = .wizard
        state.confirmDiscard = false
        if state.draftID == nil { state.draftID = state.newDraftID() }
        state.message = "Editing the project: Esc on the first step (or Enter on the last) designs it again."
        return (state, [])
    }

    /// A key while the wizard is on screen.
    static func wizardKey(_ input: AppState, _ key: Key) -> (AppState, [Effect]) {
        var state = input
        guard let wizard = state.wizard else { return (state, []) }
        switch key {
        case .control("x"):
            return (state, [.quit])
        case .control("o"):
            return (askSaveAs(state), [])
        case .f1:
            state.showHelp = true
            return (state, [])
        case .character("?") where wizard.field == nil:
            // In a text field `?` is text; elsewhere it is help, as on every screen.
            state.showHelp = true
            return (state, [])
        default:
            break
        }
        let outcome = WizardUpdate.key(wizard, key)
        state.wizard = outcome.wizard
        state.message = outcome.message
        if key != .escape { state.confirmDiscard = false }
        if outcome.finished || outcome.leave {
            // These decide on the problems, so they need them now.
            if state.wizard?.stale == true { state.wizard?.revalidate() }
            return outcome.finished ? finishWizard(state) : leaveWizard(state)
        }
        guard let changed = state.wizard, changed.stale else { return (state, []) }
        return (state, [.checkWizard(changed.project)])
    }

    /// The last step done: design the project if it is valid, or say what to fix first.
    static func finishWizard(_ input: AppState) -> (AppState, [Effect]) {
        var state = input
        guard let wizard = state.wizard else { return (state, []) }
        if let first = wizard.diagnostics.first(where: { $0.severity == .error }) {
            state.message = "Fix \(Plural.count(wizard.errorCount, "problem")) first: \(first.pathAndMessage)"
            return (state, [])
        }
        let before = state.result?.estimate.totalMonthly
        state.wizard = nil
        let (next, effects) = openProject(state, wizard.project, message: nil)
        state = next
        if let after = state.result?.estimate.totalMonthly {
            state.message =
                before.map { "Designed again: \(Format.money($0)) → \(Format.money(after)) a month." }
                ?? "Designed: \(Format.money(after)) a month. Tab for the files, p edits the project."
        }
        return (state, effects)
    }

    /// Esc on the first step: back to the review (designing the edits if they are valid) or to the
    /// start screen (the draft stays there to resume).
    static func leaveWizard(_ input: AppState) -> (AppState, [Effect]) {
        var state = input
        guard let wizard = state.wizard else { return (state, []) }
        if wizard.fromReview {
            if wizard.project == state.project {
                state.wizard = nil
                state.screen = .design
                state.message = "No changes."
                return (state, [])
            }
            if wizard.errorCount == 0 { return finishWizard(state) }
            if state.confirmDiscard {
                state.wizard = nil
                state.screen = .design
                state.confirmDiscard = false
                state.message = "Discarded the edits."
                return (state, [])
            }
            state.confirmDiscard = true
            state.message = "\(Plural.count(wizard.errorCount, "problem")) in the edits: Esc again discards them."
            return (state, [])
        }
        state.wizard = nil
        state.screen = .start
        state.message = "The draft is saved; Resume picks it up."
        return (state, [])
    }

    static func askSaveAs(_ input: AppState) -> AppState {
        var state = input
        guard let project = state.editedProject else { return state }
        let name = Naming.slug(project.project.name.isEmpty ? "project" : project.project.name)
        let source = state.draftSource.flatMap { DocumentFormat.forFileName($0) == nil ? nil : $0 }
        state.prompt = Prompt(kind: .saveAs, field: TextField(source ?? "\(name).yaml", limit: 4_096))
        return state
    }

    /// A key while a prompt is open.
    static func promptKey(_ input: AppState, _ key: Key) -> (AppState, [Effect]) {
        var state = input
        guard var prompt = state.prompt else { return (state, []) }
        let text = prompt.field.text.trimmingCharacters(in: .whitespaces)
        switch key {
        case .escape:
            state.prompt = nil
            state.message = nil
            return (state, [])
        case .tab where [.open, .importFiles, .openFolder, .saveAs, .outputFolder].contains(prompt.kind):
            return (state, [.complete(prompt.completionTarget)])
        case .enter:
            guard !text.isEmpty else {
                state.message = "Type something first, or Esc."
                return (state, [])
            }
            switch prompt.kind {
            case .enhancementInput(let id, let input):
                if let problem = input.problem(text) {
                    state.message = problem
                    return (state, [])
                }
                state.prompt = nil
                state.inputs[input.variable] = text
                guard let index = state.suggestions.firstIndex(where: { $0.id == id }) else { return (state, []) }
                state.enhancementSelection = index
                return perform(.toggle, on: state)
            case .outputFolder:
                state.prompt = nil
                state.outputFolder = text
                state.plan = nil
                state.writtenTo = nil
                return (state, [.plan(folder: text)])
            case .open:
                state.message = "Reading \(DisplayText.escape(text, limit: 60))…"
                return (state, [.openFile(text)])
            case .openFolder:
                state.message = "Reading \(DisplayText.escape(text, limit: 60))…"
                return (state, [.openFolder(text)])
            case .importFiles:
                let paths = text.split(separator: " ").map(String.init)
                state.message = "Importing \(Plural.count(paths.count, "file"))…"
                return (state, [.importFiles(paths)])
            case .saveAs:
                guard let project = state.editedProject else { return (state, []) }
                guard DocumentFormat.forFileName(text) != nil else {
                    state.message = "Name the file .json, .yaml or .yml."
                    return (state, [])
                }
                return (state, [.saveProject(path: text, project: project, overwrite: prompt.confirmOverwrite)])
            case .describe where state.aiModel != nil:
                state.prompt = nil
                state.busy = Busy(
                    kind: .drafting(model: state.aiModel ?? ""), jobID: nil, change: "Drafting the project", previousApplied: state.applied,
                    previousUndo: state.undoStack)
                return (state, [.draft(text)])
            case .describe:
                state.prompt = nil
                startWizard(&state, Wizard(project: ProjectDraft.rules(description: text)), source: nil)
                let p = state.wizard?.project.project
                state.message =
                    "Drafted \(Plural.count(p?.schema.count ?? 0, "table")) and \(Plural.count(p?.endpoints.count ?? 0, "endpoint")) from your words: review every step."
                return (state, [])
            }
        default:
            if case .character(let c) = key, c.unicodeScalars.contains(where: DisplayText.isControl) { return (state, []) }
            if prompt.field.apply(key) == .tooLong { state.message = "At most \(prompt.field.limit) characters." }
            prompt.confirmOverwrite = false
            state.prompt = prompt
            return (state, [])
        }
    }

    /// Answers to the project-entry effects.
    static func projectMessage(_ input: AppState, _ message: Message) -> (AppState, [Effect]) {
        var state = input
        switch message {
        case .completed(let path, let candidates):
            guard var prompt = state.prompt, prompt.completionTarget == path else { return (state, []) }
            if candidates.isEmpty {
                state.message = "Nothing matches."
            } else {
                let common = candidates.dropFirst().reduce(candidates[0]) { String($0.commonPrefix(with: $1)) }
                if common.count > path.count { prompt.field = TextField(prompt.completing(with: common), limit: prompt.field.limit) }
                state.message =
                    candidates.count == 1
                    ? nil : candidates.prefix(8).map { DisplayText.escape(lastComponent($0), limit: 30) }.joined(separator: "  ")
            }
            state.prompt = prompt
        case .fileOpened(let path, let project, let problems):
            guard let project else {
                state.message =
                    "\(DisplayText.escape(path, limit: 60)): \(problems.first ?? "cannot be read")"
                    + (problems.count > 1 ? " (and \(problems.count - 1) more; snapinfra validate lists them)" : "")
                return (state, [])
            }
            state.prompt = nil
            state.draftID = state.newDraftID()
            state.draftSource = Draft.source(path)
            return openProject(state, project, message: "Opened \(DisplayText.escape(path, limit: 60)).")
        case .imported(let paths, let result):
            return imported(state, paths, result)
        case .folderOpened(let path, let opened, let problem):
            guard let opened else {
                state.message = "\(DisplayText.escape(path, limit: 60)): \(problem ?? "cannot be read")"
                return (state, [])
            }
            return openFolder(
                state, path: path, project: opened.project, applied: opened.applied, fitted: opened.fitted, inputs: opened.inputs,
                states: opened.states)
        case .projectSaved(let path):
            state.prompt = nil
            state.draftSource = path
            state.message = "Saved the project as \(DisplayText.escape(path, limit: 80))."
        case .projectSaveFailed(let reason, let exists):
            if exists { state.prompt?.confirmOverwrite = true }
            state.message = reason
        case .drafted(let project, let report):
            guard let busy = state.busy, case .drafting = busy.kind else { return (state, []) }
            state.busy = nil
            startWizard(&state, Wizard(project: project), source: nil)
            let who = report.decidedBy == "rules" ? "the rules" : report.decidedBy
            state.message =
                "Drafted by \(who) (\(report.summary)): review every step."
                + (report.fallbackReason.map { " Model: \(DisplayText.escape($0, limit: 100))" } ?? "")
        case .draftSaveFailed(let reason):
            state.message = "Could not save the draft: \(reason)"
        default:
            break
        }
        return (state, [])
    }
}

/// The last part of a path, keeping a folder's trailing `/`: `examples/shop.json` → `shop.json`.
func lastComponent(_ path: String) -> String {
    let folder = path.hasSuffix("/")
    let trimmed = folder ? String(path.dropLast()) : path
    return (trimmed.split(separator: "/").last.map(String.init) ?? path) + (folder ? "/" : "")
}
