import Foundation

/// Object storage for uploads, the public entry point, and monitoring.
enum SupportRules {
    /// Average size of an uploaded object, in MB, for the usage assumptions.
    static let averageUploadMB = 0.5
    /// Traffic of an upload endpoint relative to another write endpoint, when no rps is given.
    static let uploadShare = 0.1
    /// Bytes of application and access logs written per request.
    static let logBytesPerRequest = 500.0

    static func objectStorage(_ input: DesignInput, into design: inout InfrastructureDesign) {
        let analysis = input.analysis
        guard analysis.uploadEndpoints > 0 else { return }
        let writeEndpoints = max(1, input.file.project.endpoints.filter { $0.method.isWrite }.count)
        let uploadsPerMonth: Double
        let uploadRPS = input.file.project.endpoints.filter(\.upload).compactMap(\.rps)
        if !uploadRPS.isEmpty {
            uploadsPerMonth = uploadRPS.reduce(0, +) * Analyzer.secondsPerMonth
        } else {
            // An upload endpoint gets a tenth of the traffic of another write endpoint.
            uploadsPerMonth =
                analysis.monthlyRequests * (1 - analysis.readShare) * Double(analysis.uploadEndpoints) / Double(writeEndpoints) * uploadShare
        }
        let gbPerMonth = uploadsPerMonth * averageUploadMB / 1_000
        let stored = max(1, gbPerMonth * 6)
        design.decisions.append(
            Decision(
                resource: "uploads", setting: "bucket", value: "private S3 bucket",
                reason: "Uploads go to a private, encrypted S3 bucket with all public access blocked; clients upload through pre-signed URLs.",
                trace: ["\(analysis.uploadEndpoints) upload endpoint(s)"]))
        let spec = ObjectStorageSpec(
            purpose: "uploads", versioning: input.isProduction, blockPublicAccess: true,
            assumedStoredGB: stored, assumedPutsPerMonth: uploadsPerMonth, assumedGetsPerMonth: uploadsPerMonth * 10)
        design.resources.append(Resource(id: "uploads", spec: .objectStorage(spec)))
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
                    reason: "An application load balancer spreads requests over the tasks in every zone and is the only thing open to the internet.",
                    trace: ["compute = fargate"]))
            design.resources.append(
                Resource(
                    id: "entry", spec: .entryPoint(EntryPointSpec(kind: .applicationLoadBalancer, listenerPort: 80)),
                    dependsOn: ["network", "compute"]))
        }
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
            if design.entryPoint?.kind == .applicationLoadBalancer { alarms += ["alb-5xx", "alb-latency"] } else { alarms += ["api-5xx"] }
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
}
