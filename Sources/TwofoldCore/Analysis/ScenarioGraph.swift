/// The scenes as a directed graph in compressed adjacency form: one edge per choice of a
/// decision, and one zero-score edge per distinct outcome scene of a router.
///
/// Edge `e` of a decision `s` (for `e` in `edgeStart[s]..<edgeStart[s+1]`) is choice
/// `e - edgeStart[s]` of that scene; its target is -1 when `next` names no scene. A
/// router's edges are its outcomes' scenes, each once, in profile order (see
/// ``routerEdgeProfiles(of:)``); they cost no decision.
struct ScenarioGraph: Sendable {
    let sceneCount: Int
    let edgeStart: [Int32]
    let edgeTarget: [Int32]
    let isEnding: [Bool]
    /// Scenes whose edges are a router's outcomes rather than choices.
    let isRouter: [Bool]
    /// Each edge's delta per axis, flattened: edge `e`, axis `a` at `e * axisCount + a`.
    let edgeScores: [Int8]
    let axisCount: Int

    init(_ scenario: Scenario) {
        let scenes = scenario.scenes
        let axes = scenario.axes
        axisCount = axes.count
        sceneCount = scenes.count
        var start = [Int32]()
        start.reserveCapacity(scenes.count + 1)
        var targets = [Int32]()
        var scores = [Int8]()
        var endings = [Bool]()
        endings.reserveCapacity(scenes.count)
        var routers = [Bool](repeating: false, count: scenes.count)
        start.append(0)
        // Indexing through buffers reads only the fields needed, without copying scenes.
        scenes.withUnsafeBufferPointer { sceneBuffer in
            for scene in sceneBuffer.indices {
                sceneBuffer[scene].choices.withUnsafeBufferPointer { choices in
                    for choice in choices.indices {
                        targets.append(Int32(truncatingIfNeeded: choices[choice].target))
                        // Scores are -10...10 once loaded; clamp so even a file with errors fits.
                        scores.append(Int8(clamping: choices[choice].scores.manager))
                        scores.append(Int8(clamping: choices[choice].scores.leader))
                        for axis in axes.dropFirst(2) { scores.append(Int8(clamping: choices[choice].scores.extra[axis.name] ?? 0)) }
                    }
                }
                if sceneBuffer[scene].isRouter && !sceneBuffer[scene].outcomes.isEmpty {
                    routers[scene] = true
                    var seen: [Int] = []
                    for outcome in sceneBuffer[scene].outcomes where !seen.contains(outcome.target) {
                        seen.append(outcome.target)
                        targets.append(Int32(truncatingIfNeeded: outcome.target))
                        scores.append(contentsOf: repeatElement(0, count: axes.count))
                    }
                }
                start.append(Int32(targets.count))
                endings.append(sceneBuffer[scene].ending != nil && sceneBuffer[scene].choices.isEmpty && sceneBuffer[scene].outcomes.isEmpty)
            }
        }
        edgeStart = start
        edgeTarget = targets
        edgeScores = scores
        isEnding = endings
        isRouter = routers
    }

    /// Decisions an edge out of `scene` costs: one for a choice, none for a router's outcome.
    @inline(__always) func decisionCost(of scene: Int) -> Int32 { isRouter[scene] ? 0 : 1 }

    /// The delta of edge `edge` on axis number `axis`.
    @inline(__always) func score(_ edge: Int, axis: Int) -> Int {
        Int(edgeScores[edge * axisCount + axis])
    }

    /// True when the edge scores zero on every axis.
    func isZero(_ edge: Int) -> Bool {
        (0..<axisCount).allSatisfy { edgeScores[edge * axisCount + $0] == 0 }
    }

    var edgeCount: Int { edgeTarget.count }

    @inline(__always) func edges(of scene: Int) -> Range<Int> {
        Int(edgeStart[scene])..<Int(edgeStart[scene + 1])
    }
}
