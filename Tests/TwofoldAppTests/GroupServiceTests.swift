import Foundation
import Testing
import TwofoldCore
import TwofoldReports
import TwofoldStore
@testable import TwofoldApp
import TwofoldTestSupport

@Suite("Group service")
struct GroupServiceTests {
    @Test("votes from several threads at once are each saved once, and observers hear every change")
    func concurrentVotes() async throws {
        let home = try TemporaryFolder("app")
        let app = testApplication(home)
        let names = (1...12).map { "P\($0)" }
        let session = try app.groupService().start(try app.library.playable("morning-huddle"), roster: try Roster(names),
                                                   options: AttemptOptions(), discussSeconds: nil)
        let heard = Counter()
        let observation = session.observe { _ in heard.add() }
        await withTaskGroup(of: Void.self) { group in
            for index in names.indices {
                group.addTask { _ = try? session.cast([VoteAssignment(participant: index, mark: .choice(index % 3 + 1))]) }
            }
        }
        observation.cancel()
        #expect(session.current.split.waiting.isEmpty)
        #expect(heard.value == names.count)
        let steps = try app.store().steps(sessionID: session.id)
        #expect(steps.map(\.turn) == Array(1...names.count))
    }

    @Test("finishing writes the group report and one learner report per participant, each recorded as an attempt")
    func finish() throws {
        let home = try TemporaryFolder("app")
        let app = testApplication(home)
        let service = try app.groupService()
        let session = try service.start(try app.library.playable("morning-huddle"), roster: try Roster(["Ana", "Ben"], emails: ["ana@example.org", nil]),
                                        options: AttemptOptions(cohort: "Autumn", formats: [.json]), discussSeconds: 60)
        try session.castBallot([.choice(1), .choice(2)])
        try session.reveal()
        _ = try session.go(2)
        try session.castBallot([.choice(2), .abstain])
        _ = try session.go(nil)
        #expect(session.current.phase == .finished)

        // Resumed by another process before the reports were written: finish then.
        let record = try #require(try app.store().session(id: session.id))
        let resumed = try testApplication(home).groupService().resume(record, library: app.library)
        let finished = try service.finish(resumed)
        #expect(finished.groupFiles.map { URL(fileURLWithPath: $0).pathExtension } == ["md", "json", "html"])
        #expect(finished.participantFiles.map(\.count) == [1, 1])
        #expect(finished.report.participants.map(\.name) == ["Ana", "Ben"])
        let attempts = try app.store().attempts(learner: nil).filter { $0.groupSessionID == session.id }
        #expect(attempts.map(\.learner).sorted() == ["Ana", "Ben"])
        let ana = try LearnerReport.decodeJSON(try Data(contentsOf: URL(fileURLWithPath: finished.participantFiles[0][0])))
        #expect(ana.integrity.mode == .group && ana.cohort == "Autumn")
        // The roster's e-mail addresses survive the save and reach each participant's report.
        #expect(ana.learner.email == "ana@example.org")
        let ben = try LearnerReport.decodeJSON(try Data(contentsOf: URL(fileURLWithPath: finished.participantFiles[1][0])))
        #expect(ben.learner.email == nil)
    }
}

/// A thread-safe count.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}
