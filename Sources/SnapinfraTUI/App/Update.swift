import Foundation
import SnapinfraCore

/// The pure update: a message and the state in, the next state and the effects out.
public enum Update {
    public static func update(_ state: AppState, _ message: Message) -> (AppState, [Effect]) {
        var (next, effects) = step(state, message)
        // A toggle preview asked for is worked out by the runner.
        if let request = next.previewRequest, request.number != state.previewRequest?.number { effects.append(.preview(request)) }
        // `n` continues from the last match on this screen only.
        if next.screen != state.screen { next.searchLine = nil }
        // Every change to the project is saved to the draft at once.
        if let draft = next.draftToSave(after: state) {
            effects.append(.saveDraft(draft))
            next.drafts.removeAll { $0.id == draft.id }
            next.drafts.insert(draft, at: 0)
        }
        return (next, effects)
    }

    static func step(_ state: AppState, _ message: Message) -> (AppState, [Effect]) {
        var state = state
        switch message {
        case .completed, .fileOpened, .imported, .folderOpened, .projectSaved, .projectSaveFailed, .draftSaveFailed, .drafted:
            return projectMessage(state, message)
        case .resize(let width, let height):
            let relayout = width != state.width
            state.width = width
            state.height = height
            if relayout { state.layOut() }
            clamp(&state)
            return (state, [])
        case .planned(let folder, let items, let notes):
            guard folder == state.outputFolder else { return (state, []) }
            // Conflicts settled before keep their choice while the file and the merge are the same.
            var items = items
            let settled = Dictionary((state.plan ?? []).map { ($0.path, $0.item) }, uniquingKeysWith: { a, _ in a })
            for index in items.indices {
                guard let before = settled[items[index].path], before.merge == items[index].item.merge, !before.resolutions.isEmpty else { continue }
                for (conflict, resolution) in before.resolutions { items[index].item.resolve(conflict: conflict, resolution) }
            }
            state.plan = items
            state.writeSelection = min(state.writeSelection, max(0, items.count - 1))
            for item in items { if let onDisk = item.onDisk { state.folderStates[item.path] = onDisk } }
            state.message = notes.first.map { "Note: " + DisplayText.escape($0, limit: 160) + ". " } ?? ""
            state.message = (state.message ?? "") + planSummary(items)
            return (state, [])
        case .planFailed(let reason), .writeFailed(let reason):
            state.plan = nil
            state.message = "Cannot write: \(reason)"
            return (state, [])
        case .written(let folder, let count):
            state.writtenTo = folder
            state.confirmOverwrite = false
            state.message = "Wrote \(count) file(s) to \(folder) (all or nothing). Next: the steps below, or \(folder)/DEPLOY.md."
            return (state, [.plan(folder: folder)])
        case .reportWritten(let path):
            state.message =
                "Wrote the review report to \(DisplayText.escape(path, limit: 80)): decisions, costs, suggestions, compliance, validation."
            return (state, [])
        case .tick:
            state.busy?.frame += 1
            return (state, [])
        case .wizardChecked(let project, let check):
            state.wizard?.install(check, for: project)
            return (state, [])
        case .previewed(let number, let preview):
            state.install(preview, for: number)
            return (state, [])
        case .started:
            guard state.suggestionsPending, state.busy == nil, let project = state.project else { return (state, []) }
            // With a model, the first job asks it to design and rank; the rules design is on screen
            // meanwhile, and Esc keeps it.
            let job = state.job(for: project, redesign: state.aiModel != nil)
            state.busy = Busy(
                kind: state.aiModel.map { .asking(model: $0) } ?? .suggesting, jobID: job.id, change: "Working out the enhancements",
                previousApplied: state.applied, previousUndo: state.undoStack)
            return (state, [.run(job)])
        case .finished(let done):
            guard let busy = state.busy, busy.jobID == done.id else { return (state, []) }
            state.busy = nil
            let costBefore = state.result?.estimate.totalMonthly
            let scoreBefore = state.securityScore?.value
            state.install(done)
            // The first suggestions add to what the screen says (an opened folder's summary).
            let said = state.message.map { $0 + " " } ?? ""
            state.message =
                busy.isFirstSuggestions
                ? said + "\(Plural.count(state.suggestions.count, "enhancement")) suggested."
                : busy.change + totals(state, costBefore: costBefore, scoreBefore: scoreBefore)
            if let ai = done.ai {
                let who = ai.decidedBy == "rules" ? "Decided by the rules" : "Decided by \(ai.decidedBy)"
                state.message = (ai.fallbackReason.map { "Model: \(DisplayText.escape($0, limit: 120)). " } ?? "\(who). ") + (state.message ?? "")
            }
            // Keys typed while it ran, in order; the first change starts the next job and the
            // rest wait for it in turn.
            let queued = state.queuedKeys
            state.queuedKeys = []
            // The write screen's plan was for the files before; compare again.
            var effects: [Effect] = state.screen == .write ? [.plan(folder: state.outputFolder)] : []
            for key in queued {
                let (next, more) = update(state, .key(key))
                state = next
                effects += more
            }
            return (state, effects)
        case .key(.click(let x, let y)), .key(.wheel(_, let x, let y)):
            guard case .key(let key) = message else { return (state, []) }
            return mouse(state, key, x: x, y: y)
        case .key(let key):
            // While work runs, reading goes on; only changes to the design wait, and Esc cancels.
            if let busy = state.busy, state.prompt == nil, state.searchDraft == nil, !state.showHelp {
                if key == .escape {
                    state.queuedKeys = []
                    state.applied = busy.previousApplied
                    state.undoStack = busy.previousUndo
                    if busy.kind == .designing {
                        state.scenario = busy.previousScenario
                        state.fitToBudget = busy.previousFitToBudget
                    }
                    state.busy = nil
                    state.message = "Cancelled; nothing changed."
                    if busy.asksModel {
                        // The model was asked for the first design: keep the rules from now on.
                        state.aiModel = nil
                        state.message = "Cancelled the model; the rules engine decides from now on."
                    }
                    return (state, [])
                }
                if let action = KeyBindings.action(for: key, on: state.screen), action == .write || action == .confirmOverwrite {
                    state.message = "\(busy.label)… the files are about to change; write once it is done."
                    return (state, [])
                }
                if let action = KeyBindings.action(for: key, on: state.screen), action.changesDesign {
                    // Typed ahead: done, in order, when the work finishes.
                    if state.queuedKeys.count < 16 { state.queuedKeys.append(key) }
                    state.message = "\(busy.label)… \(Plural.count(state.queuedKeys.count, "key")) waiting; Esc cancels."
                    return (state, [])
                }
            }
            if state.prompt != nil { return promptKey(state, key) }
            if state.showHelp {
                state.showHelp = false
                return (state, [])
            }
            if state.screen == .wizard { return wizardKey(state, key) }
            if state.searchDraft != nil { return (search(state, key), []) }
            state.message = nil
            let action = KeyBindings.action(for: key, on: state.screen)
            // Forgetting a draft is confirmed by a second x, and by nothing else.
            if action != .deleteDraft { state.pendingDraftRemoval = nil }
            if state.confirmOverwrite && action != .confirmOverwrite {
                state.confirmOverwrite = false
                state.message = "Kept the files changed by hand; nothing was written."
                return (state, [])
            }
            guard let action else { return (state, []) }
            return perform(action, on: state)
        }
    }

    static func perform(_ action: Action, on input: AppState) -> (AppState, [Effect]) {
        var state = input
        let page = max(1, state.height - 4)
        switch action {
        case .quit: return (state, [.quit])
        case .help: state.showHelp = true
        case .nextScreen, .previousScreen, .showDesign, .showFiles, .showEnhancements, .showWrite:
            guard state.result != nil else { break }
            let order: [Screen] = [.design, .files, .enhancements, .write]
            let index = order.firstIndex(of: state.screen) ?? 0
            // Each screen opens with its list in focus.
            if state.screen == .enhancements { state.focusPreview = false }
            switch action {
            case .nextScreen: state.screen = order[(index + 1) % order.count]
            case .previousScreen: state.screen = order[(index + order.count - 1) % order.count]
            case .showDesign: state.screen = .design
            case .showFiles: state.screen = .files
            case .showEnhancements: state.screen = .enhancements
            default: state.screen = .write
            }
            if state.screen == .enhancements && state.suggestionsPending && state.busy == nil { return update(state, .started) }
            if state.screen == .enhancements && state.detailDiff.isEmpty { state.refreshDiff() }
            // The folder may have changed since (a hand edit in another pane): compare again.
            if state.screen == .write && input.screen != .write { return (state, [.plan(folder: state.outputFolder)]) }
        case .toggle:
            guard state.suggestions.indices.contains(state.enhancementSelection) else { break }
            let chosen = state.suggestions[state.enhancementSelection]
            if !state.applied.contains(chosen.id), let input = chosen.input, state.inputs[input.variable] == nil {
                // Asked once, before it is switched on; the value is kept for the session and its draft.
                state.prompt = Prompt(kind: .enhancementInput(chosen.id, input), field: TextField("", limit: 320))
                state.message =
                    "\(chosen.id) needs \(input.label): it goes into terraform.tfvars.example and snapinfra.json, never into the code. Esc cancels."
                break
            }
            let toggle = EnhancementToggle(state.suggestions[state.enhancementSelection].id, in: state.applied, suggestions: state.suggestions)
            guard !toggle.refused else {
                state.message = toggle.message
                break
            }
            let previous = (state.applied, state.undoStack)
            state.undoStack.append(state.applied)
            state.applied = toggle.applied
            return start(&state, .applying, change: toggle.message, previous: previous)
        case .applySafe:
            let safe = EnhancementEngine.compatible(state.suggestions.filter { $0.safe && !state.applied.contains($0.id) }).filter { id in
                (state.suggestions.first { $0.id == id }?.conflicts ?? []).allSatisfy { !state.applied.contains($0) }
            }
            guard !safe.isEmpty else {
                state.message = "Every safe suggestion is already applied."
                break
            }
            let previous = (state.applied, state.undoStack)
            state.undoStack.append(state.applied)
            state.applied += safe
            return start(&state, .applying, change: "Applied \(Plural.count(safe.count, "safe suggestion"))", previous: previous)
        case .undo:
            let before = (state.applied, state.undoStack)
            guard let previous = state.undoStack.popLast() else {
                state.message = "Nothing to undo."
                break
            }
            state.applied = previous
            return start(&state, .applying, change: "Undone", previous: before)
        case .detailDown where state.screen == .write:
            let lines = state.plan.flatMap { $0.indices.contains(state.writeSelection) ? WriteView.detail($0[state.writeSelection]).count : nil } ?? 0
            state.writeScroll = min(state.writeScroll + max(1, state.height / 4), max(0, lines - 1))
        case .detailUp where state.screen == .write:
            state.writeScroll = max(0, state.writeScroll - max(1, state.height / 4))
        case .detailDown:
            state.detailScroll = min(state.detailScroll + max(1, state.height / 2), max(0, state.detailDiff.count - 1))
        case .detailUp:
            state.detailScroll = max(0, state.detailScroll - max(1, state.height / 2))
        case .editFolder:
            // The one line editor every prompt uses: Ctrl-U/W/K, Home/End, ←/→ and Tab completion.
            state.prompt = Prompt(kind: .outputFolder, field: TextField(state.outputFolder, limit: 500))
        case .write where state.scenario != nil, .confirmOverwrite where state.scenario != nil, .writeReport where state.scenario != nil,
            .editProject where state.scenario != nil:
            state.message = "A what-if is open: Enter on the Design screen keeps it, Esc drops it."
        case .write:
            guard let plan = state.plan else { return (state, [.plan(folder: state.outputFolder)]) }
            if let open = plan.firstIndex(where: { $0.item.openConflicts > 0 }) {
                state.writeSelection = open
                state.writeScroll = 0
                state.message =
                    "\(DisplayText.escape(plan[open].path, limit: 60)) conflicts with a hand edit: m keeps yours, t takes the new, b keeps both; W overwrites every hand edit."
                return (state, [])
            }
            let resolutions = Dictionary(
                plan.compactMap { $0.item.resolutions.isEmpty ? nil : ($0.path, $0.item.resolutions) }, uniquingKeysWith: { a, _ in a })
            return (state, [.write(folder: state.outputFolder, overwriteHandEdits: false, resolutions: resolutions)])
        case .keepMine, .takeNew, .keepBoth:
            settle(&state, action == .keepMine ? .mine : action == .takeNew ? .new : .both)
        case .writeReport:
            guard let current = state.current, let project = state.project else { break }
            let compliance = ComplianceChecklist(result: current.result, file: project, offered: state.suggestions.map(\.id))
            let folder = state.outputFolder.hasSuffix("/") ? String(state.outputFolder.dropLast()) : state.outputFolder
            return (
                state,
                [
                    .writeReport(
                        path: folder + "/REVIEW.md", text: ReviewReport.markdown(current, suggestions: state.suggestions, compliance: compliance))
                ]
            )
        case .confirmOverwrite:
            guard let plan = state.plan else { break }
            let edited = plan.filter { $0.item.merge != nil }.count
            if edited > 0 && !input.confirmOverwrite {
                state.confirmOverwrite = true
                state.message = "W again overwrites the hand edits in \(Plural.count(edited, "file")); any other key keeps them."
                return (state, [])
            }
            return (state, [.write(folder: state.outputFolder, overwriteHandEdits: true)])
        case .moveUp: move(&state, by: -1)
        case .moveDown: move(&state, by: 1)
        case .pageUp: move(&state, by: -page)
        case .halfPageUp: move(&state, by: -max(1, page / 2))
        case .halfPageDown: move(&state, by: max(1, page / 2))
        case .pageDown: move(&state, by: page)
        case .top: move(&state, by: -1_000_000)
        case .bottom: move(&state, by: 1_000_000)
        case .open:
            if state.screen == .start { return openStartItem(state) }
        case .editProject:
            return editProject(state)
        case .deleteDraft:
            let items = state.startItems
            guard state.screen == .start, items.indices.contains(state.startSelection),
                case .resume(let index) = items[state.startSelection]
            else { break }
            guard state.pendingDraftRemoval == state.drafts[index].id else {
                state.pendingDraftRemoval = state.drafts[index].id
                state.message =
                    "Forget the draft of \(DisplayText.escape(state.drafts[index].project.project.name, limit: 40))? x again forgets it; any other key keeps it."
                break
            }
            state.pendingDraftRemoval = nil
            let draft = state.drafts.remove(at: index)
            state.startSelection = min(state.startSelection, state.startItems.count - 1)
            state.message = "Forgot the draft of \(DisplayText.escape(draft.project.project.name, limit: 40))."
            return (state, [.deleteDraft(draft.id)])
        case .saveAs:
            return (askSaveAs(state), [])
        case .back, .focusList:
            state.focusPreview = false
            state.previewColumn = 0
        case .focusPreview:
            if state.screen == .files && !state.files.isEmpty { state.focusPreview = true }
            if state.screen == .enhancements && !state.suggestions.isEmpty { state.focusPreview = true }
        case .panRight:
            guard state.screen == .files, state.files.indices.contains(state.fileSelection) else { break }
            if !state.focusPreview {
                state.focusPreview = true
                break
            }
            let longest = state.files[state.fileSelection].content.split(separator: "\n").map(\.count).max() ?? 0
            state.previewColumn = min(state.previewColumn + previewPan, max(0, longest - 1))
        case .panLeft:
            if state.focusPreview && state.previewColumn > 0 {
                state.previewColumn = max(0, state.previewColumn - previewPan)
            } else {
                state.focusPreview = false
            }
        case .search:
            state.searchDraft = ""
            if state.screen == .files { state.focusPreview = true }
        case .nextMatch: jumpToMatch(&state, forward: true)
        case .previousMatch: jumpToMatch(&state, forward: false)
        case .cycleScale, .cycleEnvironment, .cycleRegion, .moreTraffic, .lessTraffic:
            return whatIf(action, state)
        case .fitBudget:
            guard let project = state.project, let result = state.result else { break }
            guard !state.fitToBudget, result.budget?.fit != nil else {
                state.message =
                    state.fitToBudget
                    ? "The design is fitted to the budget already." : "Within budget, or no cut keeps the scale and compliance choices."
                break
            }
            let previous = state.scenario
            if state.scenario == nil {
                state.scenario = Scenario(baseline: project, baselineResult: result, baselineApplied: state.applied + state.keptAside, changes: [])
            }
            state.scenario?.changes.append("fit to budget")
            state.fitToBudget = true
            // The scenario's banner and comparison are at the top of the page.
            state.designScroll = 0
            var (next, effects) = start(
                &state, .designing, change: "What if: fit to budget", previous: (state.applied, state.undoStack), project: project)
            next.busy?.previousScenario = previous
            next.busy?.previousFitToBudget = false
            return (next, effects)
        case .keepScenario:
            guard let scenario = state.scenario else { break }
            state.scenario = nil
            state.layOut()
            state.message = "Kept the what-if (\(scenario.changes.joined(separator: ", "))): the project now says so; u/d scroll, p edits it."
        case .dropScenario:
            guard let scenario = state.scenario else { break }
            let previous = (state.applied, state.undoStack)
            state.scenario = nil
            // The job sets the ones this design does not offer aside again.
            state.applied = scenario.baselineApplied
            state.keptAside = []
            state.fitToBudget = scenario.baselineFitted
            var (next, effects) = start(&state, .designing, change: "Back to the project as it was", previous: previous, project: scenario.baseline)
            // Esc while it runs keeps the scenario open, as it was.
            next.busy?.previousScenario = scenario
            return (next, effects)
        }
        clamp(&state)
        return (state, [])
    }

    /// Changes one input and designs again; the screen shows the new design and price at once.
    static func whatIf(_ action: Action, _ input: AppState) -> (AppState, [Effect]) {
        var state = input
        guard var project = state.project else { return (state, []) }
        func next<T: Equatable>(_ value: T, in all: [T]) -> T {
            guard let index = all.firstIndex(of: value) else { return all[0] }
            return all[(index + 1) % all.count]
        }
        let previous = state.scenario
        if state.scenario == nil, let result = state.result {
            state.scenario = Scenario(
                baseline: project, baselineResult: result, baselineApplied: state.applied + state.keptAside, changes: [],
                baselineFitted: state.fitToBudget)
        }
        let change: String
        switch action {
        case .cycleScale:
            project.options.preferences.scale = next(project.options.preferences.scale, in: Scale.allCases)
            change = "What if: scale \(project.options.preferences.scale.rawValue)"
        case .cycleEnvironment:
            project.options.environment = next(project.options.environment, in: Environment.allCases)
            change = "What if: \(project.options.environment.rawValue)"
        case .cycleRegion:
            project.options.region = next(project.options.region, in: PriceCatalog.catalogRegions)
            change = "What if: \(project.options.region)"
        case .moreTraffic, .lessTraffic:
            let analysis = state.result?.analysis.averageRPS ?? 1
            let factor = action == .moreTraffic ? 2.0 : 0.5
            project.project.traffic.requestsPerSecond = max(0.1, analysis * factor)
            change = "What if: \(Format.number(analysis * factor)) requests per second"
        default:
            return (state, [])
        }
        state.scenario?.changes.append(change.replacingOccurrences(of: "What if: ", with: ""))
        state.designScroll = 0
        if state.scenario?.baseline == project { state.scenario = nil }
        let started = start(&state, .designing, change: change, previous: (state.applied, state.undoStack), project: project)
        var next = started.0
        next.busy?.previousScenario = previous
        return (next, started.1)
    }

    /// Starts the job that brings the screen up to date; the screen keeps showing the last result
    /// with a spinner until it finishes.
    static func start(
        _ state: inout AppState, _ kind: Busy.Kind, change: String, previous: ([String], [[String]]), project: ProjectFile? = nil
    ) -> (AppState, [Effect]) {
        guard let current = project ?? state.project else { return (state, []) }
        let job = state.job(for: current, redesign: project != nil)
        state.busy = Busy(kind: kind, jobID: job.id, change: change, previousApplied: previous.0, previousUndo: previous.1)
        state.busy?.previousFitToBudget = state.fitToBudget
        return (state, [.run(job)])
    }

    /// ": $X a month (+$Y), score Z (+W)" after a change.
    static func totals(_ state: AppState, costBefore: Decimal?, scoreBefore: Double?) -> String {
        guard let after = state.result?.estimate.totalMonthly else { return "" }
        var text = ": \(Format.money(after)) a month"
        if let costBefore {
            let delta = after - costBefore
            text += " (\(delta >= 0 ? "+" : "")\(Format.money(delta)))"
        }
        if let score = state.securityScore?.value {
            text += ", score \(Format.number(score, digits: 1))"
            if let scoreBefore {
                let delta = ((score - scoreBefore) * 10).rounded() / 10
                text += " (\(delta >= 0 ? "+" : "")\(Format.number(delta, digits: 1)))"
            }
        }
        return text
    }

    /// A click selects what was drawn under it (a screen tab, a row; a click on the selected start
    /// item opens it) and focuses a pane; the wheel scrolls the pane under the pointer, or moves
    /// through the list. Nothing a click does changes the design: the keys do that.
    static func mouse(_ input: AppState, _ key: Key, x: Int, y: Int) -> (AppState, [Effect]) {
        var state = input
        if state.showHelp {
            state.showHelp = false
            return (state, [])
        }
        guard state.mode == .normal, state.screen != .wizard else { return (state, []) }
        let target = AppView.render(state).target(x: x, y: y)
        if case .wheel(let up, _, _) = key {
            let step = up ? -1 : 1
            switch (state.screen, target) {
            case (.files, .pane?), (.enhancements, .pane?):
                state.focusPreview = true
                move(&state, by: 3 * step)
            case (.design, _):
                move(&state, by: 3 * step)
            default:
                state.focusPreview = false
                move(&state, by: step)
            }
            return (state, [])
        }
        switch target {
        case .screen(let screen)?:
            let action: Action = [.design: .showDesign, .files: .showFiles, .enhancements: .showEnhancements][screen] ?? .showWrite
            return perform(action, on: state)
        case .startItem(let index)?:
            if state.startSelection == index { return openStartItem(state) }
            state.startSelection = index
        case .suggestion(let index)?:
            state.focusPreview = false
            if index != state.enhancementSelection {
                state.enhancementSelection = index
                state.refreshDiff()
            }
        case .file(let index)?:
            state.focusPreview = false
            if index != state.fileSelection {
                state.fileSelection = index
                state.previewScroll = 0
                state.previewColumn = 0
            }
        case .planned(let index)?:
            state.writeSelection = index
            state.writeScroll = 0
        case .pane?:
            state.focusPreview = true
        case nil:
            break
        }
        return (state, [])
    }

    /// `3 unchanged, 1 merged (2 hand edits kept), 1 conflict. m/t/b settles it, then w writes.`
    static func planSummary(_ items: [PlannedFile]) -> String {
        let open = items.filter { $0.item.openConflicts > 0 }.count
        let kept = items.filter { $0.status == .merged }.map { $0.item.merge?.keptEdits ?? 0 }.reduce(0, +)
        var counts: [String] = []
        for status in [OutputPlan.Status.new, .changed, .unchanged, .removed, .merged, .deletedByHand] {
            let n = items.filter { $0.status == status && !($0.status == .conflict) }.count
            guard n > 0 else { continue }
            counts.append(status == .merged ? "\(n) merged (\(Plural.count(kept, "hand edit")) kept)" : "\(n) \(status.rawValue)")
        }
        let settled = items.filter { $0.status == .conflict && $0.item.openConflicts == 0 }.count
        if settled > 0 { counts.append("\(settled) resolved") }
        if open > 0 { counts.append(Plural.count(open, "conflict")) }
        let next = open > 0 ? "m keeps yours, t takes the new, b keeps both; then w writes." : "w writes them."
        return counts.joined(separator: ", ") + ". " + next
    }

    /// m, t or b on the Write screen: settles the first open conflict of the selected file.
    static func settle(_ state: inout AppState, _ resolution: ThreeWayMerge.Resolution) {
        guard var plan = state.plan, plan.indices.contains(state.writeSelection) else { return }
        var item = plan[state.writeSelection].item
        guard let index = item.merge?.conflicts.indices.first(where: { item.resolutions[$0] == nil }) else {
            state.message = "No conflict to settle here; w writes."
            return
        }
        item.resolve(conflict: index, resolution)
        plan[state.writeSelection].item = item
        state.plan = plan
        state.writeScroll = 0
        let said = resolution == .mine ? "Kept yours" : resolution == .new ? "Took the new" : "Kept both"
        state.message = "\(said) for conflict \(index + 1) of \(DisplayText.escape(item.path, limit: 60)). " + planSummary(plan)
    }

    /// Columns one → or ← moves the preview by.
    static let previewPan = 16

    static func move(_ state: inout AppState, by delta: Int) {
        switch state.screen {
        case .wizard:
            break
        case .write:
            let count = state.plan?.count ?? 0
            let selection = max(0, min(count - 1, state.writeSelection + delta))
            if selection != state.writeSelection {
                state.writeSelection = selection
                state.writeScroll = 0
            }
        case .enhancements where state.focusPreview:
            state.detailScroll = max(0, min(state.detailScroll + delta, max(0, state.detailDiff.count - 1)))
        case .enhancements:
            // The cursor follows the rows as drawn (grouped by category), not the catalogue.
            let order = state.drawnSuggestionOrder
            guard !order.isEmpty else { break }
            let here = order.firstIndex(of: state.enhancementSelection) ?? 0
            let selection = order[max(0, min(order.count - 1, here + delta))]
            if selection != state.enhancementSelection {
                state.enhancementSelection = selection
                state.refreshDiff()
            }
        case .start:
            state.startSelection = max(0, min(state.startItems.count - 1, state.startSelection + delta))
        case .design:
            state.designScroll = max(0, state.designScroll + delta)
        case .files:
            if state.focusPreview {
                state.previewScroll = max(0, state.previewScroll + delta)
            } else {
                let selection = max(0, min(state.files.count - 1, state.fileSelection + delta))
                if selection != state.fileSelection {
                    state.previewScroll = 0
                    state.previewColumn = 0
                    state.searchLine = nil
                }
                state.fileSelection = selection
            }
        }
    }

    /// Keeps scroll offsets inside the content after a move or a resize.
    static func clamp(_ state: inout AppState) {
        let visible = max(1, state.height - 3)
        if state.result != nil {
            state.designScroll = max(0, min(state.designScroll, state.designLines.count - visible))
        }
        if state.files.indices.contains(state.fileSelection) {
            let lines = state.files[state.fileSelection].content.split(separator: "\n", omittingEmptySubsequences: false).count
            state.previewScroll = max(0, min(state.previewScroll, lines - visible))
        }
    }

    static func search(_ input: AppState, _ key: Key) -> AppState {
        var state = input
        switch key {
        case .escape:
            state.searchDraft = nil
        case .enter:
            state.searchQuery = state.searchDraft ?? ""
            state.searchDraft = nil
            state.searchLine = nil
            jumpToMatch(&state, forward: true, includingCurrent: true)
        case .backspace:
            _ = state.searchDraft?.popLast()
        case .character(let c):
            if (state.searchDraft?.count ?? 0) < 80 { state.searchDraft?.append(c) }
        default:
            break
        }
        return state
    }

    /// What `/` searches on each screen: the preview's lines on Files, the page on Design, the
    /// rows of the list elsewhere (in the order drawn).
    static func searchedLines(_ state: AppState) -> [String] {
        switch state.screen {
        case .files:
            return state.files.indices.contains(state.fileSelection) ? state.files[state.fileSelection].content.components(separatedBy: "\n") : []
        case .design:
            return state.designLines.map { $0.runs.map(\.text).joined() }
        case .enhancements:
            return state.drawnSuggestionOrder.map { "\(state.suggestions[$0].title) \(state.suggestions[$0].id)" }
        case .start:
            return state.startItems.map { StartView.line($0, state) }
        case .write:
            return state.plan?.map { "\($0.item.label) \($0.path)" } ?? []
        case .wizard:
            return []
        }
    }

    /// Where the screen is now, in `searchedLines`' terms.
    static func searchPosition(_ state: AppState) -> Int {
        switch state.screen {
        case .files: return state.searchLine ?? state.previewScroll
        case .design: return state.searchLine ?? state.designScroll
        case .enhancements: return state.drawnSuggestionOrder.firstIndex(of: state.enhancementSelection) ?? 0
        case .start: return state.startSelection
        case .write: return state.writeSelection
        case .wizard: return 0
        }
    }

    /// Moves the screen to a match.
    static func show(_ line: Int, _ state: inout AppState) {
        switch state.screen {
        case .files:
            state.previewScroll = line
        case .design:
            state.designScroll = line
        case .enhancements:
            let order = state.drawnSuggestionOrder
            if order.indices.contains(line), order[line] != state.enhancementSelection {
                state.enhancementSelection = order[line]
                state.refreshDiff()
            }
        case .start:
            state.startSelection = line
        case .write:
            state.writeSelection = line
            state.writeScroll = 0
        case .wizard:
            break
        }
        state.searchLine = line
    }

    static func jumpToMatch(_ state: inout AppState, forward: Bool, includingCurrent: Bool = false) {
        guard !state.searchQuery.isEmpty else { return }
        let lines = searchedLines(state)
        let matches = lines.indices.filter { lines[$0].localizedCaseInsensitiveContains(state.searchQuery) }
        guard !matches.isEmpty else {
            state.message = "No match for \"\(DisplayText.escape(state.searchQuery))\""
            return
        }
        // From the match shown last, not the scroll position: a short file cannot scroll to it.
        let current = searchPosition(state)
        let target: Int
        if forward {
            target = matches.first { includingCurrent ? $0 >= current : $0 > current } ?? matches[0]
        } else {
            target = matches.last { $0 < current } ?? matches[matches.count - 1]
        }
        show(target, &state)
        let position = (matches.firstIndex(of: target) ?? 0) + 1
        state.message = "Match \(position) of \(matches.count) for \"\(DisplayText.escape(state.searchQuery))\""
        clamp(&state)
    }
}
