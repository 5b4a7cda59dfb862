import Foundation
import HTTPTypes
import Hummingbird
import SnapinfraCore

/// Answers every request of `snapinfra serve`: the routes, the limits (413, 503, 504) and one log
/// line per request on stderr. Every answer, errors included, is one JSON document.
struct APIResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let service: ProjectService
    let settings: ServerSettings
    let queue: WorkQueue
    /// Replies are kept only when they are a function of the request.
    let deterministic: Bool

    func respond(to request: Request, context: Context) async throws -> Response {
        let started = ContinuousClock.now
        var request = request
        let response = await answer(&request)
        let elapsed = ContinuousClock.now - started
        let milliseconds = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
        let bytes = response.body.contentLength ?? 0
        let line =
            "\(request.method.rawValue) \(request.uri.path) \(response.status.code) \(String(format: "%.1f", milliseconds)) ms \(bytes) bytes\n"
        FileHandle.standardError.write(Data(line.utf8))
        return response
    }

    private func answer(_ request: inout Request) async -> Response {
        let path = request.uri.path
        guard let (method, route) = APIRoute.table[path] else {
            return Self.json(.failure(404, "no such path: \(DisplayText.quoted(path))", details: APIRoute.table.keys.sorted()))
        }
        guard request.method.rawValue == method else {
            var response = Self.json(.failure(405, "\(path) takes \(method), not \(request.method.rawValue)"))
            response.headers[.allow] = method
            return response
        }
        switch route {
        case .health:
            return Self.json(ServiceReply(status: 200, body: "{\n  \"status\" : \"ok\",\n  \"version\" : \"\(SnapinfraVersion.current)\"\n}\n"))
        case .openAPI:
            return Self.text(OpenAPIDocument.yaml, type: "application/yaml; charset=utf-8")
        case .call(let operation):
            return await call(operation, &request)
        }
    }

    private func call(_ operation: ServiceCall.Operation, _ request: inout Request) async -> Response {
        let limit = settings.maxBodyBytes
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            return Self.json(.failure(413, "the body is \(length) bytes, over the limit of \(limit)"))
        }
        let body: [UInt8]
        do {
            body = Array(try await request.body.collect(upTo: limit).readableBytesView)
        } catch {
            return Self.json(.failure(413, "the body is over the limit of \(limit) bytes"))
        }
        let call: ServiceCall
        do {
            call = try APIRoute.call(
                operation, body: body, format: APIRoute.format(contentType: request.headers[.contentType]), query: request.uri.query)
        } catch {
            return Self.json(ServiceReply(status: 400, document: error.document))
        }
        let service = service
        let admission = queue.admit(deterministic && settings.cacheBytes > 0 ? call.key : UUID().uuidString) { service.reply(call) }
        let promise: ReplyPromise
        let cache: String
        switch admission {
        case .cached(let reply):
            return Self.json(reply, cache: "hit")
        case .busy:
            var response = Self.json(.failure(503, "busy: \(settings.maxConcurrent) requests are being worked on; try again"))
            response.headers[.retryAfter] = "1"
            return response
        case .joined(let shared):
            (promise, cache) = (shared, "shared")
        case .started(let own):
            (promise, cache) = (own, "miss")
        }
        guard let reply = await promise.wait(timeout: settings.timeout) else {
            return Self.json(.failure(504, "the request took longer than the limit of \(Self.seconds(settings.timeout)) s"))
        }
        return Self.json(reply, cache: cache)
    }

    /// Says whether a reply came from the cache (`hit`), from work another request started
    /// (`shared`) or from work of its own (`miss`).
    static let cacheHeader = HTTPField.Name("X-Snapinfra-Cache")

    static func json(_ reply: ServiceReply, cache: String? = nil) -> Response {
        var response = text(reply.body, type: "application/json; charset=utf-8")
        response.status = .init(code: reply.status)
        if let cache, let name = cacheHeader { response.headers[name] = cache }
        return response
    }

    static func seconds(_ duration: Duration) -> String {
        Format.number(Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18, digits: 2)
    }

    static func text(_ body: String, type: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }
}
