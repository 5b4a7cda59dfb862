import Foundation
import SnapinfraCore

/// The API's paths, and what each takes from the query string.
enum APIRoute: Equatable {
    case call(ServiceCall.Operation)
    case health
    case openAPI

    /// Path → (method, route), from the endpoints the document describes.
    static let table: [String: (method: String, route: APIRoute)] = Dictionary(
        uniqueKeysWithValues: APIEndpoint.all.map { ($0.path, ($0.method, $0.route)) })

    /// The query parameters an operation takes (as the document lists them); any other is
    /// refused, so a typo is not ignored.
    static func parameters(for operation: ServiceCall.Operation) -> [String] {
        APIEndpoint.all.first { $0.route == .call(operation) }?.parameters.map(\.name) ?? []
    }

    /// The call for a body and a query string (`apply=a,b&applySafe=true`), or why not.
    static func call(_ operation: ServiceCall.Operation, body: [UInt8], format: DocumentFormat?, query: String?) throws(ProjectService.Failure)
        -> ServiceCall
    {
        var call = ServiceCall(operation, body: body, format: format)
        let allowed = parameters(for: operation)
        for pair in (query ?? "").split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).replacingOccurrences(of: "+", with: " ") }
            let name = parts[0].removingPercentEncoding ?? parts[0]
            let value = parts.count > 1 ? (parts[1].removingPercentEncoding ?? parts[1]) : ""
            guard allowed.contains(name) else {
                let takes = allowed.isEmpty ? "takes no query parameters" : "takes \(allowed.joined(separator: ", "))"
                throw .usage("unknown query parameter \(DisplayText.quoted(name)): this path \(takes)" + Suggestion.hint(for: name, in: allowed))
            }
            switch name {
            case "apply": call.generate.apply = ServiceCall.list(value)
            case "applySafe": call.generate.applySafe = try flag(name, value)
            case "fitBudget": call.generate.fitBudget = try flag(name, value)
            case "target": call.generate.targets = try ServiceCall.targets(value, option: "target")
            default: call.enhancementID = value
            }
        }
        if call.generate.apply != nil && call.generate.applySafe { throw .usage("apply and applySafe cannot be combined") }
        if operation == .diff && (call.enhancementID ?? "").isEmpty { throw .usage("the query parameter id (the enhancement to diff) is missing") }
        return call
    }

    private static func flag(_ name: String, _ value: String) throws(ProjectService.Failure) -> Bool {
        switch value {
        case "", "true", "1": return true
        case "false", "0": return false
        default: throw .usage("\(name): \(DisplayText.quoted(value)) is not true or false")
        }
    }

    /// The format a Content-Type names; nil (guess from the content) for anything else.
    static func format(contentType: String?) -> DocumentFormat? {
        guard let type = contentType?.lowercased() else { return nil }
        if type.contains("yaml") { return .yaml }
        if type.contains("json") { return .json }
        return nil
    }
}
