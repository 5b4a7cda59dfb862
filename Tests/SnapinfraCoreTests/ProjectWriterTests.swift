import Foundation
import Testing

@testable import SnapinfraCore

@Suite struct ProjectWriterTests {
    @Test(arguments: [DocumentFormat.json, .yaml])
    func everyExampleReadsBackAsTheSameProject(format: DocumentFormat) throws {
        for url in try exampleFiles() {
            let original = try #require(ProjectLoader().load([UInt8](try Data(contentsOf: url)), format: DocumentFormat.forFileName(url.path)).file)
            let text = ProjectWriter.text(original, format: format)
            let again = ProjectLoader().load(Array(text.utf8), format: format)
            #expect(again.diagnostics.isEmpty, "\(url.lastPathComponent): \(again.diagnostics.map(\.pathAndMessage))")
            #expect(again.file == original, "\(url.lastPathComponent) as \(format)")
        }
    }

    @Test(arguments: [DocumentFormat.json, .yaml])
    func everyArchitectFixtureReadsBackAsTheSameProject(format: DocumentFormat) throws {
        let folder = repositoryRoot.appendingPathComponent("Tests/Fixtures/architect")
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".yaml") {
            let original = try example(name, folder: "Tests/Fixtures/architect")
            let again = ProjectLoader().load(Array(ProjectWriter.text(original, format: format).utf8), format: format)
            #expect(again.diagnostics.isEmpty, "\(name): \(again.diagnostics.map(\.pathAndMessage))")
            #expect(again.file == original, "\(name) as \(format)")
        }
    }

    @Test(arguments: [DocumentFormat.json, .yaml])
    func awkwardTextSurvivesTheRoundTrip(format: DocumentFormat) throws {
        let awkward = [
            "yes", "no", "null", "~", "1.5", "0x10", "- dash", "a: b", "# hash", "quote \" and \\ backslash", "new\nline", "tab\there",
            "日本語のテキスト", "emoji 🚀", "  padded  ", "",
        ]
        for text in awkward {
            var file = ProjectFile(project: Project(name: "p", description: text))
            file.project.schema = [Table(name: "t", fields: [Field(name: "id", type: .uuid, primaryKey: true)])]
            let written = ProjectWriter.text(file, format: format)
            let again = ProjectLoader().load(Array(written.utf8), format: format)
            #expect(
                again.file?.project.description == text,
                "\(format): \(text.debugDescription) came back as \(String(describing: again.file?.project.description.debugDescription)) from \(written)"
            )
        }
    }

    @Test func defaultsAreLeftOutAndFieldsFitOnOneLine() {
        let file = ProjectFile(project: Project(name: "p", schema: [Table(name: "t", fields: [Field(name: "id", type: .uuid, primaryKey: true)])]))
        let yaml = ProjectWriter.text(file, format: .yaml)
        #expect(yaml.contains("        - { name: id, type: uuid, primaryKey: true }\n"))
        #expect(!yaml.contains("nullable"))
    }
}
