import Foundation
import TwofoldCore

/// The ranges a learner report's numbers must keep, checked on read by both readers
/// (``LearnerReport/decodeJSON(_:)`` and the cohort's streaming reader), so that a
/// crafted or corrupted file is refused with one line instead of being rendered as
/// "1000 %" or reaching arithmetic that cannot hold it.
///
/// Both readers check in the same order, so the same file gets the same error from
/// each: `scenario.profileThreshold`, the dates, each axis score (manager, leader, then
/// the others by name), then the decisions in order (each one's deltas by axis name,
/// then its seconds). The whole-report reader then checks what only it reads: the
/// alternatives' deltas and the balanced path.
public enum ReportNumbers {
    /// The largest magnitude of a raw score or a bound. A choice scores at most ±10 and a
    /// scenario file is at most 1 GiB, so no path can come near a billion; keeping every
    /// number this small keeps sums and percents exact in `Int` and `Double` alike.
    public static let scoreLimit = 1_000_000_000

    /// The longest a decision can have taken: ten years, in seconds (the time between
    /// seeing a scene and choosing includes any time the session lay saved).
    public static let secondsLimit: Double = 10 * 365.25 * 86_400

    /// A number that cannot be right: the JSON path of the value and why.
    public struct Problem: Error, Sendable, Equatable {
        public var path: String
        public var reason: String

        /// The error a reader throws for it.
        public var error: ReportError { .impossibleValue(path: path, reason: reason) }
    }

    /// Checks the numbers at the top of a report; `group` says whether it is a group
    /// participant's (see ``axis(_:group:)``).
    public static func check(threshold: Int, startedAt: Date, finishedAt: Date,
                             scores: [(name: String, score: AxisScore)], group: Bool) throws(Problem) {
        if !(1...100).contains(threshold) {
            throw Problem(path: "scenario.profileThreshold", reason: "\(threshold) is not a percent from 1 to 100")
        }
        if finishedAt < startedAt {
            throw Problem(path: "finishedAt", reason: "the attempt finished before it started")
        }
        for (name, score) in scores {
            if let reason = axis(score, group: group) { throw Problem(path: "scores.\(name)", reason: reason) }
        }
    }

    /// Checks one decision's deltas (in axis-name order) and its seconds.
    public static func check(decision index: Int, scores: [String: Int], seconds: Double) throws(Problem) {
        try check(deltas: scores, at: "decisions[\(index)].scores")
        if let reason = self.seconds(seconds) { throw Problem(path: "decisions[\(index)].seconds", reason: reason) }
    }

    /// Checks a choice's deltas, in axis-name order; `path` is the JSON path of the object.
    public static func check(deltas: [String: Int], at path: String) throws(Problem) {
        for name in deltas.keys.sorted() {
            if let reason = delta(deltas[name]!) { throw Problem(path: "\(path).\(name)", reason: reason) }
        }
    }

    /// Why an axis score cannot be right, or nil. Every number within ±``scoreLimit``,
    /// min ≤ max, `percent` exactly what ``AxisScore/percent(raw:min:max:)`` gives, and for
    /// a solo attempt min ≤ raw ≤ max. A group participant's raw is the sum of their own
    /// votes along the group's path, which no single path need allow, so it may lie
    /// outside the bounds (and its percent outside 0–100).
    public static func axis(_ score: AxisScore, group: Bool) -> String? {
        for (field, value) in [("raw", score.raw), ("min", score.min), ("max", score.max), ("percent", score.percent)] {
            if let reason = magnitude(value, of: field) { return reason }
        }
        if score.min > score.max { return "min \(score.min) is greater than max \(score.max)" }
        if !group && !(score.min...score.max).contains(score.raw) {
            return "raw \(score.raw) is outside min \(score.min) to max \(score.max)"
        }
        let expected = AxisScore.percent(raw: score.raw, min: score.min, max: score.max)
        if score.percent != expected {
            return "percent \(score.percent) does not match raw, min and max (they give \(expected))"
        }
        return nil
    }

    /// Why a score cannot be right (beyond ±``scoreLimit``), or nil; `field` names it.
    public static func magnitude(_ value: Int, of field: String) -> String? {
        value > scoreLimit || value < -scoreLimit ? "\(field) \(value) is beyond ±\(scoreLimit), more than any scenario can score" : nil
    }

    /// Why a choice's delta cannot be right (outside −10…10), or nil.
    public static func delta(_ value: Int) -> String? {
        Scores.range.contains(value) ? nil : "\(value) is outside \(Scores.range.lowerBound) to \(Scores.range.upperBound)"
    }

    /// Why a decision's time cannot be right (negative, not finite, over ten years), or nil.
    public static func seconds(_ value: Double) -> String? {
        value.isFinite && value >= 0 && value <= secondsLimit
            ? nil : "\(value) is not a time a decision can take (0 to \(Int(secondsLimit)) seconds)"
    }

    /// Why a path's percent cannot be right (outside 0…100), or nil.
    public static func percent(_ value: Int) -> String? {
        (0...100).contains(value) ? nil : "percent \(value) is not from 0 to 100"
    }
}

extension LearnerReport {
    /// Checks every number of the report against ``ReportNumbers``, in its order.
    func checkNumbers() throws(ReportNumbers.Problem) {
        try ReportNumbers.check(threshold: scenario.profileThreshold, startedAt: startedAt, finishedAt: finishedAt,
                                scores: axisNames.compactMap { name in scores[name].map { (name, $0) } },
                                group: session.kind == .group)
        for (index, decision) in decisions.enumerated() {
            try ReportNumbers.check(decision: index, scores: decision.scores.byName, seconds: decision.seconds)
        }
        for (index, decision) in decisions.enumerated() {
            for (position, alternative) in decision.alternatives.enumerated() {
                try ReportNumbers.check(deltas: alternative.scores.byName, at: "decisions[\(index)].alternatives[\(position)].scores")
            }
        }
        guard let path = balancedPath else { return }
        for name in path.scores.axisNames.sorted() {
            let score = path.scores[name]!
            if let reason = ReportNumbers.magnitude(score.raw, of: "raw") ?? ReportNumbers.percent(score.percent) {
                throw ReportNumbers.Problem(path: "balancedPath.scores.\(name)", reason: reason)
            }
        }
        for (index, step) in path.decisions.enumerated() {
            try ReportNumbers.check(deltas: step.scores.byName, at: "balancedPath.decisions[\(index)].scores")
        }
    }
}
