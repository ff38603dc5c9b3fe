/// Longest paths through a loop, and the passes forwards from the start.
extension PathFlow {
    /// Inside a loop, a path may walk from the scene it enters at to the scene it leaves
    /// from: the longest path counts the fewest decisions that walk takes (so a loop is
    /// never gone round twice). On entry `longest` holds, per member, the best path that
    /// leaves directly; on return, the best over every member it can walk to first.
    /// Very large loops (over 256 scenes) are counted as zero decisions inside.
    static func longestThroughLoop(_ graph: ScenarioGraph, _ loop: [Int32], slots: inout [Slot]) {
        let members = loop.map(Int.init)
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

    /// The scenes reachable from `start`: pushed forwards through the components, sources
    /// first (the reverse of their numbering), so the pass runs in about file order
    /// instead of jumping about the file as a depth-first search does.
    static func reachable(_ graph: ScenarioGraph, _ components: StronglyConnected, from start: Int?) -> [Bool] {
        var reached = [Bool](repeating: false, count: graph.sceneCount)
        guard let start else { return reached }
        reached[start] = true
        for c in stride(from: components.count - 1, through: 0, by: -1) {
            let members = components.members(of: c)
            guard members.contains(where: { reached[Int($0)] }) else { continue }
            for member in members {
                reached[Int(member)] = true  // the scenes of a loop reach each other
                for edge in graph.edges(of: Int(member)) where graph.edgeTarget[edge] >= 0 {
                    reached[Int(graph.edgeTarget[edge])] = true
                }
            }
        }
        return reached
    }

    /// Breadth-first search (0-1: a router's outcome costs no decision): the fewest
    /// decisions from `start` to any ending.
    static func shortestPath(_ graph: ScenarioGraph, from start: Int, live: [Bool]) -> Int? {
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
}
