/// The embedded, offline "AI": sizes every resource from the analysis, the preferences,
/// environment, compliance and budget, and records why.
public struct RulesDesigner: Sendable {
    public init() {}

    public func design(_ input: DesignInput) -> InfrastructureDesign {
        var design = InfrastructureDesign(
            projectName: input.file.project.name, region: input.options.region, environment: input.environment)
        let project = input.file.project
        design.app = AppSpec(runtime: project.runtime, healthPath: project.healthPath ?? Project.defaultHealthPath)
        let (platform, platformTrace) = ComputeRules.platform(input)
        NetworkRules.design(input, platform: platform, into: &design)
        CacheRules.design(input, platform: platform, into: &design)
        DatabaseRules.design(input, into: &design)
        SupportRules.objectStorage(input, into: &design)
        ComputeRules.design(input, platform: platform, platformTrace: platformTrace, into: &design)
        SupportRules.entryPoint(input, platform: platform, into: &design)
        SupportRules.firewall(input, into: &design)
        SupportRules.monitoring(input, into: &design)
        SupportRules.encryption(input, into: &design)
        return design
    }
}
