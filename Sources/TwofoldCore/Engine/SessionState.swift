import Foundation

/// One decision that stands in a session: which choice was taken where, its deltas and timing.
public struct Decision: Codable, Sendable, Hashable {
    public var scene: String
    public var choice: String
    /// The choice's deltas, by axis name.
    public var scores: [String: Int]
    /// When the choice was made, and how long the learner spent on the decision.
    public var at: Date
    public var seconds: Double

    public init(scene: String, choice: String, scores: [String: Int], at: Date, seconds: Double) {
        self.scene = scene
        self.choice = choice
        self.scores = scores
        self.at = at
        self.seconds = seconds
    }
}

/// Where a play session stands: a plain value that refers to content by id, so it saves
/// to JSON and can be checked against the scenario it was made with.
public struct SessionState: Codable, Sendable, Hashable {
    /// The save format this build writes; newer saves are refused.
    public static let currentVersion = 1

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

    public init(scenarioID: String, fingerprint: String, scene: String, variables: Variables, at: Date) {
        version = SessionState.currentVersion
        self.scenarioID = scenarioID
        self.fingerprint = fingerprint
        self.scene = scene
        decisions = []
        self.variables = variables
        turn = 0
        sceneShownAt = at
        startedAt = at
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
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601withFractionalSeconds
        let state: SessionState
        do {
            state = try decoder.decode(SessionState.self, from: data)
        } catch {
            throw EngineError.unreadableSave
        }
        if state.version > currentVersion { throw EngineError.newerSave(state.version) }
        return state
    }
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
