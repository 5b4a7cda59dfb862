/// A control a compliance regime asks of the infrastructure, and how a design meets it.
struct ComplianceRequirement: Sendable {
    var id: String
    var title: String
    /// Whether the design has what it is about (a cache, a load balancer); if not, it is left out.
    var applies: @Sendable (InfrastructureDesign) -> Bool
    /// Whether the design already meets it.
    var met: @Sendable (InfrastructureDesign) -> Bool
    /// The enhancement that meets it, if there is one.
    var enhancement: String?
    /// Why it is waived when no enhancement meets it (or the design has nothing it applies to).
    var waiver: @Sendable (InfrastructureDesign) -> String?
}

/// What gdpr, hipaa, pci-dss and soc2 ask of the infrastructure Snapinfra renders.
enum ComplianceProfiles {
    static func requirement(
        _ id: String, _ title: String, enhancement: String? = nil, applies: @escaping @Sendable (InfrastructureDesign) -> Bool = { _ in true },
        waiver: @escaping @Sendable (InfrastructureDesign) -> String? = { _ in nil }, met: @escaping @Sendable (InfrastructureDesign) -> Bool
    ) -> ComplianceRequirement {
        ComplianceRequirement(id: id, title: title, applies: applies, met: met, enhancement: enhancement, waiver: waiver)
    }

    static let encryptionAtRest = requirement("encryption-at-rest", "Data encrypted at rest") { d in
        (d.database?.storageEncrypted ?? true)
    }
    static let encryptionInTransit = requirement(
        "encryption-in-transit", "Traffic from the internet over TLS", enhancement: "alb-https"
    ) { d in d.entryPoint?.kind != .applicationLoadBalancer || d.hardening.httpsListener }
    static let customerKeys = requirement("customer-managed-keys", "Customer-managed, rotated keys", enhancement: "kms-customer-managed-key") {
        $0.hardening.customerManagedKey
    }
    static let networkLogs = requirement("network-logs", "Network traffic logged", enhancement: "vpc-flow-logs") { d in
        d.network == nil || d.hardening.vpcFlowLogs
    }
    static let accessLogs = requirement(
        "access-logs", "Requests logged with client and status", enhancement: "alb-access-logs",
        applies: { $0.entryPoint?.kind == .applicationLoadBalancer },
        met: { $0.hardening.loadBalancerAccessLogs }
    )
    static let dataAccessLogs = requirement(
        "data-access-logs", "Access to stored files logged", enhancement: "s3-access-logging", applies: { $0.objectStorage != nil },
        met: { $0.hardening.uploadsAccessLogs }
    )
    static let yearOfLogs = requirement("log-retention", "Logs kept at least a year", enhancement: "log-retention-one-year") { d in
        (d.monitoring?.logRetentionDays ?? 365) >= 365
    }
    static let backups = requirement("backups", "Backups kept long enough to restore from", enhancement: "rds-backup-35-days") { d in
        guard let db = d.database, db.service != .dynamoDB else { return true }
        return db.backupRetentionDays >= 7
    }
    static let availability = requirement(
        "availability", "Database survives a zone failure", enhancement: "rds-multi-az", applies: { $0.database?.service == .rds },
        met: { $0.database?.multiAZ ?? true }
    )
    static let deletionProtection = requirement("deletion-protection", "Database protected from deletion", enhancement: "rds-deletion-protection") {
        d in
        guard let db = d.database, db.service != .dynamoDB else { return true }
        return db.deletionProtection
    }
    static let firewall = requirement(
        "web-application-firewall", "Public endpoint behind a web application firewall", enhancement: "alb-waf",
        waiver: { d in
            d.entryPoint?.kind == .httpAPI
                ? "API Gateway HTTP APIs cannot take AWS WAF; throttling (api-throttling) and the function's validation stand in" : nil
        },
        met: { d in d.entryPoint?.kind != .applicationLoadBalancer || d.hardening.webApplicationFirewall }
    )
    static let cacheAuth = requirement(
        "cache-authentication", "Cache clients authenticate", enhancement: "cache-auth-token", applies: { $0.cache != nil },
        met: { $0.hardening.cacheAuthToken }
    )
    static let alerting = requirement(
        "alerting", "Alarms reach a person", enhancement: "alarm-email", applies: { !($0.monitoring?.alarms.isEmpty ?? true) },
        met: { $0.hardening.alarmEmail }
    )
    static let replication = requirement(
        "cross-region-copies", "Copies of stored files in a second region", applies: { $0.objectStorage != nil },
        waiver: { _ in "not generated: a second region doubles storage and transfer cost; versioning and database backups cover recovery in-region" },
        met: { _ in false }
    )
    static let residency = requirement(
        "data-residency", "Personal data stays in the EU",
        waiver: { d in
            d.region.hasPrefix("eu-") ? nil : "region \(d.region) is the project's choice; transfers out of the EU need standard contractual clauses"
        },
        met: { d in d.region.hasPrefix("eu-") }
    )

    static let profiles: [Compliance: [ComplianceRequirement]] = [
        .gdpr: [encryptionAtRest, encryptionInTransit, residency, backups, deletionProtection],
        .hipaa: [
            encryptionAtRest, encryptionInTransit, customerKeys, networkLogs, accessLogs, dataAccessLogs, yearOfLogs, backups, availability,
            cacheAuth,
        ],
        .pciDss: [
            encryptionAtRest, encryptionInTransit, customerKeys, firewall, networkLogs, accessLogs, dataAccessLogs, yearOfLogs, cacheAuth,
            alerting,
        ],
        .soc2: [
            encryptionAtRest, encryptionInTransit, networkLogs, accessLogs, yearOfLogs, backups, availability, deletionProtection, alerting,
            replication,
        ],
    ]
}
