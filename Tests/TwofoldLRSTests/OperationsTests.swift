import Foundation
import Testing
import TwofoldReports
import TwofoldStore
import TwofoldLRSTestSupport
@testable import TwofoldLRS

/// `lrs push`, `lrs check` and `lrs status` as the commands run them, against Ralph.
@Suite("LRS push, check and status")
struct OperationsTests {
    @Test("push empties the outbox, and a second push has nothing to send")
    func push() async throws {
        let server = try SharedRalph.server()
        try await withStore { store in
            let report = try launchWeekReport(learner: "Ana", cohort: uniqueCohort("push"))
            try store.enqueue(OutboxChange(add: XAPIStatements.statements(report).map(OutboxStatement.init)), at: moment(0))
            let push = LRSPush(delivery: Delivery(store: store, client: LRSClient(endpoint: server.endpoint())))
            let first = try await push.run()
            #expect(first == LRSPush.Outcome(delivered: 3, remaining: 0, failure: nil))
            #expect(first.summary == "3 statements delivered; the outbox is empty")
            #expect(try await push.run() == LRSPush.Outcome(delivered: 0, remaining: 0, failure: nil))
            let ids = XAPIStatements.statements(report).map(\.id)
            #expect(try server.storedStatements().filter { ids.contains($0["id"] as? String ?? "") }.count == 3)
        }
    }

    @Test("push with the record store down keeps everything and says why in one line")
    func pushDown() async throws {
        try await withStore { store in
            try store.enqueue(OutboxChange(add: XAPIStatements.statements(try launchWeekReport(learner: "Ben", cohort: nil))
                .map(OutboxStatement.init)), at: moment(0))
            let down = LRSEndpoint(url: URL(string: "http://127.0.0.1:\(closedPort())/xAPI/")!, credentials: nil)
            let outcome = try await LRSPush(delivery: Delivery(store: store, client: LRSClient(endpoint: down))).run()
            #expect(outcome.remaining == 3 && outcome.delivered == 0)
            #expect(outcome.summary == "cannot reach the learning record store at \(down.display): connection refused "
                    + "(0 statements delivered; 3 statements still waiting)")
        }
    }

    @Test("check reaches the record store and tries the credentials")
    func check() async throws {
        let server = try SharedRalph.server()
        let good = await LRSCheck(client: LRSClient(endpoint: server.endpoint())).run()
        #expect(good == LRSCheck.Outcome(lines: [
            "Learning record store: \(server.endpointURL) (user twofold)",
            "xAPI versions: not given (`about` answered HTTP 404); Twofold sends 1.0.3",
            "Credentials: accepted (statements can be sent and read back)",
        ], failure: nil))
        let wrong = await LRSCheck(client: LRSClient(endpoint: server.endpoint(password: "wrong"))).run()
        #expect(wrong.failure == .credentials(endpoint: server.endpointURL, status: 401))
        let down = LRSEndpoint(url: URL(string: "http://127.0.0.1:\(closedPort())/xAPI/")!, credentials: nil)
        let unreachable = await LRSCheck(client: LRSClient(endpoint: down)).run()
        #expect(unreachable.failure == .unreachable(endpoint: down.display, reason: "connection refused"))
    }

    @Test("status tells where statements go and how the outbox stands, as lines and as JSON")
    func status() throws {
        let endpoint = LRSEndpoint(url: URL(string: "https://lrs.example.org/xAPI/")!, credentials: .init(username: "room-3", password: "x"))
        let outbox = OutboxStatus(queued: 1, failing: 2, delivered: 3, oldestQueuedAt: moment(0), lastError: "it broke\nbadly",
                                  lastErrorAt: moment(60), nextAttemptAt: moment(120), lastDeliveredAt: moment(30))
        let status = LRSStatus(settings: LRSSettings(endpoint: endpoint), outbox: outbox)
        #expect(status.lines == [
            "Learning record store: https://lrs.example.org/xAPI/ (user room-3)",
            "Outbox: 1 queued, 2 failing, 3 delivered",
            "Waiting since: 2026-11-29 10:00:00 UTC",
            "Last error (2026-11-29 10:01:00 UTC): it broke\\u{a}badly",
            "Next retry: 2026-11-29 10:02:00 UTC, or now with `twofold lrs push`",
            "Last delivery: 2026-11-29 10:00:30 UTC",
        ])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(status.json.utf8)) as? [String: Any])
        #expect(object["endpoint"] as? String == "https://lrs.example.org/xAPI/")
        #expect(object["failing"] as? Int == 2 && object["nextAttemptAt"] as? String == "2026-11-29T10:02:00Z")
        let none = LRSStatus(settings: LRSSettings(endpoint: nil), outbox: OutboxStatus())
        #expect(none.lines.first?.hasPrefix("Learning record store: none configured") == true)
        #expect((try JSONSerialization.jsonObject(with: Data(none.json.utf8)) as? [String: Any])?["endpoint"] is NSNull)
    }
}
