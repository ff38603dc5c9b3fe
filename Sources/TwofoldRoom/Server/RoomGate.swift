import HTTPTypes
import Hummingbird

/// The middleware every request passes: the per-client rate limit, refusals turned into
/// JSON answers, and the security headers on every response, errors included.
struct RoomGate: RouterMiddleware {
    typealias Context = RoomRequestContext

    let limiter: RateLimiter

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        if limiter.allow(context.client) {
            do {
                response = try await next(request, context)
            } catch let refusal as RoomRefusal {
                response = RoomReply.refusal(refusal)
            } catch let error as HTTPResponseError {
                response = RoomReply.refusal(Self.refusal(for: error))
            } catch {
                response = RoomReply.json(#"{"error":"the room could not answer"}"#, status: .internalServerError)
            }
        } else {
            response = RoomReply.refusal(.tooManyRequests)
            response.headers[.retryAfter] = "1"
        }
        RoomReply.secure(&response.headers)
        return response
    }

    /// Hummingbird's own errors (no route, body too large, bad request) in the room's words.
    static func refusal(for error: HTTPResponseError) -> RoomRefusal {
        switch error.status {
        case .contentTooLarge: return .tooLarge(limit: RoomServer.maxBodyBytes)
        case .notFound, .methodNotAllowed: return .notFound
        default: return .malformed((error as? HTTPError)?.body ?? "unreadable request")
        }
    }
}

/// How the room answers: JSON bodies, refusals as `{"error": "…"}`, and the headers
/// every response carries.
enum RoomReply {
    /// Scripts and styles from this server only, nothing inline, no other origin, no
    /// framing, no plugins.
    static let contentSecurityPolicy = [
        "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self'",
        "connect-src 'self'", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'",
    ].joined(separator: "; ")

    private static let frameOptions = HTTPField.Name("X-Frame-Options")!
    private static let referrerPolicy = HTTPField.Name("Referrer-Policy")!

    /// Adds the security headers.
    static func secure(_ headers: inout HTTPFields) {
        headers[.contentSecurityPolicy] = contentSecurityPolicy
        headers[.xContentTypeOptions] = "nosniff"
        headers[frameOptions] = "DENY"
        headers[referrerPolicy] = "no-referrer"
        headers[.cacheControl] = "no-store"
        headers[.crossOriginResourcePolicy] = "same-origin"
    }

    static func json(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    static func refusal(_ refusal: RoomRefusal) -> Response {
        struct Body: Encodable { var error: String }
        return json(WebText.json(Body(error: refusal.description)), status: refusal.status)
    }

    /// A page or asset with its media type.
    static func asset(_ text: String, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type], body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
