import Foundation
import Mustache

/// A render model turned into dictionaries and arrays once, before rendering.
///
/// swift-mustache looks a name up in a struct through `Mirror`, walking every field for every
/// `{{name}}`, at every level of the context stack; a dictionary answers in one hash lookup. The
/// meaning is the same: a nil optional is left out (so the lookup climbs the stack, as with
/// Mirror), arrays stay sequences, and numbers, strings, booleans and enums stay leaves.
enum TemplateContext {
    static func box(_ value: Any) -> Any {
        switch value {
        case is String, is Int, is Bool, is Double, is Substring:
            return value
        case let array as [Any]:
            return array.map(box)
        default:
            break
        }
        switch ValueKind.of(value) {
        case .structure, .object:
            let mirror = Mirror(reflecting: value)
            var fields: [String: Any] = [:]
            fields.reserveCapacity(Int(mirror.children.count))
            for child in mirror.children {
                guard let label = child.label, let present = unwrap(child.value) else { continue }
                fields[label] = box(present)
            }
            return fields
        case .collection:
            return Mirror(reflecting: value).children.map { box($0.value) }
        case .optional:
            return unwrap(value).map(box) as Any
        case .other:
            return value
        }
    }

    /// The value an optional holds, nil for `.none`, and any other value as it is.
    static func unwrap(_ value: Any) -> Any? {
        guard ValueKind.of(value) == .optional, let optional = value as? any OptionalValue else { return value }
        return optional.wrapped
    }
}

/// What reflection says a value's type is, asked once per type: `Mirror` looks for
/// `CustomReflectable` and walks the fields on every call, and the memo and the templates ask for
/// every field of every model.
enum ValueKind: Sendable {
    case optional, structure, object, collection, other

    private final class Cache: @unchecked Sendable {
        var kinds: [ObjectIdentifier: ValueKind] = [:]
        let lock = NSLock()
    }

    private static let cache = Cache()

    static func of(_ value: Any) -> ValueKind {
        let type = ObjectIdentifier(Swift.type(of: value))
        if let known = cache.lock.withLock({ cache.kinds[type] }) { return known }
        let kind: ValueKind
        switch Mirror(reflecting: value).displayStyle {
        case .optional?: kind = .optional
        case .struct?: kind = .structure
        case .class?: kind = .object
        case .collection?: kind = .collection
        default: kind = .other
        }
        cache.lock.withLock { cache.kinds[type] = kind }
        return kind
    }
}

/// An optional seen through `Any`, so its value can be taken without a `Mirror`.
protocol OptionalValue {
    var wrapped: Any? { get }
}

extension Optional: OptionalValue {
    var wrapped: Any? {
        switch self {
        case .some(let value): return value
        case .none: return nil
        }
    }
}

/// A struct of a render model as the templates see it: its fields by name, each boxed the first
/// time a template reads it, nested structs as nodes of their own. Every name asked for is recorded
/// with its path (`hardening.flowLogs`), so a memo knows exactly what a template read. A name found
/// in an inner section never reaches an outer node, but that section's own name did.
final class TemplateNode: MustacheParent {
    /// The names read since the render began, shared by every node of one model. Each node
    /// keeps the names read on it in this render (`generation`), so a name is hashed alone, not
    /// with its whole path.
    final class Reads {
        var paths: [[String]] = []
        var generation = 0
    }

    private let path: [String]
    private let fields: [String: Any]
    private let reads: Reads
    private var children: [String: Any] = [:]
    private var namesRead: Set<String> = []
    private var generation = 0
    /// Each field's comparable value, worked out once: a memo compares the same fields for every
    /// text it keeps, and every template reads some of the same ones.
    private var compared: [String: AnyHashable??] = [:]

    /// The root node of a model.
    convenience init(_ model: Any) { self.init(model, path: [], reads: Reads()) }

    private init(_ value: Any, path: [String], reads: Reads) {
        var fields: [String: Any] = [:]
        for child in Mirror(reflecting: value).children {
            guard let label = child.label else { continue }
            fields[label] = child.value
        }
        self.fields = fields
        self.path = path
        self.reads = reads
    }

    func child(named name: String) -> Any? {
        if generation != reads.generation {
            generation = reads.generation
            namesRead.removeAll(keepingCapacity: true)
        }
        if namesRead.insert(name).inserted { reads.paths.append(path + [name]) }
        return value(name)
    }

    /// The field as a template sees it, without recording the read.
    private func value(_ name: String) -> Any? {
        if let known = children[name] { return known }
        guard let raw = fields[name], let present = TemplateContext.unwrap(raw) else { return nil }
        let value: Any =
            ValueKind.of(present) == .structure
            ? TemplateNode(present, path: path + [name], reads: reads) : TemplateContext.box(present)
        children[name] = value
        return value
    }

    /// The model's value at a path, comparable across models: `.some(nil)` where the path ends in
    /// nothing, nil if the value cannot be compared.
    private func hashable(at path: ArraySlice<String>) -> AnyHashable?? {
        guard let name = path.first else { return .some(nil) }
        if path.count == 1, let known = compared[name] { return known }
        guard let raw = fields[name], let present = TemplateContext.unwrap(raw) else { return .some(nil) }
        let isStruct = ValueKind.of(present) == .structure
        if path.count == 1 {
            // A struct counts by its presence: what a template reads inside it is recorded on its own.
            let value: AnyHashable?? = isStruct ? .some(AnyHashable(true)) : ((raw as? AnyHashable).map { .some($0) } ?? nil)
            compared[name] = value
            return value
        }
        guard isStruct, let node = value(name) as? TemplateNode else { return .some(nil) }
        return node.hashable(at: path.dropFirst())
    }

    /// The names read since `startTemplate`.
    var read: [[String]] { reads.paths }

    /// What a template that read `paths` saw, comparable across models; nil if a field cannot be
    /// compared.
    func fingerprint(_ paths: [[String]]) -> [AnyHashable?]? {
        var values: [AnyHashable?] = []
        for path in paths {
            guard let value = hashable(at: path[...]) else { return nil }
            values.append(value)
        }
        return values
    }

    /// Whether the values at `paths` are `expected`, stopping at the first that differs: a design
    /// for another project usually differs in the first field a template reads.
    func matches(_ paths: [[String]], _ expected: [AnyHashable?]) -> Bool {
        guard paths.count == expected.count else { return false }
        for (path, value) in zip(paths, expected) {
            guard let actual = hashable(at: path[...]), actual == value else { return false }
        }
        return true
    }

    func startTemplate() {
        reads.paths = []
        reads.generation += 1
    }
}

/// Rendered texts by template and by the model fields the template read: a design that differs
/// from one rendered before only in fields a template does not read gets that template's text
/// again without rendering it. Templates hold no logic, so the same fields give the same text.
public final class RenderMemo: @unchecked Sendable {
    private struct Entry {
        var names: [[String]]
        var fingerprint: [AnyHashable?]
        var text: String
        /// The text laid out, once something asked for it.
        var laidOut: String?
    }

    private var entries: [String: [Entry]] = [:]
    private let lock = NSLock()
    /// Templates rendered, and texts given again without rendering.
    public private(set) var renders = 0
    public private(set) var reuses = 0
    /// Texts kept per template; older ones are dropped.
    static let depth = 8

    public init() {}

    /// The template's text for the model at `root`: `layout` applied when given (and kept), else
    /// the laid-out text if one is kept, else the text as rendered.
    func text(
        _ template: String, root: TemplateNode, layout: ((String) -> String)? = nil, render: () throws(TemplateError) -> String
    ) throws(TemplateError) -> String {
        let known = lock.withLock { entries[template] ?? [] }
        for entry in known where root.matches(entry.names, entry.fingerprint) {
            lock.withLock { reuses += 1 }
            if let laidOut = entry.laidOut { return laidOut }
            guard let layout else { return entry.text }
            let laidOut = layout(entry.text)
            lock.withLock {
                if let index = entries[template]?.firstIndex(where: { $0.text == entry.text }) { entries[template]?[index].laidOut = laidOut }
            }
            return laidOut
        }
        root.startTemplate()
        let text = try render()
        let laidOut = layout.map { $0(text) }
        guard let fingerprint = root.fingerprint(root.read) else { return laidOut ?? text }
        lock.withLock {
            renders += 1
            var list = entries[template] ?? []
            list.append(Entry(names: root.read, fingerprint: fingerprint, text: text, laidOut: laidOut))
            if list.count > Self.depth { list.removeFirst() }
            entries[template] = list
        }
        return laidOut ?? text
    }
}
