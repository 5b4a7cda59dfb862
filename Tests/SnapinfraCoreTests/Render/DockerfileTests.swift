import Foundation
import Testing

@testable import SnapinfraCore

/// The app's container build: one per named runtime, non-root, health-checked, pinned.
@Suite struct DockerfileTests {
    func files(_ runtime: Runtime?, healthPath: String? = "/healthz") throws -> [RenderedFile] {
        var file = try example("shop.json")
        file.project.runtime = runtime
        file.project.healthPath = healthPath
        return try Renderer().render(DesignEngine().run(file), targets: [.terraform, .dockerCompose])
    }

    @Test(arguments: Runtime.allCases.filter { $0 != .other }) func everyRuntimeGetsADockerfileThatValidates(runtime: Runtime) throws {
        let files = try files(runtime)
        let dockerfile = try #require(files.first { $0.path == "Dockerfile" }?.content)
        #expect(files.contains { $0.path == ".dockerignore" && $0.content.contains("\n.env\n") && $0.content.contains("*.tfstate") })
        #expect(OutputValidator().validate(files).isEmpty, "\(OutputValidator().validate(files))")
        let lines = dockerfile.split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("FROM ") }.count == 2, "multi-stage")
        #expect(lines.last { $0.hasPrefix("USER ") }.map { $0 != "USER root" } == true)
        #expect(lines.contains { $0.hasPrefix("HEALTHCHECK ") && $0.contains("http://127.0.0.1:8080/healthz") })
        #expect(!lines.contains { $0.hasPrefix("ARG ") && ($0.contains("PASSWORD") || $0.contains("SECRET") || $0.contains("KEY")) })
        #expect(try #require(files.first { $0.path == "docker-compose.yml" }?.content).contains("Built from the Dockerfile beside this file"))
        // The load balancer checks the same path the container does.
        #expect(try #require(files.first { $0.path == "infra/terraform/alb.tf" }?.content).contains("path                = \"/healthz\""))
    }

    @Test func withoutARuntimeComposeAndDeploySayWhereTheAppsDockerfileGoes() throws {
        for runtime in [nil, Runtime.other] {
            let files = try files(runtime, healthPath: nil)
            #expect(!files.contains { $0.path == "Dockerfile" || $0.path == ".dockerignore" })
            let note = "The app's own Dockerfile must be at ./Dockerfile, beside this file: no runtime was named (project.runtime)"
            #expect(try #require(files.first { $0.path == "docker-compose.yml" }?.content).contains(note))
            #expect(try #require(files.first { $0.path == "DEPLOY.md" }?.content).contains(note))
        }
    }

    @Test func theCheckerRefusesWhatMustNotShip() {
        let bad = RenderedFile(
            path: "Dockerfile", content: "FROM node AS build\nRUN npm ci\nFROM alpine:latest\nADD app.tgz /app\nUSER root\nCMD [\"x\"]\nFETCH x\n",
            source: "t", target: .dockerCompose)
        #expect(
            DockerfileChecker().check(bad).map(\.message) == [
                "base image \"node\" is not pinned to a release", "base image \"alpine:latest\" is not pinned to a release",
                "ADD fetches and unpacks; use COPY", "unknown instruction \"FETCH\"", "no HEALTHCHECK",
                "the image would run as root: end with a USER that is not root",
            ])
    }
}
