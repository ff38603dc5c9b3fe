import Foundation

extension Facilitation {
    /// One decision the group took, with what was on offer and how the room voted.
    public struct PastDecision: Sendable {
        public var decision: GroupDecision
        public var scene: Scene
        /// The choices offered at the time, in the order numbered.
        public var offered: [Choice]
        public var split: VoteSplit
    }

    /// The decisions that stand, replayed so each carries the choices offered then
    /// (flags and counters applied) and the split of its votes.
    public func history() -> [PastDecision] {
        let steps = (try? engine.replayedSteps()) ?? []
        return zip(steps, decisions).map { step, decision in
            PastDecision(decision: decision, scene: step.scene, offered: step.offered,
                         split: VoteSplit(offered: step.offered, votes: decision.votes, roster: roster))
        }
    }

    /// One participant's votes along the group's path (choice ids; nil for an abstention).
    public func votes(of participant: Int) -> [String?] {
        decisions.map { $0.votes[participant].choice }
    }

    /// The group's decisions as they count for one participant: the group's path, each
    /// with the deltas of the participant's own vote (no deltas for an abstention).
    public func decisions(of participant: Int) -> [Decision] {
        zip(engine.state.decisions, decisions).map { taken, group in
            var counted = taken
            let scene = scenario.scene(id: group.scene)
            counted.scores = scene.flatMap { Facilitation.scores(of: group.votes[participant].choice, at: $0, axes: scenario.axes) } ?? Scores()
            return counted
        }
    }

    /// What a vote earns at a decision: the voted choice's deltas, nothing for an
    /// abstention; nil when the scene has no such choice. The one place a vote becomes
    /// scores (group reports, learner reports and running totals all use it).
    public static func scores(of vote: String?, at scene: Scene, axes: [Axis]) -> Scores? {
        guard let vote else { return Scores().on(axes) }
        return scene.choices.first { $0.id == vote }?.scores.on(axes)
    }

    /// One participant's scores so far, from ``ScoreCard`` (the one scoring implementation).
    public func scoreCard(of participant: Int, analysis: ScenarioAnalysis) -> ScoreCard {
        ScoreCard(decisions: decisions(of: participant), scenario: scenario, analysis: analysis)
    }

    /// How many times a participant abstained (or did not vote) along the path.
    public func abstentions(of participant: Int) -> Int {
        decisions.filter { $0.votes[participant].choice == nil }.count
    }
}
