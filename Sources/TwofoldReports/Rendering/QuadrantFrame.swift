import TwofoldCore

/// The manager × leader quadrant every chart is drawn on — the learner's, the group's and
/// the cohort's: manager % across, leader % up, the four profile regions shaded and split
/// at the scenario's threshold, their names in the corners away from the top edge (where
/// the best scores, and so the labels of points, gather), ticks and axis titles. Charts add their points with ``x(_:)`` and ``y(_:)``.
struct QuadrantFrame {
    let left = 52.0, top = 14.0
    let size: Double
    let threshold: Double
    /// The region the viewer stands in, drawn stronger.
    var current: ProfileKey?

    init(size: Double, threshold: Int, current: ProfileKey? = nil) {
        self.size = size
        self.threshold = Double(Swift.max(0, Swift.min(100, threshold)))
        self.current = current
    }

    var right: Double { left + size }
    var bottom: Double { top + size }
    /// The `viewBox` size that holds the frame, its ticks and titles.
    var width: Double { right + 18 }
    var height: Double { bottom + 40 }

    func x(_ percent: Double) -> Double { left + size * Swift.min(100, Swift.max(0, percent)) / 100 }
    func y(_ percent: Double) -> Double { top + size - size * Swift.min(100, Swift.max(0, percent)) / 100 }

    /// The opening `<svg>` and everything behind the points.
    func open(className: String, label: String) -> [String] {
        let f = Self.f
        let tx = x(threshold), ty = y(threshold)
        var parts = ["<svg class=\"\(className)\" viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\" aria-label=\"\(HTMLText.escape(label))\">"]
        let regions: [(ProfileKey, Double, Double, Double, Double)] = [
            (.emerging, left, ty, tx - left, bottom - ty), (.manager, tx, ty, right - tx, bottom - ty),
            (.leader, left, top, tx - left, ty - top), (.both, tx, top, right - tx, ty - top),
        ]
        for (key, rx, ry, w, h) in regions where w > 0 && h > 0 {
            let mine = key == current ? " current" : ""
            parts.append("<rect class=\"region region-\(key.rawValue)\(mine)\" x=\"\(f(rx))\" y=\"\(f(ry))\" width=\"\(f(w))\" height=\"\(f(h))\"/>")
        }
        let corners: [(ProfileKey, Double, Double, String)] = [
            (.leader, left + 6, ty - 6, "start"), (.both, right - 6, ty - 6, "end"),
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
        parts.append("<text class=\"axis-title\" x=\"\(f(left + size / 2))\" y=\"\(f(bottom + 32))\" text-anchor=\"middle\">Manager %</text>")
        parts.append("<text class=\"axis-title\" transform=\"translate(14 \(f(top + size / 2))) rotate(-90)\" text-anchor=\"middle\">Leader %</text>")
        return parts
    }

    /// A coordinate to one decimal place, without a trailing `.0`.
    static func f(_ value: Double) -> String { ReportText.seconds(value) }
}
