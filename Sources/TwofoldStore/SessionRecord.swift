import Foundation
import GRDB

/// One row of the `session` table: a solo play or a facilitated group session.
///
/// The engine's state is kept as an opaque JSON blob (``state``) so the store never
/// depends on the engine's types. Times are stored to the millisecond, in UTC.
public struct SessionRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    /// The kinds a session can have (`kind` column).
    public static let kinds = ["solo", "group"]
    /// The statuses a session can have (`status` column).
    public static let statuses = ["active", "complete", "abandoned"]

    /// A UUID string.
    public var id: String
    /// `solo` or `group`.
    public var kind: String
    /// The learner's name (for a group session, the facilitator's label for it).
    public var learner: String
    public var cohort: String?
    public var scenarioID: String
    public var scenarioTitle: String
    /// Where the scenario file was loaded from, so a resume can load it again.
    public var scenarioPath: String
    /// The scenario's content fingerprint when the session started.
    public var fingerprint: String
    /// The engine's session state as JSON, replaced after every step.
    public var state: Data
    /// `active`, `complete` or `abandoned`.
    public var status: String
    public var startedAt: Date
    public var updatedAt: Date
    /// When the session completed or was abandoned.
    public var finishedAt: Date?
    public var managerPercent: Int?
    public var leaderPercent: Int?
    /// The profile key (`both`, `manager`, `leader`, `emerging`).
    public var profile: String?
    public var endingTitle: String?
    /// The report files written for this session (a JSON array in the database).
    public var reportPaths: [String]?
    /// For a participant's record, the id of the group session it belongs to.
    public var groupSessionID: String?
    /// The options the session was started with, as JSON the application defines (report
    /// folder and formats, cohort, e-mail, mode); nil in sessions saved before they were kept.
    public var options: Data?

    public static let databaseTableName = "session"

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case id, kind, learner, cohort
        case scenarioID = "scenarioId"
        case scenarioTitle, scenarioPath, fingerprint, state, status
        case startedAt, updatedAt, finishedAt
        case managerPercent, leaderPercent, profile, endingTitle, reportPaths
        case groupSessionID = "groupSessionId"
        case options
    }

    /// Creates a record; a new session is `active` and last updated when it started.
    public init(
        id: String = UUID().uuidString.lowercased(), kind: String, learner: String, cohort: String? = nil,
        scenarioID: String, scenarioTitle: String, scenarioPath: String, fingerprint: String,
        state: Data, status: String = "active", startedAt: Date, updatedAt: Date? = nil,
        finishedAt: Date? = nil, managerPercent: Int? = nil, leaderPercent: Int? = nil,
        profile: String? = nil, endingTitle: String? = nil, reportPaths: [String]? = nil,
        groupSessionID: String? = nil, options: Data? = nil
    ) {
        self.id = id
        self.kind = kind
        self.learner = learner
        self.cohort = cohort
        self.scenarioID = scenarioID
        self.scenarioTitle = scenarioTitle
        self.scenarioPath = scenarioPath
        self.fingerprint = fingerprint
        self.state = state
        self.status = status
        self.startedAt = startedAt
        self.updatedAt = updatedAt ?? startedAt
        self.finishedAt = finishedAt
        self.managerPercent = managerPercent
        self.leaderPercent = leaderPercent
        self.profile = profile
        self.endingTitle = endingTitle
        self.reportPaths = reportPaths
        self.groupSessionID = groupSessionID
        self.options = options
    }

    /// Report paths are stored as readable JSON (no escaped slashes).
    public static func databaseJSONEncoder(for column: String) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
