import TwofoldCore

/// The group's scatter on the quadrant (``QuadrantFrame``): participants at the same spot
/// share one numbered dot, and a key beside the chart lists who each number is — so no
/// name is ever printed next to someone else's dot. All text is escaped.
enum ParticipantScatter {
    /// Participants at the same spot.
    struct Point {
        var manager: Int
        var leader: Int
        var names: [String]
    }

    static func svg(_ report: GroupReport) -> String {
        let frame = QuadrantFrame(size: 420, threshold: report.scenario.profileThreshold)
        var parts = frame.open(className: "chart scatter", label: "Participants on the manager and leader quadrant")
        let f = QuadrantFrame.f
        for (index, point) in points(report).enumerated() {
            let px = f(frame.x(Double(point.manager))), py = frame.y(Double(point.leader))
            let names = point.names.map(HTMLText.escape).joined(separator: ", ")
            parts.append("<g class=\"participant\"><title>\(names): manager \(point.manager)%, leader \(point.leader)%</title>"
                         + "<circle cx=\"\(px)\" cy=\"\(f(py))\" r=\"9\"/>"
                         + "<text x=\"\(px)\" y=\"\(f(py + 4))\" text-anchor=\"middle\">\(index + 1)</text></g>")
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    /// The key: each dot's number with the names at it and their percents.
    static func key(_ report: GroupReport) -> String {
        let items = points(report).enumerated().map { index, point in
            "<li><span class=\"dot-number\">\(index + 1)</span> \(point.names.map(HTMLText.escape).joined(separator: ", ")) "
                + "<span class=\"muted\">manager \(point.manager)%, leader \(point.leader)%</span></li>"
        }
        return "<ol class=\"scatter-key\">\n" + items.joined(separator: "\n") + "\n</ol>"
    }

    /// Participants grouped by spot, in the order of their positions.
    static func points(_ report: GroupReport) -> [Point] {
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

    private static func clamp(_ value: Int) -> Int { Swift.max(0, Swift.min(100, value)) }
}
