import Foundation
import TwofoldCore

/// The cohort as JSON: `{"rows": [...], "summary": {...}}`, keys sorted.
///
/// Rows come first, one compact object per line (so the document streams and greps
/// well); the summary follows, pretty-printed. Dates are ISO 8601 in whole seconds, UTC.
/// Text is kept exactly as the reports hold it (JSON escaping makes it inert).
public enum CohortJSON {
    /// One attempt, as it appears in `rows`.
    public struct Row: Codable, Sendable, Equatable {
        public var attemptId: String
        public var learner: String
        public var email: String?
        public var cohort: String?
        public var scenario: String
        public var scenarioTitle: String
        public var session: LearnerReport.Session.Kind
        public var groupSessionId: String?
        public var startedAt: Date
        public var finishedAt: Date
        public var manager: AxisScore
        public var leader: AxisScore
        public var profile: ProfileKey
        public var ending: LearnerReport.EndingInfo
        public var decisions: Int
        public var integrity: LearnerReport.Integrity

        public init(_ row: CohortRow) {
            attemptId = row.attemptId
            learner = row.learner
            email = row.email
            cohort = row.cohort
            scenario = row.scenarioId
            scenarioTitle = row.scenarioTitle
            session = row.session
            groupSessionId = row.groupSessionId
            startedAt = row.startedAt
            finishedAt = row.finishedAt
            manager = row.manager
            leader = row.leader
            profile = row.profile
            ending = LearnerReport.EndingInfo(scene: row.endingScene, title: row.endingTitle)
            decisions = row.decisionCount
            integrity = row.integrity
        }

        enum CodingKeys: String, CodingKey {
            case attemptId, learner, email, cohort, scenario, scenarioTitle, session, groupSessionId
            case startedAt, finishedAt, manager, leader, profile, ending, decisions, integrity
        }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(attemptId, forKey: .attemptId)
            try c.encode(learner, forKey: .learner)
            try c.encodeIfPresent(email, forKey: .email)
            try c.encode(cohort, forKey: .cohort)  // null when none, like a report
            try c.encode(scenario, forKey: .scenario)
            try c.encode(scenarioTitle, forKey: .scenarioTitle)
            try c.encode(session, forKey: .session)
            try c.encodeIfPresent(groupSessionId, forKey: .groupSessionId)
            try c.encode(startedAt, forKey: .startedAt)
            try c.encode(finishedAt, forKey: .finishedAt)
            try c.encode(manager, forKey: .manager)
            try c.encode(leader, forKey: .leader)
            try c.encode(profile, forKey: .profile)
            try c.encode(EndingRef(scene: ending.scene, title: ending.title), forKey: .ending)
            try c.encode(decisions, forKey: .decisions)
            try c.encode(integrity, forKey: .integrity)
        }

        private struct EndingRef: Encodable {
            var scene: String
            var title: String
        }
    }

    /// The `summary` object.
    public struct Summary: Encodable, Sendable {
        public var attempts: Int
        public var learners: Int
        public var skippedFiles: Int
        public var duplicateAttempts: Int
        public var filter: Filter
        public var scenarios: [ScenarioSummary]

        public struct Filter: Encodable, Sendable {
            public var cohort: String?
            public var scenario: String?
            public var since: Date?
        }

        public init(_ summary: CohortSummary) {
            attempts = summary.attempts
            learners = summary.learners
            skippedFiles = summary.skippedFiles
            duplicateAttempts = summary.duplicateAttempts
            filter = Filter(cohort: summary.filter.cohort, scenario: summary.filter.scenario, since: summary.filter.since)
            scenarios = summary.scenarios
        }
    }

    /// One row as a single line of JSON (no trailing newline).
    public static func row(_ row: CohortRow) -> String {
        encode(Row(row), pretty: false)
    }

    /// The summary, pretty-printed; every line after the first is prefixed by `indent`.
    ///
    /// Each learner's attempts are encoded on their own and spliced into their scenario's
    /// `learnerAttempts`, so a cohort of 100,000 attempts never makes one huge encoding
    /// (JSONEncoder holds a tree of the whole value while it works).
    public static func summary(_ summary: CohortSummary, indent: String = "") -> String {
        var top = Summary(summary)
        let learners = top.scenarios.map(\.learnerAttempts)
        for index in top.scenarios.indices { top.scenarios[index].learnerAttempts = [] }
        let skeleton = indented(encode(top, pretty: true), by: indent)
        var out = ""
        var rest = skeleton[...]
        for list in learners {
            // The empty array as the encoder writes it: `[`, a blank line, then `]` indented.
            guard let key = rest.range(of: "\"learnerAttempts\" : ["),
                  let close = rest[key.upperBound...].firstIndex(of: "]") else { break }
            out += rest[..<key.upperBound]
            // Between `[` and `]`: two line breaks, then the closing bracket's indentation.
            let closing = rest[key.upperBound..<close].count - 2
            let inner = String(repeating: " ", count: closing + 2)
            out += list.isEmpty ? "\n\n" : "\n" + list.map { inner + indented(encode($0, pretty: true), by: inner) }
                .joined(separator: ",\n") + "\n"
            out += rest[rest.index(key.upperBound, offsetBy: 2)..<close]
            rest = rest[close...]
        }
        return out + rest
    }

    /// `text` with `indent` before every line but the first (blank lines stay blank).
    static func indented(_ text: String, by indent: String) -> String {
        guard !indent.isEmpty else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + text.utf8.count / 4)
        let prefix = Array(indent.utf8)
        var lineStart = false
        for byte in text.utf8 {
            if lineStart && byte != 0x0A { bytes += prefix }
            bytes.append(byte)
            lineStart = byte == 0x0A
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func encode<T: Encodable>(_ value: T, pretty: Bool) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(CohortDates.string(date))
        }
        // Every value here is encodable (no non-finite numbers), so this cannot fail.
        guard let data = try? encoder.encode(value) else { return "null" }
        return String(decoding: data, as: UTF8.self)
    }
}
