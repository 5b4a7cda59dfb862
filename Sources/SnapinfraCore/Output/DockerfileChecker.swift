/// Checks a rendered Dockerfile: every line a known instruction (or a comment or continuation),
/// every base image pinned to a tag, a health check, and a final user that is not root.
struct DockerfileChecker {
    static let instructions: Set<String> = [
        "FROM", "RUN", "CMD", "LABEL", "EXPOSE", "ENV", "ADD", "COPY", "ENTRYPOINT", "VOLUME", "USER", "WORKDIR", "ARG", "ONBUILD",
        "STOPSIGNAL", "HEALTHCHECK", "SHELL",
    ]

    func check(_ file: RenderedFile) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var user: String?
        var healthcheck = false
        var continued = false
        for (index, raw) in file.content.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            let at = SourcePosition(line: index + 1, column: 1)
            defer { continued = line.hasSuffix("\\") }
            if line.isEmpty || line.hasPrefix("#") || continued { continue }
            let word = String(line.prefix { !$0.isWhitespace })
            let rest = line.dropFirst(word.count).trimmingCharacters(in: .whitespaces)
            guard Self.instructions.contains(word) else {
                problems.append(.error(file.path, "unknown instruction \(DisplayText.quoted(word))", at: at))
                continue
            }
            switch word {
            case "FROM":
                let image = String(rest.prefix { !$0.isWhitespace })
                let tag = image.split(separator: "/").last?.split(separator: ":").dropFirst().first
                if tag == nil || tag == "latest" {
                    problems.append(.error(file.path, "base image \(DisplayText.quoted(image)) is not pinned to a release", at: at))
                }
            case "USER": user = rest
            case "HEALTHCHECK": healthcheck = true
            case "ADD": problems.append(.error(file.path, "ADD fetches and unpacks; use COPY", at: at))
            default: break
            }
        }
        if !healthcheck { problems.append(.error(file.path, "no HEALTHCHECK")) }
        if user == nil || user == "root" || user == "0" {
            problems.append(.error(file.path, "the image would run as root: end with a USER that is not root"))
        }
        return problems
    }
}
