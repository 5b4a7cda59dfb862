import Foundation

/// The form of a name used to tell whether two names are "the same": Unicode NFKC compatibility
/// folding (full-width letters become ASCII) and case folding, so `Orders`, `orders` and
/// `Ｏｒｄｅｒｓ` all clash.
enum NameKey {
    static func of(_ name: String) -> String {
        name.precomposedStringWithCompatibilityMapping
            .folding(options: [.caseInsensitive], locale: nil)
            .trimmingCharacters(in: .whitespaces)
    }
}
