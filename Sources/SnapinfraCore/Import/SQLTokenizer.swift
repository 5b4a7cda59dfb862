/// The tokens of SQL DDL, PostgreSQL and MySQL/MariaDB dialects, with their positions. Comments
/// (`--`, `#` in MySQL, nested `/* */`), string literals, dollar-quoted bodies and quoted
/// identifiers are read whole, so DDL inside any of them is never mistaken for a statement.
/// `DELIMITER` lines (the MySQL client's) change what ends a statement.
struct SQLToken: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        /// A bare word: a keyword or an unquoted name.
        case word
        /// A name in `"…"` or `` `…` ``.
        case quoted
        case string
        case number
        /// One character of punctuation or an operator: `(`, `)`, `,`, `.`, `=`, …
        case symbol
        /// The end of a statement: `;` or the current `DELIMITER`.
        case end
    }

    var kind: Kind
    var text: String
    var position: SourcePosition

    /// A bare word compared without case.
    func isWord(_ word: String) -> Bool { kind == .word && text.uppercased() == word }
}

enum SQLTokenizer {
    /// The tokens of `text`, and a problem where the text ends inside a literal or a comment.
    static func tokens(_ text: String) -> ([SQLToken], [Diagnostic]) {
        let scalars = Array(text.unicodeScalars)
        var tokens: [SQLToken] = []
        var problems: [Diagnostic] = []
        var i = 0
        var line = 1
        var column = 1
        var delimiter: [Unicode.Scalar] = [";"]
        var atLineStart = true

        func advance(_ count: Int = 1) {
            for _ in 0..<count where i < scalars.count {
                if scalars[i] == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
                i += 1
            }
        }
        func peek(_ offset: Int = 0) -> Unicode.Scalar? { i + offset < scalars.count ? scalars[i + offset] : nil }
        func matches(_ sequence: [Unicode.Scalar]) -> Bool {
            guard i + sequence.count <= scalars.count else { return false }
            return (0..<sequence.count).allSatisfy { scalars[i + $0] == sequence[$0] }
        }
        func isWordScalar(_ s: Unicode.Scalar) -> Bool {
            s.properties.isAlphabetic || s.properties.numericType != nil || s == "_" || s == "$"
        }

        while i < scalars.count {
            let c = scalars[i]
            let start = SourcePosition(line: line, column: column)
            if c == "\n" {
                advance()
                atLineStart = true
                continue
            }
            if c == " " || c == "\t" || c == "\r" {
                advance()
                continue
            }
            // The mysql client's DELIMITER directive: the rest of the line is the new delimiter.
            if atLineStart, matches(Array("DELIMITER".unicodeScalars)) || matches(Array("delimiter".unicodeScalars)),
                let after = peek(9), after == " " || after == "\t"
            {
                advance(9)
                var value: [Unicode.Scalar] = []
                while let s = peek(), s != "\n" {
                    if s != " " && s != "\t" && s != "\r" { value.append(s) }
                    advance()
                }
                if !value.isEmpty { delimiter = value }
                continue
            }
            atLineStart = false
            if matches(delimiter) {
                tokens.append(SQLToken(kind: .end, text: String(String.UnicodeScalarView(delimiter)), position: start))
                advance(delimiter.count)
                continue
            }
            if (c == "-" && peek(1) == "-") || c == "#" {
                while let s = peek(), s != "\n" { advance() }
                continue
            }
            if c == "/", peek(1) == "*" {
                var depth = 0
                repeat {
                    if matches(["/", "*"]) {
                        depth += 1
                        advance(2)
                    } else if matches(["*", "/"]) {
                        depth -= 1
                        advance(2)
                    } else {
                        advance()
                    }
                } while depth > 0 && i < scalars.count
                if depth > 0 { problems.append(.error("", "the comment that starts here is never closed", at: start)) }
                continue
            }
            if c == "'" || (c == "E" || c == "e") && peek(1) == "'" {
                if c != "'" { advance() }
                advance()
                var value = ""
                var closed = false
                while let s = peek() {
                    if s == "\\", peek(1) != nil {
                        value.unicodeScalars.append(scalars[i + 1])
                        advance(2)
                    } else if s == "'" {
                        if peek(1) == "'" {
                            value.append("'")
                            advance(2)
                        } else {
                            advance()
                            closed = true
                            break
                        }
                    } else {
                        value.unicodeScalars.append(s)
                        advance()
                    }
                }
                if !closed { problems.append(.error("", "the string that starts here is never closed", at: start)) }
                tokens.append(SQLToken(kind: .string, text: value, position: start))
                continue
            }
            if c == "$", let tag = dollarTag(scalars, at: i) {
                // A dollar-quoted body ($$ … $$, $fn$ … $fn$): semicolons inside do not end anything.
                advance(tag.count)
                var closed = false
                while i < scalars.count {
                    if matches(tag) {
                        advance(tag.count)
                        closed = true
                        break
                    }
                    advance()
                }
                if !closed { problems.append(.error("", "the dollar-quoted text that starts here is never closed", at: start)) }
                tokens.append(SQLToken(kind: .string, text: "", position: start))
                continue
            }
            if c == "\"" || c == "`" {
                let close = c
                advance()
                var value = ""
                var closed = false
                while let s = peek() {
                    if s == close {
                        if peek(1) == close {
                            value.unicodeScalars.append(close)
                            advance(2)
                            continue
                        }
                        advance()
                        closed = true
                        break
                    }
                    value.unicodeScalars.append(s)
                    advance()
                }
                if !closed { problems.append(.error("", "the quoted name that starts here is never closed", at: start)) }
                tokens.append(SQLToken(kind: .quoted, text: value, position: start))
                continue
            }
            if c.properties.numericType != nil, c.isASCII {
                var value = ""
                while let s = peek(), s.isASCII, s.properties.numericType != nil || s == "." {
                    value.unicodeScalars.append(s)
                    advance()
                }
                tokens.append(SQLToken(kind: .number, text: value, position: start))
                continue
            }
            if isWordScalar(c) {
                var value = ""
                while let s = peek(), isWordScalar(s) {
                    value.unicodeScalars.append(s)
                    advance()
                }
                tokens.append(SQLToken(kind: .word, text: value, position: start))
                continue
            }
            tokens.append(SQLToken(kind: .symbol, text: String(Character(c)), position: start))
            advance()
        }
        return (tokens, problems)
    }

    /// `$$` or `$tag$` at `index`, if a dollar quote opens there.
    private static func dollarTag(_ scalars: [Unicode.Scalar], at index: Int) -> [Unicode.Scalar]? {
        var j = index + 1
        while j < scalars.count, scalars[j] != "$" {
            let s = scalars[j]
            guard s.properties.isAlphabetic || s == "_" || (j > index + 1 && s.properties.numericType != nil) else { return nil }
            j += 1
        }
        guard j < scalars.count else { return nil }
        return Array(scalars[index...j])
    }

    /// Tokens split into statements at each end token; empty statements are dropped.
    static func statements(_ tokens: [SQLToken]) -> [[SQLToken]] {
        var statements: [[SQLToken]] = []
        var current: [SQLToken] = []
        for token in tokens {
            if token.kind == .end {
                if !current.isEmpty { statements.append(current) }
                current = []
            } else {
                current.append(token)
            }
        }
        if !current.isEmpty { statements.append(current) }
        return statements
    }
}
