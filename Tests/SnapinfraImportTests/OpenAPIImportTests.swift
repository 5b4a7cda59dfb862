import Foundation
import SnapinfraCore
import Testing

@testable import SnapinfraImport

/// `snapinfra import` of OpenAPI documents, alone and with SQL: endpoints with their effective auth,
/// uploads and body sizes; entity schemas as tables by the stated rules; every problem at its line.
@Suite struct OpenAPIImportTests {
    static func fixture(_ name: String) throws -> ImportSource {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/import/\(name)")
        return ImportSource(name: name, text: try String(contentsOf: url, encoding: .utf8))
    }

    private func table(_ result: ImportResult, _ name: String) -> Table? {
        result.file?.project.schema.first { $0.name == name }
    }

    private func field(_ result: ImportResult, _ table: String, _ name: String) -> Field? {
        self.table(result, table)?.fields.first { $0.name == name }
    }

    private func endpoint(_ result: ImportResult, _ method: HTTPMethod, _ path: String) -> Endpoint? {
        result.file?.project.endpoints.first { $0.method == method && $0.path == path }
    }

    private func warnings(_ result: ImportResult) -> [String] {
        result.diagnostics.map { "\($0.diagnostic.position.map { "\($0.line):\($0.column)" } ?? "-") \($0.diagnostic.pathAndMessage)" }
    }

    @Test func anOpenAPI30DocumentWithOptionalAuthEnvelopesAndEveryKindOfRef() throws {
        let result = ProjectImporter.run([try Self.fixture("petstore-3.0.yaml")])
        #expect(result.failure == nil, "\(warnings(result))")
        #expect(result.summary == "5 tables, 5 foreign keys, 6 endpoints, 0 skipped statements")
        #expect(result.file?.project.name == "petstore")
        #expect(result.file?.project.schema.map(\.name) == ["pets", "pet_tags", "pet_photos", "owners", "orders"])
        // Optional auth ({} among the alternatives) is false, with a note; `security: []` is none.
        #expect(endpoint(result, .get, "/pets")?.auth == false && endpoint(result, .post, "/pets")?.auth == true)
        #expect(endpoint(result, .get, "/pets/{petId}")?.auth == false && endpoint(result, .delete, "/pets/{petId}")?.auth == true)
        #expect(warnings(result).contains("20:9 paths./pets.get.security: auth is optional (an empty requirement {} is allowed), so auth is false"))
        // The input model is not a table; the envelope and the error model are not either, silently.
        #expect(warnings(result).contains { $0.hasPrefix("140:7 components.schemas.NewPet: not a table") })
        #expect(!warnings(result).contains { $0.contains("PetPage") || $0.contains("Error") })
        // allOf is merged; arrays of strings and of objects are child tables; refs are foreign keys.
        #expect(field(result, "pets", "id")?.primaryKey == true && field(result, "pets", "name")?.nullable == false)
        #expect(field(result, "pets", "owner_id")?.references == "owners.id" && field(result, "pets", "owner_id")?.type == .uuid)
        #expect(table(result, "pet_tags")?.fields.map(\.name) == ["pet_id", "value"])
        #expect(table(result, "pet_tags")?.fields.allSatisfy(\.primaryKey) == true)
        #expect(field(result, "pet_photos", "pet_id")?.references == "pets.id" && field(result, "pet_photos", "caption")?.nullable == true)
        #expect(field(result, "orders", "buyer_id")?.references == "owners.id" && field(result, "orders", "pet_id")?.references == "pets.id")
        #expect(field(result, "orders", "total_price")?.type == .decimal, "money is exact")
        #expect(field(result, "pets", "status")?.indexed == true, "GET /pets filters on it")
        // The list is 25 pets (the limit's default) of about 0.7 KB each; the page's own fields beside.
        let list = try #require(endpoint(result, .get, "/pets")?.responseKB)
        let one = try #require(endpoint(result, .get, "/pets/{petId}")?.responseKB)
        #expect(list > one * 20 && list < one * 30)
        #expect(ProjectValidator().validate(try #require(result.file)).allSatisfy { $0.severity != .error })
    }

    @Test func aVersionThatYAML11ReadsAsADateStaysAString() throws {
        guard case .read(let source) = OpenAPIDocumentReader.read(try Self.fixture("petstore-3.0.yaml").text, format: .yaml) else {
            Issue.record("the fixture is not read")
            return
        }
        #expect(source.document.info.version == "2024-06-01" && source.version == "3.0.3")
    }

    @Test func anOpenAPI30DocumentWithUploadsAndOAuth2() throws {
        let result = ProjectImporter.run([try Self.fixture("media-3.0.json")])
        #expect(result.failure == nil, "\(warnings(result))")
        #expect(result.summary == "4 tables, 5 foreign keys, 7 endpoints, 1 skipped statement")
        #expect(endpoint(result, .post, "/files")?.upload == true, "multipart/form-data")
        #expect(endpoint(result, .put, "/files/{fileId}/content")?.upload == true, "application/octet-stream")
        #expect(endpoint(result, .post, "/folders")?.upload == false)
        #expect(endpoint(result, .get, "/folders")?.auth == true, "the document's oauth2 requirement applies")
        #expect(endpoint(result, .get, "/status")?.auth == false)
        #expect(warnings(result).contains("75:7 paths./status.trace: TRACE skipped: not a method a project lists"))
        #expect(field(result, "folders", "parent_id")?.references == "folders.id" && field(result, "folders", "parent_id")?.nullable == true)
        #expect(field(result, "files", "folder_id")?.references == "folders.id", "folderId names the Folder table")
        #expect(field(result, "files", "checksum")?.type == .binary && field(result, "files", "metadata")?.type == .json)
        // Listed, but without an id: a bigint key is added and said. Replies to itself: a join table.
        #expect(field(result, "comments", "id")?.type == .bigint && field(result, "comments", "body")?.type == .text)
        #expect(warnings(result).contains { $0.hasPrefix("123:18 components.schemas.Comment: has no id") })
        // Listed under /files/{fileId}/comments: each comment belongs to a file.
        #expect(field(result, "comments", "file_id")?.references == "files.id" && field(result, "comments", "file_id")?.nullable == false)
        #expect(table(result, "comment_replies")?.fields.map { $0.references ?? "" } == ["comments.id", "comments.id"])
        #expect(endpoint(result, .get, "/folders")?.responseKB ?? 0 < 5, "page_size has no default: 20 folders, not its maximum of 200")
        #expect(ProjectValidator().validate(try #require(result.file)).allSatisfy { $0.severity != .error })
    }

    @Test func anOpenAPI31DocumentWithNullableTypeArrays() throws {
        let result = ProjectImporter.run([try Self.fixture("events-3.1.yaml")])
        #expect(result.failure == nil, "\(warnings(result))")
        #expect(result.summary == "4 tables, 3 foreign keys, 5 endpoints, 0 skipped statements")
        #expect(result.file?.project.endpoints.map { "\($0.method.rawValue) \($0.path)" }.contains("GET /health") == true, "a path item $ref")
        #expect(endpoint(result, .get, "/health")?.auth == false && endpoint(result, .get, "/riders")?.auth == true)
        #expect(!(result.file?.project.endpoints.contains { $0.path.contains("tripFinished") } ?? true), "a webhook is not an endpoint")
        #expect(field(result, "riders", "phone")?.nullable == true && field(result, "riders", "name")?.nullable == false, "type: [string, 'null']")
        #expect(field(result, "trips", "ended_at")?.nullable == true && field(result, "trips", "ended_at")?.type == .timestamp, "oneOf with null")
        #expect(field(result, "trips", "route")?.type == .json && field(result, "trips", "route")?.nullable == true)
        #expect(field(result, "trips", "rider_id")?.nullable == false && field(result, "trips", "fare")?.type == .decimal)
        #expect(field(result, "trip_stops", "trip_id")?.references == "trips.id" && field(result, "trip_stops", "arrived_at")?.nullable == true)
        #expect(field(result, "trip_events", "payload")?.type == .json && field(result, "trip_events", "payload")?.nullable == true)
        #expect(endpoint(result, .post, "/trips/{tripId}/events")?.requestKB ?? 0 > 10, "a batch of up to 50 events, at maxItems")
        #expect(ProjectValidator().validate(try #require(result.file)).allSatisfy { $0.severity != .error })
    }

    @Test func sqlWinsForColumnsAndOpenAPIForEndpointsAndFilters() throws {
        let result = ProjectImporter.run([try Self.fixture("shop-postgres.sql"), try Self.fixture("shop-api.yaml")])
        #expect(result.failure == nil, "\(warnings(result))")
        #expect(result.summary == "3 tables, 2 foreign keys, 4 endpoints, 7 skipped statements")
        #expect(result.file?.project.schema.map(\.name) == ["customers", "categories", "orders"])
        let conflicts = result.diagnostics.filter { $0.source == "shop-api.yaml" }.map(\.formatted)
        #expect(
            conflicts == [
                "shop-api.yaml:69:16: warning: components.schemas.Order: \"total\" is string in the API and decimal in table orders; the SQL's type is kept",
                "shop-api.yaml:71:20: warning: components.schemas.Order: \"gift_note\" is not a column of table orders in the SQL; the SQL's columns are kept",
            ])
        #expect(field(result, "orders", "total")?.type == .decimal && field(result, "orders", "gift_note") == nil)
        #expect(field(result, "orders", "customer_id")?.indexed == true, "GET /orders filters on it")
        #expect(endpoint(result, .get, "/categories")?.auth == false && endpoint(result, .post, "/orders")?.auth == true)
    }

    @Test func aCycleOfRequiredReferencesGetsValidatesWordsAndTheFlagBreaksIt() {
        let text = """
            openapi: 3.1.0
            info: {title: cycle, version: '1'}
            paths: {}
            components:
              schemas:
                Store:
                  type: object
                  required: [id, manager]
                  properties: {id: {type: integer}, manager: {$ref: '#/components/schemas/Staff'}}
                Staff:
                  type: object
                  required: [id, store]
                  properties: {id: {type: integer}, store: {$ref: '#/components/schemas/Store'}}
            """
        let refused = ProjectImporter.run([ImportSource(name: "cycle.yaml", text: text)])
        #expect(refused.failure == .invalid("the imported project would not pass validate; nothing was written") && refused.file == nil)
        #expect(refused.diagnostics.contains { $0.diagnostic.message.contains("required references form a cycle: stores → staffs → stores") })
        let broken = ProjectImporter.run([ImportSource(name: "cycle.yaml", text: text)], options: ImportOptions(nullable: ["stores.manager_id"]))
        #expect(broken.failure == nil && broken.file != nil)
        let typo = ProjectImporter.run([ImportSource(name: "cycle.yaml", text: text)], options: ImportOptions(nullable: ["store.manager_id"]))
        #expect(typo.failure == .usage("--nullable: \"store.manager_id\" is not TABLE.COLUMN of an imported table"))
    }

    @Test func whatCannotBeReadIsAnErrorAtItsPlace() {
        func first(_ text: String, _ name: String = "api.yaml") -> String {
            ProjectImporter.run([ImportSource(name: name, text: text)]).diagnostics.first?.formatted ?? "none"
        }
        #expect(first("swagger: '2.0'\ninfo: {title: x, version: '1'}\n").hasPrefix("api.yaml:1:1: error: swagger: Swagger 2.0 is not read"))
        #expect(first("info: {title: x}\n") == "api.yaml:1:1: error: not an OpenAPI document: it has no \"openapi\" field")
        #expect(first("openapi: 3.1.0\ninfo: [\n").hasPrefix("api.yaml:3:1: error:"))
        #expect(first("{\"openapi\": \"3.0.0\",\n \"info\": }", "api.json").hasPrefix("api.json:2:10: error:"))
        #expect(first("openapi: 4.0.0\n").hasPrefix("api.yaml:1:10: error: openapi: version \"4.0.0\" is not read"))
        // A decoding error points at the deepest place of its path that exists.
        let decoding = first("openapi: 3.1.0\ninfo: {title: x, version: '1'}\npaths:\n  /a:\n    get:\n      responses: 5\n")
        #expect(decoding.hasPrefix("api.yaml:6:18: error: paths./a.get.responses:"), "\(decoding)")
        // A dangling $ref is a warning at its line.
        let dangling = ProjectImporter.run([
            ImportSource(
                name: "api.yaml",
                text:
                    "openapi: 3.1.0\ninfo: {title: x, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n        '200':\n          $ref: '#/components/responses/Gone'\n"
            )
        ])
        #expect(
            dangling.diagnostics.map(\.formatted).contains(
                "api.yaml:8:17: warning: paths./a.get.responses.200.$ref: \"#/components/responses/Gone\" does not exist in this document"))
        #expect(
            ProjectImporter.run([ImportSource(name: "notes.txt", text: "")]).failure
                == .unreadable("notes.txt: name SQL DDL .sql and OpenAPI .json, .yaml or .yml"))
    }

    @Test func aKeyOfTheWrongTypeIsNotAForeignKey() {
        let text = """
            openapi: 3.1.0
            info: {title: keys, version: '1'}
            paths: {}
            components:
              schemas:
                Owner: {type: object, properties: {id: {type: string, format: uuid}}}
                Pet: {type: object, properties: {id: {type: integer}, ownerId: {type: integer}}}
            """
        let result = ProjectImporter.run([ImportSource(name: "keys.yaml", text: text)])
        #expect(field(result, "pets", "owner_id")?.references == nil && field(result, "pets", "owner_id")?.type == .integer)
        #expect(warnings(result).contains { $0.contains("looks like a key of owners but is integer where owners.id is uuid") })
    }

    /// Shaped like the RealWorld (Conduit) API: natural keys, a listing of inline items that are a
    /// view of a component, single-entity wrappers, and input models named so.
    @Test func naturalKeysInlineListingsAndInputModels() throws {
        let text = """
            openapi: 3.1.0
            info: {title: conduit, version: '1'}
            paths:
              /articles:
                get:
                  parameters: [{name: author, in: query, schema: {type: string}}]
                  responses:
                    '200':
                      description: a page
                      content:
                        application/json:
                          schema:
                            type: object
                            properties:
                              articles:
                                type: array
                                items: {type: object, properties: {slug: {type: string}, title: {type: string}, author: {$ref: '#/components/schemas/Profile'}}}
                              articlesCount: {type: integer}
              /articles/{slug}/comments:
                get:
                  responses:
                    '200':
                      description: comments
                      content: {application/json: {schema: {type: object, properties: {comments: {type: array, items: {$ref: '#/components/schemas/Comment'}}}}}}
            components:
              schemas:
                Profile: {type: object, required: [username], properties: {username: {type: string}, bio: {type: string}}}
                Article:
                  type: object
                  required: [slug, title]
                  properties: {slug: {type: string}, title: {type: string}, body: {type: string}, author: {$ref: '#/components/schemas/Profile'}}
                NewArticle: {type: object, required: [title], properties: {title: {type: string}, body: {type: string}}}
                UserUpdate: {type: object, required: [username], properties: {username: {type: string}}}
                Comment: {type: object, required: [id], properties: {id: {type: integer}, body: {type: string}}}
            """
        let result = ProjectImporter.run([ImportSource(name: "conduit.yaml", text: text)])
        #expect(result.failure == nil, "\(warnings(result))")
        #expect(result.file?.project.schema.map(\.name) == ["profiles", "articles", "comments"])
        #expect(field(result, "articles", "slug")?.primaryKey == true && field(result, "profiles", "username")?.primaryKey == true)
        #expect(field(result, "articles", "author_username")?.references == "profiles.username")
        #expect(field(result, "comments", "article_slug")?.references == "articles.slug", "listed under /articles/{slug}")
        #expect(warnings(result).contains { $0.contains("components.schemas.NewArticle: not a table: an input model") })
        #expect(warnings(result).contains { $0.contains("components.schemas.UserUpdate: not a table: an input model") })
    }

    @Test func namesBecomeSnakeCaseAndTablesPlural() {
        #expect(ImportNaming.snakeCase("OrderItem") == "order_item" && ImportNaming.snakeCase("unitPrice") == "unit_price")
        #expect(ImportNaming.snakeCase("HTTPStatus") == "http_status" && ImportNaming.snakeCase("price-tier") == "price_tier")
        #expect(
            ImportNaming.snakeCase("v2.Event") == "v2_event" && ImportNaming.snakeCase("2fa") == "t_2fa" && ImportNaming.snakeCase("%%") == "table")
        #expect(ImportNaming.plural("category") == "categories" && ImportNaming.plural("address") == "addresses")
        #expect(ImportNaming.plural("day") == "days" && ImportNaming.plural("box") == "boxes" && ImportNaming.plural("news") == "news")
        #expect(ImportNaming.plural("person") == "people" && ImportNaming.plural("status") == "statuses" && ImportNaming.plural("users") == "users")
        #expect(ImportNaming.singular("categories") == "category" && ImportNaming.singular("addresses") == "address")
        #expect(ImportNaming.singular("tags") == "tag" && ImportNaming.singular("status") == "status" && ImportNaming.singular("people") == "person")
    }
}
