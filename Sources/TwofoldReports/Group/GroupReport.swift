import Foundation
import TwofoldCore

/// What happened in one facilitated group session: the group's path, how the room voted
/// at each decision, each participant's scores on their own votes, and the decisions
/// that divided the room most — the versioned record the group renderers work from.
///
/// Each participant also gets a standard ``LearnerReport`` (see ``GroupReportBuilder``);
/// this report names them by `attemptId`, so the two can be matched.
public struct GroupReport: Codable, Sendable, Equatable {
    /// The group report version this build writes; newer reports are refused on read.
    public static let currentVersion = 1

    public var groupReportVersion: Int
    /// The group session's id (a UUID string); each learner report carries it too.
    public var groupSessionId: String
    public var cohort: String?
    public var scenario: LearnerReport.ScenarioInfo
    /// Whole seconds, UTC.
    public var startedAt: Date
    public var finishedAt: Date
    /// In roster order.
    public var participants: [Participant]
    /// The group's path: every decision that stands, in order, with its vote split.
    public var decisions: [DecisionSplit]
    /// The decisions the room was most divided on (highest vote entropy first), as
    /// debrief starters; unanimous decisions are never listed.
    public var mostDivided: [Divided]
    /// The group's own path, scored like a learner's.
    public var path: PathScore
    public var ending: LearnerReport.EndingInfo
    public var reflection: [String]

    /// One participant's result.
    public struct Participant: Codable, Sendable, Equatable {
        public var name: String
        /// The `attemptId` of the participant's learner report.
        public var attemptId: String
        /// Scored on the participant's own votes.
        public var scores: AxisValues<AxisScore>
        public var profile: LearnerReport.ProfileInfo
        /// Decisions where the participant abstained (they score nothing there).
        public var abstentions: Int
        /// Decisions where the group went the way the participant voted.
        public var withGroup: Int

        public var manager: AxisScore { scores.manager }
        public var leader: AxisScore { scores.leader }
    }

    /// One decision of the group's path and how the room voted on it.
    public struct DecisionSplit: Codable, Sendable, Equatable {
        public var scene: String
        public var sceneText: String
        /// The choice the group took.
        public var choice: String
        public var choiceText: String
        /// The group's choice's feedback.
        public var feedback: String
        /// `majority`, or `facilitator` when a tie was broken or the vote overridden.
        public var basis: GroupDecision.Basis
        /// Every choice offered, in the order numbered, with its votes.
        public var options: [Option]
        /// Who abstained (or did not vote), in roster order.
        public var abstained: [String]
        /// The vote entropy in bits (0 when the room agreed), to three decimals.
        public var entropy: Double
    }

    /// One offered choice and who voted for it.
    public struct Option: Codable, Sendable, Equatable {
        /// 1-based, as shown at the prompt.
        public var number: Int
        public var choice: String
        public var text: String
        /// The choice's deltas.
        public var scores: Scores
        public var votes: Int
        public var voters: [String]
    }

    /// A decision the room was divided on.
    public struct Divided: Codable, Sendable, Equatable {
        /// 1-based position in ``decisions``.
        public var decision: Int
        public var scene: String
        public var entropy: Double
    }

    /// The group's path, scored.
    public struct PathScore: Codable, Sendable, Equatable {
        public var scores: AxisValues<AxisScore>
        public var profile: LearnerReport.ProfileInfo
    }

    /// Axis names in display order: manager, leader, then any extra axes alphabetically.
    public var axisNames: [String] { path.scores.axisNames }
}
