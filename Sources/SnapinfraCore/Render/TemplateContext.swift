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
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .struct?, .class?:
            var fields: [String: Any] = [:]
            fields.reserveCapacity(Int(mirror.children.count))
            for child in mirror.children {
                guard let label = child.label, let present = unwrap(child.value) else { continue }
                fields[label] = box(present)
            }
            return fields
        case .collection?:
            return mirror.children.map { box($0.value) }
        case .optional?:
            return unwrap(value).map(box) as Any
        default:
            return value
        }
    }

    /// The value an optional holds, nil for `.none`, and any other value as it is.
    private static func unwrap(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first?.value
    }
}
