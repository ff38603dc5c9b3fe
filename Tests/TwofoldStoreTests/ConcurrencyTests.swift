import Foundation
import Testing
@testable import TwofoldStore

@Suite("Records store under concurrent writers")
struct ConcurrencyTests {
    @Test("two stores on one file, written from many tasks at once, lose nothing")
    func concurrentWritersLoseNothing() async throws {
        try await withTemporaryFolder { folder throws in
            let path = storePath(in: folder)
            let stores = [try RecordsStore(path: path), try RecordsStore(path: path)]
            let sessionCount = 12
            let turns = 25
            let sessions = (0..<sessionCount).map { sampleSession(learner: "Learner \($0)") }
            for (index, session) in sessions.enumerated() {
                try stores[index % 2].createSession(session)
            }

            try await withThrowingTaskGroup(of: Void.self) { group in
                for (index, session) in sessions.enumerated() {
                    let store = stores[index % 2]
                    group.addTask {
                        for turn in 1...turns {
                            try store.saveStep(
                                sessionID: session.id, state: json(#"{"turn":\#(turn)}"#), turn: turn,
                                kind: "choose", detail: json(#"{"turn":\#(turn)}"#), at: instant(turn))
                        }
                    }
                }
                try await group.waitForAll()
            }

            let reader = try RecordsStore(path: path)
            let rows = try reader.pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM step") }
            #expect(rows == sessionCount * turns)
            for session in sessions {
                #expect(try reader.steps(sessionID: session.id).map(\.turn) == Array(1...turns))
                #expect(try reader.session(id: session.id)?.state == json(#"{"turn":\#(turns)}"#))
            }
        }
    }
}
