/// One request to a front end that answers with documents (the HTTP API, the MCP tools): the
/// operation, the project file's bytes and what the operation takes besides. Its reply is the
/// JSON the matching command prints with `--json`, and an HTTP status.
public struct ServiceCall: Sendable, Hashable {
    public enum Operation: String, Sendable, Hashable, CaseIterable {
        case validate, design, estimate, enhancements, diff, generate
    }

    public var operation: Operation
    /// The project file, JSON or YAML, as sent.
    public var body: [UInt8]
    /// Nil: guessed from the content.
    public var format: DocumentFormat?
    /// For `generate`.
    public var generate = ProjectService.GenerateRequest()
    /// For `diff`: the suggestion to apply.
    public var enhancementID: String?
    /// Whether diagnostics give line and column: not when the caller never saw the text they
    /// would point into (an MCP client's object, encoded again here).
    public var positions = true

    public init(_ operation: Operation, body: [UInt8], format: DocumentFormat? = nil) {
        self.operation = operation
        self.body = body
        self.format = format
    }

    /// A digest of everything the reply depends on besides the engine: equal calls have equal keys.
    public var key: String {
        var text = "\(operation.rawValue)\n\(format?.rawValue ?? "-")\n\(enhancementID ?? "-")\n\(positions)\n"
        let request = generate
        text += "\(request.apply?.joined(separator: ",") ?? "-")\n\(request.applySafe)\n\(request.fitBudget)\n"
        text += "\(request.targets?.map(\.rawValue).joined(separator: ",") ?? "-")\n"
        text += request.inputs.keys.sorted().map { "\($0)=\(request.inputs[$0] ?? "")" }.joined(separator: "\n") + "\n"
        return SHA256.hex(Array(text.utf8) + body)
    }

    /// A comma-separated list, each item trimmed, empty items left out.
    public static func list(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// `terraform,docker-compose`: each name a target, none twice, at least one.
    public static func targets(_ text: String, option: String) throws(ProjectService.Failure) -> [Target] {
        var result: [Target] = []
        for name in list(text) {
            guard let target = Target(rawValue: name) else {
                throw .usage(
                    "\(option): \(DisplayText.quoted(name)) is not one of terraform, docker-compose, kubernetes, pulumi"
                        + Suggestion.hint(for: name, in: Target.allCases.map(\.rawValue)))
            }
            if !result.contains(target) { result.append(target) }
        }
        if result.isEmpty { throw .usage("\(option) needs at least one target") }
        return result
    }
}

/// What a call answers: an HTTP status and one JSON document (with its final newline, as the
/// commands print it).
public struct ServiceReply: Sendable, Hashable {
    public var status: Int
    public var body: String

    public init(status: Int, body: String) {
        self.status = status
        self.body = body
    }

    public init<T: Encodable>(status: Int, document: T) {
        self.status = status
        do {
            body = try JSONText.encode(document) + "\n"
        } catch {
            self.status = 500
            body = "{\n  \"error\" : \"the reply could not be encoded\",\n  \"success\" : false\n}\n"
        }
    }

    public static func failure(_ status: Int, _ error: String, details: [String] = []) -> ServiceReply {
        ServiceReply(status: status, document: FailureDocument(error: error, details: details))
    }
}

extension ProjectService {
    /// The reply to a call: 200 with the command's document; 400 with the diagnostics, each with
    /// its path, when the project does not load or the call asks for what does not exist; 500 when
    /// the tool itself failed. `source` names the project in diagnostics.
    public func reply(_ call: ServiceCall, source: String = "<request>") -> ServiceReply {
        var loaded = ProjectLoader().load(call.body, format: call.format)
        if !call.positions { loaded.diagnostics = loaded.diagnostics.map { Diagnostic($0.severity, $0.path, $0.message) } }
        guard let project = loaded.file else {
            return ServiceReply(status: 400, document: FailureDocument(invalidProject: loaded.diagnostics, source: source))
        }
        do throws(Failure) {
            switch call.operation {
            case .validate:
                return ServiceReply(status: 200, document: ValidateDocument(project: project, diagnostics: loaded.diagnostics, source: source))
            case .design:
                return ServiceReply(status: 200, document: design(project).document)
            case .estimate:
                return ServiceReply(status: 200, document: estimate(project))
            case .enhancements:
                return ServiceReply(status: 200, document: try enhancements(project).document)
            case .diff:
                guard let id = call.enhancementID, !id.isEmpty else { throw .usage("the enhancement id is missing") }
                return ServiceReply(status: 200, document: try diff(project, id: id))
            case .generate:
                return ServiceReply(status: 200, document: response(try generate(project, call.generate)))
            }
        } catch .usage(let message) {
            return .failure(400, message)
        } catch {
            return ServiceReply(status: 500, document: error.document)
        }
    }
}
