import Foundation

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
    /// The Kubernetes steps, when the target is rendered.
    struct Kubernetes {
        var step: Int
        var environment: String
        var externalSecrets: Bool
        var secretsNote: String
    }

    var kubernetes: Kubernetes?

    /// The Pulumi steps, when the program is rendered: both patterns, by hand and scripted.
    struct Pulumi {
        var step: Int
        var environment: String
        var project: String
        /// `pulumi config set` lines for the values the stack needs and has not got.
        var settings: [String]
        var commitments: Bool
        /// Whether the overlays' settings.env comes from the stack's output (EKS).
        var kubernetes: Bool
    }

    var pulumi: Pulumi?
    var appPort: Int
    var notes: [String]
    /// The one-year commitments the design has chosen: what, the saving, and how to buy it.
    var commitments: [String]
    var hasCommitments: Bool
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
        if targets.contains(.kubernetes), design.compute?.platform == .eks {
            let secrets = !KubernetesModel.secretSettings(design).isEmpty
            kubernetes = Kubernetes(
                step: hasTerraform ? 2 : 1, environment: design.environment.rawValue, externalSecrets: secrets,
                secretsNote: secrets
                    ? "the External Secrets Operator copies them from Secrets Manager into the namespace, from the ARNs in `settings.env`."
                    : "this design has none.")
        }
        var step = (hasTerraform ? 2 : 1) + (kubernetes == nil ? 0 : 1)
        if targets.contains(.pulumi), design.compute != nil {
            let names = ResourceNames(project: design.projectName)
            let h = design.activeHardening
            let environment = design.environment.rawValue
            // On EKS the overlays name the image, not the stack.
            var settings =
                design.compute?.platform == .eks
                ? [] : ["pulumi config set appImage 123456789012.dkr.ecr.\(design.region).amazonaws.com/\(names.prefix):1.0.0 -s \(environment)"]
            let needed: [(Bool, EnhancementInput)] = [
                (h.httpsListener, .certificateARN), (h.alarmEmail, .alarmEmail), (h.budgetAlarmLimit != nil, .budgetEmail),
            ]
            for (wanted, input) in needed where wanted && design.inputs?[input.variable] == nil {
                settings.append("pulumi config set \(PulumiModel.configKey(input.variable)) VALUE -s \(environment)")
            }
            pulumi = Pulumi(
                step: step, environment: environment, project: names.slug, settings: settings,
                commitments: h.reservedDatabase || h.reservedCache, kubernetes: design.compute?.platform == .eks)
            step += 1
        }
        composeStep = step
        appPort = ComposeModel.appPort
        // Validated paths hold no backtick, so the path is safe inside a code span as it is.
        let health = design.app?.healthPath ?? Project.defaultHealthPath
        var notes = [
            design.compute?.platform == .eks
                ? "Push the application image to your registry first; the app must answer `GET \(health)` on port \(ComposeModel.appPort)."
                : "Push the application image first and set `app_image` to it; the app must answer `GET \(health)` on port \(ComposeModel.appPort).",
            ComposeModel.buildNote(design),
        ]
        if let db = design.database, db.service == .rds {
            notes.append(
                design.compute?.platform == .lambda
                    ? "The function signs in to the database with IAM authentication: after the first apply, run `GRANT rds_iam TO app;` (PostgreSQL) or create the `app` user with `AWSAuthenticationPlugin` (MySQL)."
                    : design.compute?.platform == .eks
                        ? "The database password lives in Secrets Manager (output `database_secret_arn`); the ExternalSecret copies it into the pods' `DATABASE_PASSWORD`."
                        : "The database password lives in Secrets Manager (output `database_secret_arn`); ECS injects it as `DATABASE_PASSWORD`.")
        }
        if design.monitoring?.alarms.isEmpty == false {
            notes.append("Subscribe the on-call address to the SNS topic in output `alarm_topic_arn`.")
        }
        if design.environment == .production {
            notes.append("Deletion protection is on: to tear down, turn it off in `database.tf` first.")
        }
        self.notes = notes
        commitments = Self.commitments(estimate)
        hasCommitments = !commitments.isEmpty
        decisions = design.decisions.map { DecisionLine(id: $0.id, value: Escaping.markdown($0.value), reason: Escaping.markdown($0.reason)) }
    }

    static func commitments(_ estimate: CostEstimate) -> [String] {
        let bought = estimate.lines.filter(\.committed)
        return Commitment.Kind.allCases.compactMap { kind -> String? in
            let lines = bought.filter { $0.commitment?.kind == kind }
            guard let offer = lines.first?.commitment else { return nil }
            let committed = lines.reduce(Decimal(0)) { $0 + ($1.monthlyCost ?? 0) }
            let saving = lines.reduce(Decimal(0)) { $0 + ($1.monthlyCost ?? 0) / offer.ratio } - committed
            let terms = "\(offer.term), saves about \(Format.money(saving)) a month; the term cannot be cancelled"
            switch kind {
            case .computeSavingsPlan:
                let hourly = Format.unitPrice(Format.rounded(committed / CostLineBuilder.hoursPerMonth, scale: 3))
                return
                    "Compute Savings Plan: commit \(hourly) an hour (the minimum tasks' discounted vCPU spend) in Cost Explorer → Savings Plans (\(terms))."
            case .reservedDatabase:
                return "Database: set `purchase_reservations = true` to buy the reservation in `commitments.tf` (\(terms))."
            case .reservedCache:
                return "Cache: set `purchase_reservations = true` to buy the reserved nodes in `commitments.tf` (\(terms))."
            }
        }
    }
}
