import Hummingbird

/// The pages and their files: the participant page at `/`, the presenter view at
/// `/present?key=…` (only with the right key), one script per page, one style sheet,
/// and the join QR code for the presenter view.
struct PageRoutes: Sendable {
    let backend: any RoomBackend
    let joinURL: @Sendable (RoomSnapshot) -> String

    func add(to router: Router<RoomRequestContext>) {
        router.get("/") { _, _ in RoomReply.asset(ParticipantPage.html, type: "text/html; charset=utf-8") }
        router.get("/room.js") { _, _ in RoomReply.asset(ParticipantScript.source, type: "text/javascript; charset=utf-8") }
        router.get("/live.js") { _, _ in RoomReply.asset(LiveScript.source, type: "text/javascript; charset=utf-8") }
        router.get("/room.css") { _, _ in RoomReply.asset(RoomStyle.css, type: "text/css; charset=utf-8") }
        router.get("/present") { request, _ in
            try await checkKey(request)
            return RoomReply.asset(PresenterPage.html, type: "text/html; charset=utf-8")
        }
        router.get("/present.js") { _, _ in RoomReply.asset(PresenterScript.source, type: "text/javascript; charset=utf-8") }
        router.get("/present/join.svg") { request, _ in
            try await checkKey(request)
            guard let code = QRCode(joinURL(await backend.snapshot())) else { throw RoomRefusal.notFound }
            return RoomReply.asset(code.svg(), type: "image/svg+xml")
        }
    }

    /// The presenter's pages answer only to `?key=` with the presenter key.
    private func checkKey(_ request: Request) async throws {
        let key = request.uri.queryParameters.get("key") ?? ""
        guard await backend.snapshot().isPresenter(key) else { throw RoomRefusal.wrongPresenterKey }
    }
}
