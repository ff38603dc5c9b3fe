/// The path a balanced manager-leader would have taken: the complete, playable path from
/// `start` to an ending that does best on both axes at once.
///
/// "Best on both" is, in order: the larger of min(manager percent, leader percent); then
/// the larger sum of the two percents; then the larger sum of the two raw totals (so a
/// path that is at least as good on both axes and better on one always wins); then the
/// path that comes first in file order (compared choice by choice). Percents are the
/// scoring contract's, against the bounds of ``ScenarioAnalysis``.
///
/// Computed by a dynamic programme over play states — (scene, flags, counters) — so
/// conditions apply and the path is really playable. Each state keeps the Pareto front of
/// the (manager, leader) totals still reachable from it; loops are condensed (they can
/// only hold zero-score choices) and the path never revisits a play state.
public struct BalancedPath: Sendable, Hashable {
    /// One decision on the path.
    public struct Step: Sendable, Hashable {
        public var scene: String
        public var choice: String
        public var sceneIndex: Int
        /// The choice's position in the scene's `choices` (file order).
        public var choiceIndex: Int
    }

    /// The largest number of play states explored before giving up.
    public static let defaultStateLimit = 100_000

    public var steps: [Step]
    /// The ending scene the path reaches.
    public var ending: String
    /// The path's scores on every axis, against the scenario's bounds.
    public var scores: AxisValues<AxisScore>

    public var manager: AxisScore { scores.manager }
    public var leader: AxisScore { scores.leader }

    /// Finds the balanced path of a playable scenario. Nil when no ending can be reached,
    /// when a loop scores (a `scoring-cycle` error), or when flags and counters make more
    /// than `stateLimit` play states.
    public static func find(in scenario: Scenario, analysis: ScenarioAnalysis,
                            stateLimit: Int = defaultStateLimit) -> BalancedPath? {
        guard let start = scenario.startIndex, let bounds = analysis.bounds, analysis.scoringCycles.isEmpty,
              let space = PlaySpace(scenario, start: start, limit: stateLimit) else { return nil }
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
        var best: [PlaySpace.Edge]?
        var budget = 10 * stateLimit
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
            let sceneIndex = space.states[state].scene
            let scene = scenario.scenes[sceneIndex]
            if edge.choice >= 0 {
                steps.append(Step(scene: scene.id, choice: scene.choices[Int(edge.choice)].id,
                                  sceneIndex: sceneIndex, choiceIndex: Int(edge.choice)))
            }
            state = Int(edge.target)
        }
        let totals = steps.reduce(Scores()) { $0 + scenario.scenes[$1.sceneIndex].choices[$1.choiceIndex].scores }
        let scores = ScoreCard(totals: totals, bounds: bounds, scenario: scenario).axes
        return BalancedPath(steps: steps, ending: scenario.scenes[space.states[state].scene].id, scores: scores)
    }

    /// A (manager, leader) total.
    struct Total: Hashable {
        var manager: Int
        var leader: Int
    }
}

/// Every play state reachable from the start, its offered choices as edges, and the
/// strongly connected groups of states (loops) found by Tarjan's algorithm.
private struct PlaySpace {
    struct State: Hashable {
        var scene: Int
        var variables: Variables
    }

    struct Edge {
        var choice: Int32
        var target: Int32
        var manager: Int32
        var leader: Int32
    }

    let scenario: Scenario
    var states: [State] = []

    /// The `choice` of a router's edge: negative, from its outcome's position.
    static func routerChoice(_ position: Int) -> Int32 { Int32(-1 - position) }
    var edges: [[Edge]] = []
    /// Component of each state; components are numbered sinks first (Tarjan's order).
    var component: [Int32] = []
    var members: [[Int32]] = []

    init?(_ scenario: Scenario, start: Int, limit: Int) {
        self.scenario = scenario
        var index: [State: Int32] = [:]
        let first = State(scene: start, variables: Variables(initialFor: scenario))
        states.append(first)
        index[first] = 0
        var head = 0
        while head < states.count {
            let state = states[head]
            head += 1
            var out: [Edge] = []
            func add(_ next: State, choice: Int32, manager: Int, leader: Int) -> Bool {
                let target: Int32
                if let known = index[next] {
                    target = known
                } else {
                    guard states.count < limit else { return false }
                    target = Int32(states.count)
                    index[next] = target
                    states.append(next)
                }
                out.append(Edge(choice: choice, target: target, manager: Int32(manager), leader: Int32(leader)))
                return true
            }
            let scene = scenario.scenes[state.scene]
            for (number, choice) in scene.choices.enumerated()
            where choice.target >= 0 && state.variables.offers(choice) {
                var variables = state.variables
                variables.apply(choice.effects)
                guard add(State(scene: choice.target, variables: variables), choice: Int32(number),
                          manager: choice.scores.manager, leader: choice.scores.leader) else { return nil }
            }
            if scene.isRouter {
                // Every outcome, whatever the profile: the totals decide which is taken (see `firstPath`).
                for (position, outcome) in scene.outcomes.enumerated() where outcome.target >= 0 {
                    guard add(State(scene: outcome.target, variables: state.variables),
                              choice: PlaySpace.routerChoice(position), manager: 0, leader: 0) else { return nil }
                }
            }
            edges.append(out)
        }
        condense()
    }

    /// Tarjan's strongly connected components, iteratively (no recursion depth limit).
    private mutating func condense() {
        let count = states.count
        var order = [Int32](repeating: -1, count: count)
        var low = [Int32](repeating: 0, count: count)
        var onStack = [Bool](repeating: false, count: count)
        component = [Int32](repeating: -1, count: count)
        var stack: [Int32] = []
        var calls: [(state: Int32, next: Int)] = [(0, 0)]
        var counter: Int32 = 1
        order[0] = 0
        stack.append(0)
        onStack[0] = true
        while let top = calls.last {
            let next = top.next
            let v = Int(top.state)
            if next < edges[v].count {
                calls[calls.count - 1].next += 1
                let w = Int(edges[v][next].target)
                if order[w] < 0 {
                    order[w] = counter
                    low[w] = counter
                    counter += 1
                    stack.append(Int32(w))
                    onStack[w] = true
                    calls.append((Int32(w), 0))
                } else if onStack[w] {
                    low[v] = Swift.min(low[v], order[w])
                }
                continue
            }
            calls.removeLast()
            if let parent = calls.last { low[Int(parent.state)] = Swift.min(low[Int(parent.state)], low[v]) }
            guard low[v] == order[v] else { continue }
            var group: [Int32] = []
            while let member = stack.popLast() {
                onStack[Int(member)] = false
                component[Int(member)] = Int32(members.count)
                group.append(member)
                if Int(member) == v { break }
            }
            members.append(group)
        }
    }

    /// The Pareto front of (manager, leader) totals from each component to an ending,
    /// sorted by manager descending. Nil when a loop carries a score.
    func fronts() -> [[BalancedPath.Total]]? {
        var fronts: [[BalancedPath.Total]] = []
        fronts.reserveCapacity(members.count)
        for (c, group) in members.enumerated() {
            var candidates: [BalancedPath.Total] = []
            for member in group {
                let state = Int(member)
                if scenario.scenes[states[state].scene].isEnding { candidates.append(.init(manager: 0, leader: 0)) }
                for edge in edges[state] {
                    let d = Int(component[Int(edge.target)])
                    if d == c {
                        guard edge.manager == 0 && edge.leader == 0 else { return nil }
                        continue
                    }
                    for total in fronts[d] {
                        candidates.append(.init(manager: total.manager + Int(edge.manager), leader: total.leader + Int(edge.leader)))
                    }
                }
            }
            fronts.append(PlaySpace.paretoFront(candidates))
        }
        return fronts
    }

    /// The totals no other total matches or beats on both axes, manager descending.
    static func paretoFront(_ totals: [BalancedPath.Total]) -> [BalancedPath.Total] {
        let sorted = totals.sorted { ($0.manager, $0.leader) > ($1.manager, $1.leader) }
        var front: [BalancedPath.Total] = []
        for total in sorted where front.last.map({ total.leader > $0.leader }) ?? true { front.append(total) }
        return front
    }

    static func contains(_ front: [BalancedPath.Total], _ total: BalancedPath.Total) -> Bool {
        var low = 0, high = front.count
        while low < high {
            let middle = (low + high) / 2
            if front[middle].manager > total.manager { low = middle + 1 } else { high = middle }
        }
        return low < front.count && front[low] == total
    }

    /// The first path in file order from the start state that reaches an ending with
    /// exactly `total`, never revisiting a play state. `total` must be on the start's front.
    /// A router takes the outcome `route` gives for the totals so far, when the remaining
    /// total is still reachable that way.
    func firstPath(to total: BalancedPath.Total, fronts: [[BalancedPath.Total]],
                   route: (BalancedPath.Total) -> ProfileKey, budget: inout Int) -> [Edge]? {
        var path: [Edge] = []
        var state = 0
        var remaining = total
        while !scenario.scenes[states[state].scene].isEnding {
            let scene = scenario.scenes[states[state].scene]
            if scene.isRouter {
                let soFar = BalancedPath.Total(manager: total.manager - remaining.manager, leader: total.leader - remaining.leader)
                let wanted = route(soFar)
                let edges = self.edges[state].filter { PlaySpace.contains(fronts[Int(component[Int($0.target)])], remaining) }
                let routed = edges.first { $0.choice < 0 && scene.outcomes[Int(-1 - $0.choice)].profile == wanted }
                guard let edge = routed ?? edges.first else { return nil }
                path.append(edge)
                state = Int(edge.target)
                continue
            }
            // Depth-first in file order inside the state's loop group, until an edge leaves
            // the group towards a state from which the remaining total is still reachable.
            let c = component[state]
            var visited: Set<Int32> = [Int32(state)]
            var calls: [(state: Int32, next: Int)] = [(Int32(state), 0)]
            var local: [Edge] = []
            var exit: Edge?
            while exit == nil, let top = calls.last {
                let (current, next) = (top.state, top.next)
                budget -= 1
                guard budget > 0 else { return nil }
                let out = edges[Int(current)]
                guard next < out.count else {
                    calls.removeLast()
                    visited.remove(current)
                    if !local.isEmpty && !calls.isEmpty { local.removeLast() }
                    continue
                }
                calls[calls.count - 1].next += 1
                let edge = out[next]
                if component[Int(edge.target)] == c {
                    if visited.insert(edge.target).inserted {
                        local.append(edge)
                        calls.append((edge.target, 0))
                    }
                } else {
                    let rest = BalancedPath.Total(manager: remaining.manager - Int(edge.manager),
                                                  leader: remaining.leader - Int(edge.leader))
                    if PlaySpace.contains(fronts[Int(component[Int(edge.target)])], rest) {
                        exit = edge
                        remaining = rest
                    }
                }
            }
            guard let exit else { return nil }
            path += local
            path.append(exit)
            state = Int(exit.target)
        }
        return path
    }
}
