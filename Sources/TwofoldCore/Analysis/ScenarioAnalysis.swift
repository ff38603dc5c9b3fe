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
    /// Per axis and per component: the best (max) and worst (min) total still achievable
    /// from there to an ending.
    let componentOf: [Int32]
    let bestFrom: [[Int]]
    let worstFrom: [[Int]]

    public init(_ scenario: Scenario) {
        let graph = ScenarioGraph(scenario)
        self.graph = graph
        let n = graph.sceneCount
        sceneCount = n
        endingCount = graph.isEnding.lazy.filter { $0 }.count
        decisionCount = scenario.scenes.lazy.filter { !$0.choices.isEmpty }.count
        reachable = graph.reachable(from: scenario.startIndex)
        let live = graph.canReachEnding()
        canReachEnding = live
        var endingsReached = 0
        for scene in 0..<n where graph.isEnding[scene] && reachable[scene] { endingsReached += 1 }
        reachableEndingCount = endingsReached

        let components = StronglyConnected(graph)
        let axes = scenario.axes
        let axisCount = axes.count

        // Loops that score: any edge inside a component of two or more scenes, or a self-loop.
        var cycles: [ScoringCycle] = []
        var flagged = Set<Int32>()
        for scene in 0..<n {
            let c = components.component[scene]
            for edge in graph.edges(of: scene) {
                let target = Int(graph.edgeTarget[edge])
                guard target >= 0, components.component[target] == c, !flagged.contains(c) else { continue }
                let choice = edge - Int(graph.edgeStart[scene])
                if !scenario.scenes[scene].choices[choice].scores.isZero {
                    flagged.insert(c)
                    cycles.append(ScoringCycle(scene: scene, choice: choice, scenes: components.members(of: Int(c)).map(Int.init).sorted()))
                }
            }
        }
        scoringCycles = cycles

        // Dynamic programme over components, sinks first. Values are "from here to an ending".
        let componentCount = components.count
        let unset = Int.min
        var best = [[Int]](repeating: [Int](repeating: unset, count: componentCount), count: axisCount)
        var worst = [[Int]](repeating: [Int](repeating: Int.max, count: componentCount), count: axisCount)
        var counts = [PathCount](repeating: .zero, count: componentCount)
        var longest = [Int](repeating: -1, count: componentCount)
        var axisScores = [Int](repeating: 0, count: axisCount)
        for c in 0..<componentCount {
            var hasEnding = false
            var count = PathCount.zero
            for member in components.members(of: c) {
                let scene = Int(member)
                if graph.isEnding[scene] { hasEnding = true }
                for edge in graph.edges(of: scene) {
                    let target = Int(graph.edgeTarget[edge])
                    guard target >= 0 else { continue }
                    let d = Int(components.component[target])
                    guard d != c, longest[d] >= 0 else { continue }
                    let scores = scenario.scenes[scene].choices[edge - Int(graph.edgeStart[scene])].scores
                    for a in 0..<axisCount { axisScores[a] = scores[axes[a]] }
                    for a in 0..<axisCount {
                        best[a][c] = Swift.max(best[a][c], axisScores[a] + best[a][d])
                        worst[a][c] = Swift.min(worst[a][c], axisScores[a] + worst[a][d])
                    }
                    count += counts[d]
                    longest[c] = Swift.max(longest[c], longest[d] + 1)
                }
            }
            if hasEnding {
                for a in 0..<axisCount {
                    best[a][c] = Swift.max(best[a][c], 0)
                    worst[a][c] = Swift.min(worst[a][c], 0)
                }
                count += .one
                longest[c] = Swift.max(longest[c], 0)
            }
            counts[c] = count
        }

        if let start = scenario.startIndex, live[start] {
            let c = Int(components.component[start])
            bounds = (0..<axisCount).map { Bounds(min: worst[$0][c], max: best[$0][c]) }
            pathCount = counts[c]
            longestPath = longest[c]
            shortestPath = ScenarioAnalysis.shortestPath(graph, from: start, live: live)
        } else {
            bounds = nil
            pathCount = .zero
            longestPath = nil
            shortestPath = nil
        }
        componentOf = components.component
        bestFrom = best
        worstFrom = worst
    }

    /// Breadth-first search: the fewest decisions from `start` to any ending.
    private static func shortestPath(_ graph: ScenarioGraph, from start: Int, live: [Bool]) -> Int? {
        var distance = [Int32](repeating: -1, count: graph.sceneCount)
        distance[start] = 0
        var queue = [Int32(start)]
        var head = 0
        while head < queue.count {
            let scene = Int(queue[head])
            head += 1
            if graph.isEnding[scene] { return Int(distance[scene]) }
            for edge in graph.edges(of: scene) {
                let target = Int(graph.edgeTarget[edge])
                if target >= 0, live[target], distance[target] < 0 {
                    distance[target] = distance[scene] + 1
                    queue.append(Int32(target))
                }
            }
        }
        return nil
    }

    /// The best total on `axis` achievable from `scene` to an ending (nil when none is reachable).
    public func best(axis: Int, from scene: Int) -> Int? {
        let value = bestFrom[axis][Int(componentOf[scene])]
        return value == Int.min ? nil : value
    }

    /// The worst total on `axis` achievable from `scene` to an ending.
    public func worst(axis: Int, from scene: Int) -> Int? {
        let value = worstFrom[axis][Int(componentOf[scene])]
        return value == Int.max ? nil : value
    }
}
