import Foundation
import Testing
import TwofoldReports
import TwofoldStore
import TwofoldLRSTestSupport
@testable import TwofoldLRS

/// The outbox drained into a real record store (Ralph), from a real records store.
@Suite("Delivery against Ralph")
struct DeliveryTests {
    /// Puts the statements of `report` in the outbox of `store` and returns them.
    private func queue(_ report: LearnerReport, in store: RecordsStore) throws -> [XAPIStatement] {
        let statements = XAPIStatements.statements(report)
        try store.enqueue(OutboxChange(add: statements.map(OutboxStatement.init)), at: moment(0))
        return statements
    }

    private func storedIDs(_ server: RalphServer) throws -> [String: Int] {
        try server.storedStatements().reduce(into: [:]) { $0[$1["id"] as? String ?? "?", default: 0] += 1 }
    }

    @Test("a round delivers the outbox; a second finds nothing to do")
    func delivers() async throws {
        let server = try SharedRalph.server()
        try await withStore { store in
            let statements = try queue(try launchWeekReport(learner: "Ana", cohort: uniqueCohort("deliver")), in: store)
            let delivery = Delivery(store: store, client: LRSClient(endpoint: server.endpoint()))
            #expect(try await delivery.round() == .delivered(3))
            #expect(try await delivery.round() == .idle)
            #expect(try store.outboxStatus() == OutboxStatus(delivered: 3, lastDeliveredAt: try store.outboxStatus().lastDeliveredAt))
            let stored = try storedIDs(server)
            #expect(statements.allSatisfy { stored[$0.id] == 1 })
        }
    }

    @Test("with the record store down the statements wait with the reason, and go once it is back")
    func downThenUp() async throws {
        let server = try SharedRalph.server()
        try await withStore { store in
            let statements = try queue(try launchWeekReport(learner: "Ben", cohort: uniqueCohort("down")), in: store)
            let down = LRSEndpoint(url: URL(string: "http://127.0.0.1:\(closedPort())/xAPI/")!, credentials: nil)
            let failed = try await Delivery(store: store, client: LRSClient(endpoint: down)).round(now: { moment(100) })
            #expect(failed == .failed(.unreachable(endpoint: down.display, reason: "connection refused"), delivered: 0))
            let status = try store.outboxStatus()
            #expect(status.failing == 3 && status.delivered == 0)
            #expect(status.lastError == "cannot reach the learning record store at \(down.display): connection refused")
            #expect(status.nextAttemptAt == moment(102))

            let delivery = Delivery(store: store, client: LRSClient(endpoint: server.endpoint()))
            #expect(try await delivery.round(now: { moment(101) }) == .idle)  // the retry is not due yet
            #expect(try await delivery.round(now: { moment(101) }, ignoringBackoff: true) == .delivered(3))
            let stored = try storedIDs(server)
            #expect(statements.allSatisfy { stored[$0.id] == 1 })
        }
    }

    @Test("refused credentials keep the statements, with a one-line reason naming the endpoint and status")
    func wrongPassword() async throws {
        let server = try SharedRalph.server()
        try await withStore { store in
            _ = try queue(try launchWeekReport(learner: "Chi", cohort: nil), in: store)
            let delivery = Delivery(store: store, client: LRSClient(endpoint: server.endpoint(password: "wrong")))
            let round = try await delivery.round()
            #expect(round == .failed(.credentials(endpoint: server.endpointURL, status: 401), delivered: 0))
            let status = try store.outboxStatus()
            #expect(status.failing == 3)
            #expect(status.lastError?.contains("\(server.endpointURL) refused the credentials (HTTP 401)") == true)
        }
    }

    @Test("a batch refused for one bad statement is halved: the others go, the bad one keeps its error")
    func halving() async throws {
        let server = try SharedRalph.server()
        try await withStore { store in
            let statements = try queue(try launchWeekReport(learner: "Dev", cohort: nil), in: store)
            try store.enqueue(OutboxChange(add: [OutboxStatement(id: "not-a-statement", registration: "r", verb: "answered",
                                                                 body: Data(#"{"verb":"nonsense"}"#.utf8))]), at: moment(1))
            let round = try await Delivery(store: store, client: LRSClient(endpoint: server.endpoint())).round()
            guard case .failed(.rejected(_, let status, let reason), delivered: 3) = round, status == 400 || status == 422 else {
                Issue.record("unexpected round: \(round)")
                return
            }
            #expect(reason.hasPrefix("body.0.actor: Field required"), "\(reason)")
            #expect(try store.outboxStatus().failing == 1)
            let stored = try storedIDs(server)
            #expect(statements.allSatisfy { stored[$0.id] == 1 })
        }
    }

    @Test("the worker delivers in the background; a flush with the record store down is bounded and keeps all")
    func worker() async throws {
        let server = try SharedRalph.server()
        try await withStore { store in
            let worker = DeliveryWorker(delivery: Delivery(store: store, client: LRSClient(endpoint: server.endpoint())), linger: 0.05)
            worker.start()
            let statements = try queue(try launchWeekReport(learner: "Eli", cohort: nil), in: store)
            worker.nudge()
            let failure = worker.flush(timeout: 60)
            worker.stop()
            #expect(failure == nil)
            #expect(try store.outboxStatus().waiting == 0)
            #expect(statements.allSatisfy { (try? storedIDs(server)[$0.id]) == 1 })

            let down = LRSEndpoint(url: URL(string: "http://127.0.0.1:\(closedPort())/xAPI/")!, credentials: nil)
            let offline = DeliveryWorker(delivery: Delivery(store: store, client: LRSClient(endpoint: down)), linger: 0.05)
            offline.start()
            defer { offline.stop() }
            _ = try queue(try launchWeekReport(learner: "Fay", cohort: nil), in: store)
            offline.nudge()
            #expect(offline.flush(timeout: 60) == .unreachable(endpoint: down.display, reason: "connection refused"))
            #expect(try store.outboxStatus().failing == 3)
        }
    }
}
