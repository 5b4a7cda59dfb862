/// A parser for HCL native syntax (what `.tf` files are written in): bodies of attributes and
/// blocks; expressions with operators, conditionals, function calls, tuples, objects, `for`
/// expressions, splats and indexes; quoted templates with `${…}` and `%{…}`; heredocs. It records
/// every reference an expression makes, and reports the first syntax error with line and column.
public struct HCLParser {
    private let text: [Unicode.Scalar]
    private var index = 0
    private var line = 1
    private var column = 1
    private var depth = 0
    /// Names bound by enclosing `for` expressions.
    private var scopes: [Set<String>] = []
    private var references: [HCLReference] = []
    /// Ids from `#checkov:skip=` comments, in reading order; a block takes those inside it.
    private var skips: [String] = []
    /// The start index and item count of the object constructor parsed last.
    private var lastObject: (start: Int, entries: Int)?
    /// Whether `skip` is consuming blanks and comments, and the index after the last character
    /// that was not one of them: where a value ends.
    private var skipping = false
    private var tokenEnd = 0
    static let maxDepth = 200

    public init(_ source: String) {
        text = Array(source.unicodeScalars)
    }

    public static func parse(_ source: String) throws(HCLSyntaxError) -> HCLBody {
        var parser = HCLParser(source)
        let body = try parser.body(closing: false)
        return body
    }

    // MARK: - characters

    private var here: SourcePosition { SourcePosition(line: line, column: column) }
    private var current: Unicode.Scalar? { index < text.count ? text[index] : nil }
    private func peek(_ offset: Int = 1) -> Unicode.Scalar? { index + offset < text.count ? text[index + offset] : nil }

    private mutating func advance() {
        guard index < text.count else { return }
        if !skipping { tokenEnd = index + 1 }
        if text[index] == "\n" {
            line += 1
            column = 1
        } else {
            column += 1
        }
        index += 1
    }

    private func error(_ message: String) -> HCLSyntaxError { HCLSyntaxError(message: message, position: here) }

    private func describe() -> String {
        guard let c = current else { return "end of file" }
        if c == "\n" { return "end of line" }
        return "'\(Character(c))'"
    }

    /// Skips spaces and comments; newlines too when `newlines`.
    private mutating func skip(newlines: Bool) throws(HCLSyntaxError) {
        skipping = true
        defer { skipping = false }
        while let c = current {
            if c == " " || c == "\t" || c == "\r" || (newlines && c == "\n") {
                advance()
            } else if c == "#" || (c == "/" && peek() == "/") {
                let start = index
                while let d = current, d != "\n" { advance() }
                if c == "#" { noteSkip(text[start..<index]) }
            } else if c == "/" && peek() == "*" {
                let start = here
                advance()
                advance()
                while current != nil && !(current == "*" && peek() == "/") { advance() }
                guard current != nil else { throw HCLSyntaxError(message: "unterminated comment", position: start) }
                advance()
                advance()
            } else {
                return
            }
        }
    }

    private static let skipMarker = Array("#checkov:skip=".unicodeScalars)

    /// Records `ID` from a `#checkov:skip=ID:reason` comment.
    private mutating func noteSkip(_ comment: ArraySlice<Unicode.Scalar>) {
        guard comment.count > Self.skipMarker.count, comment.starts(with: Self.skipMarker) else { return }
        let id = comment.dropFirst(Self.skipMarker.count).prefix { $0 != ":" }
        skips.append(String(String.UnicodeScalarView(id)))
    }

    /// The source text from `start` to the end of the last token read.
    private func source(from start: Int) -> String {
        String(String.UnicodeScalarView(text[start..<max(start, tokenEnd)]))
    }

    private mutating func expect(_ c: Unicode.Scalar, newlines: Bool = true) throws(HCLSyntaxError) {
        try skip(newlines: newlines)
        guard current == c else { throw error("expected '\(Character(c))', found \(describe())") }
        advance()
    }

    private static func isIdentifierStart(_ c: Unicode.Scalar) -> Bool {
        c.properties.isAlphabetic || c == "_"
    }

    private static func isIdentifierPart(_ c: Unicode.Scalar) -> Bool {
        c.properties.isAlphabetic || c.properties.numericType != nil || c == "_" || c == "-"
    }

    private mutating func identifier() throws(HCLSyntaxError) -> String {
        guard let c = current, Self.isIdentifierStart(c) else { throw error("expected a name, found \(describe())") }
        var name = String.UnicodeScalarView()
        while let c = current, Self.isIdentifierPart(c) {
            name.append(c)
            advance()
        }
        return String(name)
    }

    // MARK: - bodies

    private mutating func body(closing: Bool) throws(HCLSyntaxError) -> HCLBody {
        var result = HCLBody()
        while true {
            try skip(newlines: true)
            guard let c = current else {
                if closing { throw error("expected '}' to close the block, found end of file") }
                return result
            }
            if c == "}" {
                if closing { return result }
                throw error("unexpected '}'")
            }
            let start = here
            let name = try identifier()
            try skip(newlines: false)
            if current == "=" && peek() != "=" {
                advance()
                references = []
                try skip(newlines: false)
                let valueStart = index
                try expression(newlines: false)
                let entries = lastObject.flatMap { $0.start == valueStart ? $0.entries : nil }
                result.attributes.append(
                    HCLAttribute(name: name, position: start, value: source(from: valueStart), entries: entries, references: references))
                try endOfItem()
                continue
            }
            var labels: [String] = []
            while let c = current, c != "{" {
                if c == "\"" {
                    let label = try quotedLabel()
                    labels.append(label)
                } else if Self.isIdentifierStart(c) {
                    labels.append(try identifier())
                } else {
                    throw error("expected '=', a block label or '{' after \(name), found \(describe())")
                }
                try skip(newlines: false)
            }
            guard current == "{" else { throw error("expected '{', found \(describe())") }
            advance()
            depth += 1
            guard depth < Self.maxDepth else { throw error("blocks are nested too deeply") }
            let mark = skips.count
            let inner = try self.body(closing: true)
            depth -= 1
            advance()  // }
            result.blocks.append(HCLBlock(type: name, labels: labels, position: start, body: inner, checkovSkips: Array(skips[mark...])))
            try endOfItem()
        }
    }

    /// After an attribute or block: a newline, the end of the file, or a closing brace.
    private mutating func endOfItem() throws(HCLSyntaxError) {
        try skip(newlines: false)
        guard let c = current else { return }
        if c == "\n" || c == "}" { return }
        throw error("expected a new line after the value, found \(describe())")
    }

    private mutating func quotedLabel() throws(HCLSyntaxError) -> String {
        advance()  // "
        var label = String.UnicodeScalarView()
        while let c = current, c != "\"" {
            if c == "\n" { throw error("a block label cannot span lines") }
            if c == "\\" { advance() }
            if let d = current { label.append(d) }
            advance()
        }
        guard current == "\"" else { throw error("unterminated block label") }
        advance()
        return String(label)
    }

    // MARK: - expressions

    private static let binaryOperators: [[String]] = [["||"], ["&&"], ["==", "!="], ["<=", ">=", "<", ">"], ["+", "-"], ["*", "/", "%"]]

    private mutating func expression(newlines: Bool) throws(HCLSyntaxError) {
        depth += 1
        defer { depth -= 1 }
        guard depth < Self.maxDepth else { throw error("the expression is nested too deeply") }
        try binary(level: 0, newlines: newlines)
        try skip(newlines: newlines)
        if current == "?" {
            advance()
            try expression(newlines: newlines)
            try expect(":", newlines: newlines)
            try expression(newlines: newlines)
        }
    }

    private mutating func binary(level: Int, newlines: Bool) throws(HCLSyntaxError) {
        guard level < Self.binaryOperators.count else {
            try unary(newlines: newlines)
            return
        }
        try binary(level: level + 1, newlines: newlines)
        while true {
            try skip(newlines: newlines)
            guard let op = Self.binaryOperators[level].first(where: matches) else { return }
            // `=>` in a for expression and `=` are not comparisons.
            if op == ">" && index > 0 && text[index - 1] == "=" { return }
            for _ in op.unicodeScalars { advance() }
            try skip(newlines: newlines)
            try binary(level: level + 1, newlines: newlines)
        }
    }

    private func matches(_ op: String) -> Bool {
        let scalars = Array(op.unicodeScalars)
        guard index + scalars.count <= text.count else { return false }
        for (offset, scalar) in scalars.enumerated() where text[index + offset] != scalar { return false }
        if op == "<" && peek() == "<" { return false }
        return true
    }

    private mutating func unary(newlines: Bool) throws(HCLSyntaxError) {
        try skip(newlines: newlines)
        if current == "!" || (current == "-" && peek() != ">") {
            advance()
            try unary(newlines: newlines)
            return
        }
        try postfix(newlines: newlines)
    }

    private mutating func postfix(newlines: Bool) throws(HCLSyntaxError) {
        var traversal = try primary(newlines: newlines)
        while true {
            if current == "." && peek() != "." {
                advance()
                if current == "*" {
                    advance()
                    traversal = nil
                    continue
                }
                if let c = current, c.properties.numericType != nil {
                    while let d = current, d.properties.numericType != nil { advance() }
                    continue
                }
                let name = try identifier()
                if traversal != nil, traversal?.parts.count ?? 0 < 3 { traversal?.parts.append(name) }
            } else if current == "[" {
                advance()
                try skip(newlines: true)
                if current == "*" {
                    advance()
                    try expect("]")
                } else {
                    let saved = traversal
                    try expression(newlines: true)
                    try expect("]")
                    traversal = saved
                }
                if let t = traversal, t.parts.count >= 2 || !["var", "local", "module", "data"].contains(t.parts[0]) {
                    // Indexing ends the part of the name that identifies the object.
                    references.append(t)
                    traversal = nil
                }
            } else {
                break
            }
        }
        if let traversal { references.append(traversal) }
    }

    /// Parses a primary expression; returns the traversal it starts, if it is a variable.
    private mutating func primary(newlines: Bool) throws(HCLSyntaxError) -> HCLReference? {
        try skip(newlines: newlines)
        guard let c = current else { throw error("expected an expression, found end of file") }
        let start = here
        switch c {
        case "\"":
            try template(closing: "\"")
            return nil
        case "<" where peek() == "<":
            try heredoc()
            return nil
        case "(":
            advance()
            try expression(newlines: true)
            try expect(")")
            return nil
        case "[":
            try tuple()
            return nil
        case "{":
            try object()
            return nil
        default:
            if c.properties.numericType != nil {
                try number()
                return nil
            }
            guard Self.isIdentifierStart(c) else { throw error("expected an expression, found \(describe())") }
            let name = try identifier()
            if current == "(" {
                try call()
                return nil
            }
            if ["true", "false", "null"].contains(name) { return nil }
            if scopes.contains(where: { $0.contains(name) }) { return nil }
            return HCLReference(parts: [name], position: start)
        }
    }

    private mutating func number() throws(HCLSyntaxError) {
        while let c = current, c.properties.numericType != nil { advance() }
        if current == ".", let next = peek(), next.properties.numericType != nil {
            advance()
            while let c = current, c.properties.numericType != nil { advance() }
        }
        if current == "e" || current == "E" {
            advance()
            if current == "+" || current == "-" { advance() }
            guard let c = current, c.properties.numericType != nil else { throw error("expected a digit in the exponent") }
            while let c = current, c.properties.numericType != nil { advance() }
        }
    }

    private mutating func call() throws(HCLSyntaxError) {
        advance()  // (
        try skip(newlines: true)
        if current == ")" {
            advance()
            return
        }
        while true {
            try expression(newlines: true)
            try skip(newlines: true)
            if current == "." && peek() == "." && peek(2) == "." {
                advance()
                advance()
                advance()
                try skip(newlines: true)
            }
            if current == "," {
                advance()
                try skip(newlines: true)
                if current == ")" {
                    advance()
                    return
                }
                continue
            }
            if current == ")" {
                advance()
                return
            }
            throw error("expected ',' or ')' in the function call, found \(describe())")
        }
    }

    private mutating func isFor() -> Bool {
        let saved = (index, line, column)
        defer { (index, line, column) = saved }
        advance()
        try? skip(newlines: true)
        guard (try? identifier()) == "for", let c = current else { return false }
        return c == " " || c == "\t" || c == "\n"
    }

    private mutating func tuple() throws(HCLSyntaxError) {
        if isFor() {
            try forExpression(closing: "]")
            return
        }
        advance()  // [
        while true {
            try skip(newlines: true)
            if current == "]" {
                advance()
                return
            }
            try expression(newlines: true)
            try skip(newlines: true)
            if current == "," {
                advance()
                continue
            }
            if current == "]" {
                advance()
                return
            }
            throw error("expected ',' or ']' in the list, found \(describe())")
        }
    }

    private mutating func object() throws(HCLSyntaxError) {
        if isFor() {
            try forExpression(closing: "}")
            return
        }
        let start = index
        var entries = 0
        advance()  // {
        while true {
            try skip(newlines: true)
            if current == "}" {
                advance()
                lastObject = (start, entries)
                return
            }
            entries += 1
            // A key: a bare name is a literal key, anything else an expression.
            if let c = current, Self.isIdentifierStart(c) {
                let saved = (index, line, column)
                _ = try identifier()
                try skip(newlines: false)
                if current != "=" && current != ":" {
                    (index, line, column) = saved
                    try expression(newlines: false)
                }
            } else {
                try expression(newlines: false)
            }
            try skip(newlines: false)
            guard current == "=" || current == ":" else { throw error("expected '=' after the object key, found \(describe())") }
            advance()
            try expression(newlines: false)
            try skip(newlines: false)
            if current == "," {
                advance()
                continue
            }
            guard current == "\n" || current == "}" || current == nil else {
                throw error("expected a new line, ',' or '}' after the object item, found \(describe())")
            }
        }
    }

    /// `KEY, VALUE in COLLECTION` (or `VALUE in COLLECTION`) after `for`; returns the names bound.
    private mutating func forClause(what: String) throws(HCLSyntaxError) -> Set<String> {
        try skip(newlines: true)
        var names: Set<String> = [try identifier()]
        try skip(newlines: true)
        if current == "," {
            advance()
            try skip(newlines: true)
            names.insert(try identifier())
            try skip(newlines: true)
        }
        guard try identifier() == "in" else { throw error("expected 'in' in the \(what)") }
        try expression(newlines: true)
        return names
    }

    private mutating func forExpression(closing: Unicode.Scalar) throws(HCLSyntaxError) {
        advance()  // [ or {
        try skip(newlines: true)
        _ = try identifier()  // for
        let names = try forClause(what: "for expression")
        try expect(":")
        scopes.append(names)
        defer { scopes.removeLast() }
        try expression(newlines: true)
        try skip(newlines: true)
        if closing == "}" {
            guard current == "=" && peek() == ">" else { throw error("expected '=>' in the object for expression, found \(describe())") }
            advance()
            advance()
            try expression(newlines: true)
            try skip(newlines: true)
            if current == "." && peek() == "." && peek(2) == "." {
                advance()
                advance()
                advance()
                try skip(newlines: true)
            }
        }
        let saved = (index, line, column)
        if let c = current, Self.isIdentifierStart(c), try identifier() == "if" {
            try expression(newlines: true)
        } else {
            (index, line, column) = saved
        }
        try expect(closing)
    }

    /// A quoted template (after the opening quote) or a heredoc body, with interpolations.
    private mutating func template(closing: Unicode.Scalar?) throws(HCLSyntaxError) {
        let start = here
        if closing != nil { advance() }
        while true {
            guard let c = current else { throw HCLSyntaxError(message: "unterminated string", position: start) }
            if let closing, c == closing {
                advance()
                return
            }
            if closing != nil && c == "\n" { throw HCLSyntaxError(message: "a quoted string cannot span lines; use a heredoc", position: start) }
            if closing == nil && c == "\n" { return }
            if c == "\\" && closing != nil {
                advance()
                guard let e = current else { throw error("unterminated escape sequence") }
                switch e {
                case "n", "r", "t", "\"", "\\": advance()
                case "u", "U":
                    let count = e == "u" ? 4 : 8
                    advance()
                    for _ in 0..<count {
                        guard let h = current, h.properties.isASCIIHexDigit else {
                            throw error("expected hex digits in the \\\(Character(e)) escape")
                        }
                        advance()
                    }
                default: throw error("invalid escape sequence '\\\(Character(e))'")
                }
                continue
            }
            if (c == "$" || c == "%") && peek() == c && peek(2) == "{" {
                advance()
                advance()
                advance()
                continue
            }
            if (c == "$" || c == "%") && peek() == "{" {
                let directive = c == "%"
                advance()
                advance()
                if current == "~" { advance() }
                try skip(newlines: true)
                if directive {
                    let keyword = try identifier()
                    switch keyword {
                    case "if":
                        try expression(newlines: true)
                    case "for":
                        scopes.append(try forClause(what: "for directive"))
                    case "else":
                        break
                    case "endif":
                        break
                    case "endfor":
                        if !scopes.isEmpty { scopes.removeLast() }
                    default:
                        throw error("unknown template directive '\(keyword)'")
                    }
                } else {
                    try expression(newlines: true)
                }
                try skip(newlines: true)
                if current == "~" { advance() }
                guard current == "}" else { throw error("expected '}' to close the template sequence, found \(describe())") }
                advance()
                continue
            }
            advance()
        }
    }

    private mutating func heredoc() throws(HCLSyntaxError) {
        let start = here
        advance()
        advance()
        if current == "-" { advance() }
        let marker = try identifier()
        try skip(newlines: false)
        guard current == "\n" else { throw error("expected a new line after the heredoc marker") }
        advance()
        while true {
            guard current != nil else { throw HCLSyntaxError(message: "heredoc \(marker) is never closed", position: start) }
            // Is this line the closing marker?
            var probe = index
            while probe < text.count, text[probe] == " " || text[probe] == "\t" { probe += 1 }
            let end = probe + marker.unicodeScalars.count
            if end <= text.count, String(String.UnicodeScalarView(text[probe..<end])) == marker,
                end == text.count || text[end] == "\n" || text[end] == "\r"
            {
                while index < end { advance() }
                return
            }
            try template(closing: nil)
            if current == "\n" { advance() }
        }
    }
}
