import Foundation
import TwofoldCore

extension LearnerReport {
    /// One decision that stands: what was offered, what was chosen, and what it taught.
    public struct DecisionEntry: Codable, Sendable, Equatable {
        public var scene: String
        public var choice: String
        /// The chosen choice's deltas, by axis name.
        public var scores: [String: Int]
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

        public init(scene: String, choice: String, scores: [String: Int], choiceText: String, sceneText: String,
                    feedback: String, seconds: Double, answeredAt: Date?, alternatives: [Alternative], vote: Vote? = nil) {
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
        }

        /// The choice that counts for this learner: their vote in a group session (nil for
        /// an abstention), otherwise the choice taken.
        public var learnerChoice: String? { vote.map(\.choice) ?? choice }

        /// The text of ``learnerChoice``.
        public var learnerChoiceText: String? {
            guard let id = learnerChoice else { return nil }
            if id == choice { return choiceText }
            return alternatives.first { $0.choice == id }?.text
        }

        /// The deltas that count for this learner: those of ``learnerChoice``, empty for an abstention.
        public var learnerScores: [String: Int] {
            guard let id = learnerChoice else { return [:] }
            if id == choice { return scores }
            return alternatives.first { $0.choice == id }?.scores ?? [:]
        }
    }

    /// A choice offered at a decision but not taken.
    public struct Alternative: Codable, Sendable, Equatable {
        public var choice: String
        public var text: String
        public var scores: [String: Int]

        public init(choice: String, text: String, scores: [String: Int]) {
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
        /// By axis name.
        public var scores: [String: Score]
        /// The ending the path reaches.
        public var ending: BalancedEnding?

        public init(decisions: [Step], scores: [String: Score], ending: BalancedEnding?) {
            self.decisions = decisions
            self.scores = scores
            self.ending = ending
        }

        public struct Step: Codable, Sendable, Equatable {
            public var scene: String
            public var choice: String
            public var choiceText: String
            public var scores: [String: Int]

            public init(scene: String, choice: String, choiceText: String, scores: [String: Int]) {
                self.scene = scene
                self.choice = choice
                self.choiceText = choiceText
                self.scores = scores
            }
        }

        public struct Score: Codable, Sendable, Equatable {
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
