/// The manager and leader totals with which each scene can be reached from `start`:
/// per scene, the lowest and highest raw total on each of the two profile axes.
///
/// A forward pass over the condensed graph (loops may only hold zero-score choices, so a
/// loop's scenes share their totals), sources first: linear in scenes plus choices, never
/// enumerating paths. A router narrows what flows down each outcome to the totals that
/// give that outcome's profile (``ProfileRegion``). Conditions are ignored.
///
/// The bounds are exact for every scene reached without passing a router (each bound is
/// some path's total) and for scenes a router leads to directly; past a router followed by
/// further scoring choices they may be wider than any path reaches (never narrower), so
/// a check built on them never misses a path.
public struct EndingReach: Sendable {
    /// Raw totals on one axis: `low...high`, empty when `low > high`.
    public struct Span: Sendable, Hashable {
        public var low: Int
        public var high: Int

        public static let empty = Span(low: Int.max, high: Int.min)
        public var isEmpty: Bool { low > high }

        mutating func widen(to other: Span) {
            low = Swift.min(low, other.low)
            high = Swift.max(high, other.high)
        }

        func shifted(by delta: Int) -> Span { isEmpty ? self : Span(low: low + delta, high: high + delta) }

        func clamped(to range: Span) -> Span { Span(low: Swift.max(low, range.low), high: Swift.min(high, range.high)) }
    }

    /// Per scene: the manager totals and the leader totals with which it can be reached.
    public let manager: [Span]
    public let leader: [Span]
    /// The regions the profiles stand for, in raw totals.
    public let region: ProfileRegion

    /// Nil when no complete path exists or a loop scores (the bounds would mean nothing).
    public init?(_ scenario: Scenario, analysis: ScenarioAnalysis) {
        guard let start = scenario.startIndex, let bounds = analysis.bounds, analysis.scoringCycles.isEmpty,
              let managerAxis = scenario.axes.firstIndex(of: .manager),
              let leaderAxis = scenario.axes.firstIndex(of: .leader) else { return nil }
        let graph = analysis.graph
        let n = graph.sceneCount
        region = ProfileRegion(manager: bounds[managerAxis], leader: bounds[leaderAxis], threshold: scenario.threshold)

        // Scenes grouped by component, sources first (components are numbered sinks first).
        let componentCount = Int(analysis.componentOf.max() ?? -1) + 1
        var groupStart = [Int](repeating: 0, count: componentCount + 1)
        for scene in 0..<n { groupStart[componentCount - 1 - Int(analysis.componentOf[scene]) + 1] += 1 }
        for c in 0..<componentCount { groupStart[c + 1] += groupStart[c] }
        var order = [Int32](repeating: 0, count: n)
        var fill = groupStart
        for scene in 0..<n {
            let slot = componentCount - 1 - Int(analysis.componentOf[scene])
            order[fill[slot]] = Int32(scene)
            fill[slot] += 1
        }

        var manager = [Span](repeating: .empty, count: n)
        var leader = [Span](repeating: .empty, count: n)
        manager[start] = Span(low: 0, high: 0)
        leader[start] = Span(low: 0, high: 0)
        for slot in 0..<componentCount {
            let members = order[groupStart[slot]..<groupStart[slot + 1]]
            // A loop's scenes are reached with the same totals: join what reached any of them.
            if members.count > 1 {
                var m = Span.empty, l = Span.empty
                for scene in members { m.widen(to: manager[Int(scene)]); l.widen(to: leader[Int(scene)]) }
                for scene in members { manager[Int(scene)] = m; leader[Int(scene)] = l }
            }
            for member in members {
                let scene = Int(member)
                let (m, l) = (manager[scene], leader[scene])
                guard !m.isEmpty, !l.isEmpty else { continue }
                if graph.isRouter[scene] {
                    for outcome in scenario.scenes[scene].outcomes where outcome.target >= 0 {
                        let target = outcome.target
                        guard analysis.componentOf[target] != analysis.componentOf[scene] else { continue }
                        let narrowed = region.spans(of: outcome.profile)
                        let (nm, nl) = (m.clamped(to: narrowed.manager), l.clamped(to: narrowed.leader))
                        guard !nm.isEmpty, !nl.isEmpty else { continue }
                        manager[target].widen(to: nm)
                        leader[target].widen(to: nl)
                    }
                    continue
                }
                for edge in graph.edges(of: scene) {
                    let target = Int(graph.edgeTarget[edge])
                    guard target >= 0, analysis.componentOf[target] != analysis.componentOf[scene] else { continue }
                    manager[target].widen(to: m.shifted(by: graph.score(edge, axis: managerAxis)))
                    leader[target].widen(to: l.shifted(by: graph.score(edge, axis: leaderAxis)))
                }
            }
        }
        self.manager = manager
        self.leader = leader
    }
}

/// Which raw totals give each profile: an axis counts when its percent reaches the
/// threshold, and percent grows with the raw total, so each profile is a box of raw totals.
public struct ProfileRegion: Sendable, Hashable {
    public let managerBounds: ScenarioAnalysis.Bounds
    public let leaderBounds: ScenarioAnalysis.Bounds
    public let threshold: Int
    /// The lowest raw total whose percent reaches the threshold, per axis.
    public let managerFloor: Int
    public let leaderFloor: Int

    public init(manager: ScenarioAnalysis.Bounds, leader: ScenarioAnalysis.Bounds, threshold: Int) {
        managerBounds = manager
        leaderBounds = leader
        self.threshold = threshold
        managerFloor = Self.floor(manager, threshold)
        leaderFloor = Self.floor(leader, threshold)
    }

    /// The lowest raw total in `bounds` at or above `threshold` percent (percent never
    /// falls as the total grows, so a binary search finds it).
    static func floor(_ bounds: ScenarioAnalysis.Bounds, _ threshold: Int) -> Int {
        var low = bounds.min, high = bounds.max
        while low < high {
            let middle = low + (high - low) / 2
            if AxisScore.percent(raw: middle, min: bounds.min, max: bounds.max) >= threshold { high = middle } else { low = middle + 1 }
        }
        return low
    }

    /// The totals on each axis that give `profile`.
    public func spans(of profile: ProfileKey) -> (manager: EndingReach.Span, leader: EndingReach.Span) {
        let managerCounts = profile == .both || profile == .manager
        let leaderCounts = profile == .both || profile == .leader
        return (Self.span(counts: managerCounts, floor: managerFloor), Self.span(counts: leaderCounts, floor: leaderFloor))
    }

    private static func span(counts: Bool, floor: Int) -> EndingReach.Span {
        counts ? .init(low: floor, high: Int.max) : .init(low: Int.min, high: floor - 1)
    }

    public func managerPercent(_ raw: Int) -> Int { AxisScore.percent(raw: raw, min: managerBounds.min, max: managerBounds.max) }
    public func leaderPercent(_ raw: Int) -> Int { AxisScore.percent(raw: raw, min: leaderBounds.min, max: leaderBounds.max) }
}
