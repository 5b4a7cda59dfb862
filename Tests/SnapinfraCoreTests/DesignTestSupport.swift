import Foundation

@testable import SnapinfraCore

/// A project builder for design tests: one table of `rows` rows, CRUD endpoints, given traffic.
func designFile(
    rows: Int = 10_000, rps: Double = 5, peak: Double = 3, engine: DatabaseEngine = .postgres, scale: Scale = .startup,
    cost: CostPreference = .balanced, environment: Environment = .production, compliance: [Compliance] = [], budget: Double? = nil,
    region: String = "us-east-1", uploads: Bool = false, growth: Double? = 0, writesOnly: Bool = false, readsOnly: Bool = false
) -> ProjectFile {
    let table = Table(
        name: "items",
        fields: [
            Field(name: "id", type: .uuid, primaryKey: true), Field(name: "title", type: .string), Field(name: "body", type: .text),
            Field(name: "created_at", type: .timestamp),
        ], estimatedRows: rows)
    var endpoints = [
        Endpoint(method: .get, path: "/items"), Endpoint(method: .get, path: "/items/{id}"), Endpoint(method: .post, path: "/items"),
        Endpoint(method: .put, path: "/items/{id}"), Endpoint(method: .delete, path: "/items/{id}"),
    ]
    if writesOnly { endpoints = endpoints.filter { $0.method.isWrite } }
    if readsOnly { endpoints = endpoints.filter { !$0.method.isWrite } }
    if uploads { endpoints.append(Endpoint(method: .post, path: "/items/{id}/file", upload: true)) }
    let project = Project(
        name: "demo", schema: [table], endpoints: endpoints, database: Database(type: engine),
        traffic: Traffic(requestsPerSecond: rps, peakMultiplier: peak, dataGrowthGBPerMonth: growth))
    let options = Options(
        preferences: Preferences(cost: cost, scale: scale, compliance: compliance), budget: budget, region: region, environment: environment)
    return ProjectFile(project: project, options: options)
}

func run(_ file: ProjectFile) -> DesignResult { DesignEngine().run(file) }

func decision(_ result: DesignResult, _ id: String) -> Decision? { result.design.decisions.first { $0.id == id } }
