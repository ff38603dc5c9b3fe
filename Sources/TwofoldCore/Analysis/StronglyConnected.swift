/// Strongly connected components (Tarjan's algorithm, iterative so deep graphs cannot
/// overflow the stack). Components come out sinks first: a component is numbered after
/// every component it can reach, which is the order the bounds DP needs.
///
/// The one implementation for every graph in the project: scenes (``ScenarioGraph``) and
/// play states (``PlaySpace``) alike, given as compressed adjacency — the edges of vertex
/// `v` are `edgeStart[v]..<edgeStart[v+1]`, their targets in `edgeTarget` (a negative
/// target, a broken link, is no edge).
struct StronglyConnected: Sendable {
    /// The component of each scene.
    let component: [Int32]
    /// Scenes grouped by component: members of `c` are `members[memberStart[c]..<memberStart[c+1]]`.
    let members: [Int32]
    let memberStart: [Int32]

    var count: Int { memberStart.count - 1 }

    init(_ graph: ScenarioGraph) {
        self.init(vertexCount: graph.sceneCount, edgeStart: graph.edgeStart, edgeTarget: graph.edgeTarget)
    }

    init(vertexCount n: Int, edgeStart: [Int32], edgeTarget: [Int32]) {
        var index = [Int32](repeating: -1, count: n)
        var low = [Int32](repeating: 0, count: n)
        var onStack = [Bool](repeating: false, count: n)
        var component = [Int32](repeating: -1, count: n)
        var stack: [Int32] = []
        var members: [Int32] = []
        members.reserveCapacity(n)
        var memberStart: [Int32] = [0]
        var frames: [(scene: Int32, cursor: Int32)] = []
        var nextIndex: Int32 = 0
        var componentCount: Int32 = 0

        for root in 0..<n where index[root] == -1 {
            index[root] = nextIndex; low[root] = nextIndex; nextIndex += 1
            stack.append(Int32(root)); onStack[root] = true
            frames.append((Int32(root), edgeStart[root]))
            while !frames.isEmpty {
                let top = frames.count - 1
                let v = Int(frames[top].scene)
                let cursor = Int(frames[top].cursor)
                if cursor < Int(edgeStart[v + 1]) {
                    frames[top].cursor += 1
                    let w = Int(edgeTarget[cursor])
                    if w < 0 { continue }
                    if index[w] == -1 {
                        index[w] = nextIndex; low[w] = nextIndex; nextIndex += 1
                        stack.append(Int32(w)); onStack[w] = true
                        frames.append((Int32(w), edgeStart[w]))
                    } else if onStack[w] {
                        low[v] = min(low[v], index[w])
                    }
                    continue
                }
                frames.removeLast()
                if low[v] == index[v] {
                    while true {
                        let w = Int(stack.removeLast())
                        onStack[w] = false
                        component[w] = componentCount
                        members.append(Int32(w))
                        if w == v { break }
                    }
                    componentCount += 1
                    memberStart.append(Int32(members.count))
                }
                if let parent = frames.last {
                    low[Int(parent.scene)] = min(low[Int(parent.scene)], low[v])
                }
            }
        }
        self.component = component
        self.members = members
        self.memberStart = memberStart
    }

    func members(of component: Int) -> ArraySlice<Int32> {
        members[Int(memberStart[component])..<Int(memberStart[component + 1])]
    }
}
