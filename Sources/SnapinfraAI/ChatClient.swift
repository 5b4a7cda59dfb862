import Foundation
import SnapinfraCore

/// A model's answer to one prompt, with what it cost.
public struct ChatReply: Sendable {
    public var text: String
    public var promptTokens: Int
    public var completionTokens: Int
    public var tokensEstimated: Bool
    public var attempts: Int
    public var latencyMS: Int
    /// True when the model stopped at the token limit, so the text is cut off.
    public var truncated: Bool
}

/// A chat model behind HTTP: OpenAI-compatible or Anthropic. One call sends a prompt and returns the
/// reply text, retrying 429 and 5xx answers with backoff, and never running past `deadline`.
public final class ChatClient: @unchecked Sendable {
    public let settings: AISettings
    private let transport = HTTPTransport()
    /// The first wait before a retry, doubled for each further one, in seconds.
    var backoff = 0.5
    /// The longest wait a Retry-After header may ask for, in seconds.
    static let maxRetryAfter = 4.0

    public init(settings: AISettings) {
        self.settings = settings
    }

    /// `attempts` counts the HTTP requests made, retries included, whether the call succeeds or not.
    public func send(_ prompt: ModelPrompt, deadline: Date, cancel: CancelToken, attempts: inout Int) throws(ModelCallError) -> ChatReply {
        guard let base = settings.baseURL else { throw .transport("no endpoint configured") }
        let started = Date()
        let (url, headers, body) = request(prompt, base: base)
        var attempt = 0
        while true {
            attempt += 1
            attempts = attempt
            let response: HTTPTransport.Response
            do {
                response = try transport.post(url, headers: headers, body: body, deadline: deadline, cancel: cancel)
            } catch .timedOut {
                throw .timedOut(seconds: settings.timeout)
            } catch .transport(let message) where attempt <= settings.retries {
                try pause(before: attempt, retryAfter: nil, deadline: deadline, cancel: cancel, lastError: .transport(message))
                continue
            } catch {
                throw error
            }
            if response.status == 429 || (500...599).contains(response.status) {
                let failure = ModelCallError.http(status: response.status, body: snippet(response.body))
                guard attempt <= settings.retries else { throw failure }
                try pause(before: attempt, retryAfter: response.headers["retry-after"], deadline: deadline, cancel: cancel, lastError: failure)
                continue
            }
            guard (200...299).contains(response.status) else {
                throw .http(status: response.status, body: snippet(response.body))
            }
            var reply = try parse(response.body, prompt: prompt)
            reply.attempts = attempt
            reply.latencyMS = Int(Date().timeIntervalSince(started) * 1_000)
            return reply
        }
    }

    /// Waits before the next attempt, or gives up with the last error when the wait would pass the deadline.
    private func pause(before attempt: Int, retryAfter: String?, deadline: Date, cancel: CancelToken, lastError: ModelCallError)
        throws(ModelCallError)
    {
        var wait = backoff * pow(2, Double(attempt - 1))
        if let retryAfter, let seconds = Double(retryAfter.trimmingCharacters(in: .whitespaces)) {
            wait = min(max(seconds, 0), Self.maxRetryAfter)
        }
        guard Date().addingTimeInterval(wait) < deadline else { throw lastError }
        let end = Date().addingTimeInterval(wait)
        while Date() < end {
            if cancel.isCancelled { throw .cancelled }
            Thread.sleep(forTimeInterval: min(0.05, max(0, end.timeIntervalSinceNow)))
        }
    }

    private func request(_ prompt: ModelPrompt, base: URL) -> (URL, [String: String], Data) {
        var headers = ["Content-Type": "application/json", "Accept": "application/json", "User-Agent": "snapinfra/\(SnapinfraVersion.current)"]
        let root = base.absoluteString.hasSuffix("/") ? String(base.absoluteString.dropLast()) : base.absoluteString
        var body: [String: Any] = ["model": settings.model, "max_tokens": prompt.maxReplyTokens, "temperature": 0]
        let messages = prompt.messages.map { ["role": $0.role.rawValue, "content": $0.content] }
        let url: String
        if settings.provider == .anthropic {
            url = root + (root.hasSuffix("/v1") ? "/messages" : "/v1/messages")
            headers["anthropic-version"] = "2023-06-01"
            if let key = settings.apiKey { headers["x-api-key"] = key }
            body["system"] = prompt.system
            body["messages"] = messages
        } else {
            url = root + "/chat/completions"
            if let key = settings.apiKey { headers["Authorization"] = "Bearer \(key)" }
            body["messages"] = [["role": "system", "content": prompt.system]] + messages
        }
        let data = (try? JSONSerialization.data(withJSONObject: body, options: [.sortedKeys])) ?? Data()
        return (URL(string: url) ?? base, headers, data)
    }

    private func parse(_ body: Data, prompt: ModelPrompt) throws(ModelCallError) -> ChatReply {
        guard !body.isEmpty else { throw .badResponse("empty body") }
        // Read strictly first: JSONSerialization silently keeps one of two equal keys.
        var limits = DocumentLimits()
        limits.maxBytes = HTTPTransport.maxBody
        if let tree = try? JSONReader.read([UInt8](body), limits: limits), let duplicate = tree.duplicateKeyPaths().first {
            throw .badResponse("the key \(DisplayText.quoted(duplicate, limit: 60)) appears twice in the response")
        }
        let object: [String: Any]
        do {
            guard let parsed = try JSONSerialization.jsonObject(with: body) as? [String: Any] else {
                throw ModelCallError.badResponse("not a JSON object")
            }
            object = parsed
        } catch {
            throw .badResponse("the body is not complete JSON (\(body.count) bytes)")
        }
        var text = ""
        var truncated = false
        var usage: (Int, Int)?
        if settings.provider == .anthropic {
            let blocks = object["content"] as? [[String: Any]] ?? []
            text = blocks.compactMap { $0["type"] as? String == "text" ? $0["text"] as? String : nil }.joined()
            truncated = object["stop_reason"] as? String == "max_tokens"
            if let u = object["usage"] as? [String: Any], let i = u["input_tokens"] as? Int, let o = u["output_tokens"] as? Int { usage = (i, o) }
        } else {
            guard let choices = object["choices"] as? [[String: Any]], let first = choices.first else {
                throw .badResponse("no choices in the reply")
            }
            text = (first["message"] as? [String: Any])?["content"] as? String ?? ""
            truncated = first["finish_reason"] as? String == "length"
            if let u = object["usage"] as? [String: Any], let i = u["prompt_tokens"] as? Int, let o = u["completion_tokens"] as? Int {
                usage = (i, o)
            }
        }
        return ChatReply(
            text: text, promptTokens: usage?.0 ?? prompt.estimatedTokens, completionTokens: usage?.1 ?? ModelPrompt.estimateTokens(text),
            tokensEstimated: usage == nil, attempts: 1, latencyMS: 0, truncated: truncated)
    }

    /// Text with the API key blanked out, in case a server echoes it back.
    func redact(_ text: String) -> String {
        guard let key = settings.apiKey, key.count >= 4 else { return text }
        return text.replacingOccurrences(of: key, with: "[key]")
    }

    /// The start of an error body, safe to show.
    func snippet(_ body: Data) -> String {
        let text = redact(String(decoding: body.prefix(4_096), as: UTF8.self))
        return DisplayText.escape(text.trimmingCharacters(in: .whitespacesAndNewlines), limit: 120)
    }
}
