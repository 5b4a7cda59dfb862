import OpenAPIKit
import SnapinfraCore

/// One endpoint per (method, path) of an OpenAPI document, in the document's order.
///
/// - `auth` is the operation's effective security: its own `security`, else the document's. An
///   empty requirement (`{}`) among the alternatives makes auth optional, which is `false`.
/// - `upload` is a request body of `multipart/form-data`, `application/octet-stream` or a media type
///   (`image/*`, `video/*`, `audio/*`).
/// - `requestKB` and `responseKB` are estimated from the JSON bodies' schemas (DECISIONS.md).
struct OpenAPIEndpointReader {
    let document: OpenAPI.Document
    let schemas: OpenAPISchemas
    let tree: DocumentNode

    private(set) var endpoints: [Endpoint] = []
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var skipped = 0
    /// Components a GET lists, and the query parameters of those GETs.
    private(set) var listed: Set<String> = []
    private(set) var filters: [String: Set<String>] = [:]
    /// The collections a component is listed under: `files` for `GET /files/{fileId}/comments`.
    private(set) var parents: [String: Set<String>] = [:]

    /// Each object component's property names, worked out once for `matchingComponent`.
    private let componentProperties: [(name: String, properties: Set<String>)]

    init(document: OpenAPI.Document, schemas: OpenAPISchemas, tree: DocumentNode) {
        self.document = document
        self.schemas = schemas
        self.tree = tree
        componentProperties = schemas.components.schemas.compactMap { key, component in
            schemas.shape(component).map { (key.rawValue, Set($0.properties.map(\.name))) }
        }
    }

    mutating func read() {
        // Each path's member of the tree, found once (a document can have thousands).
        var pathMembers: [String: DocumentNode.Member] = [:]
        if case .object(let members) = tree.member("paths")?.value.value {
            for member in members where pathMembers[member.key] == nil { pathMembers[member.key] = member }
        }
        for (path, item) in document.paths {
            let pathItem: OpenAPI.PathItem
            let pathPlace = "paths.\(path.rawValue)"
            let pathMember = pathMembers[path.rawValue]
            let pathAt = pathMember?.keyPosition
            do {
                pathItem = try document.components.lookup(item)
            } catch {
                diagnostics.append(.warning(pathPlace, "skipped: its $ref cannot be resolved (\(error))", at: pathAt))
                skipped += 1
                continue
            }
            let methodKeys = pathMember?.value.keys ?? []
            let written = methodKeys.compactMap { key -> (String, OpenAPI.Operation)? in
                pathItem.for(OpenAPI.HttpMethod(rawValue: key.uppercased()) ?? .other(key)).map { (key, $0) }
            }
            let operations = written.isEmpty ? pathItem.endpoints.map { ($0.method.rawValue.lowercased(), $0.operation) } : written
            for (key, operation) in operations {
                let operationNode = pathMember?.value.member(key)
                let at = operationNode?.keyPosition ?? pathAt
                guard let method = HTTPMethod(rawValue: key.uppercased()) else {
                    diagnostics.append(.warning("\(pathPlace).\(key)", "\(key.uppercased()) skipped: not a method a project lists", at: at))
                    skipped += 1
                    continue
                }
                let securityAt = operationNode?.value.member("security")?.value.position ?? at
                endpoints.append(endpoint(method, path.rawValue, operation, pathItem, place: "\(pathPlace).\(key)", at: at, securityAt: securityAt))
            }
        }
    }

    private mutating func endpoint(
        _ method: HTTPMethod, _ path: String, _ operation: OpenAPI.Operation, _ pathItem: OpenAPI.PathItem, place: String, at: SourcePosition?,
        securityAt: SourcePosition?
    ) -> Endpoint {
        let requirements = operation.security ?? document.security
        var auth = !requirements.isEmpty
        if auth, requirements.contains(where: \.isEmpty) {
            auth = false
            diagnostics.append(
                .warning(
                    "\(place).security", "auth is optional (an empty requirement {} is allowed), so auth is false",
                    at: operation.security == nil ? at : securityAt))
        }
        var result = Endpoint(method: method, path: path, auth: auth)
        if let body = operation.requestBody {
            if let request = try? document.components.lookup(body) {
                let types = request.content.keys.map { $0.rawValue.lowercased() }
                result.upload = types.contains { type in
                    ["multipart/form-data", "application/octet-stream", "image/", "video/", "audio/"].contains { type.hasPrefix($0) }
                }
                if !result.upload, let schema = jsonSchema(request.content) {
                    result.requestKB = BodySize.kilobytes(schemas, schema, listSize: nil)
                }
            } else {
                diagnostics.append(.warning("\(place).requestBody", "its $ref cannot be resolved; the body is not read", at: at))
            }
        }
        let parameters = (pathItem.parameters + operation.parameters).compactMap { try? document.components.lookup($0) }
        let query = parameters.filter { $0.location == .query }
        let success = operation.responses.first { $0.key.isSuccess }?.value
        guard let success else { return result }
        guard let response = try? document.components.lookup(success) else {
            diagnostics.append(.warning("\(place).responses", "its $ref cannot be resolved; the response is not read", at: at))
            return result
        }
        guard let schema = jsonSchema(response.content) else { return result }
        let item = listedComponent(schema)
        result.responseKB = BodySize.kilobytes(schemas, schema, listSize: item == nil ? nil : Self.pageSize(query))
        if method == .get, let item {
            listed.insert(item)
            filters[item, default: []].formUnion(query.map(\.name))
            let parts = path.split(separator: "/").map(String.init)
            if parts.count >= 3, parts[parts.count - 2].hasPrefix("{"), !parts[parts.count - 3].hasPrefix("{") {
                parents[item, default: []].insert(parts[parts.count - 3])
            }
        }
        return result
    }

    /// The component a response lists: an array of it, or an envelope holding one.
    private func listedComponent(_ schema: JSONSchema) -> String? {
        if let items = schemas.arrayItems(schema) { return schemas.componentName(items) ?? matchingComponent(items) }
        guard let shape = schemas.shape(schema) else { return nil }
        for property in shape.properties {
            guard let items = schemas.arrayItems(property.schema) else { continue }
            if let name = schemas.componentName(items) ?? matchingComponent(items) { return name }
        }
        return nil
    }

    /// The component an inline list item is a view of: every property of the item is one of the
    /// component's, and it has most of them (a listing often leaves out the body).
    private func matchingComponent(_ items: JSONSchema) -> String? {
        guard let item = schemas.shape(items) else { return nil }
        let names = Set(item.properties.map(\.name))
        var best: (name: String, count: Int)?
        for (name, all) in componentProperties {
            guard names.isSubset(of: all), Double(names.count) >= 0.6 * Double(all.count), all.count > (best?.count ?? 0) else { continue }
            best = (name, all.count)
        }
        return best?.name
    }

    /// The schema of a JSON body: `application/json`, `*/*+json` or, failing those, any one given.
    private func jsonSchema(_ content: OpenAPI.Content.Map) -> JSONSchema? {
        let json = content.first { $0.key.rawValue.lowercased().hasPrefix("application/json") || $0.key.rawValue.lowercased().hasSuffix("+json") }
        guard let entry = json ?? content.first else { return nil }
        return (try? document.components.lookup(entry.value))?.schema
    }

    /// Rows per page: a `limit`-like query parameter's default, else 20 (or its maximum, if lower).
    private static func pageSize(_ query: [OpenAPI.Parameter]) -> Int {
        let names: Set<String> = ["limit", "perpage", "pagesize", "size", "count", "top", "first", "pagelimit", "maxresults"]
        guard let parameter = query.first(where: { names.contains(ImportNaming.key($0.name)) }),
            let schema = parameter.schemaOrContent.schemaValue
        else { return 20 }
        if let value = schema.defaultValue.flatMap({ ($0.value as? Int) ?? ($0.value as? Double).map { Int($0) } }), value > 0 {
            return min(value, 1_000)
        }
        if let maximum = schema.integerContext?.maximum?.value, maximum > 0 { return min(maximum, 20) }
        return 20
    }
}

/// A JSON body's typical size, from its schema: strings by their `maxLength` or by format, a
/// listing response's list at the page size, any other list at its `maxItems` or 3. See DECISIONS.md.
enum BodySize {
    static func kilobytes(_ schemas: OpenAPISchemas, _ schema: JSONSchema, listSize: Int?) -> Double {
        var seen: Set<String> = []
        let bytes = size(schemas, schema, listSize: listSize, depth: 0, seen: &seen)
        return max(0.1, (Double(bytes) / 1_024 * 10).rounded() / 10)
    }

    /// `listSize` is the page size until the listing's array is met, then `nil`.
    private static func size(_ schemas: OpenAPISchemas, _ schema: JSONSchema, listSize: Int?, depth: Int, seen: inout Set<String>) -> Int {
        guard depth < 8 else { return 0 }
        if let name = schemas.componentName(schema) {
            guard seen.insert(name).inserted else { return 0 }
            defer { seen.remove(name) }
            guard let resolved = schemas.resolve(schemas.unwrapNullable(schema).schema) else { return 0 }
            return size(schemas, resolved, listSize: listSize, depth: depth + 1, seen: &seen)
        }
        let (inner, _) = schemas.unwrapNullable(schema)
        if let items = schemas.arrayItems(inner) {
            let count = listSize ?? min(inner.arrayContext?.maxItems ?? 3, 50)
            return 2 + count * (size(schemas, items, listSize: nil, depth: depth + 1, seen: &seen) + 1)
        }
        if let shape = schemas.shape(inner) {
            return 2
                + shape.properties.reduce(0) { total, property in
                    total + property.name.utf8.count + 4 + size(schemas, property.schema, listSize: listSize, depth: depth + 1, seen: &seen)
                }
        }
        switch inner.value {
        case .string(_, let string):
            // A field is typically filled to a quarter of its limit, between 64 and 512 characters.
            if let maxLength = string.maxLength { return (maxLength <= 64 ? maxLength : min(512, max(64, maxLength / 4))) + 2 }
            switch inner.formatString?.lowercased() ?? "" {
            case "uuid": return 38
            case "date-time": return 26
            case "date": return 12
            case "email": return 34
            case "uri", "url": return 82
            default: return 34
            }
        case .integer: return 6
        case .number: return 8
        case .boolean: return 5
        case .one(let members, _), .any(let members, _):
            return members.map { size(schemas, $0, listSize: listSize, depth: depth + 1, seen: &seen) }.max() ?? 0
        default: return 16
        }
    }
}
