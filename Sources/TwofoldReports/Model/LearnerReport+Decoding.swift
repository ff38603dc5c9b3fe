import Foundation
import TwofoldCore

// Lenient reading: the fields of the product contract's example are required; every
// field this project adds has a default, so a minimal contract report is still readable.

extension LearnerReport {
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        reportVersion = try c.decode(Int.self, forKey: .reportVersion)
        attemptId = try c.decodeIfPresent(String.self, forKey: .attemptId) ?? ""
        learner = try c.decode(Learner.self, forKey: .learner)
        cohort = try c.decodeIfPresent(String.self, forKey: .cohort)
        scenario = try c.decode(ScenarioInfo.self, forKey: .scenario)
        startedAt = try c.decode(Date.self, forKey: .startedAt)
        finishedAt = try c.decode(Date.self, forKey: .finishedAt)
        decisions = try c.decode([DecisionEntry].self, forKey: .decisions)
        scores = try c.decode(AxisValues<AxisScore>.self, forKey: .scores)
        profile = try c.decode(ProfileInfo.self, forKey: .profile)
        ending = try c.decode(EndingInfo.self, forKey: .ending)
        reflection = try c.decodeIfPresent([String].self, forKey: .reflection) ?? []
        balancedPath = try c.decodeIfPresent(BalancedPathInfo.self, forKey: .balancedPath)
        session = try c.decodeIfPresent(Session.self, forKey: .session) ?? .solo
        if attemptId.isEmpty {
            attemptId = LearnerReport.derivedAttemptId(learner: learner.name, scenario: scenario.id, startedAt: startedAt, finishedAt: finishedAt)
        }
        integrity = try c.decodeIfPresent(Integrity.self, forKey: .integrity) ?? .unrecorded(in: session.kind)
    }

    enum CodingKeys: String, CodingKey {
        case reportVersion, attemptId, learner, cohort, scenario, startedAt, finishedAt, decisions
        case scores, profile, ending, reflection, balancedPath, session, integrity
    }
}

extension LearnerReport {
    /// The attempt id of a report written without one: the same name-based UUID for the
    /// same learner, scenario and times, so such a report still has a stable id (and the
    /// same report given twice still counts once).
    public static func derivedAttemptId(learner: String, scenario: String, startedAt: Date, finishedAt: Date) -> String {
        NameBasedUUID.make("report/\(learner)/\(scenario)/\(ISO8601.string(startedAt))/\(ISO8601.string(finishedAt))")
    }
}

extension LearnerReport.ScenarioInfo {
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        title = try c.decode(String.self, forKey: .title)
        domain = try c.decode(String.self, forKey: .domain)
        profileThreshold = try c.decodeIfPresent(Int.self, forKey: .profileThreshold) ?? Scenario.defaultProfileThreshold
    }

    enum CodingKeys: String, CodingKey { case id, title, domain, profileThreshold }
}

extension LearnerReport.DecisionEntry {
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        scene = try c.decode(String.self, forKey: .scene)
        choice = try c.decode(String.self, forKey: .choice)
        scores = try c.decode(Scores.self, forKey: .scores)
        choiceText = try c.decodeIfPresent(String.self, forKey: .choiceText) ?? ""
        sceneText = try c.decodeIfPresent(String.self, forKey: .sceneText) ?? ""
        feedback = try c.decodeIfPresent(String.self, forKey: .feedback) ?? ""
        seconds = try c.decodeIfPresent(Double.self, forKey: .seconds) ?? 0
        answeredAt = try c.decodeIfPresent(Date.self, forKey: .answeredAt)
        alternatives = try c.decodeIfPresent([LearnerReport.Alternative].self, forKey: .alternatives) ?? []
        vote = try c.decodeIfPresent(LearnerReport.Vote.self, forKey: .vote)
        takenBack = try c.decodeIfPresent([String].self, forKey: .takenBack) ?? []
        turn = try c.decodeIfPresent(Int.self, forKey: .turn)
    }

    enum CodingKeys: String, CodingKey {
        case scene, choice, scores, choiceText, sceneText, feedback, seconds, answeredAt, alternatives, vote, takenBack, turn
    }
}

extension LearnerReport.ProfileInfo {
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        key = try c.decode(ProfileKey.self, forKey: .key)
        label = try c.decodeIfPresent(String.self, forKey: .label) ?? key.label
        meaning = try c.decodeIfPresent(String.self, forKey: .meaning) ?? Profile(key).meaning
    }

    enum CodingKeys: String, CodingKey { case key, label, meaning }
}

extension LearnerReport.EndingInfo {
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        scene = try c.decode(String.self, forKey: .scene)
        title = try c.decode(String.self, forKey: .title)
        kind = try c.decodeIfPresent(ProfileKey.self, forKey: .kind)
        text = try c.decodeIfPresent(String.self, forKey: .text) ?? ""
    }

    enum CodingKeys: String, CodingKey { case scene, title, kind, text }
}

extension LearnerReport.Session {
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        kind = try c.decode(Kind.self, forKey: .kind)
        groupSessionId = try c.decodeIfPresent(String.self, forKey: .groupSessionId)
    }

    enum CodingKeys: String, CodingKey { case kind, groupSessionId }
}

extension LearnerReport.Alternative {
    enum CodingKeys: String, CodingKey { case choice, text, scores }
}

extension LearnerReport.Learner {
    enum CodingKeys: String, CodingKey { case name, email }
}

extension LearnerReport.BalancedPathInfo {
    enum CodingKeys: String, CodingKey { case decisions, scores, ending }
}

extension LearnerReport.BalancedPathInfo.Score {
    enum CodingKeys: String, CodingKey { case raw, percent }
}

extension LearnerReport.Integrity {
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        mode = try c.decode(AttemptMode.self, forKey: .mode)
        takeBacks = try Self.count(c, .takeBacks)
        restarts = try Self.count(c, .restarts)
    }

    /// A count of zero or more (absent: none), refused otherwise as the cohort reader refuses it.
    private static func count(_ c: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys) throws -> Int {
        let value = try c.decodeIfPresent(Int.self, forKey: key) ?? 0
        guard value >= 0 else {
            throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: "expected a count of zero or more")
        }
        return value
    }

    enum CodingKeys: String, CodingKey { case mode, takeBacks, restarts }
}
