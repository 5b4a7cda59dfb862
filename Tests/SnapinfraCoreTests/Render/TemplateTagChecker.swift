import Foundation

@testable import SnapinfraCore

/// Checks that every tag of a Mustache template names a stored property of its view model, the
/// way swift-mustache looks names up (Mirror, dotted names, the context stack). Misspelt or
/// computed names render as empty strings with no error, so this is the only guard against them.
struct TemplateTagChecker {
    struct Tag {
        var kind: Character?  // "#", "^", "/" or nil for a variable
        var name: String
        var line: Int
    }

    /// The template with each `{{> NAME}}` line replaced by the lines of `partials/NAME.mustache`,
    /// so a partial's tags are checked in the context of each template that uses it.
    static func expandingPartials(_ template: String, sources: [String: String] = TemplateSet.embeddedSources) -> String {
        template.components(separatedBy: "\n").map { line in
            guard let match = line.wholeMatch(of: /\{\{>\s*([^}\s]+)\s*\}\}/),
                let partial = sources["partials/\(match.output.1).mustache"]
            else { return line }
            return expandingPartials(partial.components(separatedBy: "\n").dropFirst().joined(separator: "\n"), sources: sources)
        }.joined(separator: "\n")
    }

    static func tags(_ template: String) -> [Tag] {
        var result: [Tag] = []
        let regex = /\{\{\{?\s*([#^\/!%]?)\s*([^}\s]*)[^}]*\}?\}\}/
        for (index, line) in template.components(separatedBy: "\n").enumerated() {
            for match in line.matches(of: regex) {
                let kind = match.output.1.first
                if kind == "!" || kind == "%" { continue }
                result.append(Tag(kind: kind, name: String(match.output.2), line: index + 1))
            }
        }
        return result
    }

    /// Names that did not resolve (`line: name`), and names never reached in this model (a
    /// section that was empty), so callers can ask for coverage across several models.
    static func check(_ template: String, model: Any) -> (unresolved: [String], reached: Set<Int>) {
        var stack: [Any?] = [model]  // nil marks a skipped section
        var unresolved: [String] = []
        var reached: Set<Int> = []
        for (index, tag) in tags(template).enumerated() {
            let skipping = stack.contains { $0 == nil }
            switch tag.kind {
            case "/":
                stack.removeLast()
            case "#", "^":
                if skipping {
                    stack.append(nil)
                    continue
                }
                reached.insert(index)
                guard let value = resolve(tag.name, in: stack) else {
                    unresolved.append("\(tag.line): \(tag.name)")
                    stack.append(nil)
                    continue
                }
                if tag.kind == "^" {
                    stack.append(nil)
                } else {
                    stack.append(enter(value))
                }
            default:
                if skipping { continue }
                reached.insert(index)
                if tag.name == "." { continue }
                if resolve(tag.name, in: stack) == nil { unresolved.append("\(tag.line): \(tag.name)") }
            }
        }
        return (unresolved, reached)
    }

    /// The context a section pushes, or nil when it would render nothing.
    private static func enter(_ value: Any) -> Any? {
        guard let value = unwrap(value) else { return nil }
        if let bool = value as? Bool { return bool ? "true-section" : nil }
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .collection { return mirror.children.first?.value }
        if let string = value as? String { return string.isEmpty ? nil : string }
        return value
    }

    private static func resolve(_ name: String, in stack: [Any?]) -> Any? {
        let parts = name.split(separator: ".").map(String.init)
        guard let first = parts.first else { return nil }
        for context in stack.reversed() {
            guard let context, var value = child(first, of: context) else { continue }
            for part in parts.dropFirst() {
                guard let next = child(part, of: value) else { return nil }
                value = next
            }
            return value
        }
        return nil
    }

    /// A stored property, with a nil optional counted as present (it is declared, just empty).
    private static func child(_ name: String, of value: Any) -> Any? {
        let unwrapped = unwrap(value)
        guard let unwrapped else { return nil }
        for child in Mirror(reflecting: unwrapped).children where child.label == name {
            return unwrap(child.value) ?? Optional<Any>.none as Any
        }
        return nil
    }

    private static func unwrap(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first?.value
    }
}
