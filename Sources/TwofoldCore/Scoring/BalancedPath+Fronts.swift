/// The play space as the balanced path needs it: each offered edge with its scores, the
/// loops of states (from the one ``StronglyConnected``), and the Pareto front of totals
/// still reachable from each loop group.
struct FrontSpace {
    struct Edge {
        var choice: Int32
        var target: Int32
        var manager: Int32
        var leader: Int32
    }

    let scenario: Scenario
    let space: PlaySpace
    let isEnding: [Bool]
    /// Edges of state `s`: `edges[space.edgeStart[s]..<space.edgeStart[s+1]]`.
    let edges: [Edge]
    /// Component of each state, numbered sinks first.
    let component: [Int32]
    private let groups: StronglyConnected

    init(_ scenario: Scenario, _ space: PlaySpace) {
        self.scenario = scenario
        self.space = space
        isEnding = space.states.map { scenario.scenes[$0.scene].isEnding }
        var edges: [Edge] = []
        edges.reserveCapacity(space.edgeTarget.count)
        for state in space.states.indices {
            let choices = scenario.scenes[space.states[state].scene].choices
            for edge in space.edges(of: state) {
                let choice = space.edgeChoice[edge]
                let scores = choice >= 0 ? choices[Int(choice)].scores : Scores()  // a router's outcome scores nothing
                edges.append(Edge(choice: choice, target: space.edgeTarget[edge],
                                  manager: Int32(scores.manager), leader: Int32(scores.leader)))
            }
        }
        self.edges = edges
        groups = space.components()
        component = groups.component
    }

    private func out(_ state: Int) -> ArraySlice<Edge> {
        edges[space.edges(of: state)]
    }

    /// The Pareto front of (manager, leader) totals from each component to an ending,
    /// sorted by manager descending. Nil when a loop carries a score.
    func fronts() -> [[BalancedPath.Total]]? {
        var fronts: [[BalancedPath.Total]] = []
        fronts.reserveCapacity(groups.count)
        for c in 0..<groups.count {
            var candidates: [BalancedPath.Total] = []
            for member in groups.members(of: c) {
                let state = Int(member)
                if isEnding[state] { candidates.append(.init(manager: 0, leader: 0)) }
                for edge in out(state) {
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
            fronts.append(FrontSpace.paretoFront(candidates))
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
        while !isEnding[state] {
            let scene = scenario.scenes[space.states[state].scene]
            if scene.isRouter {
                let soFar = BalancedPath.Total(manager: total.manager - remaining.manager, leader: total.leader - remaining.leader)
                let wanted = route(soFar)
                let open = out(state).filter { FrontSpace.contains(fronts[Int(component[Int($0.target)])], remaining) }
                let routed = open.first { $0.choice < 0 && scene.outcomes[PlaySpace.routerOutcome($0.choice)].profile == wanted }
                guard let edge = routed ?? open.first else { return nil }
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
                let out = out(Int(current))
                guard next < out.count else {
                    calls.removeLast()
                    visited.remove(current)
                    if !local.isEmpty && !calls.isEmpty { local.removeLast() }
                    continue
                }
                calls[calls.count - 1].next += 1
                let edge = out[out.startIndex + next]
                if component[Int(edge.target)] == c {
                    if visited.insert(edge.target).inserted {
                        local.append(edge)
                        calls.append((edge.target, 0))
                    }
                } else {
                    let rest = BalancedPath.Total(manager: remaining.manager - Int(edge.manager),
                                                  leader: remaining.leader - Int(edge.leader))
                    if FrontSpace.contains(fronts[Int(component[Int(edge.target)])], rest) {
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
