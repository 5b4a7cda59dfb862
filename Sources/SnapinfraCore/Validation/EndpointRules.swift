/// Endpoint paths are routes, not URLs: they start with `/`, hold no `..` segment, no query, no
/// white space, and each (method, route) appears once.
enum EndpointRules {
    static func check(_ project: Project) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var routes: [String: Int] = [:]
        for (e, endpoint) in project.endpoints.enumerated() {
            let path = "project.endpoints[\(e)].path"
            if let problem = problem(with: endpoint.path) {
                diagnostics.append(.error(path, problem))
                continue
            }
            let route = "\(endpoint.method.rawValue) \(normalized(endpoint.path))"
            if let first = routes[route] {
                diagnostics.append(
                    .error(
                        "project.endpoints[\(e)]",
                        "\(endpoint.method.rawValue) \(DisplayText.escape(endpoint.path)) is already declared at project.endpoints[\(first)]"))
            } else {
                routes[route] = e
            }
        }
        let endpointRPS = project.endpoints.compactMap(\.rps).reduce(0, +)
        if let total = project.traffic.requestsPerSecond, endpointRPS > total * 1.000_001 {
            diagnostics.append(
                .error(
                    "project.endpoints",
                    "the endpoints' rps add up to \(Format.number(endpointRPS)), more than traffic.requestsPerSecond (\(Format.number(total)))"))
        }
        if let health = project.healthPath, let problem = problem(with: health) {
            diagnostics.append(.error("project.healthPath", problem))
        }
        if let domain = project.domain, let problem = domainProblem(domain) {
            diagnostics.append(.error("project.domain", problem))
        }
        return diagnostics
    }

    /// What is wrong with a host name, or nil: letters, digits and hyphens in dot-separated labels.
    static func domainProblem(_ domain: String) -> String? {
        let shown = DisplayText.quoted(domain)
        if domain.contains("://") || domain.contains("/") { return "\(shown) is a URL or path; give only the host name, e.g. \"api.example.com\"" }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-")
        guard domain.count <= 253, labels.count >= 2,
            labels.allSatisfy({
                !$0.isEmpty && $0.count <= 63 && $0.lowercased().allSatisfy(allowed.contains) && !$0.hasPrefix("-") && !$0.hasSuffix("-")
            })
        else {
            return "\(shown) is not a host name (dot-separated labels of letters, digits and hyphens, e.g. \"api.example.com\")"
        }
        return nil
    }

    /// What is wrong with a path, or nil.
    static func problem(with path: String) -> String? {
        var shown: String { DisplayText.quoted(path) }
        // Byte searches: each endpoint of a large project passes here.
        func has(_ text: String) -> Bool { path.containsBytes(text) }
        if has("://") || path.hasPrefix("//") {
            return "\(shown) is a URL; give only the path, starting with \"/\""
        }
        guard path.hasPrefix("/") else {
            return "\(shown) must start with \"/\" (did you mean \(DisplayText.quoted("/" + path))?)"
        }
        if path.unicodeScalars.contains(where: { DisplayText.isUnsafe($0) || $0.properties.isWhitespace }) {
            return "\(shown) contains white space, control or bidirectional-formatting characters"
        }
        if let template = ["$", "%{", "`", "\"", "\\"].first(where: has) {
            return "\(shown) contains \(DisplayText.quoted(template)); a path holds no \"$\", \"%{\", backticks, quotes or backslashes"
        }
        if has("?") || has("#") {
            return "\(shown) holds a query or fragment; give only the path"
        }
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        if segments.contains(where: { $0 == ".." || $0 == "." }) {
            return "\(shown) holds a \".\" or \"..\" segment"
        }
        var depth = 0
        for character in path {
            if character == "{" { depth += 1 }
            if character == "}" { depth -= 1 }
            if depth < 0 || depth > 1 { return "\(shown) has unbalanced \"{\" and \"}\"" }
        }
        if depth != 0 { return "\(shown) has unbalanced \"{\" and \"}\"" }
        return nil
    }

    /// The route with parameter names erased and a trailing slash dropped: `/users/{id}/` and
    /// `/users/{userId}` are the same route.
    static func normalized(_ path: String) -> String {
        var out = ""
        var inParameter = false
        for character in path {
            if character == "{" {
                inParameter = true
                out.append("{}")
            } else if character == "}" {
                inParameter = false
            } else if !inParameter {
                out.append(character)
            }
        }
        let parts = out.split(separator: "/").map { $0.hasPrefix(":") ? "{}" : String($0) }
        return "/" + parts.joined(separator: "/")
    }
}
