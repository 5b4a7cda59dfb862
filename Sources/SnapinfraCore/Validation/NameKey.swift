import Foundation

/// The form of a name used to tell whether two names are "the same": Unicode NFKC compatibility
/// folding (full-width letters become ASCII) and case folding, so `Orders`, `orders` and
/// `Ｏｒｄｅｒｓ` all clash.
enum NameKey {
    static func of(_ name: String) -> String {
        // ASCII needs no Unicode folding; this keeps a 3,000-field project fast.
        if name.utf8.allSatisfy({ $0 < 0x80 }) {
            let lower = name.lowercased()
            guard lower.first == " " || lower.last == " " || lower.first == "\t" || lower.last == "\t" else { return lower }
            return lower.trimmingCharacters(in: .whitespaces)
        }
        return name.precomposedStringWithCompatibilityMapping
            .folding(options: [.caseInsensitive], locale: nil)
            .trimmingCharacters(in: .whitespaces)
    }
}
