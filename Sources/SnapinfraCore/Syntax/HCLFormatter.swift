import Foundation

/// Lays out rendered HCL the way `terraform fmt` does: two spaces per nesting level, `=` aligned
/// in runs of single-line attributes (runs break at blank lines, comments, blocks and multi-line
/// values), at most one blank line in a row, none just inside braces.
public enum HCLFormatter {
    public static func format(_ text: String) -> String {
        var lines: [String] = []
        var depth = 0
        var heredoc: String?
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = Self.trimmed(raw)
            // A heredoc's body and closing marker are kept as written; the marker byte keeps
            // the aligner away from them and is removed at the end.
            if let marker = heredoc {
                lines.append(Self.verbatim + raw)
                if trimmed == marker { heredoc = nil }
                continue
            }
            if let marker = heredocMarker(trimmed) { heredoc = marker }
            if trimmed.isEmpty {
                if let last = lines.last, !last.isEmpty, !last.hasSuffix("{"), !last.hasSuffix("[") { lines.append("") }
                continue
            }
            let scan = Scan(trimmed.utf8)
            let leadingClosers = scan.leadingClosers
            if leadingClosers > 0, lines.last?.isEmpty == true { lines.removeLast() }
            // Like terraform fmt, a line moves the nesting by at most one level: `jsonencode([`
            // opens one level, `])` closes one.
            let indent = max(0, depth - min(leadingClosers, 1))
            lines.append(String(repeating: "  ", count: indent) + trimmed)
            depth = max(0, depth + max(-1, min(1, scan.net)))
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return align(lines).map { $0.hasPrefix(Self.verbatim) ? String($0.dropFirst()) : $0 }.joined(separator: "\n") + "\n"
    }

    /// A line without the spaces and tabs around it. Only ASCII blanks: the templates indent with
    /// spaces, and any other blank belongs to a value.
    static func trimmed(_ line: Substring) -> String {
        let bytes = line.utf8
        guard let first = bytes.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }),
            let last = bytes.lastIndex(where: { $0 != 0x20 && $0 != 0x09 })
        else { return "" }
        // The byte after the last one kept begins a blank or ends the line, so it is a boundary
        // between characters even when the last character is longer than one byte.
        return String(line[first..<bytes.index(after: last)])
    }

    private static let verbatim = "\u{1}"

    /// `EOT` of a line ending in `<<EOT` or `<<-EOT`. (A regex literal here was compiled again for
    /// every line, a fifth of the benchmark's time.)
    static func heredocMarker(_ line: String) -> String? {
        guard let start = line.range(of: "<<", options: .backwards) else { return nil }
        var rest = line[start.upperBound...]
        if rest.first == "-" { rest = rest.dropFirst() }
        guard !rest.isEmpty, rest.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) || $0 == "_" }) else { return nil }
        return String(rest)
    }

    /// Bracket counts of one line, outside strings and comments. The line is read as UTF-8
    /// bytes, as Terraform's scanner reads it: every delimiter is ASCII, and no byte of a longer
    /// character is one.
    struct Scan {
        var net = 0
        var leadingClosers = 0

        init(_ line: some Sequence<UInt8>) {
            var inString = false
            var escaped = false
            var interpolation = 0
            var seenOther = false
            var previous: UInt8 = 0
            for byte in line {
                defer { previous = byte }
                if inString {
                    if escaped {
                        escaped = false
                        continue
                    }
                    switch byte {
                    case UInt8(ascii: "\\"): escaped = true
                    case UInt8(ascii: "{") where previous == UInt8(ascii: "$"): interpolation += 1
                    case UInt8(ascii: "}") where interpolation > 0: interpolation -= 1
                    case UInt8(ascii: "\"") where interpolation == 0: inString = false
                    default: break
                    }
                    continue
                }
                if byte == UInt8(ascii: "#") { break }
                if byte == UInt8(ascii: "/") && previous == UInt8(ascii: "/") { break }
                switch byte {
                case UInt8(ascii: "\""):
                    inString = true
                    seenOther = true
                case UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: "("):
                    net += 1
                    seenOther = true
                case UInt8(ascii: "}"), UInt8(ascii: "]"), UInt8(ascii: ")"):
                    net -= 1
                    if !seenOther { leadingClosers += 1 }
                case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: ","):
                    break
                default:
                    seenOther = true
                }
            }
        }
    }

    /// The key of a single-line attribute (`name = value` with balanced brackets), or nil.
    static func attributeKey(_ line: String) -> (indent: Int, key: String, value: String)? {
        let indent = line.prefix { $0 == " " }.count
        let body = line.dropFirst(indent)
        guard let first = body.first, first.isLetter || first == "_" || first == "\"" else { return nil }
        var key = ""
        var rest = Substring(body)
        if first == "\"" {
            guard let close = body.dropFirst().firstIndex(of: "\"") else { return nil }
            key = String(body[body.startIndex...close])
            rest = body[body.index(after: close)...]
        } else {
            let name = body.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
            key = String(name)
            rest = body.dropFirst(name.count)
        }
        let afterSpaces = rest.drop { $0 == " " }
        guard afterSpaces.hasPrefix("="), !afterSpaces.hasPrefix("==") else { return nil }
        let value = afterSpaces.dropFirst().drop { $0 == " " }
        guard Scan(value.utf8).net == 0 else { return nil }
        return (indent, key, String(value))
    }

    private static func align(_ lines: [String]) -> [String] {
        var out = lines
        // Each line's key once: a run is measured, then laid out.
        let keys = lines.map { $0.hasPrefix(Self.verbatim) ? nil : attributeKey($0) }
        var index = 0
        while index < out.count {
            guard let first = keys[index] else {
                index += 1
                continue
            }
            var end = index + 1
            while end < out.count, let next = keys[end], next.indent == first.indent { end += 1 }
            let width = keys[index..<end].compactMap { $0?.key.count }.max() ?? 0
            for row in index..<end {
                guard let attribute = keys[row] else { continue }
                let padding = String(repeating: " ", count: width - attribute.key.count)
                out[row] = String(repeating: " ", count: attribute.indent) + attribute.key + padding + " = " + attribute.value
            }
            index = end
        }
        return out
    }
}
