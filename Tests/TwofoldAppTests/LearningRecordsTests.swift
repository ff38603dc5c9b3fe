import Foundation
import Testing
import TwofoldCore
import TwofoldReports
import TwofoldStore
@testable import TwofoldApp
import TwofoldTestSupport

/// The play and group services with a learning record store configured: each step's
/// statements are in the outbox when the step returns, saved with it.
@Suite("Learning records in the services")
struct LearningRecordsTests {
    /// A record store nobody listens on: statements wait in the outbox, where the test reads them.
    static let offline = ["TWOFOLD_LRS_ENDPOINT": "http://127.0.0.1:9/xAPI/"]

    /// The ids of every statement waiting in the outbox.
    private func waiting(_ store: RecordsStore) throws -> Set<String> {
        Set(try store.claimOutbox(limit: 1000, now: Date.distantFuture, lease: 0, ignoringBackoff: true).map(\.statementID))
    }

    @Test("a play step queues its answered statement, a take-back voids one that may have left, the finish queues completed")
    func play() throws {
        let home = try TemporaryFolder("app")
        let app = testApplication(home, environment: Self.offline)
        let service = try app.playService()
        defer { service.records?.close(timeout: 0) }
        let session = try service.start(try app.library.playable("morning-huddle"), learner: "Ana", options: AttemptOptions())
        let registration = XAPIStatements.registration(attemptId: session.id)
        try session.choose(2)
        #expect(try waiting(service.store).contains(XAPIStatements.answeredID(registration: registration, turn: 0)))
        try session.back()
        try session.choose(3)
        try session.choose(2)
        let report = try service.finish(session).report
        let expected = Set(XAPIStatements.statements(report).map(\.id))
        let queued = try waiting(service.store)
        // The first answer was claimed above, so it may have left: it stays, and its voiding follows.
        let first = XAPIStatements.answeredID(registration: registration, turn: 0)
        let attempt = XAPIAttempt(attemptId: session.id, learner: "Ana", scenarioId: "morning-huddle", scenarioTitle: "")
        #expect(queued == expected.union([first, XAPIStatements.voiding(first, attempt: attempt, at: Date()).id]))
    }

    @Test("a group step queues every participant's answer; without a record store nothing is queued")
    func group() throws {
        let home = try TemporaryFolder("app")
        let app = testApplication(home, environment: Self.offline)
        let service = try app.groupService()
        defer { service.records?.close(timeout: 0) }
        let session = try service.start(try app.library.playable("morning-huddle"), roster: try Roster(["Ana", "Ben"]),
                                        options: AttemptOptions(), discussSeconds: nil)
        try session.castBallot([.choice(1), .abstain])
        #expect(try waiting(service.store).isEmpty)
        _ = try session.go(nil)
        #expect(try waiting(service.store).count == 2)

        let plain = testApplication(try TemporaryFolder("app"))
        let solo = try plain.playService()
        #expect(solo.records?.isOn == false)
        let attempt = try solo.start(try plain.library.playable("morning-huddle"), learner: "Ben", options: AttemptOptions())
        try attempt.choose(1)
        #expect(try waiting(solo.store).isEmpty)
    }
}
