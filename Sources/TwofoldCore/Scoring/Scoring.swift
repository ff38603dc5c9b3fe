/// One axis of a learner's result: the raw total and where it sits between the lowest and
/// highest totals any complete path can reach.
public struct AxisScore: Codable, Sendable, Hashable {
    public var raw: Int
    public var min: Int
    public var max: Int
    public var percent: Int

    /// The JSON field names, shared with readers that parse reports by hand.
    public enum CodingKeys: String, CodingKey { case raw, min, max, percent }

    public init(raw: Int, min: Int, max: Int) {
        self.init(raw: raw, min: min, max: max, percent: AxisScore.percent(raw: raw, min: min, max: max))
    }

    /// A score as stored, percent included (a reader checks that it agrees).
    public init(raw: Int, min: Int, max: Int, percent: Int) {
        self.raw = raw
        self.min = min
        self.max = max
        self.percent = percent
    }

    /// round(100 × (raw − min) / (max − min)); 100 when max = min. Halves round up.
    ///
    /// Total over every `Int`: the differences are taken in `Double`, so they cannot
    /// overflow, and a result beyond `Int` saturates (exact for any real scenario).
    public static func percent(raw: Int, min: Int, max: Int) -> Int {
        guard max != min else { return 100 }
        let value = (100.0 * (Double(raw) - Double(min)) / (Double(max) - Double(min))).rounded(.toNearestOrAwayFromZero)
        if let exact = Int(exactly: value) { return exact }
        return value.isNaN ? 0 : value > 0 ? Int.max : Int.min
    }
}

/// The learner profile derived from the two percents.
public struct Profile: Codable, Sendable, Hashable {
    public var key: ProfileKey
    public var label: String

    public init(_ key: ProfileKey) {
        self.key = key
        label = key.label
    }

    /// Both ≥ threshold → both; only manager → manager; only leader → leader; else emerging.
    public init(managerPercent: Int, leaderPercent: Int, threshold: Int) {
        switch (managerPercent >= threshold, leaderPercent >= threshold) {
        case (true, true): self.init(.both)
        case (true, false): self.init(.manager)
        case (false, true): self.init(.leader)
        case (false, false): self.init(.emerging)
        }
    }

    /// What the profile means, in the terms the product is built on.
    public var meaning: String {
        switch key {
        case .both:
            return "You kept today's work on track and grew your people at the same time: you supported them in their jobs and in their careers. That is where the best results come from."
        case .manager:
            return "You kept the work moving — clear priorities, problems fixed, the path cleared — but mostly told people what to do. Support their careers too: ask what they think, and give them room to stretch."
        case .leader:
            return "You invested in people's growth and judgement, but today's work slipped. Leading needs the day-to-day too: set clear expectations and make sure the work gets done."
        case .emerging:
            return "Neither the work nor the people got what they needed this time. Look at the decisions below: where could you have cleared the path, and where could you have asked instead of told?"
        }
    }
}

extension AxisScore: AxisCodable {
    /// A report's scores must carry every axis: none is assumed.
    public static var missingAxisValue: AxisScore? { nil }
}

/// A learner's scores on every axis of a scenario, and the resulting profile.
public struct ScoreCard: Codable, Sendable, Hashable {
    public var axes: AxisValues<AxisScore>
    public var profile: Profile

    public var manager: AxisScore { axes.manager }
    public var leader: AxisScore { axes.leader }

    /// Scores raw totals against the scenario's bounds (in `scenario.axes` order). The
    /// one implementation used by play, routing, facilitation and cohort alike.
    public init(totals: Scores, bounds: [ScenarioAnalysis.Bounds], scenario: Scenario) {
        func score(_ axis: Int) -> AxisScore {
            let bound = axis < bounds.count ? bounds[axis] : ScenarioAnalysis.Bounds(min: 0, max: 0)
            return AxisScore(raw: totals[scenario.axes[axis]], min: bound.min, max: bound.max)
        }
        var axes = AxisValues<AxisScore>(manager: score(0), leader: score(1))
        for index in scenario.axes.indices.dropFirst(2) { axes.extra[scenario.axes[index].name] = score(index) }
        self.axes = axes
        profile = Profile(managerPercent: axes.manager.percent, leaderPercent: axes.leader.percent,
                          threshold: scenario.threshold)
    }

    /// Scores the decisions that stand against the scenario's bounds.
    public init(decisions: [Decision], scenario: Scenario, analysis: ScenarioAnalysis) {
        let bounds = analysis.bounds ?? scenario.axes.map { _ in ScenarioAnalysis.Bounds(min: 0, max: 0) }
        self.init(totals: decisions.reduce(Scores()) { $0 + $1.scores }, bounds: bounds, scenario: scenario)
    }
}
