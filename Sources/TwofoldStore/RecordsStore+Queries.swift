import Foundation
import GRDB

extension RecordsStore {
    private typealias Session = SessionRecord.CodingKeys

    /// The session with this id, or nil.
    public func session(id: String) throws -> SessionRecord? {
        try pool.read { try SessionRecord.fetchOne($0, key: id) }
    }

    /// Active sessions (the ones that can be resumed), most recently updated first.
    ///
    /// Each argument, when given, keeps only the sessions that match it: the learner's
    /// name without regard to case, the scenario id and kind exactly. A row that cannot be
    /// read (a damaged date, say) is left out and its id handed to `skipped`.
    public func activeSessions(learner: String?, scenarioID: String?, kind: String?,
                               skipped: (String) -> Void = { _ in }) throws -> [SessionRecord] {
        try pool.read { db in
            var request = SessionRecord.filter(Session.status == "active")
            if let scenarioID { request = request.filter(Session.scenarioID == scenarioID) }
            if let kind { request = request.filter(Session.kind == kind) }
            return try Self.records(request.order(Session.updatedAt.desc, Session.id), in: db, skipped: skipped)
                .filter { learner == nil || Self.sameName($0.learner, learner!) }
        }
    }

    /// The records a request finds, read one row at a time so that one damaged row is
    /// named and passed over instead of making every session unreadable.
    static func records(_ request: QueryInterfaceRequest<SessionRecord>, in db: Database,
                        skipped: (String) -> Void) throws -> [SessionRecord] {
        var records: [SessionRecord] = []
        let rows = try Row.fetchCursor(db, request)
        while let row = try rows.next() {
            do {
                records.append(try SessionRecord(row: row))
            } catch {
                skipped((row[Session.id.rawValue] as String?) ?? "?")
            }
        }
        return records
    }

    /// Completed sessions, sorted by learner then by when they finished; only one
    /// learner's (the name compared without regard to case) when `learner` is given. A row
    /// that cannot be read is left out and its id handed to `skipped`.
    public func attempts(learner: String?, skipped: (String) -> Void = { _ in }) throws -> [SessionRecord] {
        try pool.read { db in
            let request = SessionRecord.filter(Session.status == "complete")
            // Names are compared in Swift: SQLite's lower() folds only ASCII letters.
            return try Self.records(request.order(Session.learner, Session.finishedAt, Session.id), in: db, skipped: skipped)
                .filter { learner == nil || Self.sameName($0.learner, learner!) }
        }
    }

    /// Whether two learner names are the same person's, case aside (Unicode-aware).
    static func sameName(_ a: String, _ b: String) -> Bool { a.lowercased() == b.lowercased() }

    /// A session's step log, in turn order.
    public func steps(sessionID: String) throws -> [StepRecord] {
        try pool.read { db in
            try StepRecord
                .filter(StepRecord.Columns.sessionID == sessionID)
                .order(StepRecord.Columns.turn)
                .fetchAll(db)
        }
    }

    /// A remembered preference (such as the last learner name), or nil.
    public func setting(_ key: String) throws -> String? {
        try pool.read { db in
            try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [key])
        }
    }

    /// Remembers a preference, replacing any earlier value.
    public func setSetting(_ key: String, _ value: String) throws {
        try write { db in try Self.setSetting(key, value, in: db) }
    }

    static func setSetting(_ key: String, _ value: String, in db: Database) throws {
        try db.execute(
            sql: "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            arguments: [key, value])
    }
}
