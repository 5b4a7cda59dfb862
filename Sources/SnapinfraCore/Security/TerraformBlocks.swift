/// A top-level block of rendered Terraform (`resource "aws_lb" "this" { … }`), read from the
/// formatted text Snapinfra writes: headers start at column 0 and blocks close with `}` there.
struct TerraformBlock: Sendable, Hashable {
    var kind: String
    var type: String
    var name: String
    /// The body with runs of spaces collapsed, so `a   = 1` reads as `a = 1`.
    var body: String
    /// Check ids the block opts out of with `#checkov:skip=ID:reason`.
    var skipped: Set<String>
    /// For a `locals` block: the number of entries of each map of objects it declares
    /// (`dynamodb_tables = { a = { … }, b = { … } }` → 2), read from the formatted indentation.
    var mapSizes: [String: Int] = [:]

    var address: String { kind == "data" ? "data.\(type).\(name)" : "\(type).\(name)" }

    /// `count = N` with a literal N gives N copies, and `for_each = local.NAME` one per entry of that
    /// map (checkov expands both); anything else is one.
    func copies(in module: [TerraformBlock]) -> Int {
        if let range = body.range(of: "\n for_each = local.") {
            let name = String(body[range.upperBound...].prefix { $0 != "\n" })
            return module.lazy.compactMap { $0.mapSizes[name] }.first ?? 1
        }
        guard let range = body.range(of: "\n count = ") else { return 1 }
        let digits = body[range.upperBound...].prefix { $0 != "\n" }
        return Int(digits) ?? 1
    }

    /// Entries of each top-level map of objects in a `locals` block's lines.
    static func mapSizes(_ lines: [Substring]) -> [String: Int] {
        var sizes: [String: Int] = [:]
        var current: String?
        for line in lines {
            let indent = line.prefix { $0 == " " }.count
            if indent == 2 {
                current = line.hasSuffix("= {") ? String(line.dropFirst(2).prefix { $0 != " " }) : nil
                if let name = current { sizes[name] = 0 }
            } else if indent == 4, line.hasSuffix("= {"), let name = current {
                sizes[name, default: 0] += 1
            }
        }
        return sizes.filter { $0.value > 0 }
    }

    func has(_ text: String) -> Bool { body.contains(text) }

    /// The integer after `name = `, if the block sets one.
    func integer(_ attribute: String) -> Int? {
        guard let range = body.range(of: "\n \(attribute) = ") else { return nil }
        return Int(body[range.upperBound...].prefix { $0.isNumber })
    }

    static func blocks(in text: String) -> [TerraformBlock] {
        var blocks: [TerraformBlock] = []
        var current: (kind: String, type: String, name: String, lines: [Substring])?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if var block = current {
                if line == "}" {
                    let body = "\n" + block.lines.map(Self.collapse).joined(separator: "\n") + "\n"
                    let skipped = Set(block.lines.compactMap(Self.skippedCheck))
                    blocks.append(
                        TerraformBlock(
                            kind: block.kind, type: block.type, name: block.name, body: body, skipped: skipped,
                            mapSizes: block.kind == "locals" ? mapSizes(block.lines) : [:]))
                    current = nil
                } else {
                    block.lines.append(line)
                    current = block
                }
                continue
            }
            guard line.hasSuffix("{") || line.hasSuffix("{}") else { continue }
            let words = line.split(separator: " ")
            guard let kind = words.first, ["resource", "data", "provider", "locals"].contains(kind) else { continue }
            let labels = words.dropFirst().prefix { $0.hasPrefix("\"") }.map { String($0.dropFirst().dropLast()) }
            let header = (String(kind), labels.first ?? "", kind == "provider" ? "" : labels.dropFirst().first ?? "")
            if line.hasSuffix("{}") {
                blocks.append(TerraformBlock(kind: header.0, type: header.1, name: header.2, body: "", skipped: []))
            } else {
                current = (header.0, header.1, header.2, [])
            }
        }
        return blocks
    }

    /// The line with leading indentation and runs of spaces reduced to one space.
    private static func collapse(_ line: Substring) -> String {
        var out = ""
        out.reserveCapacity(line.count)
        var lastWasSpace = false
        for character in line {
            if character == " " {
                if !lastWasSpace { out.append(" ") }
                lastWasSpace = true
            } else {
                out.append(character)
                lastWasSpace = false
            }
        }
        return out
    }

    /// `ID` from a `#checkov:skip=ID:reason` line.
    private static func skippedCheck(_ line: Substring) -> String? {
        guard let range = line.range(of: "#checkov:skip=") else { return nil }
        return String(line[range.upperBound...].prefix { $0 != ":" })
    }
}
