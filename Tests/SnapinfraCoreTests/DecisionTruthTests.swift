import Foundation
import Testing

@testable import SnapinfraCore

/// Every decision of every fixture and example, in every environment, says things that are true of
/// the design it belongs to, and its trace arrives at its value.
@Suite struct DecisionTruthTests {
    static func projects() throws -> [(String, ProjectFile)] {
        var files: [(String, ProjectFile)] = []
        let architect = repositoryRoot.appendingPathComponent("Tests/Fixtures/architect")
        for name in try FileManager.default.contentsOfDirectory(atPath: architect.path).sorted() where name.hasSuffix(".yaml") {
            files.append((name, try example(name, folder: "Tests/Fixtures/architect")))
        }
        for url in try exampleFiles() { files.append((url.lastPathComponent, try example(url.lastPathComponent))) }
        var all: [(String, ProjectFile)] = []
        for (name, file) in files {
            for environment in Environment.allCases {
                var copy = file
                copy.options.environment = environment
                all.append(("\(name) in \(environment.rawValue)", copy))
            }
        }
        return all
    }

    @Test func reasonsAndTracesAreTrueForTheirDesign() throws {
        for (name, file) in try Self.projects() {
            let result = DesignEngine().run(file)
            let design = result.design
            for d in design.decisions {
                let text = d.reason + " " + d.trace.joined(separator: " ")
                let place = "\(name): \(d.id) = \(d.value)"
                // The entry point and the platform compare themselves with a load balancer; others may not speak of one.
                if !d.id.hasPrefix("entry.") && d.id != "compute.platform" && d.reason.contains("load balancer") {
                    #expect(design.entryPoint?.kind == .applicationLoadBalancer, "\(place) speaks of a load balancer")
                }
                if d.reason.contains("Multi-AZ database") { #expect(design.database?.multiAZ == true, "\(place)") }
                if design.database?.service != .rds { #expect(!text.contains("gp3"), "\(place) speaks of gp3 without RDS") }
                switch d.id {
                case "compute.taskCount":
                    let c = try #require(design.compute)
                    #expect(d.value == "\(c.minCount) (min \(c.minCount), max \(c.maxCount))", "\(place)")
                    #expect(d.trace.first?.hasSuffix("→ \(c.minCount)") == true, "\(place): \(d.trace)")
                    #expect(d.trace.count > 1 && d.trace[1].hasSuffix("→ \(c.maxCount)"), "\(place): \(d.trace)")
                case "compute.taskSize":
                    let c = try #require(design.compute)
                    #expect(text.contains("= \(c.memoryMB) MB"), "\(place)")
                    #expect(d.trace.contains { $0.contains("÷ \(Format.number(c.vCPU, digits: 2)) vCPU per task") }, "\(place)")
                case "compute.memory":
                    let c = try #require(design.compute)
                    #expect(d.reason.contains("1769 MB") || d.reason.contains("1,769 MB"), "\(place)")
                    #expect(d.trace.contains { $0.hasSuffix("→ \(c.memoryMB) MB") }, "\(place)")
                case "database.instanceClass":
                    let db = try #require(design.database)
                    let classes = DatabaseSizing.rdsClasses + DatabaseSizing.documentDBClasses
                    let c = try #require(classes.first { $0.value == db.instanceClass })
                    #expect(d.trace.contains { $0.hasSuffix("against \(Format.number(c.vCPU)) vCPU") }, "\(place): \(d.trace)")
                    #expect(d.trace.contains { $0.hasSuffix("against \(Format.number(c.memoryGB)) GB") }, "\(place): \(d.trace)")
                case "database.storage":
                    let db = try #require(design.database)
                    #expect(d.trace.first?.hasSuffix("→ \(Format.number(Double(db.storageGB))) GB") == true, "\(place): \(d.trace)")
                    if let ceiling = db.maxStorageGB {
                        #expect(d.trace.last?.hasSuffix("→ \(Format.number(Double(ceiling))) GB") == true, "\(place)")
                    }
                case "cache.nodeType":
                    let cache = try #require(design.cache)
                    #expect(d.value == "\(cache.nodeType) × \(cache.nodes)" && text.contains(cache.nodeType), "\(place)")
                default:
                    break
                }
            }
        }
    }
}
