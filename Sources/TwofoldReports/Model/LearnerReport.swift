import Foundation
import TwofoldCore

/// What one learner did in one attempt at a scenario, and how it scored: the versioned,
/// self-contained record every report format is rendered from.
///
/// It carries every text the renderers need (scene, choice and feedback text), so a saved
/// report renders again without the scenario file. Field names of the product contract's
/// example are kept exactly; everything else is an addition, read leniently (see
/// `LearnerReport+Decoding.swift`).
public struct LearnerReport: Codable, Sendable, Equatable {
    /// The report version this build writes; newer reports are refused on read.
    public static let currentVersion = 1

    /// The largest file read as a report (32 MiB); learner reports are a few kilobytes.
    public static let maxFileSize = 32 * 1024 * 1024

    public var reportVersion: Int
    /// The session id of the attempt (a UUID string).
    public var attemptId: String
    public var learner: Learner
    public var cohort: String?
    public var scenario: ScenarioInfo
    /// Whole seconds, UTC.
    public var startedAt: Date
    public var finishedAt: Date
    /// The decisions that stand, in order.
    public var decisions: [DecisionEntry]
    /// By axis name: at least `manager` and `leader`.
    public var scores: [String: AxisScore]
    public var profile: ProfileInfo
    public var ending: EndingInfo
    public var reflection: [String]
    /// What a balanced manager-leader would have done; nil when it could not be computed.
    public var balancedPath: BalancedPathInfo?
    public var session: Session

    public init(reportVersion: Int = LearnerReport.currentVersion, attemptId: String, learner: Learner,
                cohort: String?, scenario: ScenarioInfo, startedAt: Date, finishedAt: Date,
                decisions: [DecisionEntry], scores: [String: AxisScore], profile: ProfileInfo,
                ending: EndingInfo, reflection: [String], balancedPath: BalancedPathInfo?, session: Session) {
        self.reportVersion = reportVersion
        self.attemptId = attemptId
        self.learner = learner
        self.cohort = cohort
        self.scenario = scenario
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.decisions = decisions
        self.scores = scores
        self.profile = profile
        self.ending = ending
        self.reflection = reflection
        self.balancedPath = balancedPath
        self.session = session
    }

    /// The manager axis score (a report always has one).
    public var manager: AxisScore { scores["manager"] ?? AxisScore(raw: 0, min: 0, max: 0) }
    /// The leader axis score (a report always has one).
    public var leader: AxisScore { scores["leader"] ?? AxisScore(raw: 0, min: 0, max: 0) }

    /// Axis names in display order: manager, leader, then any extra axes alphabetically.
    public var axisNames: [String] {
        ["manager", "leader"] + scores.keys.filter { $0 != "manager" && $0 != "leader" }.sorted()
    }

    /// Who played.
    public struct Learner: Codable, Sendable, Equatable {
        public var name: String
        public var email: String?

        public init(name: String, email: String? = nil) {
            self.name = name
            self.email = email
        }
    }

    /// The scenario played, as far as a report needs it.
    public struct ScenarioInfo: Codable, Sendable, Equatable {
        public var id: String
        public var title: String
        public var domain: String
        /// The percent both axes must reach for the `both` profile (the quadrant lines).
        public var profileThreshold: Int

        public init(id: String, title: String, domain: String, profileThreshold: Int = Scenario.defaultProfileThreshold) {
            self.id = id
            self.title = title
            self.domain = domain
            self.profileThreshold = profileThreshold
        }
    }

    /// Solo play or one participant of a facilitated group session.
    public struct Session: Codable, Sendable, Equatable {
        public enum Kind: String, Codable, Sendable {
            case solo
            case group
        }

        public var kind: Kind
        public var groupSessionId: String?

        public init(kind: Kind, groupSessionId: String? = nil) {
            self.kind = kind
            self.groupSessionId = groupSessionId
        }

        public static let solo = Session(kind: .solo)

        public static func group(_ id: String) -> Session { Session(kind: .group, groupSessionId: id) }
    }

    /// The learner's profile, with what it means.
    public struct ProfileInfo: Codable, Sendable, Equatable {
        public var key: ProfileKey
        public var label: String
        public var meaning: String

        public init(_ profile: Profile) {
            key = profile.key
            label = profile.label
            meaning = profile.meaning
        }
    }

    /// The ending reached.
    public struct EndingInfo: Codable, Sendable, Equatable {
        public var scene: String
        public var title: String
        /// Which strategy the ending rewards, when the author says so.
        public var kind: ProfileKey?
        /// The ending scene's text.
        public var text: String

        public init(scene: String, title: String, kind: ProfileKey? = nil, text: String = "") {
            self.scene = scene
            self.title = title
            self.kind = kind
            self.text = text
        }
    }
}
