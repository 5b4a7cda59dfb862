import Foundation

/// Object storage for uploads, the public entry point, and monitoring.
enum SupportRules {
    /// Months of uploads the estimate prices as stored (the same horizon as the database's storage).
    static let storedMonths = 3.0
    /// Times each upload is read back, when the project has no download endpoint.
    static let readsPerUpload = 10.0
    /// Bytes of application and access logs written per request.
    static let logBytesPerRequest = 500.0

    static func objectStorage(_ input: DesignInput, into design: inout InfrastructureDesign) {
        let analysis = input.analysis
        guard analysis.uploadEndpoints > 0 else { return }
        let uploadsPerMonth = analysis.uploadsPerMonth
        let gbPerMonth = uploadsPerMonth * uploadKB(analysis) / 1_000_000
        let stored = max(1, gbPerMonth * storedMonths)
        let downloads = analysis.endpointLoads.filter { $0.kind == .download }.reduce(0) { $0 + $1.rps } * Analyzer.secondsPerMonth
        design.decisions.append(
            Decision(
                resource: "uploads", setting: "bucket", value: "private S3 bucket",
                reason: "Uploads go to a private, encrypted S3 bucket with all public access blocked; clients upload through pre-signed URLs.",
                trace: ["\(analysis.uploadEndpoints) upload endpoint(s)"]))
        let spec = ObjectStorageSpec(
            purpose: "uploads", versioning: input.isProduction, blockPublicAccess: true,
            assumedStoredGB: stored, assumedPutsPerMonth: uploadsPerMonth,
            assumedGetsPerMonth: downloads > 0 ? downloads : uploadsPerMonth * readsPerUpload)
        design.resources.append(Resource(id: "uploads", spec: .objectStorage(spec)))
    }

    /// The average upload size, KB: the upload endpoints' requestKB, weighted by their traffic.
    static func uploadKB(_ analysis: RequirementsAnalysis) -> Double {
        let uploads = analysis.endpointLoads.filter { $0.kind == .upload }
        let rps = uploads.reduce(0) { $0 + $1.rps }
        guard rps > 0 else { return uploads.first?.requestKB ?? Workload.uploadKB }
        return uploads.reduce(0) { $0 + $1.requestKB * $1.rps } / rps
    }

    static func entryPoint(_ input: DesignInput, platform: ComputePlatform, into design: inout InfrastructureDesign) {
        if platform == .lambda {
            design.decisions.append(
                Decision(
                    resource: "entry", setting: "kind", value: "HTTP API",
                    reason: "An API Gateway HTTP API bills per request with no hourly charge, unlike a load balancer's $16+ a month.",
                    trace: ["compute = lambda"]))
            design.resources.append(
                Resource(id: "entry", spec: .entryPoint(EntryPointSpec(kind: .httpAPI, listenerPort: 443)), dependsOn: ["compute"]))
        } else {
            design.decisions.append(
                Decision(
                    resource: "entry", setting: "kind", value: "application load balancer",
                    reason: platform == .eks
                        ? "An application load balancer, created by the AWS Load Balancer Controller from the Ingress, sends requests straight to the pods in every zone and is the only thing open to the internet."
                        : "An application load balancer spreads requests over the tasks in every zone and is the only thing open to the internet.",
                    trace: ["compute = \(platform.rawValue)"]))
            design.resources.append(
                Resource(
                    id: "entry", spec: .entryPoint(EntryPointSpec(kind: .applicationLoadBalancer, listenerPort: 80)),
                    dependsOn: ["network", "compute"]))
        }
    }

    /// A WAF in front of the load balancer where PCI DSS asks for one: requirement 6.4.2 (v4.0)
    /// calls for an automated solution that detects and blocks attacks on public web applications.
    static func firewall(_ input: DesignInput, into design: inout InfrastructureDesign) {
        guard design.entryPoint?.kind == .applicationLoadBalancer, input.compliance.contains(.pciDss) else { return }
        design.hardening.webApplicationFirewall = true
        design.decisions.append(
            Decision(
                resource: "entry", setting: "webApplicationFirewall", value: "AWS managed rules",
                reason:
                    "PCI DSS 6.4.2 asks for an automated solution in front of public web applications, so the load balancer gets AWS WAF with the managed rule groups.",
                trace: ["compliance includes pci-dss", "entry = application load balancer"]))
    }

    static func monitoring(_ input: DesignInput, into design: inout InfrastructureDesign) {
        let retention: Int
        let retentionReason: String
        switch input.environment {
        case .development:
            retention = 7
            retentionReason = "A week of logs is enough to debug in development."
        case .staging:
            retention = 30
            retentionReason = "A month of logs covers a release cycle in staging."
        case .production:
            retention = 365
            retentionReason =
                input.needsAuditRetention
                ? "A year of logs keeps the audit evidence that the compliance regimes ask for."
                : "A year of logs in production covers incident reviews and the audits a growing company meets; archived logs cost little."
        }
        var alarms: [String] = []
        if input.environment != .development {
            // The controller's load balancer is not in the Terraform, so its alarms cannot be either.
            if design.compute?.platform == .eks {
            } else if design.entryPoint?.kind == .applicationLoadBalancer {
                alarms += ["alb-5xx", "alb-latency"]
            } else {
                alarms += ["api-5xx"]
            }
            if input.isProduction {
                if let db = design.database, db.service != .dynamoDB { alarms += ["database-cpu", "database-free-storage"] }
                if design.compute?.platform == .fargate { alarms.append("service-cpu") }
                if design.cache != nil { alarms.append("cache-cpu") }
            }
        }
        let logsGB = max(0.1, input.analysis.monthlyRequests * logBytesPerRequest / 1_000_000_000)
        design.decisions.append(
            Decision(
                resource: "monitoring", setting: "logRetentionDays", value: "\(retention)", reason: retentionReason,
                trace: ["environment = \(input.environment.rawValue)"]
                    + (input.needsAuditRetention ? ["compliance = \(input.compliance.map(\.rawValue).joined(separator: ", "))"] : [])))
        design.decisions.append(
            Decision(
                resource: "monitoring", setting: "alarms", value: alarms.isEmpty ? "none" : alarms.joined(separator: ", "),
                reason: alarms.isEmpty
                    ? "No paging alarms in development; the logs are there when needed."
                    : "Alarms on errors, latency and saturation page before users notice.",
                trace: ["environment = \(input.environment.rawValue)"]))
        let spec = MonitoringSpec(logRetentionDays: retention, alarms: alarms, assumedLogsGBPerMonth: logsGB)
        design.resources.append(Resource(id: "monitoring", spec: .monitoring(spec), dependsOn: ["compute"]))
    }

    /// In production the log groups and the alarm topic, and a function's environment, use a
    /// customer-managed key: $1 a month for a key you can audit and revoke, and checkov's
    /// CKV_AWS_158 and CKV_AWS_173 pass without an enhancement.
    static func encryption(_ input: DesignInput, into design: inout InfrastructureDesign) {
        if design.compute?.platform == .eks {
            design.hardening.customerManagedKey = true
            design.decisions.append(
                Decision(
                    resource: "compute", setting: "secretsEncryption", value: "customer-managed KMS key",
                    reason:
                        "EKS envelope-encrypts Kubernetes Secrets in etcd only with a KMS key you own; the same key, rotated every year, covers the control-plane logs\(input.isProduction ? ", the application's log groups and the alarm topic" : " and the log groups"). It costs $1 a month.",
                    trace: ["compute = eks", "environment = \(input.environment.rawValue)"]))
            return
        }
        guard input.isProduction else { return }
        design.hardening.customerManagedKey = true
        var covered = ["the log groups", "the alarm topic"]
        if design.compute?.platform == .lambda {
            design.hardening.functionEnvironmentKey = true
            covered.append("the function's environment")
        }
        if design.hardening.tablesCustomerManagedKey { covered.append("the tables") }
        design.decisions.append(
            Decision(
                resource: "monitoring", setting: "encryptionKey", value: "customer-managed KMS key",
                reason:
                    "In production \(covered.dropLast().joined(separator: ", ")) and \(covered.last ?? "") use one key you own, rotated every year, that you can audit and revoke; it costs $1 a month.",
                trace: ["environment = production"]))
    }
}
