import HTTPTypes
import Hummingbird
import HummingbirdWebSocket

/// The live channel, `GET /api/live` upgraded to a WebSocket.
///
/// A page proves who it is when it connects, in the WebSocket sub-protocol list (a header,
/// never the address): `twofold` plus `bearer.<token>` for a participant or
/// `presenter.<key>` for the presenter view. The server answers with `twofold`, sends the
/// current state at once and every change after; what the page sends is read and ignored.
///
/// Every upgrade is answered 101 with the security headers (a refused upgrade would get a
/// bare answer from below the router); a connection that is not allowed is then closed
/// at once: 1008 (policy violation) for a missing or wrong identity, 1013 (try again
/// later) over the rate limit or when the room holds too many connections.
struct LiveRoute: Sendable {
    static let protocolName = "twofold"

    let backend: any RoomBackend
    let hub: LiveHub
    let limiter: RateLimiter

    func add(to router: Router<RoomRequestContext>) {
        router.ws("/api/live") { request, _ in
            var headers = HTTPFields()
            RoomReply.secure(&headers)
            if Self.offered(request).contains(Self.protocolName) { headers[.secWebSocketProtocol] = Self.protocolName }
            return .upgrade(headers)
        } onUpgrade: { inbound, outbound, context in
            let client = context.requestContext.client
            guard limiter.allow(client), hub.hasRoom(for: client) else {
                try await outbound.close(.init(codeNumber: 1013), reason: "too many connections: try again later")
                return
            }
            guard let audience = await audience(context.request) else {
                try await outbound.close(.policyViolation, reason: "join the room first")
                return
            }
            let (id, mailbox) = hub.register(audience, client: client)
            defer { hub.remove(id) }
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    for await message in mailbox { try await outbound.write(.text(message)) }
                    // The mailbox ends when the room stops: say goodbye before the hub counts
                    // this connection gone, so stopping never cuts the last state short.
                    if !Task.isCancelled { try await outbound.close(.normalClosure, reason: "the room has ended") }
                }
                group.addTask {
                    for try await _ in inbound.messages(maxSize: RoomServer.maxBodyBytes) {}
                }
                try await group.next()
                group.cancelAll()
            }
        }
    }

    /// Who the upgrade request's sub-protocol list says is connecting, if anyone.
    private func audience(_ request: Request) async -> LiveHub.Audience? {
        let offered = Self.offered(request)
        guard offered.contains(Self.protocolName) else { return nil }
        let snapshot = await backend.snapshot()
        for item in offered {
            if item.hasPrefix("bearer."), let participant = snapshot.participant(holding: String(item.dropFirst(7))) {
                return .participant(participant)
            }
            if item.hasPrefix("presenter."), snapshot.isPresenter(String(item.dropFirst(10))) {
                return .presenter
            }
        }
        return nil
    }

    /// The sub-protocols a request offers.
    private static func offered(_ request: Request) -> [String] {
        request.headers[values: .secWebSocketProtocol]
            .flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
    }
}
