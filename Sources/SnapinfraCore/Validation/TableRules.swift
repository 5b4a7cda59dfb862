/// Table and field names: present, printable, unique once case and Unicode width are folded.
enum TableRules {
    static func check(_ project: Project) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var seenTables: [String: Int] = [:]
        let tableNames = project.schema.map(\.name)
        for (t, table) in project.schema.enumerated() {
            let tablePath = "project.schema[\(t)]"
            checkName(table.name, what: "table", path: "\(tablePath).name", into: &diagnostics)
            if let clash = clash(table.name, index: t, seen: &seenTables, names: tableNames, what: "table", at: "project.schema") {
                diagnostics.append(.error("\(tablePath).name", clash))
            }
            if table.fields.isEmpty {
                diagnostics.append(.error("\(tablePath).fields", "a table needs at least one field"))
            }
            var seenFields: [String: Int] = [:]
            let fieldNames = table.fields.map(\.name)
            for (f, field) in table.fields.enumerated() {
                let fieldPath = "\(tablePath).fields[\(f)]"
                checkName(field.name, what: "field", path: "\(fieldPath).name", into: &diagnostics)
                if let clash = clash(
                    field.name, index: f, seen: &seenFields, names: fieldNames, what: "field", at: "\(tablePath).fields")
                {
                    diagnostics.append(.error("\(fieldPath).name", clash))
                }
                if field.primaryKey && field.nullable {
                    diagnostics.append(.error("\(fieldPath).nullable", "a primary key cannot be nullable"))
                }
            }
            if !table.fields.isEmpty && !table.fields.contains(where: \.primaryKey) {
                diagnostics.append(.warning("\(tablePath).fields", "table \(DisplayText.quoted(table.name)) has no primary key"))
            }
        }
        return diagnostics
    }

    /// The message when `name` folds to the same key as an earlier name, else nil (and it is remembered).
    static func clash(_ name: String, index: Int, seen: inout [String: Int], names: [String], what: String, at list: String) -> String? {
        let key = NameKey.of(name)
        guard let first = seen[key] else {
            seen[key] = index
            return nil
        }
        let other = names[first]
        return "\(what) \(DisplayText.quoted(name)) has the same name as \(list)[\(first)] (\(DisplayText.quoted(other)))"
            + (other == name ? "" : " once case and character width are ignored")
    }

    /// A name holds letters and digits of any script, `_` and `-`: nothing that is a template,
    /// quote or escape in Terraform, Kubernetes, Helm, Python or a shell.
    static func checkName(_ name: String, what: String, path: String, into diagnostics: inout [Diagnostic]) {
        if DisplayText.containsUnsafe(name) {
            diagnostics.append(
                .error(path, "\(what) name \(DisplayText.quoted(name)) contains control, invisible or bidirectional-formatting characters"))
            return
        }
        var offending: [String] = []
        for character in name where !isAllowed(character) {
            let shown = DisplayText.quoted(String(character))
            if !offending.contains(shown) { offending.append(shown) }
        }
        guard !offending.isEmpty else { return }
        let list = offending.prefix(6).joined(separator: ", ") + (offending.count > 6 ? ", …" : "")
        diagnostics.append(
            .error(
                path,
                "\(what) name \(DisplayText.quoted(name)) contains \(list); a name holds only letters and digits (of any script), \"_\" and \"-\""))
    }

    static func isAllowed(_ character: Character) -> Bool {
        character == "_" || character == "-" || character.isLetter || character.isNumber
    }
}
