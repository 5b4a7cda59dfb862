import OpenAPIKit
import SnapinfraCore

/// An entity schema of an OpenAPI document and the table made of it.
struct OpenAPIEntity {
    var schemaName: String
    var table: String
    var position: SourcePosition?
    /// Its scalar properties as columns, with where each is written.
    var columns: [(name: String, type: FieldType, position: SourcePosition?)]
}

/// Entity schemas become tables by the rules in DECISIONS.md ("import: OpenAPI schemas"):
/// - error models and envelopes (a list of entities and its paging fields) are not tables;
/// - a schema with an `id` (or `<name>Id`, or a required `slug` or `username`), or one an endpoint
///   lists, is;
/// - a property that refers to a table is a foreign key `<property>_id`, as is a scalar named
///   `<table>Id`; an array of a table's rows is a join table, an array of objects a child table, an
///   array of strings a table of values; any other object or array is `json`;
/// - a column is nullable unless the schema requires it; a column an endpoint filters on is indexed,
///   as is every foreign key.
struct OpenAPITableBuilder {
    let schemas: OpenAPISchemas
    let tree: DocumentNode
    /// Components some GET endpoint returns a list of.
    let listed: Set<String>
    /// The query parameters of the endpoints that list each component.
    let filters: [String: Set<String>]
    /// The collections each component is listed under (`files` for `/files/{fileId}/comments`).
    let parents: [String: Set<String>]

    private(set) var tables: [Table] = []
    private(set) var entities: [OpenAPIEntity] = []
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var foreignKeys = 0

    /// The components that are tables, with their table names and key columns.
    private var tableOf: [String: (table: String, key: Field)] = [:]

    init(schemas: OpenAPISchemas, tree: DocumentNode, listed: Set<String>, filters: [String: Set<String>], parents: [String: Set<String>]) {
        self.schemas = schemas
        self.tree = tree
        self.listed = listed
        self.filters = filters
        self.parents = parents
    }

    private func position(of schemaName: String, property: String? = nil) -> SourcePosition? {
        var keys = ["components", "schemas", schemaName]
        if let property { keys += ["properties", property] }
        return tree.locate(keys).position
    }

    mutating func build() {
        var candidates: [(name: String, shape: OpenAPISchemas.Shape, key: String?)] = []
        for (key, schema) in schemas.components.schemas {
            let name = key.rawValue
            guard let shape = schemas.shape(schema) else { continue }
            let idName =
                shape.properties.first { Self.isKey($0.name, of: name) }?.name
                ?? shape.properties.first { Self.naturalKeys.contains(ImportNaming.key($0.name)) && shape.required.contains($0.name) }?.name
            if Self.isError(name, shape) || (idName == nil && isEnvelope(name, shape)) { continue }
            guard !Self.isInput(name), idName != nil || listed.contains(name) else {
                diagnostics.append(
                    .warning(
                        "components.schemas.\(name)",
                        Self.isInput(name)
                            ? "not a table: an input model (by its name)"
                            : "not a table: it has no id and no endpoint lists it (an input or a nested model)",
                        at: position(of: name)))
                continue
            }
            candidates.append((name, shape, idName))
        }
        var used: Set<String> = []
        for candidate in candidates {
            let table = unique(ImportNaming.plural(ImportNaming.snakeCase(candidate.name)), &used)
            let keyField: Field
            if let idName = candidate.key, let schema = candidate.shape.properties.first(where: { $0.name == idName })?.schema {
                keyField = Field(name: ImportNaming.snakeCase(idName), type: keyType(schemas.fieldType(schema, name: idName)), primaryKey: true)
            } else {
                keyField = Field(name: "id", type: .bigint, primaryKey: true)
            }
            tableOf[candidate.name] = (table, keyField)
        }
        for candidate in candidates { add(candidate.name, candidate.shape, candidate.key, used: &used) }
    }

    private mutating func add(_ name: String, _ shape: OpenAPISchemas.Shape, _ idName: String?, used: inout Set<String>) {
        guard let (table, key) = tableOf[name] else { return }
        var fields = [key]
        var children: [Table] = []
        var entity = OpenAPIEntity(schemaName: name, table: table, position: position(of: name), columns: [])
        if idName == nil {
            diagnostics.append(
                .warning("components.schemas.\(name)", "has no id; table \(table) gets a bigint key \"id\"", at: position(of: name)))
        }
        let filtered = Set((filters[name] ?? []).map(ImportNaming.key))
        let parentKey = Field(
            name: "\(ImportNaming.singular(table))_\(key.name)", type: key.type, primaryKey: false, references: "\(table).\(key.name)",
            indexed: true)
        for (property, schema) in shape.properties where property != idName {
            let column = ImportNaming.snakeCase(property)
            let (inner, optional) = schemas.unwrapNullable(schema)
            let nullable = optional || !shape.required.contains(property)
            let at = position(of: name, property: property)
            if let items = schemas.arrayItems(inner) {
                let childName = unique("\(ImportNaming.singular(table))_\(column)", &used)
                if let target = schemas.componentName(items).flatMap({ tableOf[$0] }) {
                    var own = parentKey
                    own.primaryKey = true
                    var other = Field(
                        name: "\(ImportNaming.singular(column))_\(target.key.name)", type: target.key.type, primaryKey: true,
                        references: "\(target.table).\(target.key.name)", indexed: true)
                    if other.name == own.name { other.name = "related_\(other.name)" }
                    children.append(Table(name: childName, fields: [own, other]))
                    foreignKeys += 2
                } else if let object = schemas.shape(items) {
                    var child = [Field(name: "id", type: .bigint, primaryKey: true), parentKey]
                    for (childProperty, childSchema) in object.properties {
                        let childColumn = ImportNaming.snakeCase(childProperty)
                        guard !child.contains(where: { $0.name == childColumn }) else { continue }
                        let (childInner, childOptional) = schemas.unwrapNullable(childSchema)
                        child.append(
                            Field(
                                name: childColumn, type: schemas.fieldType(childInner, name: childProperty),
                                nullable: childOptional || !object.required.contains(childProperty)))
                    }
                    children.append(Table(name: childName, fields: child))
                    foreignKeys += 1
                } else if schemas.fieldType(items, name: property) == .string {
                    var own = parentKey
                    own.primaryKey = true
                    children.append(Table(name: childName, fields: [own, Field(name: "value", type: .string, primaryKey: true, indexed: true)]))
                    foreignKeys += 1
                } else {
                    used.remove(childName)
                    fields.append(Field(name: column, type: .json, nullable: nullable))
                    entity.columns.append((column, .json, at))
                }
                continue
            }
            if let target = schemas.componentName(inner).flatMap({ tableOf[$0] }) {
                let keyColumn = column.hasSuffix("_id") ? column : "\(column)_\(target.key.name)"
                guard !fields.contains(where: { $0.name == keyColumn }) else { continue }
                fields.append(
                    Field(
                        name: keyColumn, type: target.key.type, nullable: nullable, references: "\(target.table).\(target.key.name)", indexed: true))
                entity.columns.append((keyColumn, target.key.type, at))
                foreignKeys += 1
                continue
            }
            let type = schemas.fieldType(inner, name: property)
            guard !fields.contains(where: { $0.name == column }) else { continue }
            var field = Field(name: column, type: type, nullable: nullable, indexed: filtered.contains(ImportNaming.key(property)))
            if type != .json, let target = namedKeyTarget(property, in: name) {
                if Self.sameKind(type, target.key.type) {
                    field.references = "\(target.table).\(target.key.name)"
                    field.type = target.key.type
                    field.indexed = true
                    foreignKeys += 1
                } else {
                    diagnostics.append(
                        .warning(
                            "components.schemas.\(name).properties.\(property)",
                            "looks like a key of \(target.table) but is \(type.rawValue) where \(target.table).\(target.key.name) is \(target.key.type.rawValue); not made a foreign key",
                            at: at))
                }
            }
            fields.append(field)
            entity.columns.append((column, field.type, at))
        }
        // Listed under another table's rows (`/files/{fileId}/comments`) without a key of that table:
        // each row belongs to one of them.
        for segment in (parents[name] ?? []).sorted() {
            guard
                let parent = tableOf.values.first(where: {
                    ImportNaming.key($0.table) == ImportNaming.key(ImportNaming.plural(ImportNaming.snakeCase(segment)))
                }),
                parent.table != table, !fields.contains(where: { $0.references?.hasPrefix(parent.table + ".") == true })
            else { continue }
            let column = "\(ImportNaming.singular(parent.table))_\(parent.key.name)"
            guard !fields.contains(where: { $0.name == column }) else { continue }
            fields.append(Field(name: column, type: parent.key.type, references: "\(parent.table).\(parent.key.name)", indexed: true))
            foreignKeys += 1
            diagnostics.append(
                .warning(
                    "components.schemas.\(name)", "gets \(column) (a key of \(parent.table)): an endpoint lists it under /\(segment)/{…}",
                    at: position(of: name)))
        }
        tables.append(Table(name: table, fields: fields))
        tables.append(contentsOf: children)
        entities.append(entity)
    }

    /// `customerId` in `Order`, when `Customer` is a table: a key of that table.
    private func namedKeyTarget(_ property: String, in schemaName: String) -> (table: String, key: Field)? {
        let key = ImportNaming.key(property)
        guard key.hasSuffix("id"), key.count > 2 else { return nil }
        let stem = String(key.dropLast(2))
        for (name, target) in tableOf where name != schemaName && ImportNaming.key(name) == stem { return target }
        return nil
    }

    /// Required strings that name a row where there is no `id`: an article's `slug`, a user's
    /// `username`.
    private static let naturalKeys: Set<String> = ["slug", "username", "handle", "sku", "isbn"]

    /// `id`, or the schema's own name and `Id` (`petId` in `Pet`).
    private static func isKey(_ property: String, of schemaName: String) -> Bool {
        let key = ImportNaming.key(property)
        return key == "id" || key == ImportNaming.key(schemaName) + "id"
    }

    /// Input models, named for what they are sent for: `NewPet`, `CreateOrder`, `UserUpdate`,
    /// `LoginRequest`. Only their entity is a table.
    private static func isInput(_ name: String) -> Bool {
        let words = ImportNaming.snakeCase(name).split(separator: "_").map(String.init)
        guard let first = words.first, let last = words.last, words.count > 1 else { return false }
        let prefixes: Set<String> = ["new", "create", "update", "patch", "login", "register"]
        let suffixes: Set<String> = ["input", "request", "create", "update", "patch", "payload", "body", "params", "form"]
        return prefixes.contains(first) || suffixes.contains(last)
    }

    /// Error models: named so, or made only of an error's fields.
    private static func isError(_ name: String, _ shape: OpenAPISchemas.Shape) -> Bool {
        let lower = name.lowercased()
        if ["error", "problem", "exception", "fault"].contains(where: { lower.contains($0) }) { return true }
        let errorFields: Set<String> = ["code", "message", "error", "errors", "detail", "details", "status", "title", "type", "instance", "traceid"]
        let keys = Set(shape.properties.map { ImportNaming.key($0.name) })
        return keys.isSubset(of: errorFields) && !keys.isDisjoint(with: ["message", "detail", "error"])
    }

    /// An envelope holds a list of another component and, beside it, at most paging fields.
    private func isEnvelope(_ name: String, _ shape: OpenAPISchemas.Shape) -> Bool {
        let lists = shape.properties.filter { property in
            schemas.arrayItems(property.schema).flatMap(schemas.componentName).map { $0 != name } ?? false
        }
        guard lists.count == 1 else { return false }
        let paging: Set<String> = [
            "total", "totalcount", "count", "next", "previous", "prev", "cursor", "nextcursor", "page", "pages", "size", "limit", "offset",
            "nextpagetoken", "pagetoken", "hasmore", "more", "links", "meta", "pagination", "totalpages", "pagesize",
        ]
        return shape.properties.allSatisfy { property in
            lists.contains { $0.name == property.name } || paging.contains(ImportNaming.key(property.name))
        }
    }

    /// Whether a column can hold another's key: the same type, or two integer sizes, or text.
    private static func sameKind(_ a: FieldType, _ b: FieldType) -> Bool {
        a == b || (Set([a, b]).isSubset(of: [.integer, .bigint])) || (Set([a, b]).isSubset(of: [.string, .text]))
    }

    /// A key column is a uuid, an integer or a string.
    private func keyType(_ type: FieldType) -> FieldType {
        [.uuid, .integer, .bigint, .string].contains(type) ? type : .string
    }

    private func unique(_ name: String, _ used: inout Set<String>) -> String {
        var candidate = name
        var n = 2
        while used.contains(candidate) {
            candidate = "\(name)_\(n)"
            n += 1
        }
        used.insert(candidate)
        return candidate
    }
}
