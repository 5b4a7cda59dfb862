/// A typed infrastructure design: resources with properties and dependencies, and the decisions
/// that sized them.
public struct InfrastructureDesign: Sendable, Hashable, Codable {
    public var projectName: String
    public var region: String
    public var environment: Environment
    public var resources: [Resource]
    public var decisions: [Decision]
    /// Controls switched on by enhancements.
    public var hardening = Hardening()
    /// What the design knows of the application itself (nil in manifests of older versions).
    public var app: AppSpec?
    /// Values the user gave for the suggestions applied (`alarm_email`, `certificate_arn`), by
    /// variable: they go into terraform.tfvars.example and the manifest, never into the code.
    public var inputs: [String: String]?

    public init(projectName: String, region: String, environment: Environment, resources: [Resource] = [], decisions: [Decision] = []) {
        self.projectName = projectName
        self.region = region
        self.environment = environment
        self.resources = resources
        self.decisions = decisions
    }

    public func resource(_ id: String) -> Resource? { resources.first { $0.id == id } }

    public var network: NetworkSpec? { specs { if case .network(let s) = $0 { return s } else { return nil } }.first }
    public var database: DatabaseSpec? { specs { if case .database(let s) = $0 { return s } else { return nil } }.first }
    public var compute: ComputeSpec? { specs { if case .compute(let s) = $0 { return s } else { return nil } }.first }
    public var entryPoint: EntryPointSpec? { specs { if case .entryPoint(let s) = $0 { return s } else { return nil } }.first }
    public var cache: CacheSpec? { specs { if case .cache(let s) = $0 { return s } else { return nil } }.first }
    public var objectStorage: ObjectStorageSpec? { specs { if case .objectStorage(let s) = $0 { return s } else { return nil } }.first }
    public var monitoring: MonitoringSpec? { specs { if case .monitoring(let s) = $0 { return s } else { return nil } }.first }
    public var secrets: [SecretSpec] { specs { if case .secret(let s) = $0 { return s } else { return nil } } }

    private func specs<T>(_ pick: (ResourceSpec) -> T?) -> [T] { resources.compactMap { pick($0.spec) } }

    /// Replaces the spec of a resource, keeping its id and dependencies.
    public mutating func update(_ id: String, _ spec: ResourceSpec) {
        guard let index = resources.firstIndex(where: { $0.id == id }) else { return }
        resources[index].spec = spec
    }

    /// Changes the database spec in place, if there is a database.
    public mutating func editDatabase(_ change: (inout DatabaseSpec) -> Void) {
        guard var spec = database else { return }
        change(&spec)
        update("database", .database(spec))
    }

    /// Removes a resource and every dependency on it.
    public mutating func remove(_ id: String) {
        resources.removeAll { $0.id == id }
        for index in resources.indices { resources[index].dependsOn.removeAll { $0 == id } }
        decisions.removeAll { $0.resource == id }
    }

    /// Replaces the decision with the same id, or adds it.
    public mutating func record(_ decision: Decision) {
        if let index = decisions.firstIndex(where: { $0.id == decision.id }) {
            decisions[index] = decision
        } else {
            decisions.append(decision)
        }
    }
}

/// The application the infrastructure runs: its runtime, if named, and its health-check path.
public struct AppSpec: Sendable, Hashable, Codable {
    public var runtime: Runtime?
    public var healthPath: String

    public init(runtime: Runtime?, healthPath: String) {
        self.runtime = runtime
        self.healthPath = healthPath
    }
}
