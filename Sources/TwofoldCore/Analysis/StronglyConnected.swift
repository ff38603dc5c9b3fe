/// Strongly connected components (Tarjan's algorithm, iterative so deep graphs cannot
/// overflow the stack). Components come out sinks first: a component is numbered after
/// every component it can reach, which is the order the bounds DP needs.
///
/// The one implementation for every graph in the project: scenes (``ScenarioGraph``) and
/// play states (``PlaySpace``) alike, given as compressed adjacency — the edges of vertex
/// `v` are `edgeStart[v]..<edgeStart[v+1]`, their targets in `edgeTarget` (a negative
/// target, a broken link, is no edge).
///
/// Searches start from the last vertex down. Scenario files are mostly written forwards
/// (a choice leads to a scene further down) and play states are numbered as they are
/// discovered, so most searches are one vertex long, the memory they touch stays within a
/// window just ahead of the vertex, and components come out in about reverse vertex
/// order — which makes the passes over components that follow nearly sequential too. On
/// a million scenes that is the difference between a cache miss per edge and almost none.
struct StronglyConnected: Sendable {
    /// The component of each vertex.
    let component: [Int32]
    /// Vertices grouped by component: members of `c` are `members[memberStart[c]..<memberStart[c+1]]`.
    let members: [Int32]
    let memberStart: [Int32]

    var count: Int { memberStart.count - 1 }

    /// Tarjan's per-vertex state in one place, so checking an edge's target reads one slot:
    /// discovery index (-1: not yet), low link, and component (-1 while on the stack).
    private struct Visit {
        var index: Int32 = -1
        var low: Int32 = 0
        var component: Int32 = -1
    }

    init(_ graph: ScenarioGraph) {
        self.init(vertexCount: graph.sceneCount, edgeStart: graph.edgeStart, edgeTarget: graph.edgeTarget)
    }

    init(vertexCount n: Int, edgeStart: [Int32], edgeTarget: [Int32]) {
        var visits = [Visit](repeating: Visit(), count: n)
        var stack: [Int32] = []
        var members: [Int32] = []
        members.reserveCapacity(n)
        var memberStart: [Int32] = [0]
        var frames: [(vertex: Int32, cursor: Int32)] = []
        var nextIndex: Int32 = 0
        var componentCount: Int32 = 0

        for root in stride(from: n - 1, through: 0, by: -1) where visits[root].index == -1 {
            visits[root].index = nextIndex
            visits[root].low = nextIndex
            nextIndex += 1
            stack.append(Int32(root))
            frames.append((Int32(root), edgeStart[root]))
            while let top = frames.last {
                let v = Int(top.vertex)
                let cursor = Int(top.cursor)
                if cursor < Int(edgeStart[v + 1]) {
                    frames[frames.count - 1].cursor += 1
                    let w = Int(edgeTarget[cursor])
                    if w < 0 { continue }
                    let target = visits[w]
                    if target.index == -1 {
                        visits[w].index = nextIndex
                        visits[w].low = nextIndex
                        nextIndex += 1
                        stack.append(Int32(w))
                        frames.append((Int32(w), edgeStart[w]))
                    } else if target.component == -1 {  // on the stack
                        visits[v].low = min(visits[v].low, target.index)
                    }
                    continue
                }
                frames.removeLast()
                if visits[v].low == visits[v].index {
                    while true {
                        let w = Int(stack.removeLast())
                        visits[w].component = componentCount
                        members.append(Int32(w))
                        if w == v { break }
                    }
                    componentCount += 1
                    memberStart.append(Int32(members.count))
                }
                if let parent = frames.last {
                    let p = Int(parent.vertex)
                    visits[p].low = min(visits[p].low, visits[v].low)
                }
            }
        }
        component = visits.map(\.component)
        self.members = members
        self.memberStart = memberStart
    }

    func members(of component: Int) -> ArraySlice<Int32> {
        members[Int(memberStart[component])..<Int(memberStart[component + 1])]
    }
}
