import Foundation
@testable import TwofoldCore
import TwofoldTestSupport

/// A random scenario as plain data: a DAG of scenes `0..<sceneCount` (scene 0 starts),
/// optionally with zero-score back edges (loops) and a two-scene trap.
struct RandomGraph {
    struct Edge {
        var target: Int
        var manager: Int
        var leader: Int
    }

    var sceneCount: Int
    var isEnding: [Bool]
    var choices: [[Edge]]
    /// `reach[a][b]`: b can be reached from a by one or more choices.
    var reach: [[Bool]] = []
    var hasLoops = false
    var hasTrap = false

    init(using generator: inout SeededGenerator) {
        let total = Int.random(in: 3...12, using: &generator)
        hasTrap = total >= 6 && Int.random(in: 0..<4, using: &generator) == 0
        let dagScenes = hasTrap ? total - 2 : total
        let endingCount = Int.random(in: 1...max(1, dagScenes / 3), using: &generator)
        let decisions = dagScenes - endingCount
        sceneCount = total
        isEnding = (0..<total).map { $0 >= decisions && $0 < dagScenes }
        choices = Array(repeating: [], count: total)
        func score(_ generator: inout SeededGenerator) -> Int {
            Int.random(in: 0..<3, using: &generator) == 0 ? 0 : Int.random(in: -4...4, using: &generator)
        }
        for scene in 0..<decisions {
            for _ in 0..<Int.random(in: 1...3, using: &generator) {
                let target = Int.random(in: (scene + 1)..<dagScenes, using: &generator)
                choices[scene].append(Edge(target: target, manager: score(&generator), leader: score(&generator)))
            }
        }
        if hasTrap {
            let trap = dagScenes
            choices[trap].append(Edge(target: trap + 1, manager: 0, leader: 0))
            choices[trap + 1].append(Edge(target: trap, manager: 0, leader: 0))
            let from = Int.random(in: 0..<decisions, using: &generator)
            choices[from].append(Edge(target: trap, manager: score(&generator), leader: score(&generator)))
        }
        computeReach()
        // Back edges (scene `late` back to a scene `early` that leads to it) make loops.
        if Int.random(in: 0..<5, using: &generator) < 3 {
            for _ in 0..<Int.random(in: 1...3, using: &generator) {
                let late = Int.random(in: 0..<decisions, using: &generator)
                let candidates = (0...late).filter { $0 == late || reach[$0][late] }
                let early = candidates.randomElement(using: &generator)!
                choices[late].append(Edge(target: early, manager: 0, leader: 0))
                computeReach()
            }
        }
        // Every choice inside a loop scores zero, as a valid scenario requires.
        for scene in 0..<total {
            for index in choices[scene].indices where isInsideLoop(scene, choices[scene][index].target) {
                choices[scene][index].manager = 0
                choices[scene][index].leader = 0
                hasLoops = true
            }
        }
    }

    private mutating func computeReach() {
        reach = Array(repeating: Array(repeating: false, count: sceneCount), count: sceneCount)
        for scene in 0..<sceneCount { for edge in choices[scene] { reach[scene][edge.target] = true } }
        for middle in 0..<sceneCount {
            for from in 0..<sceneCount where reach[from][middle] {
                for to in 0..<sceneCount where reach[middle][to] { reach[from][to] = true }
            }
        }
    }

    /// True when the choice from `scene` to `target` stays inside one loop (one strongly connected group).
    func isInsideLoop(_ scene: Int, _ target: Int) -> Bool { scene == target || reach[target][scene] }

    func reaches(from: Int, to: Int) -> Bool { from == to || reach[from][to] }

    func canReachEnding(_ scene: Int) -> Bool {
        (0..<sceneCount).contains { isEnding[$0] && reaches(from: scene, to: $0) }
    }

    /// The scenario file, with its scenes in a shuffled order so nothing depends on file order.
    /// Written directly as text: Foundation's serialiser would dominate the test's run time.
    func jsonText(using generator: inout SeededGenerator) -> String {
        var scenes: [String] = (0..<sceneCount).map { scene in
            if isEnding[scene] {
                return #"    { "id": "s\#(scene)", "text": "An ending.", "ending": { "title": "Ending \#(scene)" } }"#
            }
            let choiceTexts = choices[scene].enumerated().map { index, edge in
                #"      { "id": "c\#(index)", "text": "Choose.", "scores": { "manager": \#(edge.manager), "leader": \#(edge.leader) }, "#
                    + #""feedback": "Noted.", "next": "s\#(edge.target)" }"#
            }
            return #"    { "id": "s\#(scene)", "text": "A decision.", "choices": ["# + "\n"
                + choiceTexts.joined(separator: ",\n") + "\n    ] }"
        }
        scenes.shuffle(using: &generator)
        return """
            {
              "format": 1, "id": "random", "title": "Random", "domain": "retail", "summary": "Generated.",
              "start": "s0",
              "scenes": [
            \(scenes.joined(separator: ",\n"))
              ],
              "reflection": ["Why?"]
            }
            """
    }
}

/// Every complete path from scene 0, enumerated as simple paths (no scene twice).
///
/// Loops score zero, so going round one adds nothing: simple paths reach every total a
/// complete path can. Lengths follow the documented semantics: the shortest path counts
/// every decision; the longest counts a loop as one step (decisions that stay inside a
/// loop are not counted).
struct BruteForce {
    var paths = 0
    var manager = ScenarioAnalysis.Bounds(min: .max, max: .min)
    var leader = ScenarioAnalysis.Bounds(min: .max, max: .min)
    var shortest: Int?
    var longestCondensed: Int?

    init(_ graph: RandomGraph) {
        var onPath = [Bool](repeating: false, count: graph.sceneCount)
        walk(graph, 0, &onPath, manager: 0, leader: 0, decisions: 0, condensed: 0, entry: 0)
    }

    private mutating func walk(
        _ graph: RandomGraph, _ scene: Int, _ onPath: inout [Bool],
        manager total: Int, leader leaderTotal: Int, decisions: Int, condensed: Int, entry: Int
    ) {
        if graph.isEnding[scene] {
            paths += 1
            manager = .init(min: Swift.min(manager.min, total), max: Swift.max(manager.max, total))
            leader = .init(min: Swift.min(leader.min, leaderTotal), max: Swift.max(leader.max, leaderTotal))
            shortest = Swift.min(shortest ?? .max, decisions)
            longestCondensed = Swift.max(longestCondensed ?? .min, condensed)
            return
        }
        onPath[scene] = true
        for edge in graph.choices[scene] where !onPath[edge.target] {
            // The documented longest path: inside a loop, the fewest decisions from the scene
            // the path entered at to the scene it leaves from; one per step between loops.
            let inside = graph.isInsideLoop(scene, edge.target)
            walk(graph, edge.target, &onPath,
                 manager: total + edge.manager, leader: leaderTotal + edge.leader, decisions: decisions + 1,
                 condensed: inside ? condensed : condensed + graph.distanceInsideLoop(from: entry, to: scene) + 1,
                 entry: inside ? entry : edge.target)
        }
        onPath[scene] = false
    }
}

extension RandomGraph {
    /// Fewest decisions from `source` to `target` without leaving their loop (0 when equal).
    func distanceInsideLoop(from source: Int, to target: Int) -> Int {
        var distance = [source: 0]
        var queue = [source]
        var head = 0
        while head < queue.count {
            let scene = queue[head]
            head += 1
            if scene == target { return distance[scene]! }
            for edge in choices[scene] where distance[edge.target] == nil && isInsideLoop(scene, edge.target) {
                distance[edge.target] = distance[scene]! + 1
                queue.append(edge.target)
            }
        }
        return 0
    }
}
