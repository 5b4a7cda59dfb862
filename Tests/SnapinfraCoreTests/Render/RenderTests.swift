import Foundation
import Testing

@testable import SnapinfraCore

@Suite struct RenderTests {
    @Test func everyExampleMatchesItsGoldenFiles() throws {
        for url in try exampleFiles() {
            let name = url.deletingPathExtension().lastPathComponent
            let files = try render(example(url.lastPathComponent, environment: .production))
            for file in files {
                try Golden.check(file.content, "render/\(name)/\(file.path)")
            }
            let recorded = Golden.folder.appendingPathComponent("render/\(name)")
            let expected =
                FileManager.default.enumerator(at: recorded, includingPropertiesForKeys: [.isRegularFileKey])?
                .compactMap { $0 as? URL }
                .filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
                .map { $0.path.replacingOccurrences(of: recorded.path + "/", with: "") } ?? []
            #expect(Set(expected) == Set(files.map(\.path)), "\(name): golden file set differs")
        }
    }

    @Test func theShapeFollowsTheDesign() throws {
        let tiny = try render(example("tiny-todo.yaml"))
        #expect(tiny.map(\.path).contains("infra/terraform/lambda.tf"))
        #expect(!tiny.map(\.path).contains("infra/terraform/alb.tf"))
        #expect(!content(tiny, "infra/terraform/network.tf").contains("aws_nat_gateway"))
        let shop = try render(example("shop.json"))
        #expect(shop.map(\.path).contains("infra/terraform/storage.tf"))
        #expect(content(shop, "infra/terraform/network.tf").contains("resource \"aws_nat_gateway\" \"this\""))
        let mongo = try Renderer().render(run(designFile(engine: .mongodb)), targets: [.terraform])
        #expect(mongo.map(\.path).contains("infra/terraform/documentdb.tf"))
        #expect(!mongo.map(\.path).contains("docker-compose.yml"))
    }

    @Test func noPasswordAnywhereAndProductionIsProtected() throws {
        let files = try render(example("saas-api.json", environment: .production))
        let database = content(files, "infra/terraform/database.tf")
        #expect(database.contains("manage_master_user_password = true"))
        #expect(database.contains("storage_encrypted     = true"))
        #expect(database.contains("deletion_protection        = true"))
        #expect(database.contains("publicly_accessible    = false"))
        for file in files where file.path.hasPrefix("infra/") {
            #expect(file.content.firstMatch(of: /(?m)^\s*(password|master_password)\s*=/) == nil, "\(file.path)")
        }
        // Only the load balancer is open to the world, and only on 80.
        for file in files where file.path.hasSuffix(".tf") {
            for block in file.content.components(separatedBy: "\nresource ").filter({ $0.contains("0.0.0.0/0") }) {
                let isAllowed = block.contains("alb_http") || block.contains("app_https") || block.contains("aws_route_table")
                #expect(isAllowed, "\(file.path): \(block.prefix(80))")
            }
        }
        #expect(content(files, ".env.example").contains("DATABASE_PASSWORD=\n"))
        #expect(!content(files, "docker-compose.yml").contains("ports:\n      - \"5432"))
    }

    @Test func terraformAndComposeAgree() throws {
        for name in ["saas-api.json", "shop.json", "tiny-todo.yaml", "ride-events.yaml"] {
            let result = DesignEngine().run(try example(name))
            let files = try Renderer().render(result, targets: [.terraform, .dockerCompose])
            let compose = content(files, "docker-compose.yml")
            let terraform = files.filter { $0.path.hasSuffix(".tf") }.map(\.content).joined()
            let variables = RuntimeEnvironment.variables(result.design, names: ResourceNames(project: result.design.projectName))
            for variable in variables {
                #expect(compose.contains("      \(variable.name): "), "\(name): \(variable.name) missing from compose")
                let assigned = terraform.components(separatedBy: "\n").contains { line in
                    let trimmed = line.trimmingCharacters(in: .whitespaces)
                    return trimmed.hasPrefix("\(variable.name) ")
                        && trimmed.dropFirst(variable.name.count).trimmingCharacters(in: .whitespaces).hasPrefix("=")
                }
                // A variable with no Terraform value (the local password in the Lambda shape) is Compose-only.
                if variable.terraform != nil || variable.terraformSecret != nil {
                    #expect(terraform.contains("\"\(variable.name)\"") || assigned, "\(name): \(variable.name) missing from terraform")
                }
            }
            if let db = result.design.database, db.service != .dynamoDB {
                // The app can sign in to the local database: it gets the password the database is given.
                #expect(compose.contains("      DATABASE_PASSWORD: \"${DATABASE_PASSWORD:?"), "\(name): the app has no DATABASE_PASSWORD")
            }
            if let db = result.design.database, db.service == .rds {
                #expect(compose.contains("image: \"\(ComposeModel.image(db))\""))
                #expect(terraform.contains("engine_version = \"\(db.engineVersion)\""))
                #expect(terraform.contains("port                        = \(db.port)"))
                #expect(compose.contains("- \"\(db.port)\""))
            }
            if let cache = result.design.cache {
                #expect(compose.contains("valkey/valkey:\(cache.engineVersion)"))
                #expect(terraform.contains("engine_version       = \"\(cache.engineVersion)\""))
            }
        }
    }

    @Test func hostileTextNeverReachesAFileRaw() throws {
        let files = try render(hostileProject())
        let allowedResources = Set(
            files.flatMap { file in
                file.content.components(separatedBy: "\n").filter { $0.hasPrefix("resource \"") }.map { $0.split(separator: "\"")[1] }
            })
        #expect(!allowedResources.contains("aws_iam_user"))
        for file in files {
            #expect(!file.content.contains("${jndi"), "\(file.path)")
            #expect(!file.content.contains("%{ if"), "\(file.path)")
            #expect(!file.content.contains("\u{202E}"), "\(file.path)")
            #expect(!file.content.contains("../../etc") || file.path == "DEPLOY.md" || file.content.contains("# Generated"), "\(file.path)")
            // The header comment quotes the name on one line, inert; code lines never hold it.
            for line in file.content.components(separatedBy: "\n") where !line.hasPrefix("#") {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                #expect(!trimmed.hasPrefix("resource \"aws_iam_user\""), "\(file.path): \(line)")
                #expect(!trimmed.contains("\"pwn\""), "\(file.path): \(line)")
            }
        }
        #expect(content(files, "DEPLOY.md").hasPrefix("# Deploying x&quot;}"))
        // Not in a comment, not anywhere: no grep-based gate can mistake the name for code.
        let gate = try Regex(#"resource\s+"aws_iam_(user|access_key)""#)
        for file in files { #expect(file.content.firstMatch(of: gate) == nil, "\(file.path)") }
        #expect(
            content(files, "infra/terraform/main.tf").contains(
                "# Generated by Snapinfra \(SnapinfraVersion.current) for project x-resource-aws-iam-user-pwn"))
        #expect(content(files, "DEPLOY.md").contains("\\`rm -rf /\\`"))
        #expect(OutputValidator().validate(files).isEmpty)
    }

    @Test func escaping() {
        #expect(Escaping.hclString("a\"b\\c\n${x}%{y}$z") == #""a\"b\\c\n$${x}%%{y}$z""#)
        #expect(Escaping.hclString("\u{202E}") == #""\u202E""#)
        #expect(Escaping.yamlString("a$b\"c") == #""a$$b\"c""#)
        #expect(Escaping.yamlString("${X}", compose: false) == #""${X}""#)
        #expect(Escaping.comment("a\nb\u{202E}c ${x}") == "a b c $ {x}")
        #expect(Escaping.markdown("*a* <b> [c](d) `e`") == "\\*a\\* &lt;b&gt; \\[c\\](d) \\`e\\`")
    }

    @Test func theFormatterMatchesTerraformFmtRules() {
        let input = """
            resource "x" "y" {
            count = 2
            name = "a"
            longer_name = "b"
            tags = merge(local.tags, {
            Name = "x"
            })

            list = jsonencode([
            {
            a = 1
            }
            ])
            }
            """
        #expect(
            HCLFormatter.format(input) == """
                resource "x" "y" {
                  count       = 2
                  name        = "a"
                  longer_name = "b"
                  tags = merge(local.tags, {
                    Name = "x"
                  })

                  list = jsonencode([
                    {
                      a = 1
                    }
                  ])
                }

                """)
    }

    /// The layout pass reads bytes: a line that ends in a character of several bytes, or one
    /// with a combining mark after a quote, keeps every character and is indented as before.
    @Test func linesWithCharactersOfSeveralBytesKeepThem() {
        let input = "locals {\nname = \"café\"   \n# déjà vu  \nnote = \"\u{301}x\" # über\t\n}\n"
        #expect(HCLFormatter.format(input) == "locals {\n  name = \"café\"\n  # déjà vu\n  note = \"\u{301}x\" # über\n}\n")
    }

    @Test func heredocBodiesAreKeptAsWritten() {
        #expect(HCLFormatter.heredocMarker("policy = <<-EOT") == "EOT" && HCLFormatter.heredocMarker("x = <<JSON_DOC") == "JSON_DOC")
        #expect(HCLFormatter.heredocMarker("a = \"<<\"") == nil && HCLFormatter.heredocMarker("a = <<-eot") == nil)
        #expect(HCLFormatter.heredocMarker("a = <<") == nil && HCLFormatter.heredocMarker("a = 1") == nil)
        let input = "resource \"x\" \"y\" {\nbody = <<-EOT\n   keep   = this\n  EOT\nb = 1\n}\n"
        #expect(HCLFormatter.format(input) == "resource \"x\" \"y\" {\n  body = <<-EOT\n   keep   = this\n  EOT\n  b = 1\n}\n")
    }

    @Test func sha256() {
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(String(repeating: "a", count: 1_000)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    @Test func theOutputPlanTellsHandEditsApart() throws {
        let files = [
            RenderedFile(path: "a.tf", content: "new\n", source: "t", target: .terraform),
            RenderedFile(path: "b.tf", content: "same\n", source: "t", target: .terraform),
            RenderedFile(path: "c.tf", content: "c2\n", source: "t", target: .terraform),
        ]
        let previous = Manifest(
            project: ProjectFile(project: Project(name: "x")), result: run(designFile()),
            files: [
                RenderedFile(path: "b.tf", content: "same\n", source: "t", target: nil),
                RenderedFile(path: "c.tf", content: "c1\n", source: "t", target: nil),
                RenderedFile(path: "old.tf", content: "old\n", source: "t", target: nil),
                RenderedFile(path: "edited-old.tf", content: "x\n", source: "t", target: nil),
            ])
        let onDisk = ["b.tf": SHA256.hex("same\n"), "c.tf": SHA256.hex("c1\n"), "old.tf": SHA256.hex("old\n"), "edited-old.tf": SHA256.hex("hand\n")]
        let plan = OutputPlan.make(files: files, onDisk: onDisk, previous: previous)
        #expect(
            plan.items.map { "\($0.path) \($0.status.rawValue)" } == [
                "a.tf new", "b.tf unchanged", "c.tf changed", "old.tf removed", "edited-old.tf hand-edited",
            ])
        #expect(plan.conflicts == ["edited-old.tf"])
        let edited = OutputPlan.make(files: files, onDisk: ["c.tf": SHA256.hex("by hand\n")], previous: previous)
        #expect(edited.conflicts == ["c.tf"])
        #expect(!OutputPlan.isContained("../x") && !OutputPlan.isContained("/etc/passwd") && OutputPlan.isContained("infra/terraform/main.tf"))
    }
}
