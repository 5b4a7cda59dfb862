import Foundation
import Testing

@testable import SnapinfraCore

/// The design and cost of every example, pinned.
@Suite struct DesignGoldenTests {
    @Test func everyExampleMatchesItsGoldenReport() throws {
        for url in try exampleFiles() {
            let file = try #require(ProjectLoader().load([UInt8](Data(contentsOf: url)), format: DocumentFormat.forFileName(url.path)).file)
            let report = DesignReport.text(run(file), projectName: file.project.name)
            let name = url.deletingPathExtension().lastPathComponent
            try Golden.check(report, "design/\(name).txt")
        }
    }
}
