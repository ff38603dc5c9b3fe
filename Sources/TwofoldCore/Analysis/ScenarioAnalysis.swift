/// Everything the linter, `stats` and scoring need to know about a scenario's graph,
/// computed in time linear in scenes plus choices — never by enumerating paths.
///
/// Loops are condensed: a strongly connected group of scenes is one node. A loop may
/// only contain zero-score choices (otherwise it is a `scoring-cycle` error and is
/// treated as zero here), so condensing changes no score bound. Bounds, path counts
/// and path lengths ignore conditions: they describe the branch structure.
public struct ScenarioAnalysis: Sendable {
    /// The lowest and highest total one axis can reach over complete paths.
    public struct Bounds: Sendable, Hashable, Codable {
        public var min: Int
        public var max: Int
    }

    /// A loop containing a choice that scores: the first such choice, and the loop's scenes.
    public struct ScoringCycle: Sendable {
        public var scene: Int
        public var choice: Int
        public var scenes: [Int]
    }

    public let sceneCount: Int
    public let decisionCount: Int
    public let endingCount: Int
    let graph: ScenarioGraph
    /// Reachable from `start`.
    public let reachable: [Bool]
    /// Some ending can be reached from here.
    public let canReachEnding: [Bool]
    public let scoringCycles: [ScoringCycle]
    /// Per axis (in `scenario.axes` order), nil when no complete path exists.
    public let bounds: [Bounds]?
    /// Distinct complete paths from start to an ending, loops condensed.
    public let pathCount: PathCount
    /// Fewest and most decisions on a complete path (the longest counts a loop once).
    public let shortestPath: Int?
    public let longestPath: Int?
    public let reachableEndingCount: Int
    /// The loop group (strongly connected component) of each scene, numbered sinks first.
    let componentOf: [Int32]
    let axisCount: Int
    /// Per component, per axis: the best (max) then the worst (min) total still achievable
    /// from there to an ending (see ``PathFlow``).
    let componentValues: [Int32]

    public init(_ scenario: Scenario) {
        let graph = ScenarioGraph(scenario)
        self.graph = graph
        let n = graph.sceneCount
        sceneCount = n
        endingCount = graph.isEnding.lazy.filter { $0 }.count
        decisionCount = (0..<n).lazy.filter { graph.edgeStart[$0 + 1] > graph.edgeStart[$0] && !graph.isRouter[$0] }.count
        let components = StronglyConnected(graph)
        reachable = PathFlow.reachable(graph, components, from: scenario.startIndex)
        var endingsReached = 0
        for scene in 0..<n where graph.isEnding[scene] && reachable[scene] { endingsReached += 1 }
        reachableEndingCount = endingsReached

        let flow = PathFlow(graph, components)
        scoringCycles = flow.scoringCycles
        // A scene can reach an ending exactly when its component can (loops included).
        let live = flow.slots.map(\.live)
        canReachEnding = live
        if let start = scenario.startIndex, live[start] {
            let slot = flow.slots[start]
            let values = flow.componentValues, stride = 2 * graph.axisCount
            bounds = (0..<graph.axisCount).map {
                Bounds(min: Int(values[Int(slot.component) * stride + 2 * $0 + 1]), max: Int(values[Int(slot.component) * stride + 2 * $0]))
            }
            pathCount = flow.pathCount(from: start)
            let shortest = PathFlow.shortestPath(graph, from: start, live: live)
            shortestPath = shortest
            longestPath = Swift.max(Int(slot.longest), shortest ?? 0)
        } else {
            bounds = nil
            pathCount = .zero
            longestPath = nil
            shortestPath = nil
        }
        componentOf = components.component
        axisCount = graph.axisCount
        componentValues = flow.componentValues
    }

    /// The best total on `axis` achievable from `scene` to an ending (nil when none is reachable).
    public func best(axis: Int, from scene: Int) -> Int? {
        let value = componentValues[Int(componentOf[scene]) * 2 * axisCount + 2 * axis]
        return value == Int32.min ? nil : Int(value)
    }

    /// The worst total on `axis` achievable from `scene` to an ending.
    public func worst(axis: Int, from scene: Int) -> Int? {
        let value = componentValues[Int(componentOf[scene]) * 2 * axisCount + 2 * axis + 1]
        return value == Int32.max ? nil : Int(value)
    }
}
