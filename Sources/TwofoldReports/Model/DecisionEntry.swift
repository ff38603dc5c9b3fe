import Foundation
import TwofoldCore

extension LearnerReport {
    /// One decision that stands: what was offered, what was chosen, and what it taught.
    public struct DecisionEntry: Codable, Sendable, Equatable {
        public var scene: String
        public var choice: String
        /// The chosen choice's deltas.
        public var scores: Scores
        public var choiceText: String
        public var sceneText: String
        public var feedback: String
        /// Time spent on the decision, to a tenth of a second.
        public var seconds: Double
        /// When the choice was made (whole seconds, UTC); nil in reports that lack it.
        public var answeredAt: Date?
        /// The other choices offered at this decision, in file order.
        public var alternatives: [Alternative]
        /// In a group session: this participant's vote (the group's path is `choice`).
        public var vote: Vote?
        /// Choices taken back at this scene before this one stood, in order.
        public var takenBack: [String]
        /// The session's turn when the choice was made (unique in the attempt); nil in
        /// reports that lack it.
        public var turn: Int?

        public init(scene: String, choice: String, scores: Scores, choiceText: String, sceneText: String,
                    feedback: String, seconds: Double, answeredAt: Date?, alternatives: [Alternative], vote: Vote? = nil,
                    takenBack: [String] = [], turn: Int? = nil) {
            self.scene = scene
            self.choice = choice
            self.scores = scores
            self.choiceText = choiceText
            self.sceneText = sceneText
            self.feedback = feedback
            self.seconds = seconds
            self.answeredAt = answeredAt
            self.alternatives = alternatives
            self.vote = vote
            self.takenBack = takenBack
            self.turn = turn
        }

        /// The choice that counts for this learner: their vote in a group session (nil for
        /// an abstention), otherwise the choice taken. The one place this is decided (the
        /// streaming cohort reader uses ``learnerChoice(choice:vote:)`` too).
        public var learnerChoice: String? { Self.learnerChoice(choice: choice, vote: vote.map(\.choice)) }

        /// The learner's choice from a decision's `choice` (the path) and `vote` (`.some(nil)`
        /// for an abstention, nil outside a group session).
        public static func learnerChoice(choice: String, vote: String??) -> String? {
            switch vote {
            case .some(let voted): return voted
            case .none: return choice
            }
        }

        /// The text of ``learnerChoice``.
        public var learnerChoiceText: String? {
            guard let id = learnerChoice else { return nil }
            if id == choice { return choiceText }
            return alternatives.first { $0.choice == id }?.text
        }

        /// The deltas that count for this learner: those of ``learnerChoice``, none for an abstention.
        public var learnerScores: Scores {
            guard let id = learnerChoice else { return Scores() }
            if id == choice { return scores }
            return alternatives.first { $0.choice == id }?.scores ?? Scores()
        }
    }

    /// A choice offered at a decision but not taken.
    public struct Alternative: Codable, Sendable, Equatable {
        public var choice: String
        public var text: String
        public var scores: Scores

        public init(choice: String, text: String, scores: Scores) {
            self.choice = choice
            self.text = text
            self.scores = scores
        }
    }

    /// A participant's vote at a group decision; `choice` is nil for an abstention.
    /// The same value the facilitation state saves, so the two can never drift apart.
    public typealias Vote = ParticipantVote

    /// The path a balanced manager-leader would have taken, for comparison.
    public struct BalancedPathInfo: Codable, Sendable, Equatable {
        public var decisions: [Step]
        public var scores: AxisValues<Score>
        /// The ending the path reaches.
        public var ending: BalancedEnding?

        public init(decisions: [Step], scores: AxisValues<Score>, ending: BalancedEnding?) {
            self.decisions = decisions
            self.scores = scores
            self.ending = ending
        }

        public struct Step: Codable, Sendable, Equatable {
            public var scene: String
            public var choice: String
            public var choiceText: String
            public var scores: Scores

            public init(scene: String, choice: String, choiceText: String, scores: Scores) {
                self.scene = scene
                self.choice = choice
                self.choiceText = choiceText
                self.scores = scores
            }
        }

        public struct Score: AxisCodable, Sendable, Equatable {
            public static var missingAxisValue: Score? { nil }
            public var raw: Int
            public var percent: Int

            public init(raw: Int, percent: Int) {
                self.raw = raw
                self.percent = percent
            }
        }

        public struct BalancedEnding: Codable, Sendable, Equatable {
            public var scene: String
            public var title: String

            public init(scene: String, title: String) {
                self.scene = scene
                self.title = title
            }
        }
    }
}
