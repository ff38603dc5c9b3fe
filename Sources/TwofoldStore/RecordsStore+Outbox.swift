import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension RecordsStore {
    /// Queues and withdraws statements outside any step (a delivery to retry, a test).
    public func enqueue(_ change: OutboxChange, at: Date) throws {
        guard !change.isEmpty else { return }
        try write { db in try Self.apply(change, db, at: at) }
    }

    /// Claims up to `limit` waiting statements for sending, oldest first, and marks them as
    /// sent once more (so from now on a take-back voids them rather than withdrawing them).
    ///
    /// Rows whose retry is not due yet are passed over unless `ignoringBackoff`; rows another
    /// live process is sending are always passed over. A claim lasts `lease` seconds, or until
    /// the claiming process ends (a `kill -9` mid-send frees its rows for the next run).
    public func claimOutbox(limit: Int, now: Date, lease: TimeInterval, ignoringBackoff: Bool = false,
                            holder: Int32 = getpid()) throws -> [OutboxItem] {
        try write { db in
            let stale = try Int32.fetchAll(db, sql: """
                SELECT DISTINCT leaseHolder FROM outbox
                WHERE deliveredAt IS NULL AND leaseUntil > ? AND leaseHolder IS NOT NULL AND leaseHolder != ?
                """, arguments: [now, holder]).filter { !Self.processIsAlive($0) }
            let free = "(leaseUntil IS NULL OR leaseUntil <= ? OR leaseHolder = ?"
                + (stale.isEmpty ? ")" : " OR leaseHolder IN (\(stale.map { _ in "?" }.joined(separator: ","))))")
            let due = ignoringBackoff ? "" : " AND (nextAttemptAt IS NULL OR nextAttemptAt <= ?)"
            var arguments: StatementArguments = [now, holder]
            arguments += StatementArguments(stale)
            if !ignoringBackoff { arguments += [now] }
            arguments += [limit]
            let rows = try Row.fetchAll(db, sql: """
                SELECT seq, statementId, verb, body, attempts FROM outbox
                WHERE deliveredAt IS NULL AND \(free)\(due)
                ORDER BY seq LIMIT ?
                """, arguments: arguments)
            guard !rows.isEmpty else { return [] }
            let items = rows.map { row in
                OutboxItem(sequence: row["seq"], statementID: row["statementId"], verb: row["verb"],
                           body: Data((row["body"] as String).utf8), attempts: row["attempts"] + 1)
            }
            let marks = items.map { _ in "?" }.joined(separator: ",")
            try db.execute(sql: """
                UPDATE outbox SET attempts = attempts + 1, lastAttemptAt = ?, leaseHolder = ?, leaseUntil = ?
                WHERE seq IN (\(marks))
                """, arguments: [now, holder, now.addingTimeInterval(lease)] + StatementArguments(items.map(\.sequence)))
            return items
        }
    }

    /// Marks statements as accepted by the record store.
    public func markDelivered(_ statementIDs: [String], at: Date) throws {
        try update(statementIDs, sql: """
            UPDATE outbox SET deliveredAt = ?, lastError = NULL, nextAttemptAt = NULL, leaseHolder = NULL, leaseUntil = NULL
            """, arguments: [at])
    }

    /// Marks statements as failed with `error`, to be tried again from `retryAt`.
    public func markFailed(_ statementIDs: [String], error: String, retryAt: Date) throws {
        try update(statementIDs, sql: """
            UPDATE outbox SET lastError = ?, nextAttemptAt = ?, leaseHolder = NULL, leaseUntil = NULL
            """, arguments: [error, retryAt])
    }

    /// Counts of waiting, failing and delivered statements, with the latest error; `now`
    /// tells which claims still hold (statements being sent).
    public func outboxStatus(now: Date = Date()) throws -> OutboxStatus {
        try pool.read { db in
            let counts = try Row.fetchOne(db, sql: """
                SELECT COUNT(*) FILTER (WHERE deliveredAt IS NULL AND lastError IS NULL) AS queued,
                       COUNT(*) FILTER (WHERE deliveredAt IS NULL AND leaseUntil > ?) AS sending,
                       COUNT(*) FILTER (WHERE deliveredAt IS NULL AND lastError IS NOT NULL) AS failing,
                       COUNT(deliveredAt) AS delivered,
                       MIN(queuedAt) FILTER (WHERE deliveredAt IS NULL) AS oldest,
                       MIN(nextAttemptAt) FILTER (WHERE deliveredAt IS NULL) AS nextAttempt,
                       MAX(deliveredAt) AS lastDelivered
                FROM outbox
                """, arguments: [now])!
            let failure = try Row.fetchOne(db, sql: """
                SELECT lastError, lastAttemptAt FROM outbox
                WHERE deliveredAt IS NULL AND lastError IS NOT NULL
                ORDER BY lastAttemptAt DESC, seq DESC LIMIT 1
                """)
            return OutboxStatus(
                queued: counts["queued"], sending: counts["sending"], failing: counts["failing"], delivered: counts["delivered"],
                oldestQueuedAt: counts["oldest"], lastError: failure?["lastError"], lastErrorAt: failure?["lastAttemptAt"],
                nextAttemptAt: counts["nextAttempt"], lastDeliveredAt: counts["lastDelivered"])
        }
    }

    /// How many statements wait to be sent and when the earliest failed one is due: what
    /// delivery asks after each round, read through the index of waiting rows only (the
    /// delivered ones, which are kept, are never counted).
    public func outboxWaiting() throws -> (count: Int, nextAttemptAt: Date?) {
        try pool.read { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT COUNT(*) AS waiting, MIN(nextAttemptAt) AS nextAttempt FROM outbox WHERE deliveredAt IS NULL
                """)!
            return (row["waiting"], row["nextAttempt"])
        }
    }

    // MARK: - Inside a transaction

    /// Applies a step's change to the outbox: queues new statements (a known id is left as
    /// it is), and takes back each withdrawn one — deleted when it has never been sent,
    /// voided (its voiding statement queued) when it may have reached the record store.
    static func apply(_ change: OutboxChange, _ db: Database, at: Date) throws {
        guard !change.isEmpty else { return }
        for statement in change.add { try insert(statement, db, at: at) }
        for withdrawal in change.withdraw {
            let row = try Row.fetchOne(
                db.cachedStatement(sql: "SELECT attempts, deliveredAt FROM outbox WHERE statementId = ?"),
                arguments: [withdrawal.statementID])
            // Not in the outbox at all: it was never queued, so nothing stands to be taken back.
            guard let row else { continue }
            let attempts: Int = row["attempts"]
            let delivered: Date? = row["deliveredAt"]
            if attempts == 0 && delivered == nil {
                try db.cachedStatement(sql: "DELETE FROM outbox WHERE statementId = ?").execute(arguments: [withdrawal.statementID])
            } else {
                try insert(withdrawal.voiding(), db, at: at)
            }
        }
    }

    private static func insert(_ statement: OutboxStatement, _ db: Database, at: Date) throws {
        guard let body = String(data: statement.body, encoding: .utf8) else {
            throw StoreError.invalidStatement(id: statement.id)
        }
        try db.cachedStatement(sql: """
            INSERT INTO outbox (statementId, registration, verb, body, queuedAt) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT(statementId) DO NOTHING
            """).execute(arguments: [statement.id, statement.registration, statement.verb, body, at])
    }

    private func update(_ statementIDs: [String], sql: String, arguments: StatementArguments) throws {
        guard !statementIDs.isEmpty else { return }
        try write { db in
            for chunk in stride(from: 0, to: statementIDs.count, by: 500) {
                let ids = Array(statementIDs[chunk..<min(chunk + 500, statementIDs.count)])
                try db.execute(sql: sql + " WHERE statementId IN (\(ids.map { _ in "?" }.joined(separator: ",")))",
                               arguments: arguments + StatementArguments(ids))
            }
        }
    }

    /// Whether a process with this id runs (a process of another user counts as running).
    static func processIsAlive(_ pid: Int32) -> Bool {
        pid > 0 && (kill(pid, 0) == 0 || errno == EPERM)
    }
}
