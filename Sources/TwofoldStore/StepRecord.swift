import Foundation
import GRDB

/// One row of the append-only `step` log: a single thing a learner or facilitator did.
///
/// Turns count every step, undo and restart included, so the log replays the whole
/// session in order. ``detail`` is JSON, stored as text.
public struct StepRecord: Sendable, Equatable, FetchableRecord, PersistableRecord {
    public var sessionID: String
    /// The step's position in the session's log, from 1 (unique per session).
    public var turn: Int
    public var at: Date
    /// What happened: `choose`, `back`, `restart`, `vote`, …
    public var kind: String
    /// JSON describing the step (UTF-8).
    public var detail: Data

    public static let databaseTableName = "step"

    /// The `step` table's columns, for queries.
    public enum Columns {
        public static let sessionID = Column("sessionId")
        public static let turn = Column("turn")
        public static let at = Column("at")
        public static let kind = Column("kind")
        public static let detail = Column("detail")
    }

    public init(sessionID: String, turn: Int, at: Date, kind: String, detail: Data) {
        self.sessionID = sessionID
        self.turn = turn
        self.at = at
        self.kind = kind
        self.detail = detail
    }

    public init(row: Row) throws {
        sessionID = row[Columns.sessionID]
        turn = row[Columns.turn]
        at = row[Columns.at]
        kind = row[Columns.kind]
        detail = row[Columns.detail]
    }

    public func encode(to container: inout PersistenceContainer) throws {
        guard let text = String(data: detail, encoding: .utf8) else {
            throw StoreError.invalidStepDetail(sessionID: sessionID, turn: turn)
        }
        container[Columns.sessionID] = sessionID
        container[Columns.turn] = turn
        container[Columns.at] = at
        container[Columns.kind] = kind
        container[Columns.detail] = text
    }
}
