import Foundation

/// Percents from 0 to 100 counted in 101 bins, so the mean, median and quartiles of any
/// number of attempts are exact in constant memory.
struct PercentHistogram: Sendable, Equatable {
    private(set) var bins = [Int](repeating: 0, count: 101)
    private(set) var count = 0
    private(set) var sum = 0

    /// Counts one percent (clamped to 0...100).
    mutating func add(_ percent: Int) {
        let value = Swift.max(0, Swift.min(100, percent))
        bins[value] += 1
        count += 1
        sum += value
    }

    /// The summary statistics, or nil when nothing was counted.
    var distribution: Distribution? {
        guard count > 0 else { return nil }
        return Distribution(mean: Distribution.tenths(Double(sum) / Double(count)),
                            median: quantile(0.5), q1: quantile(0.25), q3: quantile(0.75),
                            min: value(atRank: 0), max: value(atRank: count - 1))
    }

    /// The `p` quantile by linear interpolation between order statistics (Hyndman and
    /// Fan's type 7: numpy's default, and Python's `statistics.quantiles(method="inclusive")`).
    func quantile(_ p: Double) -> Double {
        let h = Double(count - 1) * p
        let low = Int(h.rounded(.down))
        let fraction = h - Double(low)
        let a = Double(value(atRank: low))
        let b = fraction > 0 ? Double(value(atRank: Swift.min(low + 1, count - 1))) : a
        return Distribution.tenths(a + fraction * (b - a))
    }

    /// The value at a 0-based rank in sorted order.
    func value(atRank rank: Int) -> Int {
        var seen = 0
        for (value, number) in bins.enumerated() {
            seen += number
            if seen > rank { return value }
        }
        return 100
    }
}

/// Mean, median and quartiles of one axis's percents (to one decimal place), with the
/// lowest and highest.
public struct Distribution: Codable, Sendable, Equatable {
    public var mean: Double
    public var median: Double
    public var q1: Double
    public var q3: Double
    public var min: Int
    public var max: Int

    public init(mean: Double, median: Double, q1: Double, q3: Double, min: Int, max: Int) {
        self.mean = mean
        self.median = median
        self.q1 = q1
        self.q3 = q3
        self.min = min
        self.max = max
    }

    /// Rounded to one decimal place, halves away from zero.
    static func tenths(_ value: Double) -> Double { (value * 10).rounded(.toNearestOrAwayFromZero) / 10 }
}
