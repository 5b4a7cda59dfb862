import Testing

@testable import SnapinfraCore

@Suite struct YAMLReaderTests {
    private func error(_ text: String) -> DocumentError? {
        do {
            _ = try YAMLReader.read(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func plainScalarsAreTypedAndQuotedOnesAreStrings() throws {
        let node = try YAMLReader.read("a: 3\nb: '3'\nc: true\nd: ~\ne: 2.5\nf: 2024-01-01\n")
        guard case .object(let members) = node.value else {
            Issue.record("not an object")
            return
        }
        #expect(
            members.map(\.value.value) == [
                .number(3, text: "3"), .string("3"), .bool(true), .null, .number(2.5, text: "2.5"), .string("2024-01-01"),
            ])
        #expect(members[4].keyPosition == SourcePosition(line: 5, column: 1))
    }

    @Test func billionLaughsFailsAtTheFirstAnchor() {
        var text = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        let names = Array("abcdefghij")
        for i in 1..<names.count {
            let alias = "*\(names[i - 1])"
            text += "\(names[i]): &\(names[i]) [\(Array(repeating: alias, count: 9).joined(separator: ","))]\n"
        }
        let e = error(text)
        #expect(e?.message == "YAML anchors and aliases are not allowed in a project file")
        #expect(e?.position == SourcePosition(line: 1, column: 4))
    }

    @Test func deepNestingIsAnError() {
        let flow = "a: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(error(flow)?.message == "nesting is deeper than the YAML reader allows (1000 levels)")
        let block = "a:\n" + (0..<100).map { String(repeating: "  ", count: $0) + "- " }.joined(separator: "\n")
        #expect(error(block)?.message == "nesting is deeper than 64 levels")
    }

    @Test func refusesWhatAProjectFileNeverNeeds() {
        #expect(error("a: 1\n---\nb: 2\n")?.message == "the file holds more than one YAML document; a project file is one document")
        #expect(error("a: !!binary aGVsbG8=\n")?.message == "YAML tag \"tag:yaml.org,2002:binary\" is not allowed in a project file")
        #expect(error("? [a, b]\n: 1\n")?.message == "a mapping key must be plain text")
        #expect(error("")?.message == "the file is empty")
    }

    /// The structural errors name their place in the document as the decoder's errors do.
    @Test func structuralErrorsHaveASpecPath() {
        let nested = "project:\n  schema:\n    - fields: " + String(repeating: "[", count: 70) + String(repeating: "]", count: 70) + "\n"
        #expect(error(nested)?.path.hasPrefix("project.schema[0].fields[0][0]") == true)
        #expect(error("project:\n  schema:\n    - fields: !!binary aGVsbG8=\n")?.path == "project.schema[0].fields")
        #expect(error("project:\n  schema:\n    - &t {name: a}\n")?.path == "project.schema[0]")
        let duplicate = error("project:\n  name: x\n  schema:\n    - name: users\n      fields: []\n      name: again\n")
        #expect(duplicate?.path == "project.schema[0].name")
        #expect(duplicate?.message == "duplicate key")
        #expect(duplicate?.position == SourcePosition(line: 4, column: 7))
        // The same problems in JSON carry the same paths.
        let json = "{\"project\": {\"schema\": [{\"fields\": " + String(repeating: "[", count: 70) + String(repeating: "]", count: 70) + "}]}}"
        do {
            _ = try JSONReader.read(Array(json.utf8))
            Issue.record("no error")
        } catch {
            #expect(error.path.hasPrefix("project.schema[0].fields[0][0]"))
        }
    }

    @Test func syntaxErrorsHaveLineAndColumn() {
        let e = error("project:\n  name: [unclosed\n")
        #expect(e?.message == "invalid YAML: did not find expected ',' or ']'")
        #expect(e?.position?.line == 3)
    }
}

@Suite struct YAMLReaderPositionTests {
    @Test func readerErrorsGetAPositionFromTheirOffset() {
        do {
            _ = try YAMLReader.read("a: 1\nb: x\u{0}y\n")
            Issue.record("accepted a NUL byte")
        } catch {
            #expect(error.message == "invalid YAML: control characters are not allowed")
            #expect(error.position == SourcePosition(line: 2, column: 5))
        }
    }
}
