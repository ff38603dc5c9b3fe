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
    public var scores: AxisValues<AxisScore>
    public var profile: ProfileInfo
    public var ending: EndingInfo
    public var reflection: [String]
    /// What a balanced manager-leader would have done; nil when it could not be computed.
    public var balancedPath: BalancedPathInfo?
    public var session: Session
    /// How the attempt was taken: its mode, and how often choices were taken back or the
    /// scenario restarted.
    public var integrity: Integrity

    public init(reportVersion: Int = LearnerReport.currentVersion, attemptId: String, learner: Learner,
                cohort: String?, scenario: ScenarioInfo, startedAt: Date, finishedAt: Date,
                decisions: [DecisionEntry], scores: AxisValues<AxisScore>, profile: ProfileInfo,
                ending: EndingInfo, reflection: [String], balancedPath: BalancedPathInfo?, session: Session,
                integrity: Integrity = Integrity()) {
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
        self.integrity = integrity
    }

    public var manager: AxisScore { scores.manager }
    public var leader: AxisScore { scores.leader }

    /// Axis names in display order: manager, leader, then any extra axes alphabetically.
    public var axisNames: [String] { scores.axisNames }

    /// How an attempt was taken. Practice allows `back` and `restart`; an assessed attempt
    /// allows neither; a group attempt is one participant's votes in a facilitated session.
    public struct Integrity: Codable, Sendable, Equatable {
        public var mode: AttemptMode
        /// Choices taken back (`back`) over the whole attempt, and `restart`s.
        public var takeBacks: Int
        public var restarts: Int

        public init(mode: AttemptMode = .practice, takeBacks: Int = 0, restarts: Int = 0) {
            self.mode = mode
            self.takeBacks = takeBacks
            self.restarts = restarts
        }

        /// What a report without an integrity record (absent or null) stands for: nothing
        /// taken back, in practice, or in the group for a group session's report.
        public static func unrecorded(in session: Session.Kind) -> Integrity {
            Integrity(mode: session == .group ? .group : .practice)
        }

        /// One line for people: `practice · 2 choices taken back · 1 restart`.
        public var summary: String {
            var parts = [mode.rawValue]
            if takeBacks > 0 { parts.append("\(takeBacks) choice\(takeBacks == 1 ? "" : "s") taken back") }
            if restarts > 0 { parts.append("\(restarts) restart\(restarts == 1 ? "" : "s")") }
            if takeBacks == 0 && restarts == 0 && mode != .group { parts.append("nothing taken back") }
            return parts.joined(separator: " · ")
        }
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
