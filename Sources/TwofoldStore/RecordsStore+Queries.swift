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
    /// Each argument, when given, keeps only the sessions that match it exactly.
    public func activeSessions(learner: String?, scenarioID: String?, kind: String?) throws -> [SessionRecord] {
        try pool.read { db in
            var request = SessionRecord.filter(Session.status == "active")
            if let learner { request = request.filter(Session.learner == learner) }
            if let scenarioID { request = request.filter(Session.scenarioID == scenarioID) }
            if let kind { request = request.filter(Session.kind == kind) }
            return try request.order(Session.updatedAt.desc, Session.id).fetchAll(db)
        }
    }

    /// Completed sessions, sorted by learner then by when they finished;
    /// only one learner's when `learner` is given.
    public func attempts(learner: String?) throws -> [SessionRecord] {
        try pool.read { db in
            var request = SessionRecord.filter(Session.status == "complete")
            if let learner { request = request.filter(Session.learner == learner) }
            return try request.order(Session.learner, Session.finishedAt, Session.id).fetchAll(db)
        }
    }

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
        try write { db in
            try db.execute(
                sql: "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                arguments: [key, value])
        }
    }
}
