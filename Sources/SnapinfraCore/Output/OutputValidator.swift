/// Checks every rendered file before it is shown or written: HCL syntax and cross-file
/// references for Terraform, YAML and Compose structure for Compose, instructions, pinned images,
/// a health check and a non-root user for a Dockerfile.
public struct OutputValidator: Sendable {
    public init() {}

    /// Problems, each with the file's path as its path and a line and column where known.
    public func validate(_ files: [RenderedFile]) -> [Diagnostic] {
        validate(files, terraform: ParsedTerraform(files.filter { $0.target == .terraform }))
    }

    /// The same, with the Terraform files already parsed (the security score reads the same trees).
    public func validate(_ files: [RenderedFile], terraform: ParsedTerraform) -> [Diagnostic] {
        var problems = TerraformChecker().check(terraform)
        problems += GuardRails.check(terraform)
        let manifests = files.filter { $0.target == .kubernetes }
        if !manifests.isEmpty { problems += KubernetesChecker().check(manifests) }
        let program = files.filter { $0.target == .pulumi }
        if !program.isEmpty { problems += PythonChecker().check(program) }
        for file in files where (file.path.hasSuffix(".yml") || file.path.hasSuffix(".yaml")) && file.target != .kubernetes && file.target != .pulumi
        {
            problems += ComposeChecker().check(file)
        }
        for file in files where file.path == "Dockerfile" || file.path.hasSuffix("/Dockerfile") {
            problems += DockerfileChecker().check(file)
        }
        return problems
    }
}
