import Testing

@testable import SnapinfraCore

@Suite struct JSONReaderTests {
    private func read(_ text: String) throws(DocumentError) -> DocumentNode {
        try JSONReader.read(Array(text.utf8))
    }

    private func error(_ text: String) -> DocumentError? {
        do {
            _ = try read(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func readsValuesWithPositions() throws {
        let node = try read("{\n  \"a\": [1, 2.5, true, null],\n  \"b\": \"x\\u00e9\\ud83d\\ude00\"\n}")
        guard case .object(let members) = node.value else {
            Issue.record("not an object")
            return
        }
        #expect(members.map(\.key) == ["a", "b"])
        #expect(members[0].keyPosition == SourcePosition(line: 2, column: 3))
        #expect(members[1].value.value == .string("xé😀"))
        guard case .array(let items) = members[0].value.value else {
            Issue.record("not an array")
            return
        }
        #expect(items[1].value == .number(2.5, text: "2.5"))
        #expect(items[2].position == SourcePosition(line: 2, column: 17))
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let e = error("{\"é\": 1, \"ü\" 2}")
        #expect(e?.position == SourcePosition(line: 1, column: 14))
        #expect(e?.message == "unexpected character '2', expected ':' after key")
    }

    @Test(arguments: [
        ("{\"a\": 1,}", 1, 9, "unexpected character '}', expected a key in double quotes"),
        ("[1, 2", 1, 6, "unexpected end of file, expected ',' or ']'"),
        ("{\"a\": 01}", 1, 7, "invalid number: leading zeros are not allowed"),
        ("{\"a\": \"x\ny\"}", 1, 9, "a control character must be escaped inside a string"),
        ("{\"a\": \"\\q\"}", 1, 8, "invalid escape sequence in a string"),
        ("{\"a\": \"\\ud800\"}", 1, 8, "a lone surrogate \\u escape is not a character"),
        ("{} x", 1, 4, "unexpected character 'x' after the end of the document"),
        ("", 1, 1, "the file is empty"),
        ("{\"a\": tru}", 1, 7, "unexpected character 't', expected a value"),
        ("{\"a\": \"abc", 1, 7, "unterminated string"),
        ("{\"a\": 1e999}", 1, 7, "number 1e999 is out of range"),
    ])
    func syntaxErrorsHaveLineAndColumn(text: String, line: Int, column: Int, message: String) {
        let e = error(text)
        #expect(e?.message == message)
        #expect(e?.position == SourcePosition(line: line, column: column))
    }

    @Test func tenThousandNestedArraysGiveAnErrorNotACrash() {
        let text = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let e = error(text)
        #expect(e?.message == "nesting is deeper than 64 levels")
        #expect(e?.position == SourcePosition(line: 1, column: 65))
    }

    @Test func invalidUTF8IsRefused() {
        var bytes = Array("{\"a\": \"".utf8)
        bytes += [0xFF, 0xFE]
        bytes += Array("\"}".utf8)
        #expect(throws: DocumentError.self) { try JSONReader.read(bytes) }
    }
}
