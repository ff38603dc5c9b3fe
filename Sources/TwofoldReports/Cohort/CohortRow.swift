import Foundation
import TwofoldCore

/// One learner attempt as a cohort debrief needs it: who, which scenario, both axis
/// scores, the profile and ending, and the learner's own choice at each decision.
///
/// Rows are small and flat, so thousands can stream through ``CohortSummary`` and the
/// renderers without any report being kept. Read one straight from report bytes with
/// ``read(_:includeChoices:)``, or take it from a decoded ``LearnerReport``.
public struct CohortRow: Sendable, Equatable {
    /// The attempt's id (a UUID string; empty in a minimal report that lacks one).
    public var attemptId: String
    public var learner: String
    public var email: String?
    public var cohort: String?
    public var scenarioId: String
    public var scenarioTitle: String
    /// The percent both axes must reach for the `both` profile.
    public var profileThreshold: Int
    public var session: LearnerReport.Session.Kind
    public var groupSessionId: String?
    public var startedAt: Date
    public var finishedAt: Date
    public var manager: AxisScore
    public var leader: AxisScore
    public var profile: ProfileKey
    public var endingScene: String
    public var endingTitle: String
    /// How many decisions stand in the attempt.
    public var decisionCount: Int
    /// How the attempt was taken (mode, take-backs, restarts).
    public var integrity: LearnerReport.Integrity
    /// Where the scenario's balanced path lands on each axis, when the report says.
    public var balanced: AxisValues<Int>?
    /// The learner's own choice at each decision, in order (their vote in a group session,
    /// nil for an abstention). Empty when the row was read without choices.
    public var choices: [Pick]

    /// The choice that counted for the learner at one decision.
    public struct Pick: Sendable, Equatable {
        public var scene: String
        /// Nil when the learner abstained from a group vote.
        public var choice: String?
        /// The learner's deltas at this decision (none for an abstention); nil when the
        /// row was read without them.
        public var scores: Scores?
        /// Choices taken back here before this one stood.
        public var takenBack: Int

        public init(scene: String, choice: String?, scores: Scores? = nil, takenBack: Int = 0) {
            self.scene = scene
            self.choice = choice
            self.scores = scores
            self.takenBack = takenBack
        }
    }

    public init(attemptId: String, learner: String, email: String? = nil, cohort: String?, scenarioId: String,
                scenarioTitle: String, profileThreshold: Int = Scenario.defaultProfileThreshold,
                session: LearnerReport.Session.Kind = .solo, groupSessionId: String? = nil, startedAt: Date,
                finishedAt: Date, manager: AxisScore, leader: AxisScore, profile: ProfileKey, endingScene: String,
                endingTitle: String, decisionCount: Int, choices: [Pick],
                integrity: LearnerReport.Integrity = LearnerReport.Integrity(), balanced: AxisValues<Int>? = nil) {
        self.attemptId = attemptId
        self.learner = learner
        self.email = email
        self.cohort = cohort
        self.scenarioId = scenarioId
        self.scenarioTitle = scenarioTitle
        self.profileThreshold = profileThreshold
        self.session = session
        self.groupSessionId = groupSessionId
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.manager = manager
        self.leader = leader
        self.profile = profile
        self.endingScene = endingScene
        self.endingTitle = endingTitle
        self.decisionCount = decisionCount
        self.choices = choices
        self.integrity = integrity
        self.balanced = balanced
    }

    /// The row of a decoded report.
    public init(_ report: LearnerReport) {
        self.init(attemptId: report.attemptId, learner: report.learner.name, email: report.learner.email,
                  cohort: report.cohort, scenarioId: report.scenario.id, scenarioTitle: report.scenario.title,
                  profileThreshold: report.scenario.profileThreshold, session: report.session.kind,
                  groupSessionId: report.session.groupSessionId, startedAt: report.startedAt,
                  finishedAt: report.finishedAt, manager: report.manager, leader: report.leader,
                  profile: report.profile.key, endingScene: report.ending.scene, endingTitle: report.ending.title,
                  decisionCount: report.decisions.count,
                  choices: report.decisions.map {
                      Pick(scene: $0.scene, choice: $0.learnerChoice, scores: $0.learnerScores, takenBack: $0.takenBack.count)
                  },
                  integrity: report.integrity, balanced: report.balancedPath.map { $0.scores.map(\.percent) })
    }

    /// Who the learner is: their name, and their e-mail when the report has one. Two
    /// reports with the same name and no e-mail are the same learner; the same name with
    /// different e-mails are two people.
    public var learnerKey: String {
        guard let email, !email.isEmpty else { return learner }
        return learner + "\u{0}" + email.lowercased()
    }

    /// What makes two rows the same attempt: the attempt id and the learner (a group
    /// session's participants are different learners), or, for a report without an id,
    /// the learner, scenario and both times.
    public var attemptKey: String {
        if !attemptId.isEmpty { return attemptId + "\u{0}" + learner }
        return "\u{0}" + learner + "\u{0}" + scenarioId + "\u{0}" + ISO8601.string(startedAt) + "\u{0}" + ISO8601.string(finishedAt)
    }
}

/// Which attempts a debrief takes: `--cohort`, `--scenario` and `--since`.
public struct CohortFilter: Sendable, Equatable {
    /// Only this cohort (compared without regard to case); nil for every cohort.
    public var cohort: String?
    /// Only this scenario id; nil for every scenario.
    public var scenario: String?
    /// Only attempts finished at or after this moment.
    public var since: Date?

    private var foldedCohort: String?

    public init(cohort: String? = nil, scenario: String? = nil, since: Date? = nil) {
        self.cohort = cohort
        self.scenario = scenario
        self.since = since
        foldedCohort = cohort.map { $0.lowercased() }
    }

    /// Whether the filter takes `row`.
    public func accepts(_ row: CohortRow) -> Bool {
        if let scenario, row.scenarioId != scenario { return false }
        if let since, row.finishedAt < since { return false }
        if let foldedCohort, (row.cohort ?? "").lowercased() != foldedCohort { return false }
        return true
    }

    /// Nothing is filtered out.
    public var isEmpty: Bool { cohort == nil && scenario == nil && since == nil }
}
