import Foundation
import GRDB

extension RecordsStore {
    /// Saves a new session. The record is usually `active`, with an initial state.
    /// `remembering` settings are saved in the same transaction (one commit, one sync,
    /// before a learner's first scene).
    /// - Throws: ``StoreError/sessionExists(id:)`` when the id is taken.
    public func createSession(_ record: SessionRecord, remembering settings: KeyValuePairs<String, String> = [:]) throws {
        try write { db in
            do {
                try record.insert(db)
            } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_PRIMARYKEY {
                throw StoreError.sessionExists(id: record.id)
            }
            for (key, value) in settings { try Self.setSetting(key, value, in: db) }
        }
    }

    /// Records one step: replaces the session's state and appends the step to its log,
    /// in one transaction, durable before this returns. The step's statements for the
    /// learning record store (`outbox`) are queued or withdrawn in that same transaction.
    /// - Throws: ``StoreError/sessionNotActive(id:status:)`` unless the session is active,
    ///   ``StoreError/duplicateStep(sessionID:turn:)`` when the turn is already logged.
    public func saveStep(sessionID: String, state: Data, turn: Int, kind: String, detail: Data, at: Date,
                         outbox: OutboxChange = .none) throws {
        let step = StepRecord(sessionID: sessionID, turn: turn, at: at, kind: kind, detail: detail)
        try write { db in
            // The hot path of play: one cached UPDATE instead of a status check, a fetch of the
            // whole record and a comparison; when no active row matched, say why.
            try db.cachedStatement(sql: "UPDATE session SET state = ?, updatedAt = ? WHERE id = ? AND status = 'active'")
                .execute(arguments: [state, at, sessionID])
            if db.changesCount == 0 { try Self.requireActive(db, sessionID) }
            do {
                try step.insert(db)
            } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_PRIMARYKEY {
                throw StoreError.duplicateStep(sessionID: sessionID, turn: turn)
            }
            try Self.apply(outbox, db, at: at)
        }
    }

    /// Marks an active session complete, with its final state, scores, profile, ending
    /// and the reports written for it; `outbox` (the attempt's `completed` statements) is
    /// applied in the same transaction.
    public func complete(
        sessionID: String, state: Data, managerPercent: Int, leaderPercent: Int,
        profile: String, endingTitle: String, reportPaths: [String], at: Date,
        outbox: OutboxChange = .none
    ) throws {
        try write { db in
            try Self.requireActive(db, sessionID)
            try Self.update(db, sessionID) { record in
                record.state = state
                record.status = "complete"
                record.updatedAt = at
                record.finishedAt = at
                record.managerPercent = managerPercent
                record.leaderPercent = leaderPercent
                record.profile = profile
                record.endingTitle = endingTitle
                record.reportPaths = reportPaths
            }
            try Self.apply(outbox, db, at: at)
        }
    }

    /// Replaces the list of report files of a session, whatever its status
    /// (reports may be written, or rendered again, after it completes).
    public func setReportPaths(sessionID: String, paths: [String]) throws {
        try write { db in
            try Self.update(db, sessionID) { $0.reportPaths = paths }
        }
    }

    /// Marks an active session abandoned: it is no longer offered for resuming.
    public func abandon(sessionID: String, at: Date) throws {
        try write { db in
            try Self.requireActive(db, sessionID)
            try Self.update(db, sessionID) { record in
                record.status = "abandoned"
                record.updatedAt = at
                record.finishedAt = at
            }
        }
    }

    // MARK: - Helpers

    /// Runs `updates` in one immediate transaction on the writer connection.
    /// SQLite's own failures (a full disk, a read-only file) come back as
    /// ``StoreError/cannotWrite(path:reason:)`` with SQLite's short reason.
    func write<T>(_ updates: (Database) throws -> T) throws -> T {
        do {
            return try pool.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try updates(db)
                    return .commit
                }
                return result!
            }
        } catch let error as DatabaseError {
            throw StoreError.cannotWrite(path: path, reason: Self.reason(error))
        }
    }

    private static func requireActive(_ db: Database, _ sessionID: String) throws {
        let status = try String.fetchOne(
            db, SessionRecord.select(SessionRecord.CodingKeys.status).filter(key: sessionID))
        guard let status else { throw StoreError.sessionNotFound(id: sessionID) }
        guard status == "active" else { throw StoreError.sessionNotActive(id: sessionID, status: status) }
    }

    private static func update(_ db: Database, _ sessionID: String, _ change: (inout SessionRecord) -> Void) throws {
        guard var record = try SessionRecord.fetchOne(db, key: sessionID) else {
            throw StoreError.sessionNotFound(id: sessionID)
        }
        try record.updateChanges(db) { change(&$0) }
    }
}
