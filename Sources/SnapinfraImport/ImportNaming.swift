/// Names for imported tables and columns: what an API calls `OrderItem.unitPrice` a schema calls
/// `order_items.unit_price`.
enum ImportNaming {
    /// `OrderItem` → `order_item`, `unitPrice` → `unit_price`, `HTTPStatus` → `http_status`,
    /// `price-tier` → `price_tier`. Anything that is not a letter or digit becomes one `_`.
    static func snakeCase(_ name: String) -> String {
        let scalars = Array(name.unicodeScalars)
        var out = ""
        for (index, scalar) in scalars.enumerated() {
            let isLetterOrDigit = scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
            guard isLetterOrDigit, scalar.isASCII else {
                if !out.isEmpty && !out.hasSuffix("_") { out += "_" }
                continue
            }
            let upper = scalar.properties.isUppercase
            if upper, index > 0, !out.hasSuffix("_") {
                let previous = scalars[index - 1]
                let nextIsLower = index + 1 < scalars.count && scalars[index + 1].properties.isLowercase
                if previous.properties.isLowercase || ("0"..."9").contains(previous) || (previous.properties.isUppercase && nextIsLower) {
                    out += "_"
                }
            }
            out += String(scalar).lowercased()
        }
        while out.hasSuffix("_") { out.removeLast() }
        if out.isEmpty { return "table" }
        if let first = out.unicodeScalars.first, ("0"..."9").contains(first) { out = "t_" + out }
        return out
    }

    /// English plural of the last word of a snake_case name: `category` → `categories`,
    /// `address` → `addresses`, `news` stays.
    static func plural(_ name: String) -> String {
        let lower = name.lowercased()
        if lower.hasSuffix("data") || lower.hasSuffix("news") || lower.hasSuffix("info") || lower.hasSuffix("media") { return name }
        if lower.hasSuffix("s") && !lower.hasSuffix("ss") && !lower.hasSuffix("us") && !lower.hasSuffix("is") { return name }
        if lower.hasSuffix("y"), let before = lower.dropLast().last, !"aeiou".contains(before) { return name.dropLast() + "ies" }
        if ["s", "x", "z", "ch", "sh"].contains(where: { lower.hasSuffix($0) }) { return name + "es" }
        if lower.hasSuffix("person") { return name.dropLast(6) + "people" }
        return name + "s"
    }

    /// The singular of a plural name, for a key column: `categories` → `category`, `tags` → `tag`.
    static func singular(_ name: String) -> String {
        let lower = name.lowercased()
        if lower.hasSuffix("people") { return name.dropLast(6) + "person" }
        if lower.hasSuffix("ies"), lower.count > 3 { return name.dropLast(3) + "y" }
        if ["sses", "xes", "zes", "ches", "shes"].contains(where: { lower.hasSuffix($0) }) { return String(name.dropLast(2)) }
        if lower.hasSuffix("s") && !lower.hasSuffix("ss") && !lower.hasSuffix("us") && !lower.hasSuffix("is") { return String(name.dropLast()) }
        return name
    }

    /// How two names are compared across SQL and OpenAPI: `unitPrice`, `unit_price` and `UnitPrice`
    /// are one name.
    static func key(_ name: String) -> String {
        String(name.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }.map(Character.init))
    }
}
