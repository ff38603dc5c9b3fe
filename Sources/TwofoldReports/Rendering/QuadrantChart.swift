import TwofoldCore

/// The learner report's quadrant (``QuadrantFrame``): the learner's point and, when known,
/// the both-ways path's point. Two points close together share one label placed clear of
/// both, so neither label ever prints over the other.
enum QuadrantChart {
    static func svg(_ report: LearnerReport) -> String {
        let frame = QuadrantFrame(size: 280, threshold: report.scenario.profileThreshold, current: report.profile.key)
        var parts = frame.open(className: "chart", label: "Quadrant chart: manager \(report.manager.percent)%, leader \(report.leader.percent)%")
        let you = (report.manager.percent, report.leader.percent)
        if let balanced = report.balancedPath {
            let both = (balanced.scores.manager.percent, balanced.scores.leader.percent)
            let near = abs(frame.x(Double(you.0)) - frame.x(Double(both.0))) < 90 && abs(frame.y(Double(you.1)) - frame.y(Double(both.1))) < 24
            if both == you {
                parts.append(point(frame, both, label: "You and the both-ways path", className: "you", above: true))
            } else {
                // Close together: one label above the higher point, the other below the lower one.
                let youAbove = near ? you.1 >= both.1 : false
                parts.append(point(frame, both, label: "Both-ways path", className: "balanced-point", above: !youAbove))
                parts.append(point(frame, you, label: "You", className: "you", above: youAbove))
            }
        } else {
            parts.append(point(frame, you, label: "You", className: "you", above: false))
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    private static func point(_ frame: QuadrantFrame, _ at: (Int, Int), label: String, className: String, above: Bool) -> String {
        let f = QuadrantFrame.f
        let (manager, leader) = at
        let px = frame.x(Double(manager)), py = frame.y(Double(leader))
        let anchor = manager > 60 ? "end" : "start"
        let dx = manager > 60 ? -10.0 : 10.0
        // Above or below the point as asked, unless that would leave the plot.
        var placeAbove = above
        if placeAbove && py - 12 < frame.top { placeAbove = false }
        if !placeAbove && py + 16 > frame.bottom { placeAbove = true }
        let dy = placeAbove ? -9.0 : 16.0
        return "<g class=\"\(className)\"><circle cx=\"\(f(px))\" cy=\"\(f(py))\" r=\"\(className == "you" ? 7 : 6)\"/>"
            + "<text x=\"\(f(px + dx))\" y=\"\(f(py + dy))\" text-anchor=\"\(anchor)\">\(HTMLText.escape(label)) (\(manager)%, \(leader)%)</text></g>"
    }

    /// A coordinate to one decimal place, without a trailing `.0`.
    static func f(_ value: Double) -> String { QuadrantFrame.f(value) }
}

/// A small diverging bar for one delta: right of the centre line for a gain, left for a loss.
enum DeltaBar {
    /// `scale` is the largest delta in the report (at least 1): it fills half the bar.
    static func svg(_ delta: Int, axis: String, scale: Int) -> String {
        let scale = Swift.max(1, scale)
        let clamped = Swift.max(-scale, Swift.min(scale, delta))
        let width = 46.0 * Double(abs(clamped)) / Double(scale)
        let x = clamped >= 0 ? 50.0 : 50.0 - width
        let sign = clamped > 0 ? "gain" : clamped < 0 ? "loss" : "zero"
        return "<span class=\"delta-num \(sign)\">\(ReportText.signed(delta))</span>"
            + "<svg class=\"delta-bar \(axis) \(sign)\" viewBox=\"0 0 100 12\" aria-hidden=\"true\">"
            + "<rect class=\"track\" x=\"4\" y=\"5.5\" width=\"92\" height=\"1\"/>"
            + "<rect class=\"bar\" x=\"\(QuadrantFrame.f(x))\" y=\"2\" width=\"\(QuadrantFrame.f(width))\" height=\"8\" rx=\"1.5\"/>"
            + "<line class=\"zero-line\" x1=\"50\" y1=\"0\" x2=\"50\" y2=\"12\"/></svg>"
    }
}
