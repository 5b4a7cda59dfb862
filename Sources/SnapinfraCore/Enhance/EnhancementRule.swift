/// One entry of the catalog: the facts of an enhancement and its typed transformation.
struct EnhancementRule: Sendable {
    var id: String
    var title: String
    var category: EnhancementCategory
    var severity: Enhancement.Severity
    var rationale: String
    var risk: Enhancement.Risk = .none
    var reversible = true
    var needsInput: String?
    /// The value the user gives for it, when it is one Snapinfra can take (`EnhancementInput`).
    var input: EnhancementInput?
    var conflicts: [String] = []
    var requires: [String] = []
    var controls: [SecurityControl] = []
    /// Why it applies to this design, or nil when it does not.
    var trigger: @Sendable (InfrastructureDesign, DesignInput) -> String?
    /// The change, made to the design itself (never to text), sized from the same inputs as the rules.
    var apply: @Sendable (inout InfrastructureDesign, DesignInput) -> Void
}
