import Foundation

/// Number and money formatting for reports, with fixed rules so output is stable across locales.
public enum Format {
    /// A figure with at most `digits` decimals and thousands separators: `1,234.5`.
    public static func number(_ value: Double, digits: Int = 1) -> String {
        guard value.isFinite else { return "0" }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        var text = String(format: "%.\(digits)f", rounded)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return grouped(text)
    }

    /// Money as `$1,705.28` (cents, rounded half up).
    public static func money(_ value: Decimal) -> String {
        let cents = rounded(value, scale: 2)
        let negative = cents < 0
        let text = NSDecimalNumber(decimal: negative ? -cents : cents).stringValue
        var parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if parts.count == 1 { parts.append("00") }
        while parts[1].count < 2 { parts[1] += "0" }
        return (negative ? "-$" : "$") + grouped(parts[0]) + "." + parts[1]
    }

    /// A unit price with up to 10 decimals and no trailing zeros beyond cents: `$0.0225`.
    public static func unitPrice(_ value: Decimal) -> String {
        let text = NSDecimalNumber(decimal: rounded(value, scale: 10)).stringValue
        var parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if parts.count == 1 { parts.append("") }
        while parts[1].count < 2 { parts[1] += "0" }
        return "$" + grouped(parts[0]) + "." + parts[1]
    }

    /// A decimal quantity with thousands separators and up to 2 decimals: `1,460`.
    public static func quantity(_ value: Decimal) -> String {
        let text = NSDecimalNumber(decimal: rounded(value, scale: 2)).stringValue
        let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        return grouped(parts[0]) + (parts.count > 1 ? "." + parts[1] : "")
    }

    public static func rounded(_ value: Decimal, scale: Int) -> Decimal {
        var input = value
        var output = Decimal()
        NSDecimalRound(&output, &input, scale, .plain)
        return output
    }

    private static func grouped(_ text: String) -> String {
        var integer = text
        var fraction = ""
        if let dot = text.firstIndex(of: ".") {
            integer = String(text[..<dot])
            fraction = String(text[dot...])
        }
        let negative = integer.hasPrefix("-")
        if negative { integer.removeFirst() }
        var out = ""
        for (index, character) in integer.reversed().enumerated() {
            if index > 0 && index % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return (negative ? "-" : "") + String(out.reversed()) + fraction
    }
}
