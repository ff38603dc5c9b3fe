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
    let axisCount: Int
    let bestFrom: [Int]
    let worstFrom: [Int]

    public init(_ scenario: Scenario) {
        let graph = ScenarioGraph(scenario)
        self.graph = graph
        let n = graph.sceneCount
        sceneCount = n
        endingCount = graph.isEnding.lazy.filter { $0 }.count
        decisionCount = (0..<n).lazy.filter { graph.edgeStart[$0 + 1] > graph.edgeStart[$0] }.count
        reachable = graph.reachable(from: scenario.startIndex)
        var endingsReached = 0
        for scene in 0..<n where graph.isEnding[scene] && reachable[scene] { endingsReached += 1 }
        reachableEndingCount = endingsReached

        let components = StronglyConnected(graph)
        let axisCount = scenario.axes.count

        // Loops that score: any edge inside a component of two or more scenes, or a self-loop.
        var cycles: [ScoringCycle] = []
        var flagged = Set<Int32>()
        for scene in 0..<n {
            let c = components.component[scene]
            for edge in graph.edges(of: scene) {
                let target = Int(graph.edgeTarget[edge])
                guard target >= 0, components.component[target] == c, !flagged.contains(c) else { continue }
                let choice = edge - Int(graph.edgeStart[scene])
                if !graph.isZero(edge) {
                    flagged.insert(c)
                    cycles.append(ScoringCycle(scene: scene, choice: choice, scenes: components.members(of: Int(c)).map(Int.init).sorted()))
                }
            }
        }
        scoringCycles = cycles

        // Dynamic programme over components, sinks first. Values are "from here to an
        // ending", stored flat (component c, axis a at c * axisCount + a). Path counts stay
        // machine words; the rare component whose count outgrows 64 bits keeps it aside.
        let componentCount = components.count
        var best = [Int](repeating: Int.min, count: componentCount * axisCount)
        var worst = [Int](repeating: Int.max, count: componentCount * axisCount)
        // Decisions from each scene to an ending on the longest path (-1: none reachable).
        var longest = [Int32](repeating: -1, count: n)
        var smallCounts = [UInt64](repeating: 0, count: componentCount)
        var bigCounts: [Int: PathCount] = [:]
        var live = [Bool](repeating: false, count: componentCount)
        for c in 0..<componentCount {
            var hasEnding = false
            var count = PathCount.zero
            let base = c * axisCount
            let memberRange = Int(components.memberStart[c])..<Int(components.memberStart[c + 1])
            for memberIndex in memberRange {
                let scene = Int(components.members[memberIndex])
                if graph.isEnding[scene] {
                    hasEnding = true
                    longest[scene] = 0
                }
                for edge in graph.edges(of: scene) {
                    let target = Int(graph.edgeTarget[edge])
                    guard target >= 0 else { continue }
                    let d = Int(components.component[target])
                    guard d != c, live[d] else { continue }
                    let other = d * axisCount
                    for a in 0..<axisCount {
                        let delta = graph.score(edge, axis: a)
                        best[base + a] = Swift.max(best[base + a], delta + best[other + a])
                        worst[base + a] = Swift.min(worst[base + a], delta + worst[other + a])
                    }
                    count += bigCounts[d] ?? PathCount(smallCounts[d])
                    longest[scene] = Swift.max(longest[scene], longest[target] + 1)
                }
            }
            if hasEnding {
                for a in 0..<axisCount {
                    best[base + a] = Swift.max(best[base + a], 0)
                    worst[base + a] = Swift.min(worst[base + a], 0)
                }
                count += .one
            }
            if memberRange.count > 1 {
                ScenarioAnalysis.longestThroughLoop(graph, components, component: c, longest: &longest)
            }
            live[c] = longest[Int(components.members[memberRange.lowerBound])] >= 0
            if let small = count.uint64 { smallCounts[c] = small } else { bigCounts[c] = count }
        }

        // A scene can reach an ending exactly when its component can (loops included).
        let liveScenes = components.component.map { live[Int($0)] }
        canReachEnding = liveScenes

        if let start = scenario.startIndex, liveScenes[start] {
            let c = Int(components.component[start])
            bounds = (0..<axisCount).map { Bounds(min: worst[c * axisCount + $0], max: best[c * axisCount + $0]) }
            pathCount = bigCounts[c] ?? PathCount(smallCounts[c])
            let shortest = ScenarioAnalysis.shortestPath(graph, from: start, live: liveScenes)
            shortestPath = shortest
            longestPath = Swift.max(Int(longest[start]), shortest ?? 0)
        } else {
            bounds = nil
            pathCount = .zero
            longestPath = nil
            shortestPath = nil
        }
        componentOf = components.component
        self.axisCount = axisCount
        bestFrom = best
        worstFrom = worst
    }

    /// Inside a loop, a path may walk from the scene it enters at to the scene it leaves
    /// from: the longest path counts the fewest decisions that walk takes (so a loop is
    /// never gone round twice). On entry `longest` holds, per member, the best path that
    /// leaves directly; on return, the best over every member it can walk to first.
    /// Very large loops (over 256 scenes) are counted as zero decisions inside.
    private static func longestThroughLoop(_ graph: ScenarioGraph, _ components: StronglyConnected, component c: Int, longest: inout [Int32]) {
        let members = components.members(of: c).map(Int.init)
        guard members.count <= 256 else {
            let exit = members.map { longest[$0] }.max() ?? -1
            for member in members { longest[member] = exit }
            return
        }
        let leaving = members.map { longest[$0] }
        var position: [Int: Int] = [:]
        for (index, member) in members.enumerated() { position[member] = index }
        var result = leaving
        for (index, source) in members.enumerated() {
            // Breadth-first distances inside the loop from `source`.
            var distance = [Int32](repeating: -1, count: members.count)
            distance[index] = 0
            var queue = [source]
            var head = 0
            while head < queue.count {
                let scene = queue[head]
                head += 1
                for edge in graph.edges(of: scene) {
                    guard let next = position[Int(graph.edgeTarget[edge])], distance[next] < 0 else { continue }
                    distance[next] = distance[position[scene]!] + 1
                    queue.append(members[next])
                }
            }
            for target in members.indices where leaving[target] >= 0 && distance[target] >= 0 {
                result[index] = Swift.max(result[index], distance[target] + leaving[target])
            }
        }
        for (index, member) in members.enumerated() { longest[member] = result[index] }
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
        let value = bestFrom[Int(componentOf[scene]) * axisCount + axis]
        return value == Int.min ? nil : value
    }

    /// The worst total on `axis` achievable from `scene` to an ending.
    public func worst(axis: Int, from scene: Int) -> Int? {
        let value = worstFrom[Int(componentOf[scene]) * axisCount + axis]
        return value == Int.max ? nil : value
    }
}
