import Foundation
import SnapinfraCore
import Testing

@testable import SnapinfraImport

/// Truncated and garbled OpenAPI documents: never a crash or a hang, every error at a line and
/// column, and whatever is imported passes `validate`.
@Suite struct OpenAPIPropertyTests {
    /// SplitMix64, so a failing seed can be replayed.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    private func check(_ name: String, _ text: String, note: String) {
        let result = ProjectImporter.run([ImportSource(name: name, text: text)])
        let errors = result.diagnostics.filter { $0.diagnostic.severity == .error && $0.source == name }
        #expect(errors.allSatisfy { $0.diagnostic.position != nil }, "\(note): \(errors.map(\.formatted))")
        if let file = result.file {
            #expect(ProjectValidator().validate(file).allSatisfy { $0.severity != .error }, "\(note)")
        } else {
            #expect(result.failure != nil, "\(note): no project and no reason")
        }
    }

    @Test(arguments: ["petstore-3.0.yaml", "media-3.0.json", "events-3.1.yaml"])
    func truncatedAndGarbledDocumentsNeverCrash(_ fixture: String) throws {
        let source = try OpenAPIImportTests.fixture(fixture)
        let text = Array(source.text)
        for cut in stride(from: 0, to: text.count, by: 41) {
            check(fixture, String(text[..<cut]), note: "cut at \(cut)")
        }
        let noise: [Character] = ["{", "}", "[", "]", ":", "'", "\"", "-", "#", "$", ",", "\n", " ", "x", "1", "&", "*", "!", "|", ">"]
        for seed in UInt64(1)...150 {
            var generator = Seeded(state: seed)
            var garbled = text
            for _ in 0..<8 {
                garbled[Int.random(in: 0..<garbled.count, using: &generator)] = noise.randomElement(using: &generator) ?? "x"
            }
            check(fixture, String(garbled), note: "seed \(seed)")
        }
    }

    /// Structure that is valid YAML but wrong OpenAPI: references in loops, types where objects go.
    @Test func wrongShapesAreDiagnosedNotTrapped() {
        let documents = [
            "openapi: 3.1.0\ninfo: {title: x, version: '1'}\ncomponents:\n  schemas:\n    A: {$ref: '#/components/schemas/B'}\n    B: {$ref: '#/components/schemas/A'}\npaths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: loop\n          content: {application/json: {schema: {type: array, items: {$ref: '#/components/schemas/A'}}}}\n",
            "openapi: 3.1.0\ninfo: {title: x, version: '1'}\npaths: []\n",
            "openapi: 3.0.0\ninfo: {title: x, version: '1'}\npaths:\n  /a: {get: {responses: {'200': {description: x}}, security: [{}]}}\n  b: {}\n",
            "openapi: [3]\n",
            "- 1\n- 2\n",
            "openapi: 3.1.0\ninfo: {title: x, version: '1'}\npaths:\n  /x/{id}:\n    post:\n      requestBody: {$ref: '#/components/requestBodies/None'}\n      responses: {'200': {description: x}}\n",
        ]
        for (index, text) in documents.enumerated() { check("case\(index).yaml", text, note: "case \(index)") }
    }
}
