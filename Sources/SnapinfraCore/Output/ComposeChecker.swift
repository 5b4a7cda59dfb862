/// Checks a Compose file's structure beyond YAML: services exist, every `depends_on` names a
/// service, every named volume is declared, no obsolete `version` key.
struct ComposeChecker {
    func check(_ file: RenderedFile) -> [Diagnostic] {
        let root: DocumentNode
        do {
            root = try YAMLReader.read(file.content)
        } catch {
            return [.error(file.path, error.message, at: error.position)]
        }
        var problems: [Diagnostic] = []
        guard case .object(let top) = root.value else { return [.error(file.path, "a Compose file is a mapping", at: root.position)] }
        if let version = top.first(where: { $0.key == "version" }) {
            problems.append(.error(file.path, "the obsolete 'version' key is not part of the Compose Specification", at: version.keyPosition))
        }
        guard case .object(let services)? = top.first(where: { $0.key == "services" })?.value.value else {
            return problems + [.error(file.path, "no services")]
        }
        let serviceNames = Set(services.map(\.key))
        var volumeNames: Set<String> = []
        if case .object(let volumes)? = top.first(where: { $0.key == "volumes" })?.value.value { volumeNames = Set(volumes.map(\.key)) }
        for service in services {
            guard case .object(let settings) = service.value.value else { continue }
            if let dependsOn = settings.first(where: { $0.key == "depends_on" })?.value {
                var names: [(String, SourcePosition?)] = []
                if case .object(let items) = dependsOn.value { names = items.map { ($0.key, $0.keyPosition) } }
                if case .array(let items) = dependsOn.value {
                    names = items.compactMap { if case .string(let s) = $0.value { return (s, $0.position) } else { return nil } }
                }
                for (name, position) in names where !serviceNames.contains(name) {
                    problems.append(.error(file.path, "service \(service.key) depends on undefined service \(name)", at: position))
                }
            }
            if case .array(let mounts)? = settings.first(where: { $0.key == "volumes" })?.value.value {
                for mount in mounts {
                    guard case .string(let spec) = mount.value, let source = spec.split(separator: ":").first else { continue }
                    let isPath = source.hasPrefix("/") || source.hasPrefix(".") || source.hasPrefix("~")
                    if !isPath && !volumeNames.contains(String(source)) {
                        problems.append(.error(file.path, "service \(service.key) mounts undeclared volume \(source)", at: mount.position))
                    }
                }
            }
        }
        return problems
    }
}
