/// A strict JSON (RFC 8259) reader that keeps the line and column of every value.
///
/// Written for hostile input: nesting is bounded by `DocumentLimits.maxDepth` (checked before
/// recursing, so 10,000 nested arrays give an error and never a stack overflow), the node count
/// is bounded, and every error carries a line and column.
public struct JSONReader {
    private let bytes: [UInt8]
    private let limits: DocumentLimits
    private var index = 0
    private var line = 1
    private var column = 1
    private var nodes = 0
    /// The keys and indices down to the value being read, for the path of an error.
    private var trail: [Step] = []

    private enum Step {
        case key(String)
        case index(Int)
    }

    public init(bytes: [UInt8], limits: DocumentLimits = .standard) {
        self.bytes = bytes
        self.limits = limits
    }

    /// Reads one JSON value that spans the whole input.
    public static func read(_ bytes: [UInt8], limits: DocumentLimits = .standard) throws(DocumentError) -> DocumentNode {
        var reader = JSONReader(bytes: bytes, limits: limits)
        return try reader.readDocument()
    }

    mutating func readDocument() throws(DocumentError) -> DocumentNode {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        skipWhitespace()
        guard index < bytes.count else { throw DocumentError("the file is empty", at: here) }
        let node: DocumentNode
        do {
            node = try readValue(depth: 1)
        } catch {
            var located = error
            located.path = trail.reduce("") { path, step in
                switch step {
                case .key(let key): return DocumentObject.join(path, key)
                case .index(let i): return "\(path)[\(i)]"
                }
            }
            throw located
        }
        skipWhitespace()
        guard index == bytes.count else {
            throw DocumentError("unexpected \(describeCurrent()) after the end of the document", at: here)
        }
        return node
    }

    private var here: SourcePosition { SourcePosition(line: line, column: column) }

    private mutating func advance() {
        let byte = bytes[index]
        index += 1
        if byte == 0x0A {
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {
            column += 1
        }
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: advance()
            default: return
            }
        }
    }

    private func describeCurrent() -> String {
        guard index < bytes.count else { return "end of file" }
        let byte = bytes[index]
        if byte >= 0x21 && byte < 0x7F { return "character '\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x" + String(byte, radix: 16, uppercase: true)
    }

    private mutating func readValue(depth: Int) throws(DocumentError) -> DocumentNode {
        nodes += 1
        if nodes > limits.maxNodes {
            throw DocumentError("the document has more than \(limits.maxNodes) values", at: here)
        }
        guard index < bytes.count else { throw DocumentError("unexpected end of file, expected a value", at: here) }
        let start = here
        switch bytes[index] {
        case UInt8(ascii: "{"):
            return try readObject(depth: depth)
        case UInt8(ascii: "["):
            return try readArray(depth: depth)
        case UInt8(ascii: "\""):
            return DocumentNode(.string(try readString()), at: start)
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return DocumentNode(.bool(true), at: start)
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return DocumentNode(.bool(false), at: start)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return DocumentNode(.null, at: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return try readNumber()
        default:
            throw DocumentError("unexpected \(describeCurrent()), expected a value", at: start)
        }
    }

    private mutating func enter(depth: Int) throws(DocumentError) {
        if depth > limits.maxDepth {
            throw DocumentError("nesting is deeper than \(limits.maxDepth) levels", at: here)
        }
    }

    private mutating func readObject(depth: Int) throws(DocumentError) -> DocumentNode {
        try enter(depth: depth)
        let start = here
        advance()  // {
        var members: [DocumentNode.Member] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            advance()
            return DocumentNode(.object(members), at: start)
        }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                throw DocumentError("unexpected \(describeCurrent()), expected a key in double quotes", at: here)
            }
            let keyPosition = here
            let key = try readString()
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                throw DocumentError("unexpected \(describeCurrent()), expected ':' after key", at: here)
            }
            advance()
            skipWhitespace()
            trail.append(.key(key))
            let value = try readValue(depth: depth + 1)
            trail.removeLast()
            members.append(.init(key: key, keyPosition: keyPosition, value: value))
            skipWhitespace()
            guard index < bytes.count else { throw DocumentError("unexpected end of file, expected ',' or '}'", at: here) }
            if bytes[index] == UInt8(ascii: ",") {
                advance()
                continue
            }
            if bytes[index] == UInt8(ascii: "}") {
                advance()
                return DocumentNode(.object(members), at: start)
            }
            throw DocumentError("unexpected \(describeCurrent()), expected ',' or '}'", at: here)
        }
    }

    private mutating func readArray(depth: Int) throws(DocumentError) -> DocumentNode {
        try enter(depth: depth)
        let start = here
        advance()  // [
        var items: [DocumentNode] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            advance()
            return DocumentNode(.array(items), at: start)
        }
        while true {
            skipWhitespace()
            trail.append(.index(items.count))
            items.append(try readValue(depth: depth + 1))
            trail.removeLast()
            skipWhitespace()
            guard index < bytes.count else { throw DocumentError("unexpected end of file, expected ',' or ']'", at: here) }
            if bytes[index] == UInt8(ascii: ",") {
                advance()
                continue
            }
            if bytes[index] == UInt8(ascii: "]") {
                advance()
                return DocumentNode(.array(items), at: start)
            }
            throw DocumentError("unexpected \(describeCurrent()), expected ',' or ']'", at: here)
        }
    }

    private mutating func expectLiteral(_ word: StaticString) throws(DocumentError) {
        let start = here
        let text = word.withUTF8Buffer { Array($0) }
        guard bytes.count - index >= text.count, Array(bytes[index..<index + text.count]) == text else {
            throw DocumentError("unexpected \(describeCurrent()), expected a value", at: start)
        }
        for _ in text { advance() }
    }

    private mutating func readNumber() throws(DocumentError) -> DocumentNode {
        let start = here
        let first = index
        func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
        if bytes[index] == UInt8(ascii: "-") { advance() }
        guard index < bytes.count, isDigit(bytes[index]) else {
            throw DocumentError("invalid number: expected a digit", at: here)
        }
        if bytes[index] == UInt8(ascii: "0") {
            advance()
            if index < bytes.count, isDigit(bytes[index]) {
                throw DocumentError("invalid number: leading zeros are not allowed", at: start)
            }
        } else {
            while index < bytes.count, isDigit(bytes[index]) { advance() }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            advance()
            guard index < bytes.count, isDigit(bytes[index]) else {
                throw DocumentError("invalid number: expected a digit after '.'", at: here)
            }
            while index < bytes.count, isDigit(bytes[index]) { advance() }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            advance()
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { advance() }
            guard index < bytes.count, isDigit(bytes[index]) else {
                throw DocumentError("invalid number: expected a digit in the exponent", at: here)
            }
            while index < bytes.count, isDigit(bytes[index]) { advance() }
        }
        let text = String(decoding: bytes[first..<index], as: UTF8.self)
        guard let value = Double(text), value.isFinite else {
            throw DocumentError("number \(text.prefix(40)) is out of range", at: start)
        }
        return DocumentNode(.number(value, text: text), at: start)
    }

    private mutating func readString() throws(DocumentError) -> String {
        let start = here
        advance()  // opening quote
        // Most strings hold no escape: they are decoded in one step from their bytes.
        var scalars: String.UnicodeScalarView?
        var runStart = index
        func decode(_ bytes: [UInt8], _ from: Int, _ to: Int) throws(DocumentError) -> String {
            // Through a buffer pointer: the fast, contiguous path of UTF-8 validation.
            guard let text = bytes[from..<to].withUnsafeBufferPointer({ String(validating: $0, as: UTF8.self) }) else {
                throw DocumentError("a string holds bytes that are not valid UTF-8", at: start)
            }
            return text
        }
        while true {
            guard index < bytes.count else { throw DocumentError("unterminated string", at: start) }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let tail = try decode(bytes, runStart, index)
                advance()
                guard var scalars else { return tail }
                scalars.append(contentsOf: tail.unicodeScalars)
                return String(scalars)
            }
            if byte < 0x20 {
                throw DocumentError("a control character must be escaped inside a string", at: here)
            }
            if byte == UInt8(ascii: "\\") {
                var run = scalars ?? String.UnicodeScalarView()
                run.append(contentsOf: try decode(bytes, runStart, index).unicodeScalars)
                run.append(try readEscape())
                scalars = run
                runStart = index
                continue
            }
            advance()
        }
    }

    private mutating func readEscape() throws(DocumentError) -> Unicode.Scalar {
        let start = here
        advance()  // backslash
        guard index < bytes.count else { throw DocumentError("unterminated escape sequence", at: start) }
        let byte = bytes[index]
        advance()
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let high = try readHex4(start)
            if (0xD800...0xDBFF).contains(high) {
                guard bytes.count - index >= 2, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                    throw DocumentError("a lone surrogate \\u escape is not a character", at: start)
                }
                advance()
                advance()
                let low = try readHex4(start)
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw DocumentError("a lone surrogate \\u escape is not a character", at: start)
                }
                let value = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                guard let scalar = Unicode.Scalar(value) else {
                    throw DocumentError("invalid \\u escape", at: start)
                }
                return scalar
            }
            guard let scalar = Unicode.Scalar(high) else {
                throw DocumentError("a lone surrogate \\u escape is not a character", at: start)
            }
            return scalar
        default:
            throw DocumentError("invalid escape sequence in a string", at: start)
        }
    }

    private mutating func readHex4(_ start: SourcePosition) throws(DocumentError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard index < bytes.count else { throw DocumentError("unterminated \\u escape", at: start) }
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw DocumentError("invalid \\u escape: expected four hex digits", at: start)
            }
            value = value * 16 + digit
            advance()
        }
        return value
    }
}
