import Foundation
import GRDB
import Testing
@testable import TwofoldStore

@Suite("Records store outbox")
struct OutboxTests {
    private func statement(_ id: String, verb: String = "answered") -> OutboxStatement {
        OutboxStatement(id: id, registration: "reg-1", verb: verb, body: json(#"{"id":"\#(id)"}"#))
    }

    private func withdrawal(_ id: String) -> OutboxWithdrawal {
        let voiding = statement("void-" + id, verb: "voided")
        return OutboxWithdrawal(statementID: id, voiding: { voiding })
    }

    private func waitingIDs(_ store: RecordsStore) throws -> [String] {
        try store.pool.read { try String.fetchAll($0, sql: "SELECT statementId FROM outbox WHERE deliveredAt IS NULL ORDER BY seq") }
    }

    @Test("a step's statements are queued in the step's transaction, and rolled back with it")
    func sameTransaction() async throws {
        try await withTemporaryFolder { folder throws in
            let store = try RecordsStore(path: storePath(in: folder))
            let record = sampleSession()
            try store.createSession(record)
            try store.saveStep(sessionID: record.id, state: json("{}"), turn: 1, kind: "choose", detail: json("{}"),
                               at: instant(1), outbox: OutboxChange(add: [statement("a1")]))
            #expect(try waitingIDs(store) == ["a1"])
            // The same turn again fails, and its statement is not queued either.
            #expect(throws: StoreError.duplicateStep(sessionID: record.id, turn: 1)) {
                try store.saveStep(sessionID: record.id, state: json("{}"), turn: 1, kind: "choose", detail: json("{}"),
                                   at: instant(2), outbox: OutboxChange(add: [statement("a2")]))
            }
            #expect(try waitingIDs(store) == ["a1"])
            try store.complete(sessionID: record.id, state: json("{}"), managerPercent: 1, leaderPercent: 2, profile: "both",
                               endingTitle: "End", reportPaths: [], at: instant(3),
                               outbox: OutboxChange(add: [statement("c", verb: "completed"), statement("a1")]))
            #expect(try waitingIDs(store) == ["a1", "c"])
            #expect(try store.outboxStatus().queued == 2)
        }
    }

    @Test("a take-back withdraws a statement never sent, and voids one that may have been")
    func withdrawOrVoid() async throws {
        try await withTemporaryFolder { folder throws in
            let store = try RecordsStore(path: storePath(in: folder))
            try store.enqueue(OutboxChange(add: [statement("sent"), statement("delivered"), statement("fresh")]), at: instant(0))
            let claimed = try store.claimOutbox(limit: 2, now: instant(1), lease: 60)
            #expect(claimed.map(\.statementID) == ["sent", "delivered"])
            #expect(claimed.map(\.attempts) == [1, 1])
            try store.markDelivered(["delivered"], at: instant(2))
            try store.enqueue(OutboxChange(withdraw: [withdrawal("fresh"), withdrawal("sent"), withdrawal("delivered"),
                                                      withdrawal("never-queued")]), at: instant(3))
            #expect(try waitingIDs(store) == ["sent", "void-sent", "void-delivered"])
            // Taking back twice queues the voiding once.
            try store.enqueue(OutboxChange(withdraw: [withdrawal("sent")]), at: instant(4))
            #expect(try waitingIDs(store) == ["sent", "void-sent", "void-delivered"])
        }
    }

    @Test("claims go in queue order, skip rows another live process holds, and free a dead one's")
    func claimsAndLeases() async throws {
        try await withTemporaryFolder { folder throws in
            let store = try RecordsStore(path: storePath(in: folder))
            try store.enqueue(OutboxChange(add: (1...5).map { statement("s\($0)") }), at: instant(0))
            let other = getppid()  // a live process that is not this one
            #expect(try store.claimOutbox(limit: 2, now: instant(1), lease: 60, holder: other).map(\.statementID) == ["s1", "s2"])
            #expect(try store.claimOutbox(limit: 10, now: instant(2), lease: 60).map(\.statementID) == ["s3", "s4", "s5"])
            #expect(try store.claimOutbox(limit: 10, now: instant(3), lease: 60).map(\.statementID) == ["s3", "s4", "s5"])
            #expect(try store.outboxStatus(now: instant(3)).sending == 5)
            #expect(try store.outboxStatus(now: instant(62)).sending == 3)
            // After the lease, or when the holder has ended, the rows are free again.
            #expect(try store.claimOutbox(limit: 1, now: instant(62), lease: 60).map(\.statementID) == ["s1"])
            let dead: Int32 = 0x7FFF_FFF0
            #expect(!RecordsStore.processIsAlive(dead))
            try store.markFailed(["s1", "s2", "s3", "s4", "s5"], error: "x", retryAt: instant(0))
            _ = try store.claimOutbox(limit: 10, now: instant(70), lease: 60, holder: dead)
            #expect(try store.claimOutbox(limit: 10, now: instant(71), lease: 60).count == 5)
        }
    }

    @Test("failures wait for their retry unless a push ignores the backoff; status tells it all")
    func failuresAndStatus() async throws {
        try await withTemporaryFolder { folder throws in
            let store = try RecordsStore(path: storePath(in: folder))
            try store.enqueue(OutboxChange(add: [statement("a"), statement("b"), statement("c")]), at: instant(0))
            _ = try store.claimOutbox(limit: 3, now: instant(1), lease: 60)
            try store.markDelivered(["a"], at: instant(2))
            try store.markFailed(["b", "c"], error: "cannot reach the learning record store at http://x/: connection refused",
                                 retryAt: instant(10))
            #expect(try store.claimOutbox(limit: 3, now: instant(5), lease: 60).isEmpty)
            let status = try store.outboxStatus()
            #expect(status == OutboxStatus(queued: 0, failing: 2, delivered: 1, oldestQueuedAt: instant(0),
                                           lastError: "cannot reach the learning record store at http://x/: connection refused",
                                           lastErrorAt: instant(1), nextAttemptAt: instant(10), lastDeliveredAt: instant(2)))
            #expect(try store.claimOutbox(limit: 3, now: instant(5), lease: 60, ignoringBackoff: true).map(\.attempts) == [2, 2])
            try store.markDelivered(["b", "c"], at: instant(6))
            #expect(try store.outboxStatus() == OutboxStatus(delivered: 3, lastDeliveredAt: instant(6)))
        }
    }

    @Test("a version-2 store gains the outbox when opened")
    func migratesVersion1() async throws {
        try await withTemporaryFolder { folder throws in
            let path = storePath(in: folder)
            try FileManager.default.createDirectory(atPath: folder.appendingPathComponent("data").path, withIntermediateDirectories: true)
            let queue = try DatabaseQueue(path: path)
            try RecordsStore.makeMigrator().migrate(queue, upTo: "v2-session-options")
            try queue.close()
            let store = try RecordsStore(path: path)
            try store.enqueue(OutboxChange(add: [statement("a")]), at: instant(0))
            #expect(try store.outboxStatus().queued == 1)
            #expect(try store.pool.read { try Int.fetchOne($0, sql: "PRAGMA user_version") } == RecordsStore.schemaVersion)
        }
    }
}
