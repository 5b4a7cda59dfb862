import OpenAPIKit
import SnapinfraCore

/// What one OpenAPI document gives a project: endpoints, and tables made of its entity schemas.
struct OpenAPIImport {
    var title: String?
    var description: String?
    var endpoints: [Endpoint] = []
    var tables: [Table] = []
    var entities: [OpenAPIEntity] = []
    /// The query parameters of the endpoints that list each entity schema.
    var filters: [String: Set<String>] = [:]
    var diagnostics: [Diagnostic] = []
    var foreignKeys = 0
    var skipped = 0

    static func read(_ text: String, format: DocumentFormat) -> OpenAPIImport {
        var result = OpenAPIImport()
        let source: OpenAPISource
        switch OpenAPIDocumentReader.read(text, format: format) {
        case .failed(let problem):
            result.diagnostics = [problem]
            return result
        case .read(let read):
            source = read
        }
        let document = source.document
        result.title = document.info.title
        result.description = document.info.description
        let schemas = OpenAPISchemas(components: document.components)
        var endpoints = OpenAPIEndpointReader(document: document, schemas: schemas, tree: source.tree)
        endpoints.read()
        var tables = OpenAPITableBuilder(
            schemas: schemas, tree: source.tree, listed: endpoints.listed, filters: endpoints.filters, parents: endpoints.parents)
        tables.build()
        result.endpoints = endpoints.endpoints
        result.filters = endpoints.filters
        result.tables = tables.tables
        result.entities = tables.entities
        result.foreignKeys = tables.foreignKeys
        result.skipped = endpoints.skipped
        result.diagnostics = endpoints.diagnostics + tables.diagnostics + danglingReferences(source.tree, document.components)
        result.diagnostics.sort { ($0.position ?? SourcePosition(line: 0, column: 0)) < ($1.position ?? SourcePosition(line: 0, column: 0)) }
        return result
    }

    /// Every `$ref` that names a component the document does not have, at its line; references to
    /// other files are not followed.
    private static func danglingReferences(_ tree: DocumentNode, _ components: OpenAPI.Components) -> [Diagnostic] {
        var found: [Diagnostic] = []
        var pending: [(path: String, node: DocumentNode)] = [("", tree)]
        while let (path, node) = pending.popLast() {
            switch node.value {
            case .array(let items):
                for (index, item) in items.enumerated() { pending.append(("\(path)[\(index)]", item)) }
            case .object(let members):
                for member in members {
                    let memberPath = path.isEmpty ? member.key : "\(path).\(member.key)"
                    guard member.key == "$ref" else {
                        pending.append((memberPath, member.value))
                        continue
                    }
                    guard case .string(let target) = member.value.value else { continue }
                    if !target.hasPrefix("#") {
                        found.append(
                            .warning(memberPath, "\(DisplayText.quoted(target)) is in another file and is not read", at: member.value.position))
                    } else if !resolves(target, in: components) {
                        found.append(.warning(memberPath, "\(DisplayText.quoted(target)) does not exist in this document", at: member.value.position))
                    }
                }
            default:
                break
            }
        }
        return found
    }

    private static func resolves(_ target: String, in components: OpenAPI.Components) -> Bool {
        let parts = target.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 4, parts[0] == "#", parts[1] == "components" else { return true }
        let name = parts[3].replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
        guard let key = OpenAPI.ComponentKey(rawValue: name) else { return false }
        switch parts[2] {
        case "schemas": return components.schemas[key] != nil
        case "responses": return components.responses[key] != nil
        case "parameters": return components.parameters[key] != nil
        case "requestBodies": return components.requestBodies[key] != nil
        case "pathItems": return components.pathItems[key] != nil
        default: return true
        }
    }
}
