/// Table and field names: present, printable, unique once case and Unicode width are folded.
enum TableRules {
    static func check(_ project: Project) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var seenTables: [String: Int] = [:]
        for (t, table) in project.schema.enumerated() {
            let tablePath = "project.schema[\(t)]"
            checkName(table.name, what: "table", path: "\(tablePath).name", into: &diagnostics)
            let key = NameKey.of(table.name)
            if let first = seenTables[key] {
                let other = project.schema[first].name
                diagnostics.append(
                    .error(
                        "\(tablePath).name",
                        "table \(DisplayText.quoted(table.name)) has the same name as project.schema[\(first)] "
                            + "(\(DisplayText.quoted(other)))" + (other == table.name ? "" : " once case and character width are ignored")))
            } else {
                seenTables[key] = t
            }
            if table.fields.isEmpty {
                diagnostics.append(.error("\(tablePath).fields", "a table needs at least one field"))
            }
            var seenFields: [String: Int] = [:]
            for (f, field) in table.fields.enumerated() {
                let fieldPath = "\(tablePath).fields[\(f)]"
                checkName(field.name, what: "field", path: "\(fieldPath).name", into: &diagnostics)
                let fieldKey = NameKey.of(field.name)
                if let first = seenFields[fieldKey] {
                    let other = table.fields[first].name
                    diagnostics.append(
                        .error(
                            "\(fieldPath).name",
                            "field \(DisplayText.quoted(field.name)) has the same name as \(tablePath).fields[\(first)] "
                                + "(\(DisplayText.quoted(other)))" + (other == field.name ? "" : " once case and character width are ignored")))
                } else {
                    seenFields[fieldKey] = f
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

    static func checkName(_ name: String, what: String, path: String, into diagnostics: inout [Diagnostic]) {
        if DisplayText.containsUnsafe(name) {
            diagnostics.append(.error(path, "\(what) name \(DisplayText.quoted(name)) contains control or bidirectional-formatting characters"))
        }
    }
}
