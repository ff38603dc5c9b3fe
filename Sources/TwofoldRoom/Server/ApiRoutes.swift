import Foundation
import Hummingbird
import TwofoldCore

/// The JSON API the pages use (documented in docs/room-api.md).
struct ApiRoutes: Sendable {
    let backend: any RoomBackend
    let limiter: RateLimiter
    let joinURL: @Sendable (RoomSnapshot) -> String

    func add(to router: Router<RoomRequestContext>) {
        router.post("/api/roster") { request, context in try await roster(request, context) }
        router.post("/api/join") { request, context in try await join(request, context) }
        router.get("/api/state") { request, _ in try await state(request) }
        router.post("/api/vote") { request, _ in try await vote(request) }
        router.get("/api/presenter") { request, _ in try await presenter(request) }
        router.get("/api/live") { _, _ -> Response in throw RoomRefusal.upgradeRequired }
    }

    /// `{code}` → who may join: `{"open": true}`, or the roster's names and who has joined.
    private func roster(_ request: Request, _ context: RoomRequestContext) async throws -> Response {
        struct Body: Decodable { var code: String }
        struct Answer: Encodable { var open: Bool; var names: [String]; var joined: [String] }
        let body = try await RoomBody.decode(Body.self, from: request)
        let snapshot = await backend.snapshot()
        let access = try checkCode(body.code, snapshot, client: context.client)
        let joined = access.passes.map { WebText.safe($0.name) }
        let names = access.open ? [] : snapshot.facilitation.roster.names.map(WebText.safe)
        return RoomReply.json(WebText.json(Answer(open: access.open, names: names, joined: access.open ? [] : joined)))
    }

    /// `{code, name}` → `{token, name}`: the phone keeps the token and sends it as a bearer.
    private func join(_ request: Request, _ context: RoomRequestContext) async throws -> Response {
        struct Body: Decodable { var code: String; var name: String }
        struct Answer: Encodable { var token: String; var name: String }
        let body = try await RoomBody.decode(Body.self, from: request)
        let snapshot = await backend.snapshot()
        try checkCode(body.code, snapshot, client: context.client)
        let token = RoomSecrets.token()
        let index = try await backend.join(name: body.name, token: token)
        let name = await backend.snapshot().facilitation.roster.names[index]
        return RoomReply.json(WebText.json(Answer(token: token, name: WebText.safe(name))))
    }

    /// The current decision as the bearer's phone shows it.
    private func state(_ request: Request) async throws -> Response {
        let snapshot = await backend.snapshot()
        let participant = try Self.participant(request, snapshot)
        let vote = ParticipantView.votes(in: snapshot.facilitation)[participant]
        let view = ParticipantView(room: ParticipantView.room(snapshot), participant: participant, vote: vote, snapshot: snapshot, now: Date())
        return RoomReply.json(WebText.json(view))
    }

    /// `{choice}` → 204: casts or changes the bearer's vote.
    private func vote(_ request: Request) async throws -> Response {
        struct Body: Decodable { var choice: Int }
        let participant = try Self.participant(request, await backend.snapshot())
        let body = try await RoomBody.decode(Body.self, from: request)
        try await backend.vote(participant: participant, choice: body.choice)
        return Response(status: .noContent)
    }

    /// The presenter view, for the bearer of the presenter key.
    private func presenter(_ request: Request) async throws -> Response {
        let snapshot = await backend.snapshot()
        guard let key = Self.bearer(request), snapshot.isPresenter(key) else {
            throw RoomRefusal.wrongPresenterKey
        }
        return RoomReply.json(WebText.json(PresenterView(snapshot, joinURL: joinURL(snapshot), now: Date())))
    }

    /// Refuses a wrong join code, charging the client's bucket extra for it.
    @discardableResult
    private func checkCode(_ typed: String, _ snapshot: RoomSnapshot, client: String) throws -> RoomAccess {
        guard let access = snapshot.access, let code = JoinCode(typed), RoomSecrets.same(code.value, access.code) else {
            _ = limiter.allow(client, cost: limiter.policy.wrongCodeCost)
            throw RoomRefusal.wrongCode
        }
        return access
    }

    /// The roster position of the request's bearer token.
    static func participant(_ request: Request, _ snapshot: RoomSnapshot) throws -> Int {
        guard let token = bearer(request), let participant = snapshot.participant(holding: token) else {
            throw RoomRefusal.unknownToken
        }
        return participant
    }

    /// The token in `Authorization: Bearer …`.
    static func bearer(_ request: Request) -> String? {
        guard let header = request.headers[.authorization] else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        return String(parts[1]).trimmingCharacters(in: .whitespaces)
    }
}
