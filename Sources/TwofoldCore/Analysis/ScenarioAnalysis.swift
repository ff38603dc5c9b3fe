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
    /// Per component, per axis: best then worst (see the layout note in `init`).
    let componentValues: [Int32]

    public init(_ scenario: Scenario) {
        let graph = ScenarioGraph(scenario)
        self.graph = graph
        let n = graph.sceneCount
        sceneCount = n
        endingCount = graph.isEnding.lazy.filter { $0 }.count
        decisionCount = (0..<n).lazy.filter { graph.edgeStart[$0 + 1] > graph.edgeStart[$0] && !graph.isRouter[$0] }.count
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

        // Dynamic programme over components, sinks first: values are "from here to an
        // ending". The layout keeps what one edge needs close together, because on a large
        // scenario the cost is memory traffic, not arithmetic: per scene its component and
        // longest path (one 8-byte slot); per component its bounds (best and worst per axis,
        // side by side) and its path count, which stays a machine word unless it outgrows
        // 64 bits (then it lives in `bigCounts`).
        let componentCount = components.count
        var slots = components.component.map { SceneSlot(component: $0, longest: -1, live: false) }
        let stride = 2 * axisCount
        var values = [Int32](repeating: 0, count: componentCount * stride)
        for c in 0..<componentCount {
            for a in 0..<axisCount {
                values[c * stride + 2 * a] = Int32.min
                values[c * stride + 2 * a + 1] = Int32.max
            }
        }
        var counts = [CountSlot](repeating: CountSlot(), count: componentCount)
        var bigCounts: [PathCount] = []
        for c in 0..<componentCount {
            var hasEnding = false
            var count = PathCount.zero
            let base = c * stride
            let memberRange = Int(components.memberStart[c])..<Int(components.memberStart[c + 1])
            for memberIndex in memberRange {
                let scene = Int(components.members[memberIndex])
                if graph.isEnding[scene] {
                    hasEnding = true
                    slots[scene].longest = 0
                }
                var longestHere = slots[scene].longest
                let cost = graph.decisionCost(of: scene)
                for edge in graph.edges(of: scene) {
                    let target = Int(graph.edgeTarget[edge])
                    guard target >= 0 else { continue }
                    let next = slots[target]
                    let d = Int(next.component)
                    guard d != c, next.live else { continue }
                    let other = d * stride
                    for a in 0..<axisCount {
                        let delta = Int32(graph.score(edge, axis: a))
                        values[base + 2 * a] = Swift.max(values[base + 2 * a], delta + values[other + 2 * a])
                        values[base + 2 * a + 1] = Swift.min(values[base + 2 * a + 1], delta + values[other + 2 * a + 1])
                    }
                    let nextCount = counts[d]
                    count += nextCount.big >= 0 ? bigCounts[Int(nextCount.big)] : PathCount(nextCount.small)
                    longestHere = Swift.max(longestHere, next.longest + cost)
                }
                slots[scene].longest = longestHere
            }
            if hasEnding {
                for a in 0..<axisCount {
                    values[base + 2 * a] = Swift.max(values[base + 2 * a], 0)
                    values[base + 2 * a + 1] = Swift.min(values[base + 2 * a + 1], 0)
                }
                count += .one
            }
            if memberRange.count > 1 {
                ScenarioAnalysis.longestThroughLoop(graph, components, component: c, slots: &slots)
            }
            let live = slots[Int(components.members[memberRange.lowerBound])].longest >= 0
            for memberIndex in memberRange { slots[Int(components.members[memberIndex])].live = live }
            if let small = count.uint64 {
                counts[c].small = small
            } else {
                counts[c].big = Int32(bigCounts.count)
                bigCounts.append(count)
            }
        }

        // A scene can reach an ending exactly when its component can (loops included).
        let liveScenes = slots.map(\.live)
        canReachEnding = liveScenes

        if let start = scenario.startIndex, liveScenes[start] {
            let c = Int(slots[start].component)
            bounds = (0..<axisCount).map {
                Bounds(min: Int(values[c * stride + 2 * $0 + 1]), max: Int(values[c * stride + 2 * $0]))
            }
            pathCount = counts[c].big >= 0 ? bigCounts[Int(counts[c].big)] : PathCount(counts[c].small)
            let shortest = ScenarioAnalysis.shortestPath(graph, from: start, live: liveScenes)
            shortestPath = shortest
            longestPath = Swift.max(Int(slots[start].longest), shortest ?? 0)
        } else {
            bounds = nil
            pathCount = .zero
            longestPath = nil
            shortestPath = nil
        }
        componentOf = components.component
        self.axisCount = axisCount
        componentValues = values
    }

    /// What an edge into a scene needs, in one place: the scene's component, the decisions
    /// on its longest path to an ending (-1: none) and whether an ending is reachable.
    struct SceneSlot {
        var component: Int32
        var longest: Int32
        var live: Bool
    }

    /// A component's path count: a machine word, or an index into the big counts.
    struct CountSlot {
        var small: UInt64 = 0
        var big: Int32 = -1
    }

    /// Inside a loop, a path may walk from the scene it enters at to the scene it leaves
    /// from: the longest path counts the fewest decisions that walk takes (so a loop is
    /// never gone round twice). On entry `longest` holds, per member, the best path that
    /// leaves directly; on return, the best over every member it can walk to first.
    /// Very large loops (over 256 scenes) are counted as zero decisions inside.
    private static func longestThroughLoop(_ graph: ScenarioGraph, _ components: StronglyConnected, component c: Int, slots: inout [SceneSlot]) {
        let members = components.members(of: c).map(Int.init)
        guard members.count <= 256 else {
            let exit = members.map { slots[$0].longest }.max() ?? -1
            for member in members { slots[member].longest = exit }
            return
        }
        let leaving = members.map { slots[$0].longest }
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
        for (index, member) in members.enumerated() { slots[member].longest = result[index] }
    }

    /// Breadth-first search (0-1: a router's outcome costs no decision): the fewest
    /// decisions from `start` to any ending.
    private static func shortestPath(_ graph: ScenarioGraph, from start: Int, live: [Bool]) -> Int? {
        var distance = [Int32](repeating: -1, count: graph.sceneCount)
        distance[start] = 0
        // A double-ended queue as a ring of twice the scenes: zero-cost edges go in front.
        var ring = [Int32](repeating: 0, count: 2 * graph.sceneCount + 2)
        var head = graph.sceneCount + 1
        var tail = head
        ring[tail] = Int32(start)
        tail += 1
        var done = [Bool](repeating: false, count: graph.sceneCount)
        while head < tail {
            let scene = Int(ring[head])
            head += 1
            if done[scene] { continue }
            done[scene] = true
            if graph.isEnding[scene] { return Int(distance[scene]) }
            let cost = graph.decisionCost(of: scene)
            for edge in graph.edges(of: scene) {
                let target = Int(graph.edgeTarget[edge])
                guard target >= 0, live[target], !done[target] else { continue }
                let candidate = distance[scene] + cost
                if distance[target] < 0 || candidate < distance[target] {
                    distance[target] = candidate
                    if cost == 0 && head > 0 {
                        head -= 1
                        ring[head] = Int32(target)
                    } else if tail < ring.count {
                        ring[tail] = Int32(target)
                        tail += 1
                    }
                }
            }
        }
        return nil
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
