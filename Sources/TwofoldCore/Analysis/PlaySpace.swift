/// Every play state — (scene, flags, counters) — reachable from the start, with the
/// choices each one offers, explored breadth-first: the one explorer of the play space,
/// read by the `no-choice-offered` rule and by ``BalancedPath``.
///
/// Flags and counters can make the play space grow exponentially, so exploration stops
/// at ``stateLimit`` states: the rule then warns `state-space-large` (its check was not
/// exhaustive) and no balanced path is offered. Bounds, path counts and path lengths in
/// ``ScenarioAnalysis`` ignore conditions and never need this.
struct PlaySpace: Sendable {
    /// The most play states explored (documented in docs/scenario-format.md).
    static let stateLimit = 200_000

    struct State: Hashable, Sendable {
        var scene: Int
        var variables: Variables
    }

    /// The explored states in breadth-first order; state 0 is the start.
    private(set) var states: [State] = []
    /// The offered choices of state `s` that lead to a scene (and a router's outcomes) are
    /// edges `edgeStart[s]..<edgeStart[s+1]`: the choice's index in its scene (negative for
    /// a router's outcome, see ``routerChoice(_:)``), and the state it leads to.
    private(set) var edgeStart: [Int32] = [0]
    private(set) var edgeChoice: [Int32] = []
    private(set) var edgeTarget: [Int32] = []
    /// Explored decision states in which no choice at all is offered, in breadth-first order.
    private(set) var stranded: [Int] = []
    /// False when exploration stopped at the limit, so states may be missing.
    private(set) var isComplete = true

    /// Explores from `start`, expanding at most `limit` states.
    init(_ scenario: Scenario, start: Int, limit: Int = PlaySpace.stateLimit) {
        var index: [State: Int32] = [:]
        let first = State(scene: start, variables: Variables(initialFor: scenario))
        states.append(first)
        index[first] = 0
        var head = 0
        while head < states.count {
            let state = states[head]
            head += 1
            let scene = scenario.scenes[state.scene]
            var offered = 0
            for (number, choice) in scene.choices.enumerated() where state.variables.offers(choice) {
                offered += 1
                guard choice.target >= 0 else { continue }
                var variables = state.variables
                variables.apply(choice.effects)
                guard add(State(scene: choice.target, variables: variables), choice: Int32(number), &index, limit: limit) else { return }
            }
            if scene.isRouter {
                // Every outcome, whatever the profile (flags and counters pass through unchanged):
                // which one is taken depends on the totals, which a state does not carry.
                for (position, outcome) in scene.outcomes.enumerated() where outcome.target >= 0 {
                    let next = State(scene: outcome.target, variables: state.variables)
                    guard add(next, choice: PlaySpace.routerChoice(position), &index, limit: limit) else { return }
                }
            }
            if offered == 0 && !scene.choices.isEmpty { stranded.append(head - 1) }
            edgeStart.append(Int32(edgeTarget.count))
        }
    }

    /// The `edgeChoice` of a router's edge: negative, from its outcome's position.
    static func routerChoice(_ position: Int) -> Int32 { Int32(-1 - position) }

    /// The outcome position of a router's edge (see ``routerChoice(_:)``).
    static func routerOutcome(_ choice: Int32) -> Int { Int(-1 - choice) }

    /// Adds an edge from the state being expanded to `next`, a new state unless known;
    /// false (and the space marked incomplete) when a new state would pass the limit.
    private mutating func add(_ next: State, choice: Int32, _ index: inout [State: Int32], limit: Int) -> Bool {
        let target: Int32
        if let known = index[next] {
            target = known
        } else {
            guard states.count < limit else {
                isComplete = false
                edgeStart.append(Int32(edgeTarget.count))
                return false
            }
            target = Int32(states.count)
            index[next] = target
            states.append(next)
        }
        edgeChoice.append(choice)
        edgeTarget.append(target)
        return true
    }

    /// The offered edges of state `state`.
    func edges(of state: Int) -> Range<Int> {
        Int(edgeStart[state])..<Int(edgeStart[state + 1])
    }

    /// The loops of the play space: groups of states that can reach each other.
    func components() -> StronglyConnected {
        StronglyConnected(vertexCount: states.count, edgeStart: edgeStart, edgeTarget: edgeTarget)
    }
}
