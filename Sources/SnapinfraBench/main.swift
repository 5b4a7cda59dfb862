import Foundation
import SnapinfraCore

// Benchmarks for the design phase. Run from the repository root:
//   swift run -c release snapinfra-bench
// Prints the median and the best of N runs per case; targets are in README.md.

func measure(_ label: String, runs: Int, _ body: () -> Void) {
    var samples: [Double] = []
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
    }
    samples.sort()
    let median = samples[samples.count / 2]
    let padded = label.count < 48 ? label + String(repeating: " ", count: 48 - label.count) : label
    print(padded + String(format: " median %8.3f ms   best %8.3f ms   (%d runs)", median, samples[0], runs))
}

let examples = (try? FileManager.default.contentsOfDirectory(atPath: "examples"))?.sorted() ?? []
if examples.isEmpty { print("note: run from the repository root to include examples/") }
print("design + estimate (analysis, rules, validation, cost, budget)")
for name in examples {
    guard let data = FileManager.default.contents(atPath: "examples/\(name)"),
        let file = ProjectLoader().load([UInt8](data), format: DocumentFormat.forFileName(name)).file
    else { continue }
    measure(name, runs: 200) { _ = DesignEngine().run(file) }
    let result = DesignEngine().run(file)
    measure("  render + validate \(name)", runs: 100) {
        let files = (try? Renderer().render(result, targets: [.terraform, .dockerCompose])) ?? []
        _ = OutputValidator().validate(files)
    }
    measure("  load + validate \(name)", runs: 200) { _ = ProjectLoader().load([UInt8](data), format: DocumentFormat.forFileName(name)) }
}
let big = SyntheticProject.make()
measure("synthetic 300 tables / 1,500 endpoints", runs: 50) { _ = DesignEngine().run(big) }
let bigResult = DesignEngine().run(big)
measure("  render + validate synthetic", runs: 20) {
    let files = (try? Renderer().render(bigResult, targets: [.terraform, .dockerCompose])) ?? []
    _ = OutputValidator().validate(files)
}
let encoded = (try? JSONEncoder().encode(big)) ?? Data()
measure("  load + validate synthetic (\(encoded.count / 1024) KiB JSON)", runs: 20) { _ = ProjectLoader().load([UInt8](encoded), format: .json) }
measure("  JSON reader only, synthetic", runs: 20) { _ = try? JSONReader.read([UInt8](encoded)) }
