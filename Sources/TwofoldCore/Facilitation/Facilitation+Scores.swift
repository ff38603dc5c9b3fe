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
        var replay = Engine(scenario: scenario, fingerprint: engine.state.fingerprint, at: engine.state.startedAt)
        var past: [PastDecision] = []
        for decision in decisions {
            let offered = replay.offeredChoices()
            guard let number = offered.firstIndex(where: { $0.id == decision.choice }) else { break }
            past.append(PastDecision(decision: decision, scene: replay.currentScene, offered: offered,
                                     split: VoteSplit(offered: offered, votes: decision.votes, roster: roster)))
            guard (try? replay.choose(number + 1, at: decision.at)) != nil else { break }
        }
        return past
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
            counted.scores = [:]
            if let id = group.votes[participant].choice,
               let voted = scenario.scene(id: group.scene)?.choices.first(where: { $0.id == id }) {
                for axis in scenario.axes { counted.scores[axis.name] = voted.scores[axis] }
            }
            return counted
        }
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
