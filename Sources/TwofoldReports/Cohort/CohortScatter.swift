import TwofoldCore

/// The cohort's manager × leader chart: every attempt on the quadrant, in the same frame,
/// regions and style classes as the learner report's chart (``QuadrantChart``).
///
/// Attempts at the same position share one dot whose area grows with their number and
/// which shows that number, so a crowd never hides behind a single point; dots are
/// translucent and drawn largest first, so nearby dots stay visible too. Each dot has a
/// tooltip (`<title>`) with its position and count.
enum CohortScatter {
    private static let left = 52.0, top = 14.0, size = 280.0

    static func svg(_ s: ScenarioSummary) -> String {
        let threshold = Double(max(0, min(100, s.profileThreshold)))
        let tx = x(threshold), ty = y(threshold)
        let right = left + size, bottom = top + size
        let f = QuadrantChart.f
        var parts = ["<svg class=\"chart cohort-chart\" viewBox=\"0 0 350 340\" role=\"img\" aria-label=\"Manager and leader percent of "
                     + "\(CohortText.count(s.attempts, "attempt")), profiles split at \(s.profileThreshold)%\">"]
        let regions: [(ProfileKey, Double, Double, Double, Double)] = [
            (.emerging, left, ty, tx - left, bottom - ty), (.manager, tx, ty, right - tx, bottom - ty),
            (.leader, left, top, tx - left, ty - top), (.both, tx, top, right - tx, ty - top),
        ]
        for (key, rx, ry, width, height) in regions where width > 0 && height > 0 {
            parts.append("<rect class=\"region region-\(key.rawValue)\" x=\"\(f(rx))\" y=\"\(f(ry))\" width=\"\(f(width))\" height=\"\(f(height))\"/>")
            let labelY = key == .both || key == .leader ? ry + 14 : ry + height - 8
            parts.append("<text class=\"region-label\" x=\"\(f(rx + width / 2))\" y=\"\(f(labelY))\" text-anchor=\"middle\">\(HTMLText.escape(key.label))</text>")
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
        let largest = s.points.map(\.count).max() ?? 1
        // Largest first, so smaller dots are drawn on top of them.
        for point in s.points.sorted(by: { ($0.count, $1.manager, $1.leader) > ($1.count, $0.manager, $0.leader) }) {
            let r = radius(point.count, largest: largest)
            let cx = f(x(Double(point.manager))), cy = f(y(Double(point.leader)))
            var dot = "<g class=\"attempt\"><title>\(CohortText.count(point.count, "attempt")): manager \(point.manager)%, leader \(point.leader)%</title>"
                + "<circle cx=\"\(cx)\" cy=\"\(cy)\" r=\"\(f(r))\"/>"
            if point.count > 1 {
                dot += "<text x=\"\(cx)\" y=\"\(f(y(Double(point.leader)) + 3.5))\" text-anchor=\"middle\">\(point.count)</text>"
            }
            parts.append(dot + "</g>")
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    /// 3.5 for one attempt, growing with the square root of the count up to 16.
    static func radius(_ count: Int, largest: Int) -> Double {
        guard count > 1 else { return 3.5 }
        let scale = largest > 1 ? (Double(count) - 1).squareRoot() / (Double(largest) - 1).squareRoot() : 0
        return max(7, 3.5 + 12.5 * scale)
    }

    private static func x(_ percent: Double) -> Double { left + size * min(100, max(0, percent)) / 100 }
    private static func y(_ percent: Double) -> Double { top + size - size * min(100, max(0, percent)) / 100 }
}
