import Foundation
import Testing

@testable import SnapinfraCore

/// Shape problems: types, required keys, enum values, ranges, unknown keys, limits.
@Suite struct ProjectDecoderTests {
    @Test func theSpecExampleLoadsWithDefaults() throws {
        let result = load(
            #"""
            {"project": {"name": "my-api", "schema": [{"name": "users", "fields": [{"name": "id", "type": "uuid", "primaryKey": true}]}]}}
            """#)
        #expect(result.diagnostics.isEmpty)
        let file = try #require(result.file)
        #expect(file.options == Options())
        #expect(file.options.region == "us-east-1")
        #expect(file.options.targets == [.terraform, .dockerCompose])
        #expect(file.options.environment == .development)
        #expect(file.project.database.type == .postgres)
        #expect(file.project.traffic.peakMultiplier == 3)
    }

    @Test func everyShapeProblemIsReportedInOneRun() {
        let result = load(
            #"""
            {
              "project": {
                "schema": [{"name": 5, "fields": [{"name": "id", "type": "uuidd", "primaryKey": "yes"}], "estimatedRows": 2.5}],
                "endpoints": [{"method": "get", "path": "/a"}, {"method": "FETCH", "path": "/b"}],
                "database": {"type": "oracle"},
                "traffic": {"requestsPerSecond": -3, "peakMultiplier": 0.5},
                "colour": "blue"
              },
              "options": {
                "budget": -1,
                "region": "eu-west-9",
                "environment": "prod",
                "preferences": {"cost": "cheap", "scale": "huge", "compliance": ["gpdr", "hipaa", "hipaa"]},
                "targets": ["terraform", "helm"],
                "enhancementFocus": "security"
              },
              "extra": true
            }
            """#)
        #expect(result.file == nil)
        #expect(
            lines(result) == [
                "error project.name: required key is missing",
                "error project.schema[0].name: expected a string, found a number",
                "warning project.schema[0].fields[0].type: unknown type \"uuidd\", treated as \"string\" (did you mean \"uuid\"?)",
                "error project.schema[0].fields[0].primaryKey: expected true or false, found a string",
                "error project.schema[0].estimatedRows: expected a whole number, found 2.5",
                "error project.endpoints[0].method: \"get\" is not one of \"GET\", \"POST\", \"PUT\", \"PATCH\", \"DELETE\", \"HEAD\", \"OPTIONS\" (did you mean \"GET\"?)",
                "error project.endpoints[1].method: \"FETCH\" is not one of \"GET\", \"POST\", \"PUT\", \"PATCH\", \"DELETE\", \"HEAD\", \"OPTIONS\"",
                "error project.database.type: \"oracle\" is not one of \"postgres\", \"mysql\", \"mariadb\", \"mongodb\", \"dynamodb\", \"none\"",
                "error project.traffic.requestsPerSecond: -3 is out of range: must be at least 0",
                "error project.traffic.peakMultiplier: 0.5 is out of range: must be at least 1",
                "warning project.colour: unknown key, ignored",
                "error options.preferences.cost: \"cheap\" is not one of \"minimal\", \"balanced\", \"performance\"",
                "error options.preferences.scale: \"huge\" is not one of \"prototype\", \"startup\", \"growth\", \"enterprise\"",
                "error options.preferences.compliance[0]: \"gpdr\" is not one of \"gdpr\", \"hipaa\", \"pci-dss\", \"soc2\" (did you mean \"gdpr\"?)",
                "warning options.preferences.compliance[2]: \"hipaa\" is listed twice",
                "error options.budget: -1 is out of range: must be at least 0",
                "error options.region: \"eu-west-9\" is not an AWS region (did you mean \"eu-west-1\"?)",
                "error options.targets[1]: \"helm\" is not one of \"terraform\", \"docker-compose\", \"kubernetes\", \"pulumi\"",
                "error options.environment: \"prod\" is not one of \"development\", \"staging\", \"production\"",
                "error options.enhancementFocus: expected an array, found a string",
                "warning extra: unknown key, ignored",
            ])
    }

    @Test func aNullWhereAnArrayIsRequiredIsAnError() {
        let text = projectJSON(
            #""schema": [{"name": "a", "fields": null}, {"name": "b", "fields": [{"name": "id", "type": "uuid", "primaryKey": true}, {"name": "a_id", "type": "uuid", "references": "b.id"}]}]"#
        )
        let found = lines(load(text))
        #expect(found.contains("error project.schema[0].fields: must not be null; give the table's columns as an array"))
        // The file is not valid, and no later message names the wrong table.
        #expect(load(text).file == nil || found.contains { $0.hasPrefix("error") })
        #expect(!found.contains { $0.contains("does not exist") })
        #expect(lines(load(#"{"project": null}"#)).contains("error project: must not be null"))
    }

    @Test func theLaterFieldsOfTheSpecAreRead() throws {
        let text = projectJSON(
            #""runtime": "go", "healthPath": "/ready", "domain": "api.example.com", "schema": [{"name": "events", "retentionDays": 30, "fields": [{"name": "id", "type": "uuid", "primaryKey": true}]}], "endpoints": [{"method": "GET", "path": "/events", "requestKB": 0.5, "responseKB": 24}]"#
        )
        let result = load(text)
        #expect(result.diagnostics.isEmpty, "\(lines(result))")
        let project = try #require(result.file?.project)
        #expect(project.runtime == .go && project.healthPath == "/ready" && project.domain == "api.example.com")
        #expect(project.schema[0].retentionDays == 30)
        #expect(project.endpoints[0].requestKB == 0.5 && project.endpoints[0].responseKB == 24)
    }

    @Test func theLaterFieldsAreChecked() {
        let text = projectJSON(
            #""runtime": "cobol", "healthPath": "health", "domain": "https://api.example.com", "schema": [{"name": "t", "retentionDays": 0, "fields": [{"name": "id", "type": "uuid", "primaryKey": true}]}], "endpoints": [{"method": "GET", "path": "/t", "rps": 90, "responseKB": -1}], "traffic": {"requestsPerSecond": 50}"#
        )
        let found = lines(load(text))
        #expect(found.contains { $0.hasPrefix("error project.runtime: \"cobol\" is not one of") })
        #expect(found.contains { $0.hasPrefix("error project.schema[0].retentionDays:") })
        #expect(found.contains { $0.hasPrefix("error project.endpoints[0].responseKB:") })
        // Relations are checked once the shapes are right.
        let relations = lines(
            load(
                projectJSON(
                    #""healthPath": "health", "domain": "https://api.example.com", "endpoints": [{"method": "GET", "path": "/t", "rps": 90}], "traffic": {"requestsPerSecond": 50}"#
                )))
        #expect(relations.contains("error project.healthPath: \"health\" must start with \"/\" (did you mean \"/health\"?)"))
        #expect(relations.contains { $0.hasPrefix("error project.domain: \"https://api.example.com\" is a URL or path") })
        #expect(relations.contains("error project.endpoints: the endpoints' rps add up to 90, more than traffic.requestsPerSecond (50)"))
    }

    @Test func diagnosticsCarryTheSourcePosition() {
        let result = load("{\n  \"project\": {\n    \"name\": \"x\",\n    \"nmae\": 1\n  }\n}")
        #expect(
            result.diagnostics == [
                .warning("project.nmae", "unknown key, ignored (did you mean \"name\"?)", at: SourcePosition(line: 4, column: 5))
            ])
        #expect(
            result.diagnostics[0].formatted(source: "a.json") == "a.json:4:5: warning: project.nmae: unknown key, ignored (did you mean \"name\"?)")
    }

    @Test func requiredKeysAndEmptyValues() {
        #expect(lines(load("{}")) == ["error project: required key is missing"])
        #expect(lines(load("[]")) == ["error expected an object, found an array"])
        #expect(lines(load(#"{"project": {"name": "  "}}"#)) == ["error project.name: must not be empty"])
        #expect(lines(load(#"{"project": {"name": null}}"#)) == ["error project.name: must not be null"])
        #expect(lines(load(projectJSON(#""schema": [{"name": "t"}]"#))) == ["error project.schema[0].fields: required key is missing"])
        #expect(lines(load(projectJSON(#""endpoints": [{"method": "GET"}]"#))) == ["error project.endpoints[0].path: required key is missing"])
    }

    @Test func duplicateKeysAreErrors() {
        #expect(lines(load(#"{"project": {"name": "a", "name": "b"}}"#)) == ["error project.name: duplicate key"])
    }

    @Test func aHugeDescriptionIsRefusedWithItsSize() {
        let description = String(repeating: "a", count: 1_048_576)
        let result = load(projectJSON(#""description": ""# + description + "\""))
        #expect(lines(result) == ["error project.description: 1048576 characters is over the limit of 16384; shorten it"])
    }

    @Test func oversizeFilesAndNamesAreRefused() {
        var limits = DocumentLimits()
        limits.maxBytes = 100
        let bytes = Array(projectJSON(#""description": ""# + String(repeating: "x", count: 200) + "\"").utf8)
        let result = ProjectLoader(limits: limits).load(bytes)
        #expect(lines(result) == ["error the file is \(bytes.count) bytes, over the limit of 100"])
        let longName = String(repeating: "n", count: 129)
        #expect(lines(load(#"{"project": {"name": ""# + longName + #""}}"#)) == ["error project.name: 129 characters is over the limit of 128"])
    }

    @Test func otherCloudsAreNamedAndEveryTargetIsTaken() {
        let result = load(projectJSON(options: #"{"cloud": "gcp", "targets": ["terraform", "pulumi"]}"#))
        #expect(lines(result) == ["error options.cloud: \"gcp\" is not supported yet; only \"aws\" is"])
        let aws = load(projectJSON(options: #"{"targets": ["terraform", "pulumi"]}"#))
        #expect(lines(aws).isEmpty && aws.file?.options.targets == [.terraform, .pulumi])
        #expect(lines(load(projectJSON(options: #"{"targets": []}"#))) == ["error options.targets: at least one target is needed"])
    }

    @Test func yamlAndJSONGiveTheSameProject() throws {
        let json = load(
            #"{"project": {"name": "a", "traffic": {"requestsPerSecond": 5}}, "options": {"budget": 30, "preferences": {"compliance": ["pci-dss"]}}}"#
        )
        let yaml = load(
            "project:\n  name: a\n  traffic:\n    requestsPerSecond: 5\noptions:\n  budget: 30\n  preferences:\n    compliance: [pci-dss]\n",
            format: .yaml)
        #expect(json.diagnostics.isEmpty && yaml.diagnostics.isEmpty)
        #expect(try #require(json.file) == (try #require(yaml.file)))
        #expect(json.file?.options.preferences.compliance == [.pciDss])
    }

    @Test func formatIsSniffedForStdin() {
        #expect(DocumentFormat.sniff(Array("  {\"a\": 1}".utf8)) == .json)
        #expect(DocumentFormat.sniff(Array("project:\n  name: a".utf8)) == .yaml)
        #expect(DocumentFormat.sniff(Array("# comment\nproject: {}".utf8)) == .yaml)
        #expect(DocumentFormat.forFileName("A.YML") == .yaml)
        #expect(DocumentFormat.forFileName("a.txt") == nil)
    }
}
