import SnapinfraCore

/// Keys on the wizard: ↑/↓ (Tab, S-Tab) move between rows; typing edits a text row at its cursor;
/// ←/→ and Space change a choice or a toggle; Enter opens a list row or goes on to the next step;
/// Esc goes back; x or Del removes the table, field or endpoint under the cursor.
enum WizardUpdate {
    /// What a key did: the wizard, and a message for the status line.
    struct Outcome {
        var wizard: Wizard
        var message: String?
        /// Enter on the last step (or "Design it"): the project is ready to design.
        var finished = false
        /// Esc on the first step.
        var leave = false
    }

    static func key(_ input: Wizard, _ key: Key) -> Outcome {
        var w = input
        var out = Outcome(wizard: w)
        let rows = w.rows
        w.row = min(w.row, max(0, rows.count - 1))
        guard rows.indices.contains(w.row) else { return out }
        let row = rows[w.row]
        // A removal asked for once is confirmed by the same key on the same row, and only then.
        let pending = w.pendingRemoval
        w.pendingRemoval = nil
        if case .action(let action) = row.kind, key == .character("x") || key == .delete {
            guard pending == action else {
                w.pendingRemoval = action
                out.wizard = w
                out.message = removalQuestion(action, w)
                return out
            }
        }
        switch key {
        case .up, .backTab:
            move(&w, by: -1)
        case .down, .tab:
            move(&w, by: 1)
        case .enter:
            if case .action(let action) = row.kind {
                return perform(action, w)
            }
            return forward(w)
        case .escape:
            return back(w)
        default:
            if row.isTextual {
                out.message = edit(&w, row, key)
            } else {
                out.message = change(&w, row, key)
            }
        }
        out.wizard = w
        return out
    }

    /// Selects another row, and puts the text of a text row under the cursor.
    static func move(_ w: inout Wizard, by delta: Int) {
        let rows = w.rows
        guard !rows.isEmpty else { return }
        w.row = max(0, min(rows.count - 1, w.row + delta))
        focus(&w)
    }

    /// Starts editing the selected row if it is a text or number row.
    static func focus(_ w: inout Wizard) {
        let rows = w.rows
        guard rows.indices.contains(w.row), rows[w.row].isTextual else {
            w.field = nil
            return
        }
        let row = rows[w.row]
        var limit = 32
        if case .text(_, _, let textLimit) = row.kind { limit = textLimit }
        w.field = TextField(row.value(w.project), limit: limit)
    }

    /// A key on a text or number row. Returns why a key was refused, if it was.
    static func edit(_ w: inout Wizard, _ row: WizardRow, _ input: Key) -> String? {
        var key = input
        if case .number = row.kind, case .paste(let text) = input { key = .paste(text.trimmingCharacters(in: .whitespacesAndNewlines)) }
        if w.field == nil { focus(&w) }
        guard var field = w.field else { return nil }
        if case .number(_, _, let integer, _) = row.kind {
            var typed = ""
            if case .character(let c) = key { typed = String(c) }
            if case .paste(let text) = key { typed = text.trimmingCharacters(in: .whitespacesAndNewlines) }
            let allowed = integer ? "0123456789" : "0123456789."
            let dots = typed.filter { $0 == "." }.count + field.text.filter { $0 == "." }.count
            if let bad = typed.first(where: { !allowed.contains($0) }) ?? (dots > 1 ? "." : nil) {
                return "\(row.path): \(integer ? "a whole number" : "a number"); \"\(DisplayText.escape(String(bad)))\" cannot be part of it"
            }
        }
        if case .character(let c) = key, c.unicodeScalars.contains(where: DisplayText.isControl) {
            return "\(row.path): control characters are not allowed"
        }
        switch field.apply(key) {
        case .tooLong:
            // A paste may have put in what fits before it ran out of room.
            apply(&w, row, field)
            return "\(row.path): at most \(field.limit) characters; the rest was left out"
        case .ignored, .moved:
            w.field = field
            return nil
        case .edited:
            w.field = field
        }
        apply(&w, row, field)
        return nil
    }

    /// Puts a text row's text into the project and validates again.
    static func apply(_ w: inout Wizard, _ row: WizardRow, _ field: TextField) {
        w.field = field
        switch row.kind {
        case .text(_, let set, _):
            set(&w.project, field.text)
        case .number(_, let set, _, let optional):
            if field.text.isEmpty {
                if optional { set(&w.project, nil) }
            } else if let value = Double(field.text) {
                set(&w.project, value)
            }
        default:
            break
        }
        w.invalidate()
    }

    /// ←/→/Space on a choice or toggle row; x or Del on a list row.
    static func change(_ w: inout Wizard, _ row: WizardRow, _ key: Key) -> String? {
        switch (row.kind, key) {
        case (.choice(let values, let get, let set), .right), (.choice(let values, let get, let set), .character(" ")):
            let index = values.firstIndex(of: get(w.project)) ?? -1
            set(&w.project, values[(index + 1) % values.count])
        case (.choice(let values, let get, let set), .left):
            let index = values.firstIndex(of: get(w.project)) ?? 0
            set(&w.project, values[(index - 1 + values.count) % values.count])
        case (.toggle(let get, let set), .character(" ")), (.toggle(let get, let set), .left), (.toggle(let get, let set), .right):
            set(&w.project, !get(w.project))
        case (.action(let action), .character("x")), (.action(let action), .delete):
            return remove(action, &w)
        default:
            return nil
        }
        w.invalidate()
        return nil
    }

    /// What a first `x` asks, naming what would go; nil rows (add, next) remove nothing.
    static func removalQuestion(_ action: WizardAction, _ w: Wizard) -> String? {
        let what: String
        switch action {
        case .openTable(let t):
            what = "table \(w.tableName(t)) and its \(Plural.count(w.project.project.schema[t].fields.count, "field"))"
        case .openField(let t, let f): what = "field \(w.fieldName(t, f))"
        case .openEndpoint(let e):
            let endpoint = w.project.project.endpoints[e]
            what = "\(endpoint.method.rawValue) \(DisplayText.escape(endpoint.path, limit: 60))"
        default: return nil
        }
        return "Remove \(what)? x again removes it; any other key keeps it."
    }

    static func remove(_ action: WizardAction, _ w: inout Wizard) -> String? {
        switch action {
        case .openTable(let t):
            let name = w.tableName(t)
            w.project.project.schema.remove(at: t)
            w.invalidate()
            return "Removed table \(name)."
        case .openField(let t, let f):
            let name = w.fieldName(t, f)
            w.project.project.schema[t].fields.remove(at: f)
            w.invalidate()
            return "Removed field \(name)."
        case .openEndpoint(let e):
            let endpoint = w.project.project.endpoints.remove(at: e)
            w.invalidate()
            return "Removed \(endpoint.method.rawValue) \(DisplayText.escape(endpoint.path, limit: 60))."
        default:
            return nil
        }
    }

    static func perform(_ action: WizardAction, _ input: Wizard) -> Outcome {
        var w = input
        var message: String?
        switch action {
        case .addTable:
            w.project.project.schema.append(Table(name: "", fields: [Field(name: "id", type: .uuid, primaryKey: true)]))
            open(&w, .table(w.project.project.schema.count - 1))
            message = "New table with an id; type its name."
        case .openTable(let t):
            open(&w, .table(t))
        case .addField(let t):
            w.project.project.schema[t].fields.append(Field(name: "", type: .string))
            open(&w, .field(table: t, field: w.project.project.schema[t].fields.count - 1))
            message = "New field; type its name, ←/→ its type."
        case .openField(let t, let f):
            open(&w, .field(table: t, field: f))
        case .addEndpoint:
            w.project.project.endpoints.append(Endpoint(method: .get, path: "/"))
            open(&w, .endpoint(w.project.project.endpoints.count - 1))
            message = "New endpoint; ←/→ its method, then its path."
        case .openEndpoint(let e):
            open(&w, .endpoint(e))
        case .crud(let t):
            let table = w.project.project.schema[t].name
            let added = ProjectDraft.crudEndpoints(for: table).filter { endpoint in
                !w.project.project.endpoints.contains { $0.method == endpoint.method && $0.path == endpoint.path }
            }
            w.project.project.endpoints += added
            // The selection stays on the same CRUD line, below the new endpoints.
            w.row += added.count
            message = added.isEmpty ? "CRUD endpoints for \(table) are already there." : "Added \(added.count) endpoints for \(table)."
        case .finish, .next:
            return forward(w)
        }
        w.invalidate()
        return Outcome(wizard: w, message: message)
    }

    /// Shows a page. A step starts on its first row that holds a value, or on "Next" when every
    /// row is a list line or an action, so Enter goes on unless the user picks something.
    static func open(_ w: inout Wizard, _ page: Wizard.Page) {
        w.page = page
        let rows = w.rows
        w.row = 0
        if page == .step {
            w.row = rows.firstIndex { if case .action = $0.kind { return false } else { return true } } ?? max(0, rows.count - 1)
        }
        focus(&w)
    }

    /// Enter: out of a sub-page, or on to the next step, or finished.
    static func forward(_ input: Wizard) -> Outcome {
        var w = input
        switch w.page {
        case .field(let t, _):
            backTo(&w, .table(t))
            return Outcome(wizard: w)
        case .table, .endpoint:
            backTo(&w, .step)
            return Outcome(wizard: w)
        case .step:
            break
        }
        guard let index = Wizard.Step.allCases.firstIndex(of: w.step), index + 1 < Wizard.Step.allCases.count else {
            return Outcome(wizard: w, finished: true)
        }
        w.step = Wizard.Step.allCases[index + 1]
        open(&w, .step)
        return Outcome(wizard: w)
    }

    /// Esc: out of a sub-page, or back a step, or out of the wizard.
    static func back(_ input: Wizard) -> Outcome {
        var w = input
        switch w.page {
        case .field(let t, _):
            backTo(&w, .table(t))
        case .table, .endpoint:
            backTo(&w, .step)
        case .step:
            guard let index = Wizard.Step.allCases.firstIndex(of: w.step), index > 0 else { return Outcome(wizard: w, leave: true) }
            w.step = Wizard.Step.allCases[index - 1]
            open(&w, .step)
        }
        return Outcome(wizard: w)
    }

    /// Returns to a parent page with the row of the child selected.
    static func backTo(_ w: inout Wizard, _ page: Wizard.Page) {
        let child = w.page
        w.page = page
        let rows = w.rows
        w.row =
            rows.firstIndex { row in
                guard case .action(let action) = row.kind else { return false }
                switch (action, child) {
                case (.openTable(let t), .table(let c)): return t == c
                case (.openField(let t, let f), .field(let ct, let cf)): return t == ct && f == cf
                case (.openEndpoint(let e), .endpoint(let c)): return e == c
                default: return false
                }
            } ?? 0
        focus(&w)
    }
}
