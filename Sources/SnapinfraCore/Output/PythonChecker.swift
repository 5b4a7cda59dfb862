import Foundation

/// Checks the rendered Pulumi program at the level of Python's tokenizer, before anyone sees it:
/// every string literal closed, brackets balanced and matched, no tab in an indentation, and
/// every module imported either rendered alongside or one the program is known to use. The
/// stack files and Pulumi.yaml must be YAML mappings.
struct PythonChecker {
    /// Modules the program may import besides its own: Pulumi's SDKs and the standard library
    /// modules the templates use.
    static let libraries: Set<String> = [
        "pulumi", "pulumi_aws", "argparse", "collections", "dataclasses", "ipaddress", "json", "pathlib", "re", "sys",
    ]

    func check(_ files: [RenderedFile]) -> [Diagnostic] {
        let python = files.filter { $0.path.hasSuffix(".py") }
        let rendered = Set(python.map { String($0.path.split(separator: "/").last?.dropLast(3) ?? "") })
        var problems: [Diagnostic] = []
        for file in python {
            problems += tokens(file)
            for (module, position) in imports(file.content) where !rendered.contains(module) && !Self.libraries.contains(module) {
                problems.append(.error(file.path, "imports \(module), which is not part of the program", at: position))
            }
        }
        for file in files where file.path.hasSuffix(".yaml") {
            do {
                guard case .object = try YAMLReader.read(file.content).value else {
                    problems.append(.error(file.path, "a Pulumi settings file is a mapping"))
                    continue
                }
            } catch {
                problems.append(.error(file.path, error.message, at: error.position))
            }
        }
        return problems
    }

    /// String literals, brackets and indentation, in one pass over the text.
    func tokens(_ file: RenderedFile) -> [Diagnostic] {
        let text = Array(file.content.unicodeScalars)
        var problems: [Diagnostic] = []
        var open: [(Unicode.Scalar, SourcePosition)] = []
        var line = 1
        var column = 1
        var lineStart = true
        var i = 0
        let closing: [Unicode.Scalar: Unicode.Scalar] = [")": "(", "]": "[", "}": "{"]
        func advance(_ scalar: Unicode.Scalar) {
            if scalar == "\n" {
                line += 1
                column = 1
                lineStart = true
            } else {
                column += 1
            }
        }
        while i < text.count {
            let c = text[i]
            let here = SourcePosition(line: line, column: column)
            if lineStart {
                if c == "\t" {
                    problems.append(.error(file.path, "a tab in the indentation", at: here))
                }
                if c != " " && c != "\t" { lineStart = false }
            }
            switch c {
            case "#":
                while i < text.count, text[i] != "\n" {
                    advance(text[i])
                    i += 1
                }
                continue
            case "\"", "'":
                let triple = i + 2 < text.count && text[i + 1] == c && text[i + 2] == c
                let width = triple ? 3 : 1
                for _ in 0..<width {
                    advance(text[i])
                    i += 1
                }
                var closed = false
                while i < text.count {
                    let s = text[i]
                    if s == "\\", i + 1 < text.count {
                        advance(s)
                        advance(text[i + 1])
                        i += 2
                        continue
                    }
                    if s == "\n" && !triple { break }
                    if s == c && (!triple || (i + 2 < text.count && text[i + 1] == c && text[i + 2] == c)) {
                        for _ in 0..<width {
                            advance(text[i])
                            i += 1
                        }
                        closed = true
                        break
                    }
                    advance(s)
                    i += 1
                }
                if !closed { problems.append(.error(file.path, "a string literal is not closed", at: here)) }
                continue
            case "(", "[", "{":
                open.append((c, here))
            case ")", "]", "}":
                if let last = open.last, last.0 == closing[c] {
                    open.removeLast()
                } else {
                    problems.append(.error(file.path, "\(Character(c)) closes nothing open", at: here))
                }
            default:
                break
            }
            advance(c)
            i += 1
        }
        for (bracket, position) in open {
            problems.append(.error(file.path, "\(Character(bracket)) is never closed", at: position))
        }
        return problems
    }

    /// The top-level module of every `import x` and `from x import y` at the start of a line.
    func imports(_ text: String) -> [(String, SourcePosition)] {
        var found: [(String, SourcePosition)] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let words = raw.split(separator: " ")
            guard words.count >= 2, words[0] == "import" || words[0] == "from" else { continue }
            let module = words[1].split(separator: ".").first.map(String.init) ?? ""
            found.append((module.trimmingCharacters(in: [","]), SourcePosition(line: index + 1, column: 1)))
        }
        return found
    }
}
