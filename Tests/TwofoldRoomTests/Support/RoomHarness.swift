import Foundation
import Synchronization
import TwofoldApp
import TwofoldCore
import TwofoldTestSupport
@testable import TwofoldRoom

/// A real room on 127.0.0.1 and a free port, served over the application's group
/// session of the launch-week fixture (Monday offers 3 choices; Wednesday 2 or 3), with
/// every saved step kept for the test to read.
final class RoomHarness: Sendable {
    let room: GroupRoom
    let server: RoomServer
    let port: Int
    private let saved = Saved()

    /// Every step the room saved, in order.
    final class Saved: Sendable {
        let list = Mutex<[(FacilitationState, FacilitationStep)]>([])
    }

    static let names = ["Ana", "Ben", "Chi"]

    init(names: [String] = RoomHarness.names, anonymous: Bool = false, rateLimit: RateLimiter.Policy = .standard) async throws {
        let access = RoomAccess(code: JoinCode.random().value, presenterKey: RoomSecrets.presenterKey(), open: names.isEmpty,
                                anonymous: anonymous, address: "127.0.0.1", port: 0)
        var facilitation = try Self.facilitation(names)
        _ = facilitation.openRoom(access)
        let saved = self.saved
        let session = GroupSession(id: "room-test", options: AttemptOptions(mode: .group), facilitation: facilitation,
                                   analysis: ScenarioAnalysis(facilitation.scenario), clock: SystemClock()) { state, step in
            saved.list.withLock { $0.append((state, step)) }
        }
        room = GroupRoom(session: session)
        server = RoomServer(backend: room, configuration: .init(address: "127.0.0.1", port: 0, rateLimit: rateLimit))
        port = try await server.start()
    }

    /// Serves a room for `body`, and stops it afterwards whatever happens.
    static func serve(names: [String] = RoomHarness.names, anonymous: Bool = false, rateLimit: RateLimiter.Policy = .standard,
                      _ body: (RoomHarness) async throws -> Void) async throws {
        let room = try await RoomHarness(names: names, anonymous: anonymous, rateLimit: rateLimit)
        do {
            try await body(room)
        } catch {
            await room.stop()
            throw error
        }
        await room.stop()
    }

    static func facilitation(_ names: [String]) throws -> Facilitation {
        let url = fixtureURL("reports/launch-week.json")
        let data = try Data(contentsOf: url)
        guard let scenario = ScenarioLoader.load(data, file: "launch-week.json").playable else {
            throw Wire.Failure(description: "the fixture does not load")
        }
        return Facilitation(scenario: scenario, fingerprint: Fingerprint.of(data), roster: names.isEmpty ? .empty : try Roster(names),
                            at: Date(timeIntervalSince1970: 1_795_946_400))
    }

    var code: String { room.current.access!.code }
    var presenterKey: String { room.current.access!.presenterKey }
    var passes: [RoomAccess.Pass] { room.current.access!.passes }
    var steps: [(FacilitationState, FacilitationStep)] { saved.list.withLock { $0 } }

    /// Joins as `name`; returns the token.
    func join(_ name: String) async throws -> String {
        let reply = try await Wire.json("POST", "/api/join", port: port, ["code": code, "name": name])
        guard reply.status == 200, let token = reply.json["token"] as? String else {
            throw Wire.Failure(description: "join \(name): \(reply.status) \(reply.text)")
        }
        return token
    }

    func vote(_ choice: Any, token: String) async throws -> Wire.Reply {
        try await Wire.json("POST", "/api/vote", port: port, ["choice": choice], bearer: token)
    }

    func state(_ token: String) async throws -> Wire.Reply {
        try await Wire.json("GET", "/api/state", port: port, bearer: token)
    }

    /// The facilitator's `reveal` and `go`.
    func reveal() throws { try room.session.reveal() }
    func go(_ number: Int? = nil) throws { _ = try room.session.go(number) }

    func stop() async {
        await server.stop()
        room.close()
    }
}
