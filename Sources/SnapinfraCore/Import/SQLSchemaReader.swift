/// Tables read from SQL DDL: what `snapinfra import schema.sql` puts in a project file.
public struct SQLImport: Sendable, Hashable {
    public var tables: [Table]
    /// Warnings (statements skipped, names changed, types guessed) and errors, each at its place.
    public var diagnostics: [Diagnostic]
    /// The engine the dialect points to: MySQL where backticks, `AUTO_INCREMENT` or `ENGINE=` appear.
    public var engine: DatabaseEngine
    public var foreignKeys: Int
    public var skipped: Int

    /// `12 tables, 9 foreign keys, 3 skipped statements`.
    public var summary: String {
        "\(Plural.count(tables.count, "table")), \(Plural.count(foreignKeys, "foreign key")), \(Plural.count(skipped, "skipped statement"))"
    }
}

/// Reads `CREATE TABLE`, `ALTER TABLE … ADD … FOREIGN KEY`, `CREATE INDEX`, `CREATE TYPE … AS ENUM`
/// and `CREATE DOMAIN` with its own tokenizer (no Swift SQL parser is worth depending on; see
/// DECISIONS.md), and skips everything else with a warning that names the statement.
public enum SQLSchemaReader {
    public static func read(_ text: String) -> SQLImport {
        var reader = Reader()
        let (tokens, problems) = SQLTokenizer.tokens(text)
        reader.diagnostics = problems
        for statement in SQLTokenizer.statements(tokens) { reader.statement(statement) }
        // MySQL's marks: backtick-quoted names, AUTO_INCREMENT, ENGINE=. The text is scanned once.
        let backticks = text.utf8.contains(UInt8(ascii: "`"))
        return reader.finish(mysql: backticks || tokens.contains { $0.isWord("AUTO_INCREMENT") || $0.isWord("ENGINE") })
    }
}

/// One table as it is read, before references are resolved.
private struct ReadTable {
    var name: String
    var position: SourcePosition
    var fields: [ReadField] = []
}

private struct ReadField {
    var name: String
    var type: FieldType
    var primaryKey = false
    var unique = false
    var notNull = false
    /// The referenced table as written (its last name part) and column, if any.
    var references: (table: String, column: String?, at: SourcePosition)?
    var indexed = false
}

/// A cursor over one statement's tokens.
private struct Cursor {
    var tokens: [SQLToken]
    var index = 0

    var atEnd: Bool { index >= tokens.count }
    var current: SQLToken? { atEnd ? nil : tokens[index] }
    var position: SourcePosition { current?.position ?? tokens.last?.position ?? SourcePosition(line: 1, column: 1) }

    mutating func next() -> SQLToken? {
        defer { index += 1 }
        return current
    }

    /// Takes the keywords if they come next, in order.
    mutating func accept(_ words: String...) -> Bool {
        for (offset, word) in words.enumerated() {
            guard index + offset < tokens.count, tokens[index + offset].isWord(word) else { return false }
        }
        index += words.count
        return true
    }

    mutating func acceptSymbol(_ symbol: String) -> Bool {
        guard let current, current.kind == .symbol, current.text == symbol else { return false }
        index += 1
        return true
    }

    /// A name, bare or quoted, with its schema parts dropped: `audit."Change Log"` → `Change Log`.
    mutating func name() -> (String, SourcePosition)? {
        guard let first = current, first.kind == .word || first.kind == .quoted else { return nil }
        var last = first
        index += 1
        while acceptSymbol("."), let part = current, part.kind == .word || part.kind == .quoted {
            last = part
            index += 1
        }
        return (last.text, first.position)
    }

    /// Skips a parenthesised group, or one token; returns the tokens inside the group.
    @discardableResult
    mutating func skipGroup() -> [SQLToken] {
        guard acceptSymbol("(") else {
            _ = next()
            return []
        }
        var depth = 1
        var inside: [SQLToken] = []
        while let token = next() {
            if token.kind == .symbol && token.text == "(" { depth += 1 }
            if token.kind == .symbol && token.text == ")" {
                depth -= 1
                if depth == 0 { break }
            }
            inside.append(token)
        }
        return inside
    }

    /// The names in `(a, b, c)`.
    mutating func nameList() -> [String] {
        guard current?.kind == .symbol, current?.text == "(" else { return [] }
        let inside = skipGroup()
        var names: [String] = []
        var depth = 0
        var expectName = true
        for token in inside {
            if token.kind == .symbol && token.text == "(" { depth += 1 }
            if token.kind == .symbol && token.text == ")" { depth -= 1 }
            if depth == 0 && token.kind == .symbol && token.text == "," {
                expectName = true
                continue
            }
            if expectName && depth == 0 && (token.kind == .word || token.kind == .quoted) {
                names.append(token.text)
                expectName = false
            }
        }
        return names
    }
}

private struct Reader {
    var tables: [ReadTable] = []
    /// Each table's index, by its lower-cased name.
    var byName: [String: Int] = [:]
    var diagnostics: [Diagnostic] = []
    /// Names of enum types and domains, with what they stand for.
    var aliases: [String: FieldType] = [:]
    var skipped = 0

    mutating func warn(_ message: String, at position: SourcePosition) {
        diagnostics.append(.warning("", message, at: position))
    }

    mutating func skip(_ statement: [SQLToken], because reason: String? = nil) {
        skipped += 1
        let words = statement.prefix(while: { $0.kind == .word }).prefix(3).map { $0.text.uppercased() }
        var length = 1
        if ["CREATE", "ALTER", "DROP", "COMMENT"].contains(words.first ?? "") {
            length = words.count > 2 && ["OR", "UNIQUE", "MATERIALIZED", "TEMP", "TEMPORARY"].contains(words[1]) ? 3 : 2
        }
        let kind = words.prefix(length).joined(separator: " ")
        warn("\(kind.isEmpty ? "statement" : kind) skipped" + (reason.map { ": \($0)" } ?? ""), at: statement[0].position)
    }

    func tableIndex(_ name: String) -> Int? {
        byName[name.lowercased()]
    }

    mutating func statement(_ tokens: [SQLToken]) {
        var c = Cursor(tokens: tokens)
        if c.accept("CREATE") {
            _ = c.accept("OR", "REPLACE")
            _ = c.accept("GLOBAL") || c.accept("LOCAL")
            _ = c.accept("TEMPORARY") || c.accept("TEMP") || c.accept("UNLOGGED")
            if c.accept("TABLE") { return createTable(&c, tokens) }
            if c.accept("UNIQUE", "INDEX") { return createIndex(&c, unique: true) }
            if c.accept("INDEX") { return createIndex(&c, unique: false) }
            if c.accept("TYPE") { return createType(&c, tokens) }
            if c.accept("DOMAIN") { return createDomain(&c, tokens) }
            if c.accept("VIEW") || c.accept("MATERIALIZED", "VIEW") { return skip(tokens, because: "a view is not a table") }
        } else if c.accept("ALTER", "TABLE") {
            return alterTable(&c, tokens)
        }
        skip(tokens)
    }

    mutating func createTable(_ c: inout Cursor, _ statement: [SQLToken]) {
        _ = c.accept("IF", "NOT", "EXISTS")
        guard let (name, position) = c.name() else { return skip(statement, because: "no table name") }
        if c.accept("PARTITION", "OF") { return skip(statement, because: "a partition of \(c.name()?.0 ?? "a table") is not a separate table") }
        guard c.current?.kind == .symbol, c.current?.text == "(" else { return skip(statement, because: "no column list") }
        var table = ReadTable(name: name, position: position)
        if tableIndex(name) != nil {
            warn("table \(DisplayText.quoted(name)) is created twice; the first one is kept", at: position)
            skipped += 1
            return
        }
        let inside = c.skipGroup()
        for element in Self.split(inside) where !element.isEmpty { tableElement(element, into: &table) }
        byName[name.lowercased()] = tables.count
        tables.append(table)
    }

    /// Comma-separated items of a list, at depth zero.
    static func split(_ tokens: [SQLToken]) -> [[SQLToken]] {
        var items: [[SQLToken]] = [[]]
        var depth = 0
        for token in tokens {
            if token.kind == .symbol && token.text == "(" { depth += 1 }
            if token.kind == .symbol && token.text == ")" { depth -= 1 }
            if depth == 0 && token.kind == .symbol && token.text == "," {
                items.append([])
            } else {
                items[items.count - 1].append(token)
            }
        }
        return items
    }

    mutating func tableElement(_ tokens: [SQLToken], into table: inout ReadTable) {
        var c = Cursor(tokens: tokens)
        if c.accept("CONSTRAINT") { _ = c.name() }
        if c.accept("PRIMARY", "KEY") {
            for column in c.nameList() { update(&table, column) { $0.primaryKey = true } }
        } else if c.accept("UNIQUE") {
            _ = c.accept("KEY") || c.accept("INDEX")
            if c.current?.text != "(" { _ = c.name() }
            let columns = c.nameList()
            if columns.count == 1 {
                update(&table, columns[0]) { $0.unique = true }
            } else if let first = columns.first {
                update(&table, first) { $0.indexed = true }
            }
        } else if c.accept("FOREIGN", "KEY") {
            if c.current?.text != "(" { _ = c.name() }
            let columns = c.nameList()
            foreignKey(columns, &c, into: &table)
        } else if c.accept("KEY") || c.accept("INDEX") || c.accept("FULLTEXT") || c.accept("SPATIAL") {
            _ = c.accept("KEY") || c.accept("INDEX")
            if c.current?.text != "(" { _ = c.name() }
            if let first = c.nameList().first { update(&table, first) { $0.indexed = true } }
        } else if c.accept("CHECK") || c.accept("EXCLUDE") || c.accept("LIKE") || c.accept("PERIOD") {
            return
        } else {
            column(&c, into: &table)
        }
    }

    /// `REFERENCES other (x, y)` after a foreign key's columns.
    mutating func foreignKey(_ columns: [String], _ c: inout Cursor, into table: inout ReadTable) {
        guard c.accept("REFERENCES"), let (target, position) = c.name() else { return }
        let targets = c.nameList()
        for (offset, column) in columns.enumerated() {
            let referenced = offset < targets.count ? targets[offset] : nil
            update(&table, column) { $0.references = (target, referenced, position) }
        }
    }

    mutating func update(_ table: inout ReadTable, _ column: String, _ change: (inout ReadField) -> Void) {
        guard let index = table.fields.firstIndex(where: { $0.name.lowercased() == column.lowercased() }) else { return }
        change(&table.fields[index])
    }

    mutating func column(_ c: inout Cursor, into table: inout ReadTable) {
        guard let (name, position) = c.name() else { return }
        var typeName = ""
        var arguments = ""
        var array = false
        if let (first, _) = c.name() {
            // A type may be schema-qualified (`public.money_amount`): its last part names it.
            typeName = first.lowercased()
            // Types of more than one word.
            for (word, rest) in [("character", ["VARYING"]), ("double", ["PRECISION"]), ("bit", ["VARYING"])] where typeName == word {
                if c.accept(rest[0]) { typeName += " " + rest[0].lowercased() }
            }
            if c.current?.text == "(" { arguments = c.skipGroup().map(\.text).joined() }
            if typeName.hasPrefix("time") {
                if c.accept("WITH", "TIME", "ZONE") { typeName += " with time zone" }
                if c.accept("WITHOUT", "TIME", "ZONE") { typeName += " without time zone" }
            }
            while c.current?.text == "[" {
                _ = c.next()
                while let token = c.current, token.text != "]" { _ = c.next() }
                _ = c.next()
                array = true
            }
            if c.accept("ARRAY") { array = true }
        }
        var type: FieldType
        if let alias = aliases[typeName] {
            type = array ? .json : alias
        } else {
            let (mapped, known) = SQLTypes.fieldType(typeName, arguments: arguments, array: array)
            type = mapped
            if !known {
                warn(
                    "column \(DisplayText.quoted(name)) of \(DisplayText.quoted(table.name)): type \(DisplayText.quoted(typeName)) is read as string",
                    at: position)
            }
        }
        var field = ReadField(name: name, type: type)
        while !c.atEnd {
            if c.accept("NOT", "NULL") {
                field.notNull = true
            } else if c.accept("NULL") {
                field.notNull = false
            } else if c.accept("PRIMARY", "KEY") {
                field.primaryKey = true
            } else if c.accept("UNIQUE") {
                _ = c.accept("KEY")
                field.unique = true
            } else if c.accept("REFERENCES") {
                if let (target, at) = c.name() { field.references = (target, c.nameList().first, at) }
            } else if c.accept("DEFAULT") || c.accept("CHECK") || c.accept("COLLATE") || c.accept("COMMENT") || c.accept("ON", "UPDATE") {
                c.skipGroup()
                // A default may go on as a cast or a call: `now()`, `'x'::text`.
                while c.current?.text == ":" || c.current?.text == "(" {
                    if c.current?.text == "(" {
                        c.skipGroup()
                    } else {
                        _ = c.next()
                    }
                    if c.current?.kind == .word, c.tokens.indices.contains(c.index - 1), c.tokens[c.index - 1].text == ":" { _ = c.next() }
                }
            } else if c.accept("GENERATED") {
                // Identity (`GENERATED … AS IDENTITY`) or a generated column (`GENERATED ALWAYS AS (…)`).
                while !c.atEnd, !(c.current?.isWord("NOT") ?? false), !(c.current?.isWord("PRIMARY") ?? false) { c.skipGroup() }
            } else {
                c.skipGroup()
            }
        }
        table.fields.append(field)
    }

    mutating func alterTable(_ c: inout Cursor, _ statement: [SQLToken]) {
        _ = c.accept("ONLY")
        _ = c.accept("IF", "EXISTS")
        guard let (name, _) = c.name(), let index = tableIndex(name) else {
            return skip(statement, because: "it alters a table that is not created here")
        }
        var table = tables[index]
        var understood = false
        for action in Self.split(Array(c.tokens[c.index...])) where !action.isEmpty {
            var a = Cursor(tokens: action)
            guard a.accept("ADD") else { continue }
            if a.accept("CONSTRAINT") { _ = a.name() }
            if a.accept("FOREIGN", "KEY") {
                if a.current?.text != "(" { _ = a.name() }
                let columns = a.nameList()
                foreignKey(columns, &a, into: &table)
                understood = true
            } else if a.accept("PRIMARY", "KEY") {
                for column in a.nameList() { update(&table, column) { $0.primaryKey = true } }
                understood = true
            } else if a.accept("UNIQUE") {
                let columns = a.nameList()
                if columns.count == 1 { update(&table, columns[0]) { $0.unique = true } }
                understood = true
            } else if a.accept("COLUMN") || a.current?.kind == .word || a.current?.kind == .quoted {
                column(&a, into: &table)
                understood = true
            }
        }
        tables[index] = table
        if !understood { skip(statement, because: "only ADD CONSTRAINT, ADD COLUMN and keys are read") }
    }

    mutating func createIndex(_ c: inout Cursor, unique: Bool) {
        _ = c.accept("CONCURRENTLY")
        _ = c.accept("IF", "NOT", "EXISTS")
        if !(c.current?.isWord("ON") ?? false) { _ = c.name() }
        guard c.accept("ON") else { return }
        _ = c.accept("ONLY")
        guard let (name, position) = c.name(), let index = tableIndex(name) else {
            warn("an index on a table that is not created here is skipped", at: c.position)
            skipped += 1
            return
        }
        if c.accept("USING") { _ = c.next() }
        let columns = c.nameList()
        var table = tables[index]
        guard let first = columns.first, table.fields.contains(where: { $0.name.lowercased() == first.lowercased() }) else {
            warn("CREATE INDEX skipped: an index on an expression of \(DisplayText.quoted(name)) marks no column", at: position)
            skipped += 1
            return
        }
        update(&table, first) { field in
            if unique && columns.count == 1 { field.unique = true } else { field.indexed = true }
        }
        tables[index] = table
    }

    mutating func createType(_ c: inout Cursor, _ statement: [SQLToken]) {
        guard let (name, _) = c.name() else { return skip(statement) }
        if c.accept("AS", "ENUM") {
            aliases[name.lowercased()] = .string
        } else {
            skip(statement, because: "only enum types are read")
        }
    }

    mutating func createDomain(_ c: inout Cursor, _ statement: [SQLToken]) {
        guard let (name, _) = c.name() else { return skip(statement) }
        _ = c.accept("AS")
        guard let base = c.next(), base.kind == .word else { return skip(statement) }
        var typeName = base.text.lowercased()
        if typeName == "character" && c.accept("VARYING") { typeName += " varying" }
        let arguments = c.current?.text == "(" ? c.skipGroup().map(\.text).joined() : ""
        aliases[name.lowercased()] = aliases[typeName] ?? SQLTypes.fieldType(typeName, arguments: arguments).0
    }

    /// Names made valid, references resolved, and the result.
    mutating func finish(mysql: Bool) -> SQLImport {
        var names: [String: String] = [:]
        var used = Set<String>()
        for table in tables {
            var clean = Self.clean(table.name)
            if clean.isEmpty { clean = "table" }
            while used.contains(clean.lowercased()) { clean += "_2" }
            used.insert(clean.lowercased())
            names[table.name.lowercased()] = clean
            if clean != table.name {
                diagnostics.append(
                    .warning("", "table \(DisplayText.quoted(table.name)) is named \(DisplayText.quoted(clean)) in the project", at: table.position))
            }
        }
        var foreignKeys = 0
        let result = tables.map { table -> Table in
            let tableName = names[table.name.lowercased()] ?? table.name
            var seen = Set<String>()
            let fields = table.fields.compactMap { field -> Field? in
                let name = Self.clean(field.name)
                guard !name.isEmpty, seen.insert(name.lowercased()).inserted else { return nil }
                var reference: String?
                if let target = field.references {
                    if let targetIndex = tableIndex(target.table) {
                        let targetTable = tables[targetIndex]
                        let column = target.column ?? targetTable.fields.first(where: \.primaryKey)?.name
                        if let column {
                            reference = "\(names[targetTable.name.lowercased()] ?? targetTable.name).\(Self.clean(column))"
                            foreignKeys += 1
                        }
                    } else {
                        diagnostics.append(
                            .warning(
                                "",
                                "\(DisplayText.quoted(table.name)).\(DisplayText.quoted(field.name)) references \(DisplayText.quoted(target.table)), which is not created here; the reference is left out",
                                at: target.at))
                    }
                }
                return Field(
                    name: name, type: field.type, primaryKey: field.primaryKey, unique: field.unique && !field.primaryKey,
                    nullable: !field.notNull && !field.primaryKey, references: reference, indexed: field.indexed && !field.unique && !field.primaryKey
                )
            }
            return Table(name: tableName, fields: fields)
        }
        return SQLImport(tables: result, diagnostics: diagnostics, engine: mysql ? .mysql : .postgres, foreignKeys: foreignKeys, skipped: skipped)
    }

    /// A name as the project format allows it: letters and digits of any script, `_` and `-`;
    /// anything else becomes `_`.
    static func clean(_ name: String) -> String {
        var out = ""
        for character in name {
            if character.isLetter || character.isNumber || character == "_" || character == "-" {
                out.append(character)
            } else if !out.hasSuffix("_") {
                out.append("_")
            }
        }
        while out.hasSuffix("_") { out.removeLast() }
        while out.hasPrefix("_") && out.count > 1 && name.first.map({ !($0 == "_") }) == true { out.removeFirst() }
        return out
    }
}
