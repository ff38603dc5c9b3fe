import Foundation

/// One decision that stands in a session: which choice was taken where, its deltas and timing.
public struct Decision: Codable, Sendable, Hashable {
    public var scene: String
    public var choice: String
    /// The choice's deltas on the scenario's axes.
    public var scores: Scores
    /// When the choice was made, and how long the learner spent on the decision.
    public var at: Date
    public var seconds: Double
    /// The session's turn when the choice was made: unique within the session, since
    /// turns only grow (`back` and `restart` take turns too).
    public var turn: Int
    /// Choices taken back at this scene before this one stood, in order.
    public var takenBack: [String]

    public init(scene: String, choice: String, scores: Scores, at: Date, seconds: Double,
                turn: Int = 0, takenBack: [String] = []) {
        self.scene = scene
        self.choice = choice
        self.scores = scores
        self.at = at
        self.seconds = seconds
        self.turn = turn
        self.takenBack = takenBack
    }

    enum CodingKeys: String, CodingKey { case scene, choice, scores, at, seconds, turn, takenBack }

    // Saves from before take-backs were kept have no `turn` or `takenBack`.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        scene = try c.decode(String.self, forKey: .scene)
        choice = try c.decode(String.self, forKey: .choice)
        scores = try c.decode(Scores.self, forKey: .scores)
        at = try c.decode(Date.self, forKey: .at)
        seconds = try c.decode(Double.self, forKey: .seconds)
        turn = try c.decodeIfPresent(Int.self, forKey: .turn) ?? 0
        takenBack = try c.decodeIfPresent([String].self, forKey: .takenBack) ?? []
    }
}

/// How an attempt is taken: practice (take-backs allowed, scores shown), assessed (no
/// take-backs, no numbers until the end) or as a participant of a facilitated group.
public enum AttemptMode: String, Codable, Sendable, CaseIterable {
    case practice
    case assessed
    case group
}

/// Where a play session stands: a plain value that refers to content by id, so it saves
/// to JSON and can be checked against the scenario it was made with.
public struct SessionState: Codable, Sendable, Hashable {
    /// The save format this build writes; newer saves are refused. Version 2 added the
    /// attempt's mode, take-backs and restarts; version 1 saves read with none of them.
    public static let currentVersion = 2

    public var version: Int
    public var scenarioID: String
    /// ``Fingerprint`` of the scenario file the session was started with.
    public var fingerprint: String
    /// The id of the scene being shown.
    public var scene: String
    /// The decisions that stand (undone ones are gone).
    public var decisions: [Decision]
    public var variables: Variables
    /// Steps taken, counting undos and restarts: it only grows.
    public var turn: Int
    /// When the current scene was first shown (for time spent per decision).
    public var sceneShownAt: Date
    public var startedAt: Date
    public var mode: AttemptMode
    /// Every `back` taken in the attempt, and every `restart`.
    public var takeBacks: Int
    public var restarts: Int
    /// Choices taken back at the scene now shown, not yet answered again.
    public var pendingTakenBack: [String]

    public init(scenarioID: String, fingerprint: String, scene: String, variables: Variables, at: Date,
                mode: AttemptMode = .practice) {
        version = SessionState.currentVersion
        self.scenarioID = scenarioID
        self.fingerprint = fingerprint
        self.scene = scene
        decisions = []
        self.variables = variables
        turn = 0
        sceneShownAt = at
        startedAt = at
        self.mode = mode
        takeBacks = 0
        restarts = 0
        pendingTakenBack = []
    }

    enum CodingKeys: String, CodingKey {
        case version, scenarioID, fingerprint, scene, decisions, variables, turn, sceneShownAt, startedAt
        case mode, takeBacks, restarts, pendingTakenBack
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        version = try c.decode(Int.self, forKey: .version)
        scenarioID = try c.decode(String.self, forKey: .scenarioID)
        fingerprint = try c.decode(String.self, forKey: .fingerprint)
        scene = try c.decode(String.self, forKey: .scene)
        decisions = try c.decode([Decision].self, forKey: .decisions)
        variables = try c.decode(Variables.self, forKey: .variables)
        turn = try c.decode(Int.self, forKey: .turn)
        sceneShownAt = try c.decode(Date.self, forKey: .sceneShownAt)
        startedAt = try c.decode(Date.self, forKey: .startedAt)
        mode = try c.decodeIfPresent(AttemptMode.self, forKey: .mode) ?? .practice
        takeBacks = try c.decodeIfPresent(Int.self, forKey: .takeBacks) ?? 0
        restarts = try c.decodeIfPresent(Int.self, forKey: .restarts) ?? 0
        pendingTakenBack = try c.decodeIfPresent([String].self, forKey: .pendingTakenBack) ?? []
    }

    /// Encodes the state as JSON with sorted keys and ISO 8601 dates.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601withFractionalSeconds
        return try encoder.encode(self)
    }

    /// Decodes a saved state, refusing a newer save format.
    public static func decode(_ data: Data) throws -> SessionState {
        struct VersionProbe: Decodable { var version: Int }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601withFractionalSeconds
        if let version = try? decoder.decode(VersionProbe.self, from: data).version, version > currentVersion {
            throw EngineError.newerSave(version)
        }
        do {
            return try decoder.decode(SessionState.self, from: data)
        } catch {
            throw EngineError.unreadableSave
        }
    }

    /// The raw totals of the decisions that stand.
    public var totals: Scores { decisions.reduce(Scores()) { $0 + $1.scores } }
}

extension JSONEncoder.DateEncodingStrategy {
    /// ISO 8601 with milliseconds, UTC: exact enough for timings, readable in files.
    public static let iso8601withFractionalSeconds = JSONEncoder.DateEncodingStrategy.custom { date, encoder in
        var container = encoder.singleValueContainer()
        try container.encode(ISO8601.string(date, fractional: true))
    }
}

extension JSONDecoder.DateDecodingStrategy {
    public static let iso8601withFractionalSeconds = JSONDecoder.DateDecodingStrategy.custom { decoder in
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = ISO8601.date(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an ISO 8601 date: \(text)")
        }
        return date
    }
}

/// ISO 8601 formatting without shared mutable formatters.
public enum ISO8601 {
    public static func string(_ date: Date, fractional: Bool = false) -> String {
        let whole = Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!)
        guard fractional else { return date.formatted(whole) }
        // Whole milliseconds computed here: the format style's own fraction goes through
        // floating point and truncates, so a parsed date could print a millisecond earlier
        // (a saved session would drift on every resume).
        let milliseconds = (date.timeIntervalSince1970 * 1000).rounded()
        let seconds = (milliseconds / 1000).rounded(.down)
        let text = Date(timeIntervalSince1970: seconds).formatted(whole)  // ends in "Z"
        let fraction = String(Int(milliseconds - seconds * 1000))
        return text.dropLast() + "." + String(repeating: "0", count: 3 - fraction.count) + fraction + "Z"
    }

    /// The date `text` names, or nil when it is not ISO 8601 in the extended form with a
    /// zone (see ``fieldsInRange(_:)``).
    public static func date(_ text: String) -> Date? {
        guard fieldsInRange(text) else { return nil }
        let withFraction = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: TimeZone(identifier: "UTC")!)
        if let date = try? withFraction.parse(text) { return date }
        return try? Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!).parse(text)
    }
}
