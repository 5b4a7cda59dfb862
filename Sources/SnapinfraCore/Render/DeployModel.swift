/// What DEPLOY.md shows: steps, the cost summary, decisions with reasons (user text escaped).
struct DeployModel {
    struct Cost {
        struct Line {
            var address: String
            var total: String
        }

        var alwaysOn: String
        var usage: String
        var total: String
        var range: String
        var budget: String?
        var resources: [Line]
    }

    struct DecisionLine {
        var id: String
        var value: String
        var reason: String
    }

    var title: String
    var summary: String
    var cost: Cost
    var hasTerraform: Bool
    var hasCompose: Bool
    var composeStep: Int
    var appPort: Int
    var notes: [String]
    var decisions: [DecisionLine]

    init(result: DesignResult, targets: [Target]) {
        let design = result.design
        title = Escaping.markdown(design.projectName)
        summary = "Snapinfra \(SnapinfraVersion.current) designed this for **\(design.environment.rawValue)** in **\(design.region)**."
        let estimate = result.estimate
        cost = Cost(
            alwaysOn: Format.money(estimate.alwaysOnMonthly), usage: Format.money(estimate.usageMonthly), total: Format.money(estimate.totalMonthly),
            range: "\(Format.money(estimate.minMonthly)) – \(Format.money(estimate.maxMonthly))",
            budget: result.budget.map { Escaping.markdown($0.summary) },
            resources: estimate.resources.map { Cost.Line(address: $0.address, total: Format.money($0.monthlyCost)) })
        hasTerraform = targets.contains(.terraform)
        hasCompose = targets.contains(.dockerCompose)
        composeStep = hasTerraform ? 2 : 1
        appPort = ComposeModel.appPort
        var notes = ["Push the application image first and set `app_image` to it; the app must answer `GET /health` on port \(ComposeModel.appPort)."]
        if let db = design.database, db.service == .rds {
            notes.append(
                design.compute?.platform == .lambda
                    ? "The function signs in to the database with IAM authentication: after the first apply, run `GRANT rds_iam TO app;` (PostgreSQL) or create the `app` user with `AWSAuthenticationPlugin` (MySQL)."
                    : "The database password lives in Secrets Manager (output `database_secret_arn`); ECS injects it as `DATABASE_PASSWORD`.")
        }
        if design.monitoring?.alarms.isEmpty == false {
            notes.append("Subscribe the on-call address to the SNS topic in output `alarm_topic_arn`.")
        }
        if design.environment == .production {
            notes.append("Deletion protection is on: to tear down, turn it off in `database.tf` first.")
        }
        self.notes = notes
        decisions = design.decisions.map { DecisionLine(id: $0.id, value: Escaping.markdown($0.value), reason: Escaping.markdown($0.reason)) }
    }
}
