import Foundation
import OpenAPIKit
import OpenAPIKit30
import OpenAPIKitCompat
import SnapinfraCore

/// An OpenAPI document read for import: OpenAPIKit's model (3.0 documents converted to 3.1) and the
/// tree it was decoded from, which keeps every line and column.
struct OpenAPISource {
    var document: OpenAPIKit.OpenAPI.Document
    var tree: DocumentNode
    /// The `openapi` field as written: `3.0.3`, `3.1.0`.
    var version: String
}

/// Reads OpenAPI 3.0, 3.1 and 3.2 documents, in JSON or YAML, with OpenAPIKit.
///
/// The text goes through the project file's own readers first. So a syntax error has its line and
/// column, anchors and tags are refused the same way, and a YAML 1.1 reader never turns
/// `version: 2024-01-01` into a date: OpenAPIKit decodes that tree (`DocumentNodeDecoder`), with
/// each scalar's text as written.
enum OpenAPIDocumentReader {
    /// Big public documents (GitHub's, Stripe's) are several megabytes.
    static let limits: DocumentLimits = {
        var limits = DocumentLimits()
        limits.maxBytes = 32 * 1024 * 1024
        limits.maxNodes = 4_000_000
        return limits
    }()

    /// A document read, or the one problem that stopped it.
    enum Outcome {
        case read(OpenAPISource)
        case failed(Diagnostic)
    }

    /// Vendor extensions (`x-…`) are not read: the import uses none, and OpenAPIKit finds them by
    /// decoding every object once more as a whole.
    private static var noExtensions: [CodingUserInfoKey: Any] { [OpenAPIKit.VendorExtensionsConfiguration.enabledKey: false] }

    static func read(_ text: String, format: DocumentFormat) -> Outcome {
        guard text.utf8.count <= limits.maxBytes else {
            return .failed(.error("", "the document is larger than \(limits.maxBytes / 1_048_576) MiB", at: SourcePosition(line: 1, column: 1)))
        }
        let tree: DocumentNode
        do {
            tree = try format == .json ? JSONReader.read(Array(text.utf8), limits: limits) : YAMLReader.read(text, limits: limits)
        } catch {
            return .failed(Diagnostic(.error, error.path, error.message, at: error.position ?? SourcePosition(line: 1, column: 1)))
        }
        let start = tree.position ?? SourcePosition(line: 1, column: 1)
        guard case .object(let members) = tree.value else {
            return .failed(.error("", "an OpenAPI document is an object, not \(tree.kindDescription)", at: start))
        }
        if let swagger = members.first(where: { $0.key == "swagger" }) {
            return .failed(
                .error(
                    "swagger", "Swagger 2.0 is not read; convert the document to OpenAPI 3 first (swagger2openapi does)",
                    at: swagger.keyPosition ?? start))
        }
        guard let versionMember = members.first(where: { $0.key == "openapi" }) else {
            return .failed(.error("", "not an OpenAPI document: it has no \"openapi\" field", at: start))
        }
        let version: String
        switch versionMember.value.value {
        case .string(let text), .number(_, let text): version = text
        default: version = ""
        }
        let at = versionMember.value.position ?? start
        let decoder = DocumentNodeDecoder(tree, userInfo: noExtensions)
        do {
            if version.hasPrefix("3.0") {
                let old = try OpenAPIKit30.OpenAPI.Document(from: decoder)
                return .read(OpenAPISource(document: old.convert(to: .v3_1_1), tree: tree, version: version))
            }
            guard version.hasPrefix("3.1") || version.hasPrefix("3.2") else {
                return .failed(.error("openapi", "version \(DisplayText.quoted(version)) is not read; OpenAPI 3.0, 3.1 and 3.2 are", at: at))
            }
            let document = try OpenAPIKit.OpenAPI.Document(from: decoder)
            return .read(OpenAPISource(document: document, tree: tree, version: version))
        } catch {
            let described = OpenAPIKit.OpenAPI.Error(from: error)
            let keys = described.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }
            let place = tree.locate(keys)
            return .failed(.error(place.path, oneLine(described.localizedDescription), at: place.position ?? start))
        }
    }

    /// OpenAPIKit's messages quote the whole coding path and can run over lines; the path is shown
    /// by the diagnostic already.
    private static func oneLine(_ message: String) -> String {
        DisplayText.escape(message.split(whereSeparator: \.isNewline).joined(separator: " "), limit: 400)
    }
}

extension DocumentNode {
    /// The deepest node along `keys` (object keys and array indexes), with its dotted path, so a
    /// decoding error points at the place even when the key it names is missing.
    func locate(_ keys: [String]) -> (path: String, position: SourcePosition?) {
        var node = self
        var path = ""
        var position = self.position
        for key in keys {
            switch node.value {
            case .object(let members):
                guard let member = members.first(where: { $0.key == key }) else { return (path, position) }
                path = path.isEmpty ? key : "\(path).\(key)"
                position = member.value.position ?? member.keyPosition ?? position
                node = member.value
            case .array(let items):
                guard let index = Int(key), items.indices.contains(index) else { return (path, position) }
                path += "[\(index)]"
                position = items[index].position ?? position
                node = items[index]
            default:
                return (path, position)
            }
        }
        return (path, position)
    }

    /// The member named `key` of an object node.
    func member(_ key: String) -> DocumentNode.Member? {
        guard case .object(let members) = value else { return nil }
        return members.first { $0.key == key }
    }

    /// An object's keys in source order; empty for anything else.
    var keys: [String] {
        guard case .object(let members) = value else { return [] }
        return members.map(\.key)
    }
}
