import Foundation
import TwofoldCore
import TwofoldReports

/// What an attempt's `completed` statement says, as a debrief row needs it (everything but
/// the choices, which come from the `answered` statements).
///
/// The fields are the ones ``XAPIStatements/completed(_:attempt:)`` writes; a statement
/// lacking one of them is not taken (it is not one of Twofold's, or it is damaged).
struct CompletedFacts {
    var statement: StatementKey
    var attemptId: String
    var learner: String
    var email: String?
    var cohort: String?
    var groupSessionId: String?
    var scenarioId: String
    var scenarioTitle: String
    var profileThreshold: Int
    var startedAt: Date
    var finishedAt: Date
    var manager: AxisScore
    var leader: AxisScore
    var profile: ProfileKey
    var endingScene: String
    var endingTitle: String
    var integrity: LearnerReport.Integrity
    var balanced: AxisValues<Int>?

    /// The facts of a `completed` statement; texts that repeat from attempt to attempt are
    /// taken from (and added to) `texts`, so they are kept once.
    init?(_ facts: StatementFacts, scenarioId: String, registration: String, texts: inout Set<String>) {
        let ext = facts.extensions
        guard let learner = facts.actorName, let title = facts.objectName,
              let timestamp = facts.timestamp, let finishedAt = Self.date(timestamp),
              let seconds = facts.duration.flatMap(XAPIStatements.seconds(ofDuration:)),
              let profile = ext[.profile]?.string.flatMap(ProfileKey.init(rawValue:)),
              let ending = ext[.ending]?.string, let endingTitle = ext[.endingTitle]?.string,
              let threshold = ext[.profileThreshold]?.int,
              let manager = Self.axis(ext, raw: .managerRaw, min: .managerMin, max: .managerMax, percent: .managerPercent),
              let leader = Self.axis(ext, raw: .leaderRaw, min: .leaderMin, max: .leaderMax, percent: .leaderPercent)
        else { return nil }
        func kept(_ text: String) -> String { texts.insert(text).memberAfterInsert }
        statement = StatementKey(facts.id)
        attemptId = ext[.attemptID]?.string ?? registration
        self.learner = kept(learner)
        email = facts.actorEmail.map { $0.hasPrefix("mailto:") ? String($0.dropFirst(7)) : $0 }
        cohort = ext[.cohort]?.string.map(kept)
        groupSessionId = ext[.groupSession]?.string.map(kept)
        self.scenarioId = kept(scenarioId)
        scenarioTitle = kept(title)
        profileThreshold = threshold
        self.finishedAt = finishedAt
        startedAt = finishedAt.addingTimeInterval(-seconds.rounded())
        self.manager = manager
        self.leader = leader
        self.profile = profile
        endingScene = kept(ending)
        self.endingTitle = kept(endingTitle)
        let record = ext[.integrity]?.object ?? [:]
        integrity = LearnerReport.Integrity(mode: record["mode"]?.string.flatMap(AttemptMode.init(rawValue:)) ?? .practice,
                                            takeBacks: record["takeBacks"]?.int ?? 0, restarts: record["restarts"]?.int ?? 0)
        balanced = ext[.balancedPercent]?.object.flatMap(Self.percents)
    }

    /// The debrief row, with the learner's choices.
    func row(choices: [CohortRow.Pick]) -> CohortRow {
        CohortRow(attemptId: attemptId, learner: learner, email: email, cohort: cohort, scenarioId: scenarioId,
                  scenarioTitle: scenarioTitle, profileThreshold: profileThreshold,
                  session: groupSessionId == nil ? .solo : .group, groupSessionId: groupSessionId,
                  startedAt: startedAt, finishedAt: finishedAt, manager: manager, leader: leader, profile: profile,
                  endingScene: endingScene, endingTitle: endingTitle, decisionCount: choices.count, choices: choices,
                  integrity: integrity, balanced: balanced)
    }

    /// Percents by axis name, with both manager and leader.
    private static func percents(_ object: [String: StatementFacts.Extension]) -> AxisValues<Int>? {
        guard let manager = object["manager"]?.int, let leader = object["leader"]?.int else { return nil }
        let extra = object.compactMapValues(\.int).filter { $0.key != "manager" && $0.key != "leader" }
        return AxisValues(manager: manager, leader: leader, extra: extra)
    }

    private static func axis(_ ext: [XAPIVocabulary.Extension: StatementFacts.Extension], raw: XAPIVocabulary.Extension,
                             min: XAPIVocabulary.Extension, max: XAPIVocabulary.Extension,
                             percent: XAPIVocabulary.Extension) -> AxisScore? {
        guard let rawValue = ext[raw]?.int, let minValue = ext[min]?.int, let maxValue = ext[max]?.int else { return nil }
        var score = AxisScore(raw: rawValue, min: minValue, max: maxValue)
        if let stated = ext[percent]?.int { score.percent = stated }
        return score
    }

    /// An xAPI timestamp: ISO 8601 in UTC, with `Z` or `+00:00`, with or without fractions.
    static func date(_ text: String) -> Date? {
        ISO8601.date(text) ?? (text.hasSuffix("+00:00") ? ISO8601.date(text.dropLast(6) + "Z") : nil)
    }
}
