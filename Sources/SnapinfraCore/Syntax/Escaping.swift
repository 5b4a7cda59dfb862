import Foundation

/// The one place user text is made safe for each output language.
///
/// Renderers never paste user text raw: they pass it through one of these, and templates receive
/// the result as a finished literal.
public enum Escaping {
    /// An HCL quoted string literal, quotes included. Escapes `\`, `"`, control characters, and
    /// the template sequences `${` and `%{` (as `$${` and `%%{`); bidi controls become `\uXXXX`.
    public static func hclString(_ text: String) -> String {
        var out = "\""
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            defer { previous = scalar }
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "{" where previous == "$" || previous == "%":
                // `$` or `%` was just written; double it so `${`/`%{` stay literal.
                out.unicodeScalars.removeLast()
                out.unicodeScalars.append(previous ?? "$")
                out.unicodeScalars.append(previous ?? "$")
                out += "{"
            default:
                if DisplayText.isUnsafe(scalar) {
                    out += scalar.value > 0xFFFF ? "\\U" + hex(scalar.value, width: 8) : "\\u" + hex(scalar.value, width: 4)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// A Python string literal, double quotes included, for the Pulumi program. It is never an
    /// f-string, so braces stay text; `\\`, `"` and control characters are escaped, so no text can
    /// close the literal or open a triple quote; bidi and other unsafe characters become `\\uXXXX`.
    public static func pythonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if DisplayText.isUnsafe(scalar) {
                    out += scalar.value > 0xFFFF ? "\\U" + hex(scalar.value, width: 8) : "\\u" + hex(scalar.value, width: 4)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// A Python list of string literals.
    public static func pythonList(_ items: [String]) -> String {
        "[" + items.map(pythonString).joined(separator: ", ") + "]"
    }

    /// Text for a `#` comment: one line, printable, no bidi controls, at most `limit` characters.
    public static func comment(_ text: String, limit: Int = 120) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if out.count >= limit {
                out += "…"
                break
            }
            out.unicodeScalars.append(DisplayText.isUnsafe(scalar) ? " " : scalar)
        }
        // Inert in a comment, but never leave a template sequence for a reader to copy.
        return out.replacingOccurrences(of: "${", with: "$ {").replacingOccurrences(of: "%{", with: "% {").trimmingCharacters(in: .whitespaces)
    }

    /// A YAML double-quoted scalar, quotes included; for Compose files also doubles `$` so
    /// Compose does not interpolate it.
    public static func yamlString(_ text: String, compose: Bool = true) -> String {
        quotedScalar(text, compose: compose) { "\\U" + hex($0, width: 8) }
    }

    /// A JSON string literal: the YAML escaper without `$$`, with a character beyond U+FFFF
    /// written as its UTF-16 surrogate pair.
    public static func jsonString(_ text: String) -> String {
        quotedScalar(text, compose: false) { value in
            Unicode.Scalar(value).map { String($0).utf16.map { "\\u" + hex(UInt32($0), width: 4) }.joined() } ?? ""
        }
    }

    private static func quotedScalar(_ text: String, compose: Bool, astral: (UInt32) -> String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "$" where compose: out += "$$"
            default:
                if DisplayText.isUnsafe(scalar) {
                    out += scalar.value > 0xFFFF ? astral(scalar.value) : "\\u" + hex(scalar.value, width: 4)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// Text for Markdown prose: inline markup characters are backslash-escaped, HTML is defused,
    /// line breaks and unsafe characters become spaces.
    public static func markdown(_ text: String) -> String {
        var out = ""
        for character in comment(text, limit: 500) {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "|": out += "\\\(character)"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }

    private static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
