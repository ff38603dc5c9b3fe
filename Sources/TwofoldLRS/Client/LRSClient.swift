import AsyncHTTPClient
import Foundation
import NIOCore
import NIOPosix
import NIOHTTP1
import TwofoldCore
#if canImport(Glibc)
import Glibc
#endif

/// Talks xAPI 1.0.3 to one learning record store: sends statements in batches, asks for
/// its versions, and reads statements back page by page.
///
/// Every request carries `X-Experience-API-Version: 1.0.3` and, when configured, HTTP basic
/// authentication. Redirects are not followed (credentials go to the configured host
/// only), and a `more` link must stay on that host too.
public struct LRSClient: Sendable {
    public let endpoint: LRSEndpoint
    /// How long a send or a small request may take.
    public var requestTimeout: TimeAmount = .seconds(30)

    public init(endpoint: LRSEndpoint) {
        self.endpoint = endpoint
    }

    /// What the record store did with a batch.
    public enum PostOutcome: Sendable, Equatable {
        /// Stored (200), or all known already (204).
        case stored
        /// 409: a statement id is known already. One statement alone is delivered; for a
        /// batch it says nothing about the others.
        case conflict
    }

    /// Sends statements (each a JSON object) as one array to `statements`.
    public func post(_ statements: [Data]) async throws(LRSError) -> PostOutcome {
        var body = ByteBuffer()
        body.reserveCapacity(statements.reduce(2) { $0 + $1.count + 1 })
        body.writeInteger(UInt8(ascii: "["))
        for (index, statement) in statements.enumerated() {
            if index > 0 { body.writeInteger(UInt8(ascii: ",")) }
            body.writeBytes(statement)
        }
        body.writeInteger(UInt8(ascii: "]"))
        var request = self.request(endpoint.resource("statements"), method: .POST)
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(body)
        let response = try await send(request, deadline: .now() + requestTimeout)
        switch response.status.code {
        case 200, 204:
            _ = try? await response.body.collect(upTo: 1 << 20)
            return .stored
        case 409:
            _ = try? await response.body.collect(upTo: 1 << 20)
            return .conflict
        default:
            throw await failure(response)
        }
    }

    /// The record store's `about` resource: the xAPI versions it speaks.
    public func about() async throws(LRSError) -> [String] {
        let response = try await send(request(endpoint.resource("about"), method: .GET), deadline: .now() + requestTimeout)
        guard response.status.code == 200 else { throw await failure(response) }
        guard let versions = Self.versions(about: try await collect(response, limit: 1 << 20)) else {
            throw .badResponse(endpoint: endpoint.display, reason: "`about` has no \"version\" list")
        }
        return versions
    }

    /// The `version` list of an `about` document; nil when it has none.
    static func versions(about body: Data) -> [String]? {
        (try? JSONSerialization.jsonObject(with: body) as? [String: Any])?["version"] as? [String]
    }

    /// Reads every statement `query` selects, following `more` links (unless
    /// `firstPageOnly`); `statement` gets each one's JSON bytes as it arrives. Returns how
    /// many were read.
    @discardableResult
    public func statements(_ query: StatementQuery, firstPageOnly: Bool = false, pageTimeout: TimeAmount = .minutes(30),
                           _ statement: (UnsafeBufferPointer<UInt8>) -> Void) async throws(LRSError) -> Int {
        var next: URL? = query.url(endpoint)
        var total = 0
        while let url = next {
            let response = try await send(request(url, method: .GET), deadline: .now() + pageTimeout)
            guard response.status.code == 200 else { throw await failure(response) }
            var splitter = StatementResultSplitter()
            do {
                for try await buffer in response.body {
                    try buffer.withUnsafeReadableBytes { try splitter.feed($0, statement: statement) }
                }
            } catch let failure as StatementResultSplitter.Failure {
                throw .badResponse(endpoint: endpoint.display, reason: failure.message)
            } catch {
                throw unreachable(error)
            }
            guard splitter.isComplete else {
                throw .badResponse(endpoint: endpoint.display, reason: "the statement result ended early")
            }
            total += splitter.statements
            next = try splitter.more.map { more throws(LRSError) in try follow(more) }
            // A page with no statements ends the walk, whatever `more` says.
            if splitter.statements == 0 || firstPageOnly { next = nil }
        }
        return total
    }

    /// The URL a `more` link points to, which must be on the record store's own host.
    func follow(_ more: String) throws(LRSError) -> URL {
        guard let url = URL(string: more, relativeTo: endpoint.url)?.absoluteURL,
              url.scheme == endpoint.url.scheme, url.host == endpoint.url.host, url.port == endpoint.url.port else {
            throw .badResponse(endpoint: endpoint.display, reason: "the \"more\" link \(Self.clip(more)) leads away from it")
        }
        return url
    }

    // MARK: - Requests

    private func request(_ url: URL, method: HTTPMethod) -> HTTPClientRequest {
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = method
        request.headers.add(name: "X-Experience-API-Version", value: "1.0.3")
        request.headers.add(name: "Accept", value: "application/json")
        request.headers.add(name: "User-Agent", value: "Twofold")
        if let credentials = endpoint.credentials {
            let token = Data("\(credentials.username):\(credentials.password)".utf8).base64EncodedString()
            request.headers.add(name: "Authorization", value: "Basic " + token)
        }
        return request
    }

    private func send(_ request: HTTPClientRequest, deadline: NIODeadline) async throws(LRSError) -> HTTPClientResponse {
        do {
            return try await Self.http.execute(request, deadline: deadline)
        } catch {
            throw unreachable(error)
        }
    }

    private func collect(_ response: HTTPClientResponse, limit: Int) async throws(LRSError) -> Data {
        do {
            return Data(try await response.body.collect(upTo: limit).readableBytesView)
        } catch {
            throw unreachable(error)
        }
    }

    /// The error for an answer that is not a success: credentials, or the status and the
    /// reason the record store gave (its JSON `detail` or `message`, else its first line).
    private func failure(_ response: HTTPClientResponse) async -> LRSError {
        let status = Int(response.status.code)
        if status == 401 || status == 403 { return .credentials(endpoint: endpoint.display, status: status) }
        let body = (try? await response.body.collect(upTo: 64 * 1024)).map { Data($0.readableBytesView) } ?? Data()
        var reason = ""
        if let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] {
            reason = (object["detail"] ?? object["message"] ?? object["error"]).map(Self.text) ?? ""
        } else {
            reason = String(decoding: body, as: UTF8.self).split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        }
        if reason.isEmpty { reason = response.status.reasonPhrase }
        return .rejected(endpoint: endpoint.display, status: status, reason: Self.clip(reason))
    }

    /// A reason from a JSON answer: a string, or a list of validation problems
    /// (`{"loc": ["body", 0, "actor"], "msg": "Field required"}`) as `body.0.actor: Field required`.
    private static func text(_ value: Any) -> String {
        if let text = value as? String { return text }
        if let problems = value as? [Any] {
            return problems.map { problem -> String in
                guard let problem = problem as? [String: Any], let message = problem["msg"] as? String else { return "\(problem)" }
                let location = (problem["loc"] as? [Any])?.map { "\($0)" }.joined(separator: ".")
                return location.map { "\($0): \(message)" } ?? message
            }.joined(separator: "; ")
        }
        return "\(value)"
    }

    private func unreachable(_ error: any Error) -> LRSError {
        .unreachable(endpoint: endpoint.display, reason: Self.reason(error))
    }

    /// A short reason for a connection failure.
    static func reason(_ error: any Error) -> String {
        if let error = error as? HTTPClientError {
            if error == .deadlineExceeded || error == .readTimeout || error == .connectTimeout { return "timed out" }
            if error == .remoteConnectionClosed { return "the connection was closed" }
        }
        if let error = error as? IOError, let reason = reason(errno: error.errnoCode) { return reason }
        let text = String(describing: error)
        // NIO's wording puts "connection reset" before the system's reason: the errno decides.
        if let range = text.range(of: "(errno: "), let code = Int32(text[range.upperBound...].prefix { $0.isNumber }),
           let reason = reason(errno: code) {
            return reason
        }
        if text.contains("NXDOMAIN") || text.contains("getaddrinfo") || text.contains("Name or service not known") {
            return "the host name was not found"
        }
        return clip(text)
    }

    private static func reason(errno code: Int32) -> String? {
        switch code {
        case ECONNREFUSED: return "connection refused"
        case ECONNRESET: return "the connection was reset"
        case ETIMEDOUT: return "timed out"
        case EHOSTUNREACH, ENETUNREACH: return "no route to the host"
        default: return nil
        }
    }

    /// Text from elsewhere made safe for one line (``TextSafety/message(_:)``), at most 200 characters.
    static func clip(_ text: String) -> String {
        let safe = TextSafety.message(text)
        return safe.count > 200 ? String(safe.prefix(200)) + "…" : safe
    }

    /// The one HTTP client of the process: no redirects, 10 s to connect, 60 s without data
    /// at most, and a connection that cannot be made fails at once (the outbox retries with
    /// its own backoff; waiting here would only hold up the end of a session). It runs on an
    /// event loop of its own, so delivery never shares a thread with the room's server, and
    /// lives as long as the process, so it is never shut down.
    static let http: HTTPClient = {
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow, timeout: .init(connect: .seconds(10), read: .seconds(60)),
            decompression: .enabled(limit: .ratio(50)))
        configuration.connectionPool.retryConnectionEstablishment = false
        return HTTPClient(eventLoopGroup: MultiThreadedEventLoopGroup(numberOfThreads: 1), configuration: configuration)
    }()
}
