import TwofoldCore

/// `twofold stats`: a scenario's shape and the score range on each axis, from the linear
/// analysis (conditions ignored), and where the balanced path lands — so a percent can be
/// read against what doing both well reaches in this scenario.
public struct ScenarioStats: Encodable, Sendable {
    public struct AxisRange: Encodable, Sendable {
        public var min: Int
        public var max: Int
        /// The balanced path's percent on this axis (nil when it cannot be found).
        public var balancedPercent: Int?
    }

    public var id: String
    public var title: String
    public var scenes: Int
    public var decisions: Int
    public var endings: Int
    public var reachableEndings: Int
    /// Exact, and may exceed 64 bits: a decimal string.
    public var paths: String
    public var shortestPath: Int
    public var longestPath: Int
    /// By axis name.
    public var axes: [String: AxisRange]

    public init(_ playable: PlayableScenario) {
        let scenario = playable.scenario, analysis = playable.analysis
        let balanced = BalancedPath.find(in: scenario, analysis: analysis)
        id = scenario.id
        title = scenario.title
        scenes = analysis.sceneCount
        decisions = analysis.decisionCount
        endings = analysis.endingCount
        reachableEndings = analysis.reachableEndingCount
        paths = analysis.pathCount.description
        shortestPath = analysis.shortestPath ?? 0
        longestPath = analysis.longestPath ?? 0
        var axes: [String: AxisRange] = [:]
        for (axis, bound) in zip(scenario.axes, analysis.bounds ?? []) {
            axes[axis.name] = AxisRange(min: bound.min, max: bound.max, balancedPercent: balanced?.scores[axis.name]?.percent)
        }
        self.axes = axes
    }

    /// Axis names in display order.
    public var axisNames: [String] { ["manager", "leader"] + axes.keys.filter { $0 != "manager" && $0 != "leader" }.sorted() }
}
