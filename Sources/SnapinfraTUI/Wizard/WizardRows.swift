import SnapinfraCore

/// One row of a wizard page: what it shows, the project path its problems are under, and what it
/// edits. Rows are worked out from the state for each key and frame, never stored.
struct WizardRow {
    enum Kind {
        case text(get: (ProjectFile) -> String, set: (inout ProjectFile, String) -> Void, limit: Int)
        /// A number; `integer` refuses a decimal point. Empty means "not given" when `optional`.
        case number(get: (ProjectFile) -> String, set: (inout ProjectFile, Double?) -> Void, integer: Bool, optional: Bool)
        case choice([String], get: (ProjectFile) -> String, set: (inout ProjectFile, String) -> Void)
        case toggle(get: (ProjectFile) -> Bool, set: (inout ProjectFile, Bool) -> Void)
        case action(WizardAction)
    }

    var label: String
    var path: String
    var kind: Kind
    /// A list row shows the first problem anywhere under its path.
    var isList = false

    var isTextual: Bool {
        switch kind {
        case .text, .number: return true
        default: return false
        }
    }

    func value(_ file: ProjectFile) -> String {
        switch kind {
        case .text(let get, _, _), .number(let get, _, _, _), .choice(_, let get, _): return get(file)
        case .toggle(let get, _): return get(file) ? "[x]" : "[ ]"
        case .action: return ""
        }
    }
}

/// What Enter does on an action row.
enum WizardAction: Hashable {
    case addTable
    case openTable(Int)
    case addField(Int)
    case openField(Int, Int)
    case addEndpoint
    case openEndpoint(Int)
    case crud(Int)
    case next, finish
}

extension Wizard {
    /// The rows of the page on screen. Every step but the last ends with a row that goes on, so a
    /// page of list rows (where Enter opens the row) can still be left forward.
    var rows: [WizardRow] {
        switch page {
        case .step:
            guard let index = Step.allCases.firstIndex(of: step), index + 1 < Step.allCases.count else { return stepRows }
            return stepRows + [WizardRow(label: "Next: \(Step.allCases[index + 1].title) →", path: "", kind: .action(.next))]
        case .table(let t): return tableRows(t)
        case .field(let t, let f): return fieldRows(t, f)
        case .endpoint(let e): return endpointRows(e)
        }
    }

    /// The title of the page: the step, or where inside it.
    var pageTitle: String {
        switch page {
        case .step: return step.title
        case .table(let t): return "Table \(tableName(t))"
        case .field(let t, let f): return "Table \(tableName(t)) › field \(fieldName(t, f))"
        case .endpoint(let e):
            let endpoint = project.project.endpoints.indices.contains(e) ? project.project.endpoints[e] : nil
            return "Endpoint " + (endpoint.map { "\($0.method.rawValue) \(DisplayText.escape($0.path, limit: 40))" } ?? "")
        }
    }

    func tableName(_ t: Int) -> String {
        guard project.project.schema.indices.contains(t) else { return "" }
        let name = project.project.schema[t].name
        return name.isEmpty ? "(unnamed)" : DisplayText.escape(name, limit: 40)
    }

    func fieldName(_ t: Int, _ f: Int) -> String {
        guard project.project.schema.indices.contains(t), project.project.schema[t].fields.indices.contains(f) else { return "" }
        let name = project.project.schema[t].fields[f].name
        return name.isEmpty ? "(unnamed)" : DisplayText.escape(name, limit: 40)
    }

    private var stepRows: [WizardRow] {
        switch step {
        case .basics:
            return [
                text("Name", "project.name", \.project.name, limit: DocumentLimits.standard.maxNameLength),
                text("Description", "project.description", \.project.description, limit: DocumentLimits.standard.maxDescriptionLength),
                choice("Environment", "options.environment", Environment.allCases, \.options.environment),
                WizardRow(
                    label: "Region", path: "options.region",
                    kind: .choice(AWSRegions.all, get: { $0.options.region }, set: { $0.options.region = $1 })),
            ]
        case .database:
            var rows = [choice("Database engine", "project.database.type", DatabaseEngine.allCases, \.project.database.type)]
            for (index, table) in project.project.schema.enumerated() {
                rows.append(
                    WizardRow(
                        label: "Table " + (table.name.isEmpty ? "(unnamed)" : DisplayText.escape(table.name, limit: 40)),
                        path: "project.schema[\(index)]",
                        kind: .action(.openTable(index)), isList: true)
                )
            }
            rows.append(WizardRow(label: "+ Add a table", path: "project.schema", kind: .action(.addTable)))
            return rows
        case .endpoints:
            var rows: [WizardRow] = []
            for (index, endpoint) in project.project.endpoints.enumerated() {
                var flags = endpoint.auth ? " (auth" : ""
                if endpoint.upload { flags += flags.isEmpty ? " (upload" : ", upload" }
                if !flags.isEmpty { flags += ")" }
                rows.append(
                    WizardRow(
                        label: "\(endpoint.method.rawValue) \(DisplayText.escape(endpoint.path, limit: 60))\(flags)",
                        path: "project.endpoints[\(index)]", kind: .action(.openEndpoint(index)), isList: true))
            }
            rows.append(WizardRow(label: "+ Add an endpoint", path: "project.endpoints", kind: .action(.addEndpoint)))
            for (index, table) in project.project.schema.enumerated() where !table.name.isEmpty {
                rows.append(
                    WizardRow(
                        label: "+ CRUD endpoints for table \(DisplayText.escape(table.name, limit: 40))", path: "project.endpoints",
                        kind: .action(.crud(index))))
            }
            return rows
        case .traffic:
            return [
                number("Requests per second (average)", "project.traffic.requestsPerSecond", \.project.traffic.requestsPerSecond),
                WizardRow(
                    label: "Peak multiplier", path: "project.traffic.peakMultiplier",
                    kind: .number(
                        get: { Format.plain($0.project.traffic.peakMultiplier) },
                        set: { $0.project.traffic.peakMultiplier = $1 ?? Traffic.defaultPeakMultiplier }, integer: false, optional: false)),
                WizardRow(
                    label: "Monthly active users", path: "project.traffic.monthlyActiveUsers",
                    kind: .number(
                        get: { $0.project.traffic.monthlyActiveUsers.map(String.init) ?? "" },
                        set: { $0.project.traffic.monthlyActiveUsers = $1.map { Int($0) } }, integer: true, optional: true)),
                number("Data growth (GB a month)", "project.traffic.dataGrowthGBPerMonth", \.project.traffic.dataGrowthGBPerMonth),
            ]
        case .preferences:
            var rows = [
                choice("Cost", "options.preferences.cost", CostPreference.allCases, \.options.preferences.cost),
                choice("Scale", "options.preferences.scale", Scale.allCases, \.options.preferences.scale),
            ]
            for regime in Compliance.allCases {
                rows.append(
                    WizardRow(
                        label: "Compliance: \(regime.rawValue)", path: "options.preferences.compliance",
                        kind: .toggle(
                            get: { $0.options.preferences.compliance.contains(regime) },
                            set: { file, on in
                                file.options.preferences.compliance.removeAll { $0 == regime }
                                if on { file.options.preferences.compliance.append(regime) }
                            })))
            }
            rows.append(number("Budget (USD a month)", "options.budget", \.options.budget))
            return rows
        case .targets:
            var rows: [WizardRow] = []
            for target in Target.allCases {
                rows.append(
                    WizardRow(
                        label: "Target: \(target.rawValue)", path: "options.targets",
                        kind: .toggle(
                            get: { $0.options.targets.contains(target) },
                            set: { file, on in
                                file.options.targets.removeAll { $0 == target }
                                if on { file.options.targets.append(target) }
                            })))
            }
            rows.append(WizardRow(label: "Design it →", path: "", kind: .action(.finish)))
            return rows
        }
    }

    private func tableRows(_ t: Int) -> [WizardRow] {
        guard project.project.schema.indices.contains(t) else { return [] }
        let base = "project.schema[\(t)]"
        var rows = [
            text("Name", "\(base).name", \.project.schema[t].name, limit: DocumentLimits.standard.maxNameLength),
            WizardRow(
                label: "Estimated rows", path: "\(base).estimatedRows",
                kind: .number(
                    get: { $0.project.schema[t].estimatedRows.map(String.init) ?? "" },
                    set: { $0.project.schema[t].estimatedRows = $1.map { Int($0) } }, integer: true, optional: true)),
        ]
        for (index, field) in project.project.schema[t].fields.enumerated() {
            var traits: [String] = [field.type.rawValue]
            if field.primaryKey { traits.append("primary key") }
            if field.unique { traits.append("unique") }
            if field.nullable { traits.append("nullable") }
            if let references = field.references { traits.append("→ " + DisplayText.escape(references, limit: 40)) }
            let name = field.name.isEmpty ? "(unnamed)" : DisplayText.escape(field.name, limit: 40)
            rows.append(
                WizardRow(
                    label: "Field \(name): \(traits.joined(separator: ", "))", path: "\(base).fields[\(index)]",
                    kind: .action(.openField(t, index)), isList: true))
        }
        rows.append(WizardRow(label: "+ Add a field", path: "\(base).fields", kind: .action(.addField(t))))
        return rows
    }

    private func fieldRows(_ t: Int, _ f: Int) -> [WizardRow] {
        guard project.project.schema.indices.contains(t), project.project.schema[t].fields.indices.contains(f) else { return [] }
        let base = "project.schema[\(t)].fields[\(f)]"
        func flag(_ label: String, _ key: String, _ path: WritableKeyPath<Field, Bool>) -> WizardRow {
            toggle(label, "\(base).\(key)", (\ProjectFile.project.schema[t].fields[f] as WritableKeyPath<ProjectFile, Field>).appending(path: path))
        }
        let columns = project.project.schema.flatMap { table in table.fields.filter { !$0.name.isEmpty }.map { "\(table.name).\($0.name)" } }
        return [
            text("Name", "\(base).name", \.project.schema[t].fields[f].name, limit: DocumentLimits.standard.maxNameLength),
            WizardRow(
                label: "Type", path: "\(base).type",
                kind: .choice(
                    FieldType.allCases.map(\.rawValue), get: { $0.project.schema[t].fields[f].type.rawValue },
                    set: { $0.project.schema[t].fields[f].type = FieldType(rawValue: $1) ?? .string })),
            flag("Primary key", "primaryKey", \.primaryKey),
            flag("Unique", "unique", \.unique),
            flag("Nullable", "nullable", \.nullable),
            flag("Indexed", "indexed", \.indexed),
            WizardRow(
                label: "References", path: "\(base).references",
                kind: .choice(
                    ["(none)"] + columns, get: { $0.project.schema[t].fields[f].references ?? "(none)" },
                    set: { $0.project.schema[t].fields[f].references = $1 == "(none)" ? nil : $1 })),
        ]
    }

    private func endpointRows(_ e: Int) -> [WizardRow] {
        guard project.project.endpoints.indices.contains(e) else { return [] }
        let base = "project.endpoints[\(e)]"
        return [
            WizardRow(
                label: "Method", path: "\(base).method",
                kind: .choice(
                    HTTPMethod.allCases.map(\.rawValue), get: { $0.project.endpoints[e].method.rawValue },
                    set: { $0.project.endpoints[e].method = HTTPMethod(rawValue: $1) ?? .get })),
            text("Path", "\(base).path", \.project.endpoints[e].path, limit: DocumentLimits.standard.maxPathLength),
            toggle("Needs auth", "\(base).auth", \.project.endpoints[e].auth),
            toggle("Takes uploads", "\(base).upload", \.project.endpoints[e].upload),
        ]
    }

    private func choice<T: RawRepresentable & CaseIterable>(
        _ label: String, _ path: String, _ all: T.AllCases, _ key: WritableKeyPath<ProjectFile, T>
    ) -> WizardRow where T.RawValue == String {
        WizardRow(
            label: label, path: path,
            kind: .choice(
                all.map(\.rawValue), get: { $0[keyPath: key].rawValue },
                set: { file, value in
                    if let parsed = T(rawValue: value) { file[keyPath: key] = parsed }
                }))
    }

    private func text(_ label: String, _ path: String, _ key: WritableKeyPath<ProjectFile, String>, limit: Int) -> WizardRow {
        WizardRow(label: label, path: path, kind: .text(get: { $0[keyPath: key] }, set: { $0[keyPath: key] = $1 }, limit: limit))
    }

    private func toggle(_ label: String, _ path: String, _ key: WritableKeyPath<ProjectFile, Bool>) -> WizardRow {
        WizardRow(label: label, path: path, kind: .toggle(get: { $0[keyPath: key] }, set: { $0[keyPath: key] = $1 }))
    }

    private func number(_ label: String, _ path: String, _ key: WritableKeyPath<ProjectFile, Double?>) -> WizardRow {
        WizardRow(
            label: label, path: path,
            kind: .number(get: { $0[keyPath: key].map(Format.plain) ?? "" }, set: { $0[keyPath: key] = $1 }, integer: false, optional: true))
    }
}

extension Format {
    /// A number as typed: `40`, `0.5`, no grouping.
    static func plain(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
    }
}
