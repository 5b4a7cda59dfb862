import SnapinfraCore
import SnapinfraFiles

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
        case .resume(let index):
            let draft = state.drafts[index]
            state.draftID = draft.id
            state.draftSource = draft.sourcePath
            if draft.step == "review", ProjectValidator().validate(draft.project).filter({ $0.severity == .error }).isEmpty {
                return openProject(state, draft.project, message: "Resumed \(DisplayText.escape(draft.project.project.name, limit: 40)).")
            }
            state.wizard = Wizard(project: draft.project, step: Wizard.Step(rawValue: draft.step) ?? .basics)
            if var wizard = state.wizard {
                WizardUpdate.focus(&wizard)
                state.wizard = wizard
            }
            state.screen = .wizard
            state.message = "Resumed the draft as it was last saved."
        case .example(let index):
            return openProject(state, state.examples[index].file, message: nil)
        }
        return (state, [])
    }

    static func startWizard(_ state: inout AppState, _ wizard: Wizard, source: String?) {
        var wizard = wizard
        WizardUpdate.focus(&wizard)
        state.wizard = wizard
        state.screen = .wizard
        state.draftID = Draft.newID()
        state.draftSource = source
        state.confirmDiscard = false
    }

    /// Designs a project and shows the review screens (with a model, its design follows from a job).
    static func openProject(_ input: AppState, _ project: ProjectFile, message: String?) -> (AppState, [Effect]) {
        var state = input
        if state.draftID == nil { state.draftID = Draft.newID() }
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
        if state.draftID == nil { state.draftID = Draft.newID() }
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
        state.prompt = Prompt(kind: .saveAs, field: TextField(state.draftSource ?? "\(name).yaml", limit: 4_096))
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
        case .tab where prompt.kind != .describe:
            return (state, [.complete(prompt.field.text)])
        case .enter:
            guard !text.isEmpty else {
                state.message = "Type something first, or Esc."
                return (state, [])
            }
            switch prompt.kind {
            case .outputFolder:
                state.prompt = nil
                state.outputFolder = text
                state.plan = nil
                state.writtenTo = nil
                return (state, [.plan(folder: text)])
            case .open:
                state.message = "Reading \(DisplayText.escape(text, limit: 60))…"
                return (state, [.openFile(text)])
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
            guard var prompt = state.prompt, prompt.field.text == path else { return (state, []) }
            if candidates.isEmpty {
                state.message = "Nothing matches."
            } else {
                let common = candidates.dropFirst().reduce(candidates[0]) { String($0.commonPrefix(with: $1)) }
                if common.count > path.count { prompt.field = TextField(common, limit: prompt.field.limit) }
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
            state.draftID = Draft.newID()
            state.draftSource = path
            return openProject(state, project, message: "Opened \(DisplayText.escape(path, limit: 60)).")
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
private func lastComponent(_ path: String) -> String {
    let folder = path.hasSuffix("/")
    let trimmed = folder ? String(path.dropLast()) : path
    return (trimmed.split(separator: "/").last.map(String.init) ?? path) + (folder ? "/" : "")
}
