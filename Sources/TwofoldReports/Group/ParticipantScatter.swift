import TwofoldCore

/// The group's inline SVG scatter: every participant on the manager × leader quadrant
/// (manager % across, leader % up), the four profile regions shaded and split at the
/// scenario's threshold, each point labelled with the names at it. All text is escaped.
enum ParticipantScatter {
    private static let left = 52.0, top = 14.0, size = 420.0

    static func svg(_ report: GroupReport) -> String {
        let threshold = Double(Swift.max(0, Swift.min(100, report.scenario.profileThreshold)))
        let tx = x(threshold), ty = y(threshold)
        let right = left + size, bottom = top + size
        let f = QuadrantChart.f
        var parts: [String] = []
        parts.append("<svg class=\"chart scatter\" viewBox=\"0 0 \(f(left + size + 20)) \(f(bottom + 44))\" role=\"img\" aria-label=\"Participants on the manager and leader quadrant\">")
        let regions: [(ProfileKey, Double, Double, Double, Double)] = [
            (.emerging, left, ty, tx - left, bottom - ty),
            (.manager, tx, ty, right - tx, bottom - ty),
            (.leader, left, top, tx - left, ty - top),
            (.both, tx, top, right - tx, ty - top),
        ]
        for (key, rx, ry, width, height) in regions where width > 0 && height > 0 {
            parts.append("<rect class=\"region region-\(key.rawValue)\" x=\"\(f(rx))\" y=\"\(f(ry))\" width=\"\(f(width))\" height=\"\(f(height))\"/>")
        }
        // Region names in the chart's outer corners, away from the threshold lines where points gather.
        let corners: [(ProfileKey, Double, Double, String)] = [
            (.leader, left + 6, top + 14, "start"), (.both, right - 6, top + 14, "end"),
            (.emerging, left + 6, bottom - 6, "start"), (.manager, right - 6, bottom - 6, "end"),
        ]
        for (key, lx, ly, anchor) in corners {
            parts.append("<text class=\"region-label\" x=\"\(f(lx))\" y=\"\(f(ly))\" text-anchor=\"\(anchor)\">\(HTMLText.escape(key.label))</text>")
        }
        parts.append("<rect class=\"frame\" x=\"\(f(left))\" y=\"\(f(top))\" width=\"\(f(size))\" height=\"\(f(size))\"/>")
        parts.append("<line class=\"threshold\" x1=\"\(f(tx))\" y1=\"\(f(top))\" x2=\"\(f(tx))\" y2=\"\(f(bottom))\"/>")
        parts.append("<line class=\"threshold\" x1=\"\(f(left))\" y1=\"\(f(ty))\" x2=\"\(f(right))\" y2=\"\(f(ty))\"/>")
        for tick in Set([0.0, 50.0, 100.0, threshold]).sorted() {
            parts.append("<text class=\"tick\" x=\"\(f(x(tick)))\" y=\"\(f(bottom + 14))\" text-anchor=\"middle\">\(Int(tick))</text>")
            parts.append("<text class=\"tick\" x=\"\(f(left - 6))\" y=\"\(f(y(tick) + 4))\" text-anchor=\"end\">\(Int(tick))</text>")
        }
        parts.append("<text class=\"axis-title\" x=\"\(f(left + size / 2))\" y=\"\(f(bottom + 34))\" text-anchor=\"middle\">Manager %</text>")
        parts.append("<text class=\"axis-title\" transform=\"translate(14 \(f(top + size / 2))) rotate(-90)\" text-anchor=\"middle\">Leader %</text>")
        for (index, point) in points(report).enumerated() {
            parts.append(label(point, below: index % 2 == 1))
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    /// Participants at the same spot share one point, named together.
    private struct Point {
        var manager: Int
        var leader: Int
        var names: [String]
    }

    private static func points(_ report: GroupReport) -> [Point] {
        var points: [Point] = []
        for participant in report.participants {
            let m = clamp(participant.manager.percent), l = clamp(participant.leader.percent)
            if let index = points.firstIndex(where: { $0.manager == m && $0.leader == l }) {
                points[index].names.append(participant.name)
            } else {
                points.append(Point(manager: m, leader: l, names: [participant.name]))
            }
        }
        return points.sorted { ($0.manager, $0.leader) < ($1.manager, $1.leader) }
    }

    private static func label(_ point: Point, below: Bool) -> String {
        let f = QuadrantChart.f
        let px = x(Double(point.manager)), py = y(Double(point.leader))
        let anchor = point.manager > 65 ? "end" : "start"
        let dx = point.manager > 65 ? -10.0 : 10.0
        var placeBelow = below
        if !placeBelow && py - 12 < top { placeBelow = true }
        if placeBelow && py + 16 > top + size { placeBelow = false }
        let dy = placeBelow ? 16.0 : -9.0
        let names = point.names.map(HTMLText.escape).joined(separator: ", ")
        return "<g class=\"participant\"><circle cx=\"\(f(px))\" cy=\"\(f(py))\" r=\"6\"><title>\(names): manager \(point.manager)%, leader \(point.leader)%</title></circle>"
            + "<text x=\"\(f(px + dx))\" y=\"\(f(py + dy))\" text-anchor=\"\(anchor)\">\(names)</text></g>"
    }

    private static func x(_ percent: Double) -> Double { left + size * percent / 100 }
    private static func y(_ percent: Double) -> Double { top + size - size * percent / 100 }
    private static func clamp(_ value: Int) -> Int { Swift.max(0, Swift.min(100, value)) }
}
