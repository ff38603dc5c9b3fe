import Foundation
import GRDB
import Testing
@testable import TwofoldStore

@Suite("Damaged records and failed writes")
struct DamagedRecordsTests {
    @Test("a row with a damaged date is named and passed over; every other session still lists")
    func damagedRow() async throws {
        try await withTemporaryFolder { folder in
            let store = try RecordsStore(path: storePath(in: folder))
            try store.createSession(sampleSession(id: "good", learner: "Ana"))
            try store.createSession(sampleSession(id: "bad", learner: "Ben"))
            try store.pool.write { try $0.execute(sql: "UPDATE session SET updatedAt = 'not a date at all' WHERE id = 'bad'") }
            var skipped: [String] = []
            let active = try store.activeSessions(learner: nil, scenarioID: nil, kind: nil) { skipped.append($0) }
            #expect(active.map(\.id) == ["good"])
            #expect(skipped == ["bad"])
        }
    }

    @Test("a write SQLite refuses comes back as one line naming the store, and saves nothing")
    func refusedWrite() async throws {
        try await withTemporaryFolder { folder in
            let path = storePath(in: folder)
            let store = try RecordsStore(path: path)
            try store.createSession(sampleSession(id: "s1"))
            try store.pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA query_only = ON") }
            #expect {
                try store.saveStep(sessionID: "s1", state: json("{}"), turn: 1, kind: "choose", detail: json("{}"), at: instant(1))
            } throws: { error in
                guard case StoreError.cannotWrite(let where_, let reason)? = error as? StoreError else { return false }
                return where_ == path && !reason.isEmpty && !"\(error)".contains("COMMIT")
            }
            try store.pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA query_only = OFF") }
            #expect(try store.steps(sessionID: "s1").isEmpty)
        }
    }
}
