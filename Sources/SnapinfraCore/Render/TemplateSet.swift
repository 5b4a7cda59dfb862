import Foundation
import Mustache

/// The templates the renderer uses: the built-in set, or a team's own copies (`--templates DIR`).
public struct TemplateSet: Sendable {
    /// Template text by name (`terraform/network.tf.mustache`).
    public let sources: [String: String]
    private let parsed: ParsedTemplates

    /// The templates built into the binary, each parsed when it is first used: a command pays
    /// only for the templates it renders. The set is tested to parse in full.
    public static let embedded = TemplateSet(unchecked: embeddedSources)

    /// Whether this is the built-in set (a render memo is keyed by template name, so only one set
    /// may use it).
    public let isEmbedded: Bool

    private init(unchecked sources: [String: String]) {
        self.sources = sources
        parsed = ParsedTemplates([:])
        isEmbedded = true
    }

    /// Parses every template; the first that does not parse is reported with its line and column.
    public init(sources: [String: String]) throws(TemplateError) {
        var parsed: [String: MustacheTemplate] = [:]
        for (name, text) in sources.sorted(by: { $0.key < $1.key }) {
            guard text.hasPrefix("{{%CONTENT_TYPE: TEXT}}") else {
                throw TemplateError(
                    template: name, line: 1, column: 1, message: "a template must start with {{%CONTENT_TYPE: TEXT}}, or its output is HTML-escaped")
            }
            do {
                parsed[name] = try MustacheTemplate(string: text)
            } catch let error as MustacheTemplate.ParserError {
                throw TemplateError(template: name, line: error.context.lineNumber, column: error.context.columnNumber, message: "\(error.error)")
            } catch {
                throw TemplateError(template: name, line: 1, column: 1, message: "\(error)")
            }
        }
        self.sources = sources
        self.parsed = ParsedTemplates(parsed)
        isEmbedded = false
    }

    /// A team's templates laid over the built-in ones: a missing file falls back to the built-in.
    public static func overriding(_ custom: [String: String]) throws(TemplateError) -> TemplateSet {
        try TemplateSet(sources: embeddedSources.merging(custom) { _, mine in mine })
    }

    /// The partials (`partials/NAME.mustache`, used as `{{> NAME}}`), parsed once per set.
    private var library: MustacheLibrary {
        if let library = parsed.library { return library }
        var library = MustacheLibrary()
        for (name, text) in sources where name.hasPrefix("partials/") && name.hasSuffix(".mustache") {
            // A standalone `{{> NAME}}` line becomes the partial's lines, each ending in a newline.
            guard let template = try? MustacheTemplate(string: text + "\n") else { continue }
            library.register(template, named: String(name.dropFirst("partials/".count).dropLast(".mustache".count)))
        }
        parsed.library = library
        return library
    }

    /// Parses every template now rather than at first use: a server does this before it listens,
    /// so its first request costs what the others do.
    public func prepare() {
        _ = library
        for (name, text) in sources where !name.hasPrefix("partials/") && parsed.template(name) == nil {
            if let template = try? MustacheTemplate(string: text) { parsed.store(template, as: name) }
        }
    }

    /// How many templates are parsed so far (partials aside).
    var parsedCount: Int { parsed.count }

    func render(_ name: String, _ model: Any) throws(TemplateError) -> String {
        let library = self.library
        if let template = parsed.template(name) { return template.render(model, library: library) }
        guard let text = sources[name] else {
            throw TemplateError(template: name, line: 0, column: 0, message: "no such template")
        }
        guard let template = try? MustacheTemplate(string: text) else {
            throw TemplateError(template: name, line: 0, column: 0, message: "does not parse")
        }
        parsed.store(template, as: name)
        return template.render(model, library: library)
    }
}

/// Parsed templates by name, shared by every copy of a set and filled from any thread.
private final class ParsedTemplates: @unchecked Sendable {
    private var templates: [String: MustacheTemplate]
    private var partials: MustacheLibrary?
    private let lock = NSLock()

    var library: MustacheLibrary? {
        get { lock.withLock { partials } }
        set { lock.withLock { partials = newValue } }
    }

    init(_ templates: [String: MustacheTemplate]) { self.templates = templates }

    func template(_ name: String) -> MustacheTemplate? { lock.withLock { templates[name] } }

    func store(_ template: MustacheTemplate, as name: String) { lock.withLock { templates[name] = template } }

    var count: Int { lock.withLock { templates.count } }
}

/// A template that cannot be used, with its place.
public struct TemplateError: Error, Sendable, Hashable, CustomStringConvertible {
    public var template: String
    public var line: Int
    public var column: Int
    public var message: String

    public var description: String { "Templates/\(template):\(line):\(column): \(message)" }
}
