import Foundation
import Testing

@Suite struct GenerateCommandTests {
    private func temporaryFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("snapinfra-gen-\(UUID().uuidString)")
    }

    private func listing(_ folder: URL) -> [String] {
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        var paths: [String] = []
        while let url = enumerator?.nextObject() as? URL {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
            if !isDirectory.boolValue { paths.append(url.path.replacingOccurrences(of: folder.path + "/", with: "")) }
        }
        return paths.sorted()
    }

    @Test func writesTheLayoutOfTheContractWithAManifest() throws {
        let out = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try CLIRunner.run(["generate", "examples/saas-api.json", "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let files = listing(out)
        for expected in [
            "infra/terraform/versions.tf", "infra/terraform/providers.tf", "infra/terraform/variables.tf", "infra/terraform/outputs.tf",
            "infra/terraform/terraform.tfvars.example", "docker-compose.yml", ".env.example", "DEPLOY.md", "snapinfra.json",
        ] {
            #expect(files.contains(expected), "\(expected) missing")
        }
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("snapinfra.json"))) as? [String: Any]
        let entries = manifest?["files"] as? [[String: Any]] ?? []
        let bases = files.filter { $0.hasPrefix(".snapinfra/base/") }
        #expect(entries.count == files.count - 1 - bases.count)
        #expect(bases.count == entries.count, "every file has its base kept for the next merge")
        #expect(entries.allSatisfy { ($0["base"] as? String) == ".snapinfra/base/" + ($0["path"] as? String ?? "") })
        #expect(entries.allSatisfy { ($0["sha256"] as? String)?.count == 64 })
        #expect(result.stdout.contains("new         \(out.path)/DEPLOY.md"))
    }

    /// `--report FILE`: the review report's total is the manifest's and the one printed, the applied
    /// suggestions are listed as applied and every other offered one as declined.
    @Test func theReviewReportAgreesWithTheManifest() throws {
        let out = temporaryFolder()
        let report = out.deletingLastPathComponent().appendingPathComponent(out.lastPathComponent + "-review.md")
        defer {
            try? FileManager.default.removeItem(at: out)
            try? FileManager.default.removeItem(at: report)
        }
        let result = try CLIRunner.run([
            "generate", "examples/shop.json", "--out", out.path, "--apply", "vpc-flow-logs,alb-access-logs", "--report", report.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try String(contentsOf: report, encoding: .utf8)
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("snapinfra.json"))) as? [String: Any]
        let total = try #require(manifest?["monthlyEstimate"] as? Double)
        let money = "$" + String(format: "%.2f", total)
        #expect(text.contains("| **Total** | | | **\(money)** |"), "the report's total is not \(money)")
        #expect(result.stdout.contains("Estimated \(money) a month"))
        let applied = text.components(separatedBy: "Applied:")[1].components(separatedBy: "Declined")[0]
        #expect(applied.contains("`vpc-flow-logs`") && applied.contains("`alb-access-logs`"))
        let declined = text.components(separatedBy: "Declined")[1].components(separatedBy: "## ")[0]
        #expect(!declined.contains("`vpc-flow-logs`") && declined.contains("`alb-https`"))
        #expect(text.contains("all 17 files valid") && text.contains("- `DEPLOY.md`"))
        #expect(text.contains("| pci-dss |"), "the compliance checklist is in the report")
    }

    @Test func aSecondRunChangesNothingAndHandEditsNeedForce() throws {
        let out = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        #expect(try CLIRunner.run(["generate", "examples/shop.json", "--out", out.path]).status == 0)
        let again = try CLIRunner.run(["generate", "examples/shop.json", "--out", out.path])
        #expect(again.status == 0)
        #expect(!again.stdout.split(separator: "\n").contains { $0.hasPrefix("changed ") || $0.hasPrefix("new ") })
        #expect(again.stdout.contains("unchanged   "))

        let network = out.appendingPathComponent("infra/terraform/network.tf")
        let edited = try String(contentsOf: network, encoding: .utf8) + "# my change\n"
        try edited.write(to: network, atomically: true, encoding: .utf8)
        let refused = try CLIRunner.run(["generate", "examples/shop.json", "--out", out.path, "--target", "terraform"])
        #expect(refused.status == 3)
        #expect(
            refused.stderr.contains(
                "infra/terraform/network.tf: error: changed by hand since Snapinfra wrote it; --merge keeps the edits, --force overwrites them"))
        #expect(try String(contentsOf: network, encoding: .utf8) == edited, "a refused run must not touch the file")

        let forced = try CLIRunner.run(["generate", "examples/shop.json", "--out", out.path, "--force"])
        #expect(forced.status == 0)
        #expect(try String(contentsOf: network, encoding: .utf8) != edited)
    }

    /// The project of `examples/saas-api.json` with ten times the traffic: the tasks grow and a
    /// cache is added, which changes compute.tf away from its first resource.
    private func busierProject() throws -> URL {
        let url = temporaryFolder().appendingPathExtension("json")
        var object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "examples/saas-api.json"))) as? [String: Any] ?? [:]
        var project = object["project"] as? [String: Any] ?? [:]
        var traffic = project["traffic"] as? [String: Any] ?? [:]
        traffic["requestsPerSecond"] = 400
        project["traffic"] = traffic
        object["project"] = project
        try JSONSerialization.data(withJSONObject: object).write(to: url)
        return url
    }

    /// `examples/saas-api.json` written into a fresh folder, and the busier project beside it.
    private func writtenOutputAndABusierProject() throws -> (URL, URL) {
        let out = temporaryFolder()
        let written = try CLIRunner.run(["generate", "examples/saas-api.json", "--out", out.path])
        #expect(written.status == 0, "\(written.stderr)")
        return (out, try busierProject())
    }

    @Test func mergeKeepsHandEditsAndRefusesConflicts() throws {
        let (out, busier) = try writtenOutputAndABusierProject()
        defer {
            try? FileManager.default.removeItem(at: out)
            try? FileManager.default.removeItem(at: busier)
        }
        let compute = out.appendingPathComponent("infra/terraform/compute.tf")
        let original = try String(contentsOf: compute, encoding: .utf8)
        let edited = original.replacingOccurrences(
            of: "\nresource \"aws_ecs_cluster\"", with: "\n# Reviewed by on-call\nresource \"aws_ecs_cluster\"")
        #expect(edited != original)
        try edited.write(to: compute, atomically: true, encoding: .utf8)

        let merged = try CLIRunner.run(["generate", busier.path, "--out", out.path, "--merge"])
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(merged.stdout.contains("merged      \(out.path)/infra/terraform/compute.tf (1 hand edit kept)"))
        let after = try String(contentsOf: compute, encoding: .utf8)
        #expect(after.contains("# Reviewed by on-call\nresource \"aws_ecs_cluster\""), "the hand edit is kept")
        #expect(after.contains("cpu                      = 4096"), "the new sizing is written")
        let base = try String(contentsOf: out.appendingPathComponent(".snapinfra/base/infra/terraform/compute.tf"), encoding: .utf8)
        #expect(!base.contains("# Reviewed by on-call") && base.contains("cpu                      = 4096"), "the base is what was generated")
        // Nothing new to write: unchanged with or without --merge, and the hand edit stays.
        let plain = try CLIRunner.run(["generate", busier.path, "--out", out.path])
        #expect(plain.status == 0 && plain.stdout.contains("unchanged   \(out.path)/infra/terraform/compute.tf"))
        #expect(try String(contentsOf: compute, encoding: .utf8) == after)
        let again = try CLIRunner.run(["generate", busier.path, "--out", out.path, "--merge"])
        #expect(again.status == 0)
        #expect(try String(contentsOf: compute, encoding: .utf8) == after)

        // A hand edit on the lines the next run changes is a conflict: listed, nothing written.
        let clash = after.replacingOccurrences(of: "cpu                      = 4096", with: "cpu                      = 2048")
        try clash.write(to: compute, atomically: true, encoding: .utf8)
        let deploy = try String(contentsOf: out.appendingPathComponent("DEPLOY.md"), encoding: .utf8)
        let refused = try CLIRunner.run(["generate", "examples/saas-api.json", "--out", out.path, "--merge"])
        #expect(refused.status == 3)
        #expect(refused.stderr.contains("infra/terraform/compute.tf:") && refused.stderr.contains("error: conflict"))
        #expect(refused.stderr.contains("  |   cpu                      = 2048") && refused.stderr.contains("  |   cpu                      = 512"))
        #expect(try String(contentsOf: compute, encoding: .utf8) == clash, "nothing is written on a conflict")
        #expect(try String(contentsOf: out.appendingPathComponent("DEPLOY.md"), encoding: .utf8) == deploy)
        let json = try CLIRunner.run(["generate", "examples/saas-api.json", "--out", out.path, "--merge", "--json"])
        let failure = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(json.status == 3)
        #expect(failure?["success"] as? Bool == false)
        let details = failure?["details"] as? [String] ?? []
        #expect(details.contains { $0.contains("error: conflict") })
        #expect(try CLIRunner.run(["generate", busier.path, "--out", out.path, "--merge", "--force"]).status == 2)
    }

    @Test func aMergeThatBreaksTheTerraformIsNotWritten() throws {
        let (out, busier) = try writtenOutputAndABusierProject()
        defer {
            try? FileManager.default.removeItem(at: out)
            try? FileManager.default.removeItem(at: busier)
        }
        let compute = out.appendingPathComponent("infra/terraform/compute.tf")
        let broken = try String(contentsOf: compute, encoding: .utf8).replacingOccurrences(
            of: "resource \"aws_ecs_cluster\" \"this\" {", with: "resource \"aws_ecs_cluster\" \"this\" {\n  tags = {")
        try broken.write(to: compute, atomically: true, encoding: .utf8)
        let result = try CLIRunner.run(["generate", busier.path, "--out", out.path, "--merge"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("infra/terraform/compute.tf") && result.stderr.contains("(after merging hand edits)"))
        #expect(try String(contentsOf: compute, encoding: .utf8) == broken)
    }

    /// `--var NAME=VALUE`: the value a suggestion needs, in terraform.tfvars.example (escaped) and
    /// the manifest, never in the code; a bad name or value is a usage error naming it.
    @Test func valuesForSuggestionsGoIntoTheTfvarsExample() throws {
        let out = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try CLIRunner.run([
            "generate", "examples/shop.json", "--out", out.path, "--apply", "alarm-email", "--var", "alarm_email=o\"${x}@harbour.example",
            "--var", "budget_email=billing@harbour.example",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("note: --var budget_email: no suggestion applied takes it, so it is not used"))
        let tfvars = try String(contentsOf: out.appendingPathComponent("infra/terraform/terraform.tfvars.example"), encoding: .utf8)
        #expect(tfvars.contains(#""o\"$${x}@harbour.example""#))
        let manifest = try String(contentsOf: out.appendingPathComponent("snapinfra.json"), encoding: .utf8)
        #expect(manifest.contains("harbour.example"))
        for file in try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("infra/terraform").path)
        where file.hasSuffix(".tf") {
            let text = try String(contentsOf: out.appendingPathComponent("infra/terraform/\(file)"), encoding: .utf8)
            #expect(!text.contains("harbour.example"), "\(file) holds the value")
        }
        let typo = try CLIRunner.run(["generate", "examples/shop.json", "--out", out.path, "--var", "alarm_mail=x@y.z"])
        #expect(typo.status == 2 && typo.stderr.contains("(did you mean \"alarm_email\"?)"))
        let bad = try CLIRunner.run(["generate", "examples/shop.json", "--out", out.path, "--var", "certificate_arn=arn:aws:iam::1:role/x"])
        #expect(bad.status == 2 && bad.stderr.contains("is not an ACM certificate ARN"))
    }

    @Test func anInvalidProjectWritesNothing() throws {
        let out = temporaryFolder()
        let result = try CLIRunner.run(["generate", "-", "--out", out.path], stdin: "{\"project\": {\"name\": \"\"}}")
        #expect(result.status == 1)
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func neverWritesThroughASymbolicLink() throws {
        let out = temporaryFolder()
        let elsewhere = temporaryFolder()
        defer {
            try? FileManager.default.removeItem(at: out)
            try? FileManager.default.removeItem(at: elsewhere)
        }
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: out.appendingPathComponent("infra"), withDestinationURL: elsewhere)
        let result = try CLIRunner.run(["generate", "examples/shop.json", "--out", out.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("refusing to write through the symbolic link"))
        #expect(listing(elsewhere).isEmpty)
    }

    @Test func jsonKeepsTheOriginalResponseShape() throws {
        let out = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try CLIRunner.run(["generate", "examples/tiny-todo.yaml", "--out", out.path, "--json"])
        #expect(result.status == 0)
        let document = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(document?["success"] as? Bool == true)
        let data = document?["data"] as? [String: Any] ?? [:]
        for key in ["schema", "reasoning", "analysis", "estimatedCost", "recommendations", "files", "instructions", "validation", "enhancements"] {
            #expect(data[key] != nil, "data.\(key) missing")
        }
        let cost = data["estimatedCost"] as? [String: Any] ?? [:]
        #expect(cost["currency"] as? String == "USD" && cost["min"] != nil && cost["max"] != nil)
        let files = data["files"] as? [[String: Any]] ?? []
        #expect(files.allSatisfy { $0["path"] != nil && $0["content"] != nil && $0["source"] != nil })
        #expect((data["validation"] as? [String: Any])?["valid"] as? Bool == true)
        #expect((document?["metadata"] as? [String: Any])?["version"] != nil)
        let failure = try CLIRunner.run(["generate", "-", "--out", out.path, "--json"], stdin: "{}")
        #expect(failure.status == 1)
        let failed = try JSONSerialization.jsonObject(with: Data(failure.stdout.utf8)) as? [String: Any]
        #expect(failed?["success"] as? Bool == false)
        #expect((failed?["details"] as? [String])?.first == "<stdin>:1:1: error: project: required key is missing")
    }

    @Test func badFlagsAreUsageErrors() throws {
        let target = try CLIRunner.run(["generate", "examples/shop.json", "--out", "/tmp/x", "--target", "terrafrom"])
        #expect(target.status == 2)
        #expect(target.stderr.contains("\"terrafrom\" is not one of terraform, docker-compose, kubernetes, pulumi (did you mean \"terraform\"?)"))
        let both = try CLIRunner.run(["generate", "examples/shop.json", "--out", "/tmp/x", "--apply", "a", "--apply-safe"])
        #expect(both.status == 2)
    }

    @Test func designCommandPrintsTheReport() throws {
        let text = try CLIRunner.run(["design", "examples/tiny-todo.yaml"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("compute.platform = lambda  [rules]"))
        #expect(text.stdout.contains("OVERALL TOTAL"))
        let json = try CLIRunner.run(["design", "examples/tiny-todo.yaml", "--json"])
        let document = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect((document?["data"] as? [String: Any])?["estimate"] != nil)
    }
}

@Suite struct GenerateValidationTests {
    @Test func invalidOutputFromCustomTemplatesIsRefusedAndNothingIsWritten() throws {
        let templates = FileManager.default.temporaryDirectory.appendingPathComponent("snapinfra-templates-\(UUID().uuidString)")
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("snapinfra-gen-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: templates) }
        try FileManager.default.createDirectory(at: templates.appendingPathComponent("terraform"), withIntermediateDirectories: true)
        try "{{%CONTENT_TYPE: TEXT}}\nlocals {\n  name = var.nope\n}\n".write(
            to: templates.appendingPathComponent("terraform/main.tf.mustache"), atomically: true, encoding: .utf8)
        let result = try CLIRunner.run(["generate", "examples/shop.json", "--out", out.path, "--templates", templates.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("infra/terraform/main.tf:2:10: error: reference to undeclared var.nope"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
        try "locals {}\n".write(to: templates.appendingPathComponent("terraform/main.tf.mustache"), atomically: true, encoding: .utf8)
        let pragma = try CLIRunner.run(["generate", "examples/shop.json", "--out", out.path, "--templates", templates.path])
        #expect(pragma.status == 2)
        #expect(pragma.stderr.contains("Templates/terraform/main.tf.mustache:1:1: a template must start with {{%CONTENT_TYPE: TEXT}}"))
    }
}

@Suite struct GenerateValidationJSONTests {
    @Test func invalidOutputInJSONNamesTheFileLikeStderr() throws {
        let templates = FileManager.default.temporaryDirectory.appendingPathComponent("snapinfra-templates-\(UUID().uuidString)")
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("snapinfra-gen-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: templates) }
        try FileManager.default.createDirectory(at: templates.appendingPathComponent("terraform"), withIntermediateDirectories: true)
        try "{{%CONTENT_TYPE: TEXT}}\nlocals {\n  name = var.nope\n}\n".write(
            to: templates.appendingPathComponent("terraform/main.tf.mustache"), atomically: true, encoding: .utf8)
        let result = try CLIRunner.run(["generate", "examples/shop.json", "--out", out.path, "--templates", templates.path, "--json"])
        #expect(result.status == 1)
        let document = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect((document?["details"] as? [String])?.contains("infra/terraform/main.tf:2:10: error: reference to undeclared var.nope") == true)
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}

@Suite struct EnhancementsCommandTests {
    @Test func listsScoreDeltasRequirementsAndConflicts() throws {
        let output = try CLIRunner.run(["enhancements", "examples/shop.json", "--json"])
        #expect(output.status == 0)
        let document = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any]
        let data = try #require(document?["data"] as? [String: Any])
        let score = try #require(data["securityScore"] as? [String: Any])
        #expect((score["passed"] as? Int ?? 0) > 0)
        let list = try #require(data["enhancements"] as? [[String: Any]])
        let byID = Dictionary(uniqueKeysWithValues: list.map { ($0["id"] as? String ?? "", $0) })
        #expect((byID["alb-access-logs"]?["securityScoreDelta"] as? Double ?? 0) > 0)
        #expect(byID["s3-kms-encryption"]?["requires"] as? [String] == ["kms-customer-managed-key"])
        #expect(byID["rds-read-replica"]?["conflicts"] as? [String] == ["cache-in-front"])
        #expect(data["compliance"] is [String: Any])
    }

    @Test func diffShowsWhatOneEnhancementChanges() throws {
        let output = try CLIRunner.run(["enhancements", "examples/shop.json", "--diff", "alb-access-logs"])
        #expect(output.status == 0)
        #expect(output.stdout.contains("+++ b/infra/terraform/logs.tf"))
        #expect(output.stdout.contains("+  access_logs {"))
        let unknown = try CLIRunner.run(["enhancements", "examples/shop.json", "--diff", "alb-access-log"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("did you mean \"alb-access-logs\""))
    }

    @Test func generateRefusesAMissingRequirement() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("snapinfra-req-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        // In staging the key is not there by default (production has it).
        let shop = try String(contentsOfFile: "examples/shop.json", encoding: .utf8)
            .replacingOccurrences(of: "\"environment\": \"production\"", with: "\"environment\": \"staging\"")
        let output = try CLIRunner.run(["generate", "-", "--out", dir.path, "--apply", "s3-kms-encryption"], stdin: shop)
        #expect(output.status != 0)
        #expect(output.stderr.contains("s3-kms-encryption requires kms-customer-managed-key"))
        #expect(!FileManager.default.fileExists(atPath: dir.path))
    }
}
