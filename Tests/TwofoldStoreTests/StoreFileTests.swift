import Foundation
import GRDB
import Testing
@testable import TwofoldStore

@Suite("Records store file, durability and migrations")
struct StoreFileTests {
    @Test("the file is in WAL mode with synchronous FULL and foreign keys on, in a 0700 folder")
    func durabilitySettings() async throws {
        try await withTemporaryFolder { folder throws in
            let path = storePath(in: folder)
            let store = try RecordsStore(path: path)
            // Pragmas are per connection: ask the writer, the one that commits.
            let (journal, synchronous, foreignKeys, version) = try store.pool.writeWithoutTransaction { db in
                (try String.fetchOne(db, sql: "PRAGMA journal_mode"),
                 try Int.fetchOne(db, sql: "PRAGMA synchronous"),
                 try Int.fetchOne(db, sql: "PRAGMA foreign_keys"),
                 try Int.fetchOne(db, sql: "PRAGMA user_version"))
            }
            #expect(journal == "wal")
            #expect(synchronous == 2)  // FULL
            #expect(foreignKeys == 1)
            #expect(version == RecordsStore.schemaVersion)
            // WAL is a property of the file: a plain connection sees it too.
            let plain = try DatabaseQueue(path: path)
            #expect(try plain.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "wal")
            let attributes = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent("data").path)
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o700)
        }
    }

    @Test("opening twice migrates once and keeps the data")
    func idempotentMigration() async throws {
        try await withTemporaryFolder { folder throws in
            let path = storePath(in: folder)
            let record = sampleSession()
            do {
                let store = try RecordsStore(path: path)
                try store.createSession(record)
            }
            let again = try RecordsStore(path: path)
            let third = try RecordsStore(path: path)
            #expect(try again.session(id: record.id) == record)
            let applied = try third.pool.read { try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations") }
            #expect(applied == RecordsStore.makeMigrator().migrations)
            #expect(applied.count == RecordsStore.schemaVersion)
        }
    }

    @Test("reopening after writes sees every session, step and setting")
    func reopenSeesEverything() async throws {
        try await withTemporaryFolder { folder throws in
            let path = storePath(in: folder)
            let active = sampleSession(learner: "Ana")
            let finished = sampleSession(learner: "Ben")
            do {
                let store = try RecordsStore(path: path)
                try store.createSession(active)
                try store.createSession(finished)
                for turn in 1...5 {
                    try store.saveStep(sessionID: active.id, state: json(#"{"turn":\#(turn)}"#), turn: turn,
                                       kind: "choose", detail: json(#"{"n":\#(turn)}"#), at: instant(turn))
                }
                try store.complete(sessionID: finished.id, state: json("{}"), managerPercent: 80, leaderPercent: 90,
                                   profile: "both", endingTitle: "A team that runs itself",
                                   reportPaths: ["/r/ben.md"], at: instant(9))
                try store.setSetting("lastLearner", "Ana")
            }
            let reopened = try RecordsStore(path: path)
            let resumed = try #require(try reopened.activeSessions(learner: "Ana", scenarioID: nil, kind: nil).first)
            #expect(resumed.state == json(#"{"turn":5}"#))
            #expect(try reopened.steps(sessionID: active.id).map(\.turn) == [1, 2, 3, 4, 5])
            #expect(try reopened.attempts(learner: nil).map(\.id) == [finished.id])
            #expect(try reopened.setting("lastLearner") == "Ana")
        }
    }

    @Test("a database migrated by a newer build is refused with a clear error")
    func newerSchemaIsRefused() async throws {
        try await withTemporaryFolder { folder throws in
            let path = storePath(in: folder)
            do {
                let store = try RecordsStore(path: path)
                try store.pool.write { db in
                    try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v2-future-feature')")
                }
            }
            let error = #expect(throws: StoreError.self) { try RecordsStore(path: path) }
            #expect(error == .newerSchema(path: path, unknownMigrations: ["v2-future-feature"]))
            let message = try #require(error).description
            #expect(message.contains("newer version of twofold"))
            #expect(message.contains("v2-future-feature"))
            #expect(message.contains(path))
        }
    }

    @Test("a file that is not a database is refused with a clear error")
    func notADatabase() async throws {
        try await withTemporaryFolder { folder throws in
            let path = folder.appendingPathComponent("records.sqlite").path
            try Data(String(repeating: "not sqlite at all\n", count: 100).utf8).write(to: URL(fileURLWithPath: path))
            let error = #expect(throws: StoreError.self) { try RecordsStore(path: path) }
            guard case .cannotOpen(let reported, _) = error else {
                Issue.record("expected cannotOpen, got \(String(describing: error))")
                return
            }
            #expect(reported == path)
        }
    }
}
