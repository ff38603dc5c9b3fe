import TwofoldCore

/// The cohort's chart on the quadrant (``QuadrantFrame``): every attempt, attempts at the
/// same position sharing one dot whose area grows with their number and which shows
/// that number, so a crowd never hides behind a single point. Dots are translucent and
/// drawn largest first, so nearby dots stay visible; each has a tooltip with its position
/// and count. The region names sit in the outer corners, clear of the dots.
enum CohortScatter {
    static func svg(_ s: ScenarioSummary) -> String {
        let frame = QuadrantFrame(size: 280, threshold: s.profileThreshold)
        var parts = frame.open(className: "chart cohort-chart",
                               label: "Manager and leader percent of \(CohortText.count(s.attempts, "attempt")), profiles split at \(s.profileThreshold)%")
        let f = QuadrantFrame.f
        let largest = s.points.map(\.count).max() ?? 1
        for point in s.points.sorted(by: { ($0.count, $1.manager, $1.leader) > ($1.count, $0.manager, $0.leader) }) {
            let cx = f(frame.x(Double(point.manager))), cy = frame.y(Double(point.leader))
            parts.append("<g class=\"attempt\"><title>\(CohortText.count(point.count, "attempt")): manager \(point.manager)%, leader \(point.leader)%</title>"
                         + "<circle cx=\"\(cx)\" cy=\"\(f(cy))\" r=\"\(f(radius(point.count, largest: largest)))\"/>"
                         + "<text x=\"\(cx)\" y=\"\(f(cy + 3.5))\" text-anchor=\"middle\">\(point.count)</text></g>")
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    /// 7 for one attempt (room for its count), growing with the square root of the count up to 16.
    static func radius(_ count: Int, largest: Int) -> Double {
        guard count > 1, largest > 1 else { return 7 }
        return 7 + 9 * (Double(count) - 1).squareRoot() / (Double(largest) - 1).squareRoot()
    }
}
