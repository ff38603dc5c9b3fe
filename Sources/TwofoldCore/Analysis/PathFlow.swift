/// What can still happen from each scene, worked out backwards from the endings one loop
/// group (component) at a time, sinks first: the best and worst total per axis, the
/// number of complete paths, the most decisions, whether an ending is reachable at all —
/// and, on the way, the loops whose choices score.
///
/// Layout is chosen for memory traffic, which is the whole cost on a large scenario: an
/// edge needs only its target's ``Slot`` — component, longest path, the manager and leader
/// bounds and the path count side by side — so following it touches one slot. A
/// component's results are copied into each member's slot when it is finished.
struct PathFlow {
    /// Everything an edge into a scene needs. Bounds and count are the scene's component's.
    struct Slot {
        var component: Int32
        /// Decisions on the longest path to an ending; -1 while none is known.
        var longest: Int32 = -1
        var bestManager: Int32 = .min
        var worstManager: Int32 = .max
        var bestLeader: Int32 = .min
        var worstLeader: Int32 = .max
        /// The path count while it fits in 64 bits; else `bigCount` indexes `bigCounts`.
        var smallCount: UInt64 = 0
        var bigCount: Int32 = -1
        /// Some ending can be reached from here.
        var live = false

        init(component: Int32) { self.component = component }
    }

    private(set) var slots: [Slot]
    /// Per component, per axis: the best then the worst total (`Int32.min`/`max`: none).
    private(set) var componentValues: [Int32]
    private(set) var bigCounts: [PathCount] = []
    /// Loops holding a choice that scores, ordered by the first such choice's scene.
    private(set) var scoringCycles: [ScenarioAnalysis.ScoringCycle] = []
    /// Limbs added up while counting paths: at most ``PathCount/exactLimbs`` per edge, so
    /// linear in the graph however deep it is (tests check it).
    private(set) var countWork = 0

    init(_ graph: ScenarioGraph, _ components: StronglyConnected) {
        let axes = graph.axisCount
        let stride = 2 * axes
        slots = components.component.map { Slot(component: $0) }
        componentValues = [Int32](repeating: 0, count: components.count * stride)
        var totals = [Int32](repeating: 0, count: stride)  // this component's best and worst per axis
        var cycles: [(scene: Int, edge: Int, component: Int)] = []
        for c in 0..<components.count {
            for a in 0..<axes {
                totals[2 * a] = .min
                totals[2 * a + 1] = .max
            }
            var count = PathCount.zero
            var hasEnding = false
            var scoring: (scene: Int, edge: Int)?
            let members = components.members(of: c)
            for member in members {
                let scene = Int(member)
                if graph.isEnding[scene] {
                    hasEnding = true
                    slots[scene].longest = 0
                }
                var longest = slots[scene].longest
                let cost = graph.decisionCost(of: scene)
                for edge in graph.edges(of: scene) {
                    let target = Int(graph.edgeTarget[edge])
                    guard target >= 0 else { continue }
                    let next = slots[target]
                    if Int(next.component) == c {
                        if !graph.isZero(edge), scoring.map({ (scene, edge) < ($0.scene, $0.edge) }) ?? true { scoring = (scene, edge) }
                        continue
                    }
                    guard next.live else { continue }
                    let manager = Int32(graph.score(edge, axis: 0)), leader = Int32(graph.score(edge, axis: 1))
                    totals[0] = max(totals[0], manager + next.bestManager)
                    totals[1] = min(totals[1], manager + next.worstManager)
                    totals[2] = max(totals[2], leader + next.bestLeader)
                    totals[3] = min(totals[3], leader + next.worstLeader)
                    if axes > 2 {
                        let other = Int(next.component) * stride
                        for a in 2..<axes {
                            let delta = Int32(graph.score(edge, axis: a))
                            totals[2 * a] = max(totals[2 * a], delta + componentValues[other + 2 * a])
                            totals[2 * a + 1] = min(totals[2 * a + 1], delta + componentValues[other + 2 * a + 1])
                        }
                    }
                    if next.bigCount >= 0 {
                        let big = bigCounts[Int(next.bigCount)]
                        count += big
                        countWork += big.limbCount
                    } else {
                        count += PathCount(next.smallCount)
                        countWork += 1
                    }
                    longest = max(longest, next.longest + cost)
                }
                slots[scene].longest = longest
            }
            if hasEnding {
                for a in 0..<axes {
                    totals[2 * a] = max(totals[2 * a], 0)
                    totals[2 * a + 1] = min(totals[2 * a + 1], 0)
                }
                count += .one
            }
            if let scoring { cycles.append((scoring.scene, scoring.edge, c)) }
            if members.count > 1 { PathFlow.longestThroughLoop(graph, Array(members), slots: &slots) }
            finish(c, members: members, totals: totals, count: count)
        }
        scoringCycles = cycles.sorted { $0.scene < $1.scene }.map { found in
            ScenarioAnalysis.ScoringCycle(scene: found.scene, choice: found.edge - Int(graph.edgeStart[found.scene]),
                                          scenes: components.members(of: found.component).map(Int.init).sorted())
        }
    }

    /// Stores a finished component's results, once per component and in each member's slot.
    private mutating func finish(_ c: Int, members: ArraySlice<Int32>, totals: [Int32], count: PathCount) {
        let stride = totals.count
        for index in 0..<stride { componentValues[c * stride + index] = totals[index] }
        var small: UInt64 = 0
        var big: Int32 = -1
        if let value = count.uint64 {
            small = value
        } else {
            big = Int32(bigCounts.count)
            bigCounts.append(count)
        }
        let live = slots[Int(members[members.startIndex])].longest >= 0
        for member in members {
            let scene = Int(member)
            slots[scene].live = live
            slots[scene].bestManager = totals[0]
            slots[scene].worstManager = totals[1]
            slots[scene].bestLeader = totals[2]
            slots[scene].worstLeader = totals[3]
            slots[scene].smallCount = small
            slots[scene].bigCount = big
        }
    }

    /// The number of complete paths from `scene`.
    func pathCount(from scene: Int) -> PathCount {
        let slot = slots[scene]
        return slot.bigCount >= 0 ? bigCounts[Int(slot.bigCount)] : PathCount(slot.smallCount)
    }
}
