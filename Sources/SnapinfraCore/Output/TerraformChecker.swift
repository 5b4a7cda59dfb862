/// Checks a Terraform module as a whole: every file parses, every `var.`, `local.`, `module.`,
/// `data.` and resource reference resolves, and no address is declared twice.
struct TerraformChecker {
    /// Roots that are not declarations of the module.
    static let builtins: Set<String> = ["count", "each", "path", "self", "terraform"]
    static let typeKeywords: Set<String> = ["string", "number", "bool", "any"]

    func check(_ module: ParsedTerraform) -> [Diagnostic] {
        var problems = module.syntaxErrors
        var declared: [String: (path: String, position: SourcePosition)] = [:]
        func declare(_ address: String, _ path: String, _ position: SourcePosition) {
            if let first = declared[address] {
                problems.append(.error(path, "\(address) is declared twice (first at \(first.path):\(first.position))", at: position))
            } else {
                declared[address] = (path, position)
            }
        }
        for file in module.files {
            for block in file.body.blocks {
                switch (block.type, block.labels.count) {
                case ("variable", 1): declare("var.\(block.labels[0])", file.path, block.position)
                case ("output", 1): declare("output.\(block.labels[0])", file.path, block.position)
                case ("module", 1): declare("module.\(block.labels[0])", file.path, block.position)
                case ("resource", 2): declare("\(block.labels[0]).\(block.labels[1])", file.path, block.position)
                case ("data", 2): declare("data.\(block.labels[0]).\(block.labels[1])", file.path, block.position)
                case ("locals", 0):
                    for attribute in block.body.attributes { declare("local.\(attribute.name)", file.path, attribute.position) }
                default: break
                }
            }
        }
        for file in module.files {
            for reference in Self.references(in: file.body) {
                guard let address = Self.address(of: reference.parts) else { continue }
                if declared[address] == nil {
                    problems.append(.error(file.path, "reference to undeclared \(address)", at: reference.position))
                }
            }
        }
        return problems
    }

    /// The declaration a reference needs, or nil for built-ins and partial traversals.
    static func address(of parts: [String]) -> String? {
        guard let root = parts.first, !builtins.contains(root) else { return nil }
        switch root {
        case "var", "local", "module":
            return parts.count >= 2 ? "\(root).\(parts[1])" : nil
        case "data":
            return parts.count >= 3 ? "data.\(parts[1]).\(parts[2])" : nil
        default:
            // A lone name is a type keyword in `type = list(string)` or a for-expression symbol.
            return parts.count >= 2 ? "\(root).\(parts[1])" : (typeKeywords.contains(root) ? nil : root)
        }
    }

    /// References of a body; `ignore_changes` names attributes, not objects, so it is left out, and
    /// inside a `dynamic "NAME"` block, `NAME.value` and `NAME.key` are its iterator.
    static func references(in body: HCLBody, iterators: Set<String> = []) -> [HCLReference] {
        let own = body.attributes.filter { $0.name != "ignore_changes" }.flatMap(\.references)
        let nested = body.blocks.flatMap { block in
            references(in: block.body, iterators: block.type == "dynamic" ? iterators.union(block.labels.prefix(1)) : iterators)
        }
        return (own + nested).filter { !iterators.contains($0.parts.first ?? "") }
    }
}
