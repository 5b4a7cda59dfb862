import Foundation

/// A project file drafted from a sentence, by a model or by the rules below, for the user to review.
public enum ProjectDraft {
    public static func prompt(description: String) -> ModelPrompt {
        let system = """
            You draft the data model and HTTP API of a backend from a short description. \
            \(ModelPrompt.dataRule.replacingOccurrences(of: "project_data", with: "description"))
            Reply with one JSON object and nothing else, in this shape:
            {"project":{"name":"kebab-name","description":"…","schema":[{"name":"table","fields":[{"name":"id","type":"uuid","primaryKey":true},{"name":"other_id","type":"uuid","references":"other.id"}],"estimatedRows":10000}],"endpoints":[{"method":"GET","path":"/table","auth":true}],"database":{"type":"postgres"},"traffic":{"requestsPerSecond":5}}}
            Field types: string text integer bigint float decimal boolean uuid timestamp date json binary. \
            Methods: GET POST PUT PATCH DELETE. Every table has a primary key; references name an existing "table.column". \
            Keep it small: the tables the description names, with a few fields each, and CRUD endpoints for them.
            """
        let user = ModelPrompt.delimited(["text": String(description.prefix(2_000))], tag: "description")
        return ModelPrompt(system: system, messages: [ChatMessage(.user, user)], maxReplyTokens: 1_800)
    }

    /// The project in a reply, checked exactly as a file from disk would be; or every error found.
    public static func parse(_ reply: String) throws(ModelReplyError) -> ProjectFile {
        let members = try ModelReply.object(in: reply)
        guard members["project"] != nil else { throw ModelReplyError("reply.project: missing") }
        // Load the object as a project file, so paths, limits and messages are the file's.
        let result = ProjectLoader().load(Array(try ModelReply.jsonText(in: reply).utf8), format: .json)
        guard let file = result.file else {
            throw ModelReplyError(result.diagnostics.filter { $0.severity == .error }.map(\.pathAndMessage))
        }
        return file
    }

    /// The offline draft: a name from the first words, one table for each thing the sentence lists
    /// after "with" or "for" ("appointments and invoices"), each with an id, a name and timestamps,
    /// and CRUD endpoints for every table.
    public static func rules(description: String) -> ProjectFile {
        let words = description.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
        let stop: Set<String> = [
            "a", "an", "the", "for", "with", "and", "or", "of", "to", "in", "on", "api", "app", "service", "backend", "that", "our",
        ]
        let nameWords = words.prefix { $0 != "with" }.filter { !stop.contains($0) }.prefix(3)
        let name = nameWords.isEmpty ? "new-project" : nameWords.joined(separator: "-")
        var tables: [String] = []
        if let with = words.firstIndex(of: "with") {
            for word in words[(with + 1)...] where !stop.contains(word) && word.count > 2 {
                let table = Naming.terraformIdentifier(word.hasSuffix("s") ? word : word + "s")
                if !tables.contains(table) { tables.append(table) }
                if tables.count == 6 { break }
            }
        }
        if tables.isEmpty { tables = ["items"] }
        var schema: [Table] = []
        var endpoints: [Endpoint] = []
        for table in tables {
            schema.append(
                Table(
                    name: table,
                    fields: [
                        Field(name: "id", type: .uuid, primaryKey: true), Field(name: "name", type: .string),
                        Field(name: "created_at", type: .timestamp), Field(name: "updated_at", type: .timestamp),
                    ], estimatedRows: 10_000))
            endpoints += crudEndpoints(for: table)
        }
        let project = Project(
            name: name, description: String(description.prefix(DocumentLimits.standard.maxDescriptionLength)), schema: schema, endpoints: endpoints)
        return ProjectFile(project: project)
    }

    /// List, create, read, update and delete for one table, all behind auth.
    public static func crudEndpoints(for table: String) -> [Endpoint] {
        let path = "/" + Naming.terraformIdentifier(table).replacingOccurrences(of: "_", with: "-")
        return [
            Endpoint(method: .get, path: path, auth: true), Endpoint(method: .post, path: path, auth: true),
            Endpoint(method: .get, path: path + "/{id}", auth: true), Endpoint(method: .put, path: path + "/{id}", auth: true),
            Endpoint(method: .delete, path: path + "/{id}", auth: true),
        ]
    }
}
