import OpenAPIKit
import SnapinfraCore

/// Reads schemas the way the importer needs them: references followed (never in a loop), a
/// nullable wrapper taken off, `allOf` parts merged into one object.
struct OpenAPISchemas {
    let components: OpenAPI.Components

    /// One object's properties in order, with the names it requires.
    struct Shape {
        var properties: [(name: String, schema: JSONSchema)] = []
        var required: Set<String> = []
    }

    /// The component a schema names with `$ref` (after a nullable wrapper), if any.
    func componentName(_ schema: JSONSchema) -> String? {
        let (inner, _) = unwrapNullable(schema)
        guard case .reference(let reference, _) = inner.value, reference.isInternal, let name = reference.name,
            components.schemas[OpenAPI.ComponentKey(rawValue: name) ?? "_"] != nil
        else { return nil }
        return name
    }

    /// The schema a reference points to, followed at most 16 times; `nil` for a dangling reference.
    func resolve(_ schema: JSONSchema) -> JSONSchema? {
        var current = schema
        for _ in 0..<16 {
            guard case .reference(let reference, _) = current.value else { return current }
            guard reference.isInternal, let name = reference.name, let key = OpenAPI.ComponentKey(rawValue: name),
                let next = components.schemas[key]
            else { return nil }
            current = next
        }
        return nil
    }

    /// `oneOf: [X, {type: null}]`, `anyOf` alike and a lone `allOf: [X]` are X; whether null was allowed.
    /// OpenAPIKit already reads 3.1's `type: [string, "null"]` and 3.0's `nullable: true` as nullable.
    func unwrapNullable(_ schema: JSONSchema) -> (schema: JSONSchema, nullable: Bool) {
        switch schema.value {
        case .one(let members, _), .any(let members, _):
            let others = members.filter { !$0.isNull }
            if others.count == 1, let only = others.first { return (only, schema.nullable || others.count < members.count || only.nullable) }
        case .all(let members, _) where members.count == 1:
            if let only = members.first { return (only, schema.nullable || only.nullable) }
        default:
            break
        }
        return (schema, schema.nullable)
    }

    /// The object a schema describes, its `allOf` parts merged; `nil` when it is not an object.
    func shape(_ schema: JSONSchema, depth: Int = 0) -> Shape? {
        guard depth < 16, let resolved = resolve(unwrapNullable(schema).schema) else { return nil }
        switch resolved.value {
        case .object(_, let object):
            var shape = Shape()
            shape.properties = object.properties.map { ($0.key, $0.value) }
            shape.required = Set(object.requiredProperties)
            return shape.properties.isEmpty ? nil : shape
        case .all(let members, _):
            var merged = Shape()
            for member in members {
                guard let part = shape(member, depth: depth + 1) else { continue }
                for property in part.properties where !merged.properties.contains(where: { $0.name == property.name }) {
                    merged.properties.append(property)
                }
                merged.required.formUnion(part.required)
            }
            return merged.properties.isEmpty ? nil : merged
        default:
            return nil
        }
    }

    /// The items of an array schema, when it is one.
    func arrayItems(_ schema: JSONSchema) -> JSONSchema? {
        guard let resolved = resolve(unwrapNullable(schema).schema), case .array(_, let array) = resolved.value else { return nil }
        return array.items
    }

    /// The column type of a scalar schema; `json` for objects, arrays and mixtures.
    func fieldType(_ schema: JSONSchema, name: String) -> FieldType {
        guard let resolved = resolve(unwrapNullable(schema).schema) else { return .string }
        let format = resolved.formatString?.lowercased() ?? ""
        switch resolved.value {
        case .string(_, let string):
            switch format {
            case "uuid": return .uuid
            case "date-time": return .timestamp
            case "date": return .date
            case "byte", "binary": return .binary
            case "decimal", "money": return .decimal
            default: return (string.maxLength ?? 0) > 1_000 ? .text : .string
            }
        case .integer: return format == "int64" ? .bigint : .integer
        case .number:
            if format == "decimal" || Self.isMoney(name) { return .decimal }
            return .float
        case .boolean: return .boolean
        case .null: return .string
        default: return .json
        }
    }

    /// Money is stored exactly: a number named like an amount is `decimal` (DECISIONS.md, "import").
    static func isMoney(_ name: String) -> Bool {
        let words = ImportNaming.snakeCase(name).split(separator: "_")
        return words.contains { ["price", "amount", "total", "cost", "balance", "fee", "subtotal", "tax"].contains($0) }
    }
}
