import Foundation
import TwofoldCore

/// The debrief of one scenario: what ``CohortSummary`` shows and every format renders.
public struct ScenarioSummary: Codable, Sendable, Equatable {
    public var id: String
    public var title: String
    public var profileThreshold: Int
    public var attempts: Int
    public var learners: Int
    public var manager: Distribution
    public var leader: Distribution
    /// Every profile, in the order both, manager, leader, emerging.
    public var profiles: [ProfileCount]
    /// Endings reached, most reached first; the library's other endings follow with 0.
    public var endings: [EndingCount]
    /// Decisions, most divided first: the debrief's discussion starters.
    public var decisions: [DecisionSplit]
    /// Every attempt's position on the manager × leader chart, with how many share it.
    public var points: [Point]
    /// Every learner, by name, with each attempt.
    public var learnerAttempts: [LearnerAttempts]
    /// Where the scenario's balanced path lands (percent per axis), so a score reads
    /// against what doing both well reaches in this scenario; nil when no report said.
    public var balanced: AxisValues<Int>?
    /// Choices taken back over all attempts, the attempts that took any back, and restarts.
    public var takeBacks: Int
    public var attemptsWithTakeBacks: Int
    public var restarts: Int

    public struct ProfileCount: Codable, Sendable, Equatable {
        public var profile: ProfileKey
        public var label: String
        public var count: Int
    }

    public struct EndingCount: Codable, Sendable, Equatable {
        public var scene: String
        public var title: String
        public var count: Int
    }

    /// How the learners split at one decision.
    public struct DecisionSplit: Codable, Sendable, Equatable {
        public var scene: String
        /// The start of the scene's text (empty when the scenario is not in the library).
        public var lead: String
        /// Choices made here (a learner who came back to the scene counts each time).
        public var responses: Int
        /// Group votes left blank here.
        public var abstentions: Int
        /// Shannon entropy of the split, in bits: 0 when everyone agreed.
        public var entropy: Double
        /// Every choice offered, in file order, then any the library does not know.
        public var choices: [ChoiceCount]
    }

    public struct ChoiceCount: Codable, Sendable, Equatable {
        public var choice: String
        public var text: String
        public var count: Int
    }

    public struct Point: Codable, Sendable, Equatable {
        public var manager: Int
        public var leader: Int
        public var count: Int
    }

    /// One learner's attempts at the scenario, oldest first.
    public struct LearnerAttempts: Codable, Sendable, Equatable {
        public var learner: String
        /// Set when the learner's reports carry one (it tells apart people with one name).
        public var email: String?
        /// The cohort of the latest attempt.
        public var cohort: String?
        public var attempts: [Attempt]
        /// First → latest, when there are several attempts.
        public var change: Change?
    }

    public struct Attempt: Codable, Sendable, Equatable {
        public var attemptId: String
        public var finishedAt: Date
        public var managerPercent: Int
        public var leaderPercent: Int
        public var profile: ProfileKey
        public var ending: String
        public var session: LearnerReport.Session.Kind
    }

    /// From a learner's first attempt to their latest.
    public struct Change: Codable, Sendable, Equatable {
        public var manager: Int
        public var leader: Int
        public var fromProfile: ProfileKey
        public var toProfile: ProfileKey
    }
}

extension ScenarioTally {
    var summary: ScenarioSummary {
        let emptyDistribution = Distribution(mean: 0, median: 0, q1: 0, q3: 0, min: 0, max: 0)
        return ScenarioSummary(
            id: id, title: title, profileThreshold: threshold, attempts: attempts, learners: learners.count,
            manager: manager.distribution ?? emptyDistribution, leader: leader.distribution ?? emptyDistribution,
            profiles: ProfileKey.allCases.enumerated().map { .init(profile: $1, label: $1.label, count: profiles[$0]) },
            endings: endingCounts(), decisions: splits(),
            points: points.map { ScenarioSummary.Point(manager: $0.key / 101, leader: $0.key % 101, count: $0.value) }
                .sorted { ($0.manager, $0.leader) < ($1.manager, $1.leader) },
            learnerAttempts: learners.values.map { $0.summary() }.sorted { ($0.learner, $0.email ?? "") < ($1.learner, $1.email ?? "") },
            balanced: balanced, takeBacks: takeBacks, attemptsWithTakeBacks: attemptsWithTakeBacks, restarts: restarts)
    }

    private func endingCounts() -> [ScenarioSummary.EndingCount] {
        var counts = endings.map { ScenarioSummary.EndingCount(scene: $0.key, title: $0.value.title, count: $0.value.count) }
        for ending in outline?.endings ?? [] where endings[ending.scene] == nil {
            counts.append(.init(scene: ending.scene, title: ending.title, count: 0))
        }
        let order = Dictionary((outline?.endings ?? []).enumerated().map { ($1.scene, $0) }, uniquingKeysWith: { a, _ in a })
        return counts.map { ending in
            var ending = ending
            if let known = outline?.endings.first(where: { $0.scene == ending.scene }) { ending.title = known.title }
            return ending
        }.sorted { a, b in
            if a.count != b.count { return a.count > b.count }
            let (x, y) = (order[a.scene] ?? Int.max, order[b.scene] ?? Int.max)
            return x != y ? x < y : a.scene < b.scene
        }
    }

    private func splits() -> [ScenarioSummary.DecisionSplit] {
        let known = outline?.decisions ?? []
        var order: [String: Int] = [:]
        for (index, decision) in known.enumerated() where order[decision.scene] == nil { order[decision.scene] = index }
        var scenes = known.map(\.scene).filter { picks[$0] != nil }
        scenes += picks.keys.filter { order[$0] == nil }.sorted()
        let splits = scenes.map { scene -> ScenarioSummary.DecisionSplit in
            let counts = picks[scene] ?? [:]
            let outlineDecision = order[scene].map { known[$0] }
            var choices = (outlineDecision?.choices ?? []).map {
                ScenarioSummary.ChoiceCount(choice: $0.id, text: $0.text, count: counts[$0.id] ?? 0)
            }
            let listed = Set(choices.map(\.choice))
            choices += counts.keys.compactMap { $0 }.filter { !listed.contains($0) }.sorted()
                .map { ScenarioSummary.ChoiceCount(choice: $0, text: "", count: counts[$0] ?? 0) }
            let abstentions = counts[nil] ?? 0
            return ScenarioSummary.DecisionSplit(
                scene: scene, lead: outlineDecision?.lead ?? "",
                responses: counts.values.reduce(0, +) - abstentions, abstentions: abstentions,
                entropy: VoteSplit.entropy(choices.map(\.count)), choices: choices)
        }
        let position = Dictionary(scenes.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        return splits.sorted { a, b in
            if a.entropy != b.entropy { return a.entropy > b.entropy }
            if a.responses != b.responses { return a.responses > b.responses }
            return position[a.scene]! < position[b.scene]!
        }
    }
}

extension LearnerTrack {
    func summary() -> ScenarioSummary.LearnerAttempts {
        let attempts = self.attempts.map {
            ScenarioSummary.Attempt(attemptId: $0.attemptId, finishedAt: $0.finishedAt, managerPercent: $0.manager,
                                    leaderPercent: $0.leader, profile: $0.profile, ending: $0.endingScene, session: $0.session)
        }
        var change: ScenarioSummary.Change?
        if let first = attempts.first, let latest = attempts.last, attempts.count > 1 {
            change = .init(manager: latest.managerPercent - first.managerPercent, leader: latest.leaderPercent - first.leaderPercent,
                           fromProfile: first.profile, toProfile: latest.profile)
        }
        return .init(learner: name, email: email, cohort: cohort, attempts: attempts, change: change)
    }
}
