import Foundation

/// The one JSON encoding for what leaves the program (`--json`, the manifest, drafts): pretty,
/// sorted keys, and every control, bidirectional-formatting or invisible character written as a
/// `\uXXXX` escape, as Go's JSON encoder does, so a file or a terminal never shows one raw.
public enum JSONText {
    public static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return escapeInvisible(String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    /// The JSON text with unsafe scalars escaped. They can only occur inside strings (JSON's own
    /// syntax is ASCII), so replacing them anywhere keeps the document equal.
    public static func escapeInvisible(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: { $0.value >= 0x7F && DisplayText.isUnsafe($0) }) else { return json }
        var out = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            guard scalar.value >= 0x7F, DisplayText.isUnsafe(scalar) else {
                out.append(scalar)
                continue
            }
            for unit in String(scalar).utf16 {
                out.append(contentsOf: "\\u".unicodeScalars)
                let hex = String(unit, radix: 16)
                out.append(contentsOf: (String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
            }
        }
        return String(out)
    }
}
