import Foundation
import Testing
import TwofoldCore
import TwofoldReports
import TwofoldStore
@testable import TwofoldApp
import TwofoldTestSupport

/// The play service over a real records store (SQLite in a temporary folder), with no
/// process and no terminal: start, steps saved as they are taken, resume, finish.
@Suite("Play service")
struct PlayServiceTests {
    @Test("every step is in the store before the call returns; a new process resumes exactly there")
    func stepsAreSavedAndResume() throws {
        let home = try TemporaryFolder("app")
        let app = testApplication(home)
        let playable = try app.library.playable("morning-huddle")
        let options = AttemptOptions(cohort: "Spring", out: home.path + "/out", formats: [.json, .csv], email: "ana@example.org")
        let session = try app.playService().start(playable, learner: "Ana", options: options)
        try session.choose(2)
        try session.back()
        try session.choose(3)
        let saved = try #require(try app.store().session(id: session.id))
        #expect(try SessionState.decode(saved.state) == session.engine.state)
        #expect(try app.store().steps(sessionID: session.id).map(\.kind) == ["choose", "back", "choose"])

        // Another process: a new application on the same home, resuming with the session's own options.
        let again = testApplication(home)
        let record = try #require(try again.store().activeSessions(learner: "ANA", scenarioID: nil, kind: nil).first)
        let resumed = try again.playService().resume(record, library: again.library)
        #expect(resumed.engine.state == session.engine.state)
        #expect(resumed.options == options)
        let overridden = try again.playService().resume(record, library: again.library, overrides: .init(formats: [.md]))
        #expect(overridden.options.formats == [.md] && overridden.options.out == options.out)

        try resumed.choose(2)
        let finished = try again.playService().finish(resumed)
        #expect(finished.files.map { URL(fileURLWithPath: $0).pathExtension } == ["json", "csv"])
        #expect(finished.files.allSatisfy { $0.hasPrefix(home.path + "/out/ana-morning-huddle-") })
        let report = finished.report
        #expect(report.cohort == "Spring" && report.learner.email == "ana@example.org")
        #expect(report.integrity == LearnerReport.Integrity(mode: .practice, takeBacks: 1, restarts: 0))
        #expect(report.decisions.map(\.takenBack) == [["ask"], []])
        #expect(try again.store().attempts(learner: "ana").map(\.id) == [session.id])
    }

    @Test("an assessed attempt refuses back and restart, and changes nothing")
    func assessed() throws {
        let home = try TemporaryFolder("app")
        let app = testApplication(home)
        let session = try app.playService().start(try app.library.playable("morning-huddle"), learner: "Ben",
                                                  options: AttemptOptions(mode: .assessed))
        try session.choose(1)
        #expect(throws: PlayRefusal.assessed("back")) { try session.back() }
        #expect(throws: PlayRefusal.assessed("restart")) { try session.restart() }
        #expect(session.engine.state.decisions.count == 1)
        #expect(try app.store().steps(sessionID: session.id).map(\.kind) == ["choose"])
        try session.choose(1)
        #expect(try app.playService().finish(session).report.integrity.mode == .assessed)
    }

    @Test("a save of a scenario file that has changed is refused with the reason, and the scenario offered again")
    func changedScenario() throws {
        let home = try TemporaryFolder("app")
        let app = testApplication(home)
        let text = try String(contentsOfFile: fixturePath("scenarios/morning-huddle.json"), encoding: .utf8)
        let file = try home.write(text, to: "mine/huddle.json")
        let session = try app.playService().start(try app.library.playable(file), learner: "Dee", options: AttemptOptions())
        try session.choose(1)
        try home.write(text.replacingOccurrences(of: "Over lunch", with: "Over coffee"), to: "mine/huddle.json")
        let record = try #require(try app.store().session(id: session.id))
        #expect {
            try app.playService().resume(record, library: app.library)
        } throws: { error in
            guard let problem = error as? ResumeProblem else { return false }
            return problem.reason.contains("changed since this session was saved") && problem.playable != nil
                && problem.description.hasPrefix("cannot resume Dee's session of \"The Morning Huddle\"")
        }
    }
}
