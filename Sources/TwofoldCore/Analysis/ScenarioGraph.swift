/// The scenes as a directed graph in compressed adjacency form (one edge per choice).
///
/// Edge `e` of scene `s` (for `e` in `edgeStart[s]..<edgeStart[s+1]`) is choice
/// `e - edgeStart[s]` of that scene; its target is -1 when `next` names no scene.
struct ScenarioGraph: Sendable {
    let sceneCount: Int
    let edgeStart: [Int32]
    let edgeTarget: [Int32]
    let isEnding: [Bool]

    init(_ scenario: Scenario) {
        let scenes = scenario.scenes
        sceneCount = scenes.count
        var start = [Int32]()
        start.reserveCapacity(scenes.count + 1)
        var targets = [Int32]()
        var endings = [Bool]()
        endings.reserveCapacity(scenes.count)
        start.append(0)
        for scene in scenes {
            for choice in scene.choices { targets.append(Int32(truncatingIfNeeded: choice.target)) }
            start.append(Int32(targets.count))
            endings.append(scene.ending != nil && scene.choices.isEmpty)
        }
        edgeStart = start
        edgeTarget = targets
        isEnding = endings
    }

    var edgeCount: Int { edgeTarget.count }

    @inline(__always) func edges(of scene: Int) -> Range<Int> {
        Int(edgeStart[scene])..<Int(edgeStart[scene + 1])
    }

    /// The scenes reachable from `start` (none when start is nil).
    func reachable(from start: Int?) -> [Bool] {
        var seen = [Bool](repeating: false, count: sceneCount)
        guard let start else { return seen }
        var stack = [Int32(start)]
        seen[start] = true
        while let scene = stack.popLast() {
            for edge in edges(of: Int(scene)) {
                let target = Int(edgeTarget[edge])
                if target >= 0, !seen[target] {
                    seen[target] = true
                    stack.append(Int32(target))
                }
            }
        }
        return seen
    }

    /// The scenes from which some ending can be reached.
    func canReachEnding() -> [Bool] {
        // Reverse adjacency, then a search backwards from every ending.
        var reverseStart = [Int32](repeating: 0, count: sceneCount + 1)
        for target in edgeTarget where target >= 0 { reverseStart[Int(target) + 1] += 1 }
        for index in 0..<sceneCount { reverseStart[index + 1] += reverseStart[index] }
        var fill = reverseStart
        var sources = [Int32](repeating: 0, count: edgeTarget.count)
        for scene in 0..<sceneCount {
            for edge in edges(of: scene) {
                let target = Int(edgeTarget[edge])
                if target >= 0 {
                    sources[Int(fill[target])] = Int32(scene)
                    fill[target] += 1
                }
            }
        }
        var seen = isEnding
        var stack: [Int32] = []
        for scene in 0..<sceneCount where isEnding[scene] { stack.append(Int32(scene)) }
        while let scene = stack.popLast() {
            for index in Int(reverseStart[Int(scene)])..<Int(reverseStart[Int(scene) + 1]) {
                let source = Int(sources[index])
                if !seen[source] {
                    seen[source] = true
                    stack.append(Int32(source))
                }
            }
        }
        return seen
    }
}
