import Foundation

/// Makes untrusted text safe to show in a terminal or a one-line message.
///
/// Control characters (C0, DEL, C1), bidirectional formatting and invisible characters are replaced by
/// `\u{XXXX}` escapes, so a project file can never move the cursor, change colours or reorder
/// what the user reads. Long text is shortened with an ellipsis.
public enum DisplayText {
    /// The longest quoted value a message shows, in characters.
    public static let defaultLimit = 60

    /// Whether a scalar is a control, bidirectional-formatting or invisible character: what Go's
    /// `%q` escapes as not printable. Invisible ones are format characters (zero-width space and
    /// joiners, U+FEFF, soft hyphen) and the line and paragraph separators U+2028 and U+2029.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x7F { return scalar.value < 0x20 }
        return isControl(scalar) || isBidiControl(scalar) || isInvisible(scalar)
    }

    public static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .format, .lineSeparator, .paragraphSeparator: return true
        default: return false
        }
    }

    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || (0x7F...0x9F).contains(v)
    }

    /// Bidi embeddings, overrides, isolates and marks (Trojan Source, CVE-2021-42574).
    public static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// Whether a string holds any control or bidi character.
    public static func containsUnsafe(_ text: String) -> Bool {
        text.unicodeScalars.contains(where: isUnsafe)
    }

    /// The text with unsafe scalars escaped, cut to `limit` characters.
    public static func escape(_ text: String, limit: Int = defaultLimit) -> String {
        var out = ""
        var count = 0
        for scalar in text.unicodeScalars {
            if count >= limit {
                out += "…"
                break
            }
            if isUnsafe(scalar) {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
            count += 1
        }
        return out
    }

    /// The text escaped and wrapped in double quotes, for messages: `"orgs"`.
    public static func quoted(_ text: String, limit: Int = defaultLimit) -> String {
        "\"" + escape(text, limit: limit).replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
