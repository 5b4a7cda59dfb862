import Foundation
import Testing

@testable import SnapinfraCore

@Suite struct HCLParserTests {
    private func error(_ text: String) -> HCLSyntaxError? {
        do {
            _ = try HCLParser.parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func parsesTheLanguage() throws {
        let body = try HCLParser.parse(
            #"""
            # comment
            /* block
               comment */
            locals {
              a = var.x == "y" ? [for s in var.list : upper(s) if s != ""] : []
              b = { for k, v in var.map : k => v... }
              c = "x${local.a[0]}%{ if true }y%{ else }z%{ endif }$${literal}"
              d = <<-EOT
                hello ${var.name}
                %{ for item in var.items }${item}%{ endfor }
              EOT
              e = aws_subnet.private[*].id
              f = -1 + 2 * (3 % 4) / 5 >= 6 && !false || null == null
              g = jsonencode({ name = "a", value = 1 })
              h = [
                { a = 1 },
                { b = 2 },
              ]
            }
            resource "aws_vpc" "this" {
              cidr_block = "10.0.0.0/16"
              lifecycle { create_before_destroy = true }
            }
            """#)
        #expect(body.blocks.map(\.type) == ["locals", "resource"])
        #expect(body.blocks[1].labels == ["aws_vpc", "this"])
        let references = TerraformChecker.references(in: body).map { $0.parts.joined(separator: ".") }
        #expect(references.contains("var.x") && references.contains("var.list") && references.contains("local.a"))
        #expect(references.contains("var.name") && references.contains("var.items") && references.contains("aws_subnet.private"))
        #expect(!references.contains("s") && !references.contains("k") && !references.contains("item"), "for-expression symbols are not references")
    }

    /// The tree keeps each value as written (without a trailing comment), the item count of an
    /// object constructor, and the checkov skips inside each block, nested ones included.
    @Test func keepsValuesEntriesAndSkips() throws {
        let body = try HCLParser.parse(
            #"""
            resource "aws_cloudwatch_log_group" "app" {
              #checkov:skip=CKV_AWS_158:The key comes later.
              retention_in_days = 365 # a year
              name              = "/ecs/${var.name}"
              tags = {
                Name = "x", Team = "y"
                Tier = "z"
              }
              rule {
                # checkov:skip=NOT_A_SKIP because of the space
                #checkov:skip=CKV_AWS_66:nested
                enabled = true
              }
            }
            """#)
        let block = try #require(body.blocks.first)
        #expect(block.body.attributes.map(\.value) == ["365", #""/ecs/${var.name}""#, "{\n    Name = \"x\", Team = \"y\"\n    Tier = \"z\"\n  }"])
        #expect(block.body.attributes.map(\.entries) == [nil, nil, 3])
        #expect(block.body.blocks.first?.body.attributes.first?.value == "true")
        #expect(block.checkovSkips == ["CKV_AWS_158", "CKV_AWS_66"])
        #expect(block.body.blocks.first?.checkovSkips == ["CKV_AWS_66"])
    }

    @Test(arguments: [
        ("a = \"abc\n", 1, 5, "a quoted string cannot span lines; use a heredoc"),
        ("a = \"abc", 1, 5, "unterminated string"),
        ("resource \"x\" \"y\" {\n  a = 1\n", 3, 1, "expected '}' to close the block, found end of file"),
        ("a = \"\\q\"", 1, 7, "invalid escape sequence '\\q'"),
        ("a = \"${var.x\"", 1, 13, "expected '}' to close the template sequence, found '\"'"),
        ("a = 1 2", 1, 7, "expected a new line after the value, found '2'"),
        ("a = <<EOT\nabc\n", 1, 5, "heredoc EOT is never closed"),
        ("a = [1, 2", 1, 10, "expected ',' or ']' in the list, found end of file"),
        ("resource x {\n  = 1\n}", 2, 3, "expected a name, found '='"),
        ("a = f(1 2)", 1, 9, "expected ',' or ')' in the function call, found '2'"),
    ])
    func syntaxErrorsHaveLineAndColumn(text: String, line: Int, column: Int, message: String) {
        let e = error(text)
        #expect(e?.message == message)
        #expect(e?.position == SourcePosition(line: line, column: column))
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let text = "a = " + String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000)
        #expect(error(text)?.message == "the expression is nested too deeply")
    }

    @Test func everyRenderedFileParses() throws {
        var projects: [ProjectFile] = [hostileProject()]
        for url in try exampleFiles() {
            for environment in Environment.allCases { projects.append(try example(url.lastPathComponent, environment: environment)) }
        }
        for project in projects {
            let files = try render(project)
            #expect(OutputValidator().validate(files).isEmpty, "\(project.project.name) \(project.options.environment)")
        }
    }

    @Test func crossFileChecks() {
        let files = [
            RenderedFile(
                path: "a.tf", content: "variable \"x\" {\n  type = list(string)\n}\nresource \"aws_vpc\" \"this\" {\n  cidr_block = var.y\n}\n",
                source: "", target: .terraform),
            RenderedFile(
                path: "b.tf",
                content:
                    "resource \"aws_vpc\" \"this\" {\n  tags = { Name = local.name }\n}\noutput \"o\" {\n  value = data.aws_caller_identity.me.id\n}\n",
                source: "", target: .terraform),
        ]
        #expect(
            OutputValidator().validate(files).map { "\($0.path):\($0.position?.description ?? "") \($0.message)" } == [
                "b.tf:1:1 aws_vpc.this is declared twice (first at a.tf:4:1)",
                "a.tf:5:16 reference to undeclared var.y",
                "b.tf:2:19 reference to undeclared local.name",
                "b.tf:5:11 reference to undeclared data.aws_caller_identity.me",
            ])
    }

    @Test func composeChecks() {
        let file = RenderedFile(
            path: "docker-compose.yml",
            content: """
                version: "3"
                services:
                  app:
                    image: x
                    depends_on:
                      db:
                        condition: service_healthy
                    volumes:
                      - data:/data
                      - ./src:/src
                """, source: "", target: .dockerCompose)
        #expect(
            OutputValidator().validate([file]).map(\.message) == [
                "the obsolete 'version' key is not part of the Compose Specification",
                "service app depends on undefined service db",
                "service app mounts undeclared volume data",
            ])
        let broken = RenderedFile(path: "docker-compose.yml", content: "services:\n  app: [\n", source: "", target: .dockerCompose)
        #expect(OutputValidator().validate([broken]).first?.position?.line == 3)
    }
}
