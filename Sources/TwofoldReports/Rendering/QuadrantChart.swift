import TwofoldCore

/// The inline SVG quadrant chart: manager % across, leader % up, the four profile regions
/// shaded and labelled, split at the scenario's profile threshold, with the learner's
/// point and (when known) the both-ways path's point.
enum QuadrantChart {
    private static let left = 52.0, top = 14.0, size = 280.0

    static func svg(_ report: LearnerReport) -> String {
        let threshold = Double(Swift.max(0, Swift.min(100, report.scenario.profileThreshold)))
        let tx = x(threshold), ty = y(threshold)
        let right = left + size, bottom = top + size
        var parts: [String] = []
        parts.append("<svg class=\"chart\" viewBox=\"0 0 350 340\" role=\"img\" aria-label=\"Quadrant chart: manager \(report.manager.percent)%, leader \(report.leader.percent)%\">")
        // Regions: emerging (low, low), manager (high x), leader (high y), both.
        let regions: [(ProfileKey, Double, Double, Double, Double)] = [
            (.emerging, left, ty, tx - left, bottom - ty),
            (.manager, tx, ty, right - tx, bottom - ty),
            (.leader, left, top, tx - left, ty - top),
            (.both, tx, top, right - tx, ty - top),
        ]
        for (key, rx, ry, width, height) in regions where width > 0 && height > 0 {
            let mine = key == report.profile.key ? " current" : ""
            parts.append("<rect class=\"region region-\(key.rawValue)\(mine)\" x=\"\(f(rx))\" y=\"\(f(ry))\" width=\"\(f(width))\" height=\"\(f(height))\"/>")
            parts.append("<text class=\"region-label\" x=\"\(f(rx + width / 2))\" y=\"\(f(ry + height / 2))\" text-anchor=\"middle\" dominant-baseline=\"middle\">\(HTMLText.escape(key.label))</text>")
        }
        parts.append("<rect class=\"frame\" x=\"\(f(left))\" y=\"\(f(top))\" width=\"\(f(size))\" height=\"\(f(size))\"/>")
        parts.append("<line class=\"threshold\" x1=\"\(f(tx))\" y1=\"\(f(top))\" x2=\"\(f(tx))\" y2=\"\(f(bottom))\"/>")
        parts.append("<line class=\"threshold\" x1=\"\(f(left))\" y1=\"\(f(ty))\" x2=\"\(f(right))\" y2=\"\(f(ty))\"/>")
        for tick in Set([0.0, 50.0, 100.0, threshold]).sorted() {
            parts.append("<text class=\"tick\" x=\"\(f(x(tick)))\" y=\"\(f(bottom + 14))\" text-anchor=\"middle\">\(Int(tick))</text>")
            parts.append("<text class=\"tick\" x=\"\(f(left - 6))\" y=\"\(f(y(tick) + 4))\" text-anchor=\"end\">\(Int(tick))</text>")
        }
        parts.append("<text class=\"axis-title\" x=\"\(f(left + size / 2))\" y=\"\(f(bottom + 32))\" text-anchor=\"middle\">Manager %</text>")
        parts.append("<text class=\"axis-title\" transform=\"translate(14 \(f(top + size / 2))) rotate(-90)\" text-anchor=\"middle\">Leader %</text>")
        if let balanced = report.balancedPath, case let m = balanced.scores.manager.percent, case let l = balanced.scores.leader.percent {
            parts.append(point(manager: m, leader: l, label: "Both-ways path", className: "balanced-point", above: true))
        }
        parts.append(point(manager: report.manager.percent, leader: report.leader.percent, label: "You", className: "you", above: false))
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    private static func point(manager: Int, leader: Int, label: String, className: String, above: Bool) -> String {
        let px = x(Double(clamp(manager))), py = y(Double(clamp(leader)))
        let anchor = manager > 70 ? "end" : "start"
        let dx = manager > 70 ? -10.0 : 10.0
        // Above or below the point as asked, unless that would leave the plot.
        var placeAbove = above
        if placeAbove && py - 12 < top { placeAbove = false }
        if !placeAbove && py + 16 > top + size { placeAbove = true }
        let dy = placeAbove ? -9.0 : 16.0
        return "<g class=\"\(className)\"><circle cx=\"\(f(px))\" cy=\"\(f(py))\" r=\"\(className == "you" ? 7 : 6)\"/>"
            + "<text x=\"\(f(px + dx))\" y=\"\(f(py + dy))\" text-anchor=\"\(anchor)\">\(HTMLText.escape(label)) (\(manager)%, \(leader)%)</text></g>"
    }

    private static func x(_ percent: Double) -> Double { left + size * percent / 100 }
    private static func y(_ percent: Double) -> Double { top + size - size * percent / 100 }
    private static func clamp(_ value: Int) -> Int { Swift.max(0, Swift.min(100, value)) }

    /// A coordinate to one decimal place, without a trailing `.0`.
    static func f(_ value: Double) -> String { ReportText.seconds(value) }
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
            + "<rect class=\"bar\" x=\"\(QuadrantChart.f(x))\" y=\"2\" width=\"\(QuadrantChart.f(width))\" height=\"8\" rx=\"1.5\"/>"
            + "<line class=\"zero-line\" x1=\"50\" y1=\"0\" x2=\"50\" y2=\"12\"/></svg>"
    }
}
