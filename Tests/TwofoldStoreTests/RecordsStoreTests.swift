import Foundation
import GRDB
import Testing
@testable import TwofoldStore

@Suite("Records store")
struct RecordsStoreTests {
    @Test("create, save steps, complete and list attempts")
    func roundTrip() async throws {
        try await withTemporaryFolder { folder throws in
            let store = try RecordsStore(path: storePath(in: folder))
            let record = sampleSession()
            try store.createSession(record)
            #expect(try store.session(id: record.id) == record)

            try store.saveStep(sessionID: record.id, state: json(#"{"turn":1}"#), turn: 1,
                               kind: "choose", detail: json(#"{"choice":"fix-now"}"#), at: instant(10))
            try store.saveStep(sessionID: record.id, state: json(#"{"turn":0}"#), turn: 2,
                               kind: "back", detail: json("{}"), at: instant(20))
            let saved = try #require(try store.session(id: record.id))
            #expect(saved.state == json(#"{"turn":0}"#))
            #expect(saved.updatedAt == instant(20))
            #expect(try store.activeSessions(learner: "Ana Silva", scenarioID: nil, kind: "solo").map(\.id) == [record.id])

            let steps = try store.steps(sessionID: record.id)
            #expect(steps == [
                StepRecord(sessionID: record.id, turn: 1, at: instant(10), kind: "choose", detail: json(#"{"choice":"fix-now"}"#)),
                StepRecord(sessionID: record.id, turn: 2, at: instant(20), kind: "back", detail: json("{}")),
            ])

            try store.complete(sessionID: record.id, state: json(#"{"done":true}"#), managerPercent: 70,
                               leaderPercent: 33, profile: "manager", endingTitle: "Deadline met",
                               reportPaths: ["/out/ana.md", "/out/ana.json"], at: instant(30))
            let attempts = try store.attempts(learner: nil)
            #expect(attempts.count == 1)
            let done = try #require(attempts.first)
            #expect(done.status == "complete")
            #expect(done.finishedAt == instant(30))
            #expect(done.managerPercent == 70 && done.leaderPercent == 33)
            #expect(done.profile == "manager" && done.endingTitle == "Deadline met")
            #expect(done.reportPaths == ["/out/ana.md", "/out/ana.json"])
            #expect(try store.activeSessions(learner: nil, scenarioID: nil, kind: nil).isEmpty)

            try store.setReportPaths(sessionID: record.id, paths: ["/out/ana.html"])
            #expect(try store.session(id: record.id)?.reportPaths == ["/out/ana.html"])
        }
    }

    @Test("active sessions filter and sort by last update; attempts sort by learner then finish")
    func listing() async throws {
        try await withTemporaryFolder { folder throws in
            let store = try RecordsStore(path: storePath(in: folder))
            let older = sampleSession(learner: "Ben")
            let newer = sampleSession(learner: "Ana", scenarioID: "marketing-launch", kind: "group")
            try store.createSession(older)
            try store.createSession(newer)
            try store.saveStep(sessionID: newer.id, state: json("{}"), turn: 1, kind: "vote", detail: json("{}"), at: instant(5))
            #expect(try store.activeSessions(learner: nil, scenarioID: nil, kind: nil).map(\.id) == [newer.id, older.id])
            #expect(try store.activeSessions(learner: nil, scenarioID: "retail-floor-walk", kind: nil).map(\.id) == [older.id])
            #expect(try store.activeSessions(learner: "Ana", scenarioID: nil, kind: "solo").isEmpty)

            for (record, finish) in [(older, 50), (newer, 40)] {
                try store.complete(sessionID: record.id, state: json("{}"), managerPercent: 1, leaderPercent: 2,
                                   profile: "emerging", endingTitle: "End", reportPaths: [], at: instant(finish))
            }
            #expect(try store.attempts(learner: nil).map(\.learner) == ["Ana", "Ben"])
            #expect(try store.attempts(learner: "Ben").map(\.id) == [older.id])
        }
    }

    @Test("saving a step to a completed, abandoned or missing session throws")
    func inactiveSessionsRefuseSteps() async throws {
        try await withTemporaryFolder { folder throws in
            let store = try RecordsStore(path: storePath(in: folder))
            let done = sampleSession()
            let dropped = sampleSession()
            try store.createSession(done)
            try store.createSession(dropped)
            try store.complete(sessionID: done.id, state: json("{}"), managerPercent: 0, leaderPercent: 0,
                               profile: "emerging", endingTitle: "End", reportPaths: [], at: instant(1))
            try store.abandon(sessionID: dropped.id, at: instant(2))

            #expect(throws: StoreError.sessionNotActive(id: done.id, status: "complete")) {
                try store.saveStep(sessionID: done.id, state: json("{}"), turn: 1, kind: "choose", detail: json("{}"), at: instant(3))
            }
            #expect(throws: StoreError.sessionNotActive(id: dropped.id, status: "abandoned")) {
                try store.saveStep(sessionID: dropped.id, state: json("{}"), turn: 1, kind: "choose", detail: json("{}"), at: instant(3))
            }
            #expect(throws: StoreError.sessionNotFound(id: "nope")) {
                try store.saveStep(sessionID: "nope", state: json("{}"), turn: 1, kind: "choose", detail: json("{}"), at: instant(3))
            }
            #expect(try store.steps(sessionID: done.id).isEmpty)
            #expect(try store.session(id: done.id)?.state == json("{}"))
        }
    }

    @Test("a duplicate turn or session id is refused and changes nothing")
    func duplicates() async throws {
        try await withTemporaryFolder { folder throws in
            let store = try RecordsStore(path: storePath(in: folder))
            let record = sampleSession()
            try store.createSession(record)
            #expect(throws: StoreError.sessionExists(id: record.id)) { try store.createSession(record) }
            try store.saveStep(sessionID: record.id, state: json("1"), turn: 1, kind: "choose", detail: json("{}"), at: instant(1))
            #expect(throws: StoreError.duplicateStep(sessionID: record.id, turn: 1)) {
                try store.saveStep(sessionID: record.id, state: json("2"), turn: 1, kind: "choose", detail: json("{}"), at: instant(2))
            }
            // The state update rolled back with the failed step.
            #expect(try store.session(id: record.id)?.state == json("1"))
        }
    }

    @Test("settings are remembered and replaced")
    func settings() async throws {
        try await withTemporaryFolder { folder throws in
            let store = try RecordsStore(path: storePath(in: folder))
            #expect(try store.setting("lastLearner") == nil)
            try store.setSetting("lastLearner", "Ana")
            try store.setSetting("lastLearner", "Ben")
            #expect(try store.setting("lastLearner") == "Ben")
        }
    }
}
