/// The path a balanced manager-leader would have taken: the complete, playable path from
/// `start` to an ending that does best on both axes at once.
///
/// "Best on both" is, in order: the larger of min(manager percent, leader percent); then
/// the larger sum of the two percents; then the larger sum of the two raw totals (so a
/// path that is at least as good on both axes and better on one always wins); then the
/// path that comes first in file order (compared choice by choice). Percents are the
/// scoring contract's, against the bounds of ``ScenarioAnalysis``.
///
/// Computed by a dynamic programme over the play space (``PlaySpace``: every reachable
/// scene, flags and counters combination), so conditions apply and the path is really
/// playable. Each group of states keeps the Pareto front of the (manager, leader) totals
/// still reachable from it; loops are condensed (``StronglyConnected``; they can only
/// hold zero-score choices) and the path never revisits a play state.
public struct BalancedPath: Sendable, Hashable {
    /// One decision on the path.
    public struct Step: Sendable, Hashable {
        public var scene: String
        public var choice: String
        public var sceneIndex: Int
        /// The choice's position in the scene's `choices` (file order).
        public var choiceIndex: Int
    }

    public var steps: [Step]
    /// The ending scene the path reaches.
    public var ending: String
    /// The path's scores on every axis, against the scenario's bounds.
    public var scores: AxisValues<AxisScore>

    public var manager: AxisScore { scores.manager }
    public var leader: AxisScore { scores.leader }

    /// Finds the balanced path of a playable scenario. Nil when no ending can be reached,
    /// when a loop scores (a `scoring-cycle` error), or when flags and counters make more
    /// play states than the play space's limit (`stateLimit` lowers it, for tests).
    public static func find(in scenario: Scenario, analysis: ScenarioAnalysis, stateLimit: Int? = nil) -> BalancedPath? {
        guard let start = scenario.startIndex, let bounds = analysis.bounds, analysis.scoringCycles.isEmpty else { return nil }
        let explored = PlaySpace(scenario, start: start, limit: stateLimit ?? PlaySpace.stateLimit)
        guard explored.isComplete else { return nil }
        let space = FrontSpace(scenario, explored)
        let managerAxis = scenario.axes.firstIndex(of: .manager)!
        let leaderAxis = scenario.axes.firstIndex(of: .leader)!
        let rank = { (total: Total) -> (Int, Int, Int) in
            let manager = AxisScore.percent(raw: total.manager, min: bounds[managerAxis].min, max: bounds[managerAxis].max)
            let leader = AxisScore.percent(raw: total.leader, min: bounds[leaderAxis].min, max: bounds[leaderAxis].max)
            return (Swift.min(manager, leader), manager + leader, total.manager + total.leader)
        }
        guard let fronts = space.fronts() else { return nil }
        let front = fronts[Int(space.component[0])]
        guard let bestRank = front.map(rank).max(by: <) else { return nil }
        var best: [FrontSpace.Edge]?
        var budget = 10 * (stateLimit ?? PlaySpace.stateLimit)
        // The profile a router sees: the totals so far against the scenario's bounds.
        let profile = { (soFar: Total) -> ProfileKey in
            Profile(managerPercent: AxisScore.percent(raw: soFar.manager, min: bounds[managerAxis].min, max: bounds[managerAxis].max),
                    leaderPercent: AxisScore.percent(raw: soFar.leader, min: bounds[leaderAxis].min, max: bounds[leaderAxis].max),
                    threshold: scenario.threshold).key
        }
        for total in front where rank(total) == bestRank {
            guard let path = space.firstPath(to: total, fronts: fronts, route: profile, budget: &budget) else { return nil }
            if best == nil || path.lexicographicallyPrecedes(best!, by: { $0.choice < $1.choice }) { best = path }
        }
        var steps: [Step] = []
        var state = 0
        for edge in best! {
            let sceneIndex = explored.states[state].scene
            let scene = scenario.scenes[sceneIndex]
            if edge.choice >= 0 {
                steps.append(Step(scene: scene.id, choice: scene.choices[Int(edge.choice)].id,
                                  sceneIndex: sceneIndex, choiceIndex: Int(edge.choice)))
            }
            state = Int(edge.target)
        }
        let totals = steps.reduce(Scores()) { $0 + scenario.scenes[$1.sceneIndex].choices[$1.choiceIndex].scores }
        let scores = ScoreCard(totals: totals, bounds: bounds, scenario: scenario).axes
        return BalancedPath(steps: steps, ending: scenario.scenes[explored.states[state].scene].id, scores: scores)
    }

    /// A (manager, leader) total.
    struct Total: Hashable {
        var manager: Int
        var leader: Int
    }
}

/// Every play state reachable from the start, its offered choices as edges, and the
