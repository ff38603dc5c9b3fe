/// A non-negative count of paths: exact up to 2^1024, which may exceed 64 bits.
///
/// Counts stay a single machine word until an addition overflows; only then do they
/// grow limbs, so the common case costs no allocation. Past ``exactLimbs`` limbs
/// (2^1024, about 1.8 × 10^308) a count is *saturated*: it means "more than 10^308" and
/// stays so. Without that ceiling a chain of N two-way decisions would carry N-bit
/// counts through N scenes — quadratic time and memory in the length of the chain.
public struct PathCount: Sendable, Hashable, CustomStringConvertible {
    /// The most 64-bit limbs an exact count has.
    public static let exactLimbs = 16

    /// The value while it fits in 64 bits (no allocation).
    private var small: UInt64
    /// Little-endian 64-bit limbs once the value has outgrown `small`; empty until then.
    private var big: [UInt64] = []
    /// True once the count passed 2^(64 × exactLimbs); then `small` and `big` mean nothing.
    public private(set) var isSaturated = false

    public init(_ value: UInt64 = 0) { small = value }

    private var limbs: [UInt64] {
        get { big.isEmpty ? [small] : big }
        set {
            if newValue.count == 1 { small = newValue[0]; big = [] } else { big = newValue }
        }
    }

    // Equal values compare equal whichever representation holds them (`small` is stale once
    // `big` is in use); saturated counts are all alike.
    public static func == (lhs: PathCount, rhs: PathCount) -> Bool {
        lhs.isSaturated == rhs.isSaturated && (lhs.isSaturated || lhs.limbs == rhs.limbs)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(isSaturated)
        if !isSaturated { hasher.combine(limbs) }
    }

    public static let zero = PathCount(0)
    public static let one = PathCount(1)

    /// The 64-bit limbs the value takes (none once saturated): the cost of adding it.
    var limbCount: Int { isSaturated ? 0 : Swift.max(1, big.count) }

    public var isZero: Bool { !isSaturated && big.isEmpty && small == 0 }

    /// The value when it fits in 64 bits.
    public var uint64: UInt64? { big.isEmpty && !isSaturated ? small : nil }

    public static func += (lhs: inout PathCount, rhs: PathCount) {
        if lhs.isSaturated || rhs.isSaturated {
            lhs.saturate()
            return
        }
        if lhs.big.isEmpty, rhs.big.isEmpty {
            let (sum, overflow) = lhs.small.addingReportingOverflow(rhs.small)
            if overflow { lhs.big = [sum, 1] } else { lhs.small = sum }
            return
        }
        lhs.addLimbs(rhs.limbs)
    }

    /// Adds limb by limb; only reached once a count has outgrown 64 bits.
    private mutating func addLimbs(_ other: [UInt64]) {
        var limbs = self.limbs
        if limbs.count < other.count {
            limbs.append(contentsOf: repeatElement(0, count: other.count - limbs.count))
        }
        var carry: UInt64 = 0
        for index in limbs.indices {
            let addend = index < other.count ? other[index] : 0
            if addend == 0 && carry == 0 && index >= other.count { break }
            let (partial, overflow1) = limbs[index].addingReportingOverflow(addend)
            let (sum, overflow2) = partial.addingReportingOverflow(carry)
            limbs[index] = sum
            carry = (overflow1 ? 1 : 0) + (overflow2 ? 1 : 0)
        }
        if carry != 0 { limbs.append(carry) }
        if limbs.count > PathCount.exactLimbs {
            saturate()
        } else {
            self.limbs = limbs
        }
    }

    private mutating func saturate() {
        isSaturated = true
        small = 0
        big = []
    }

    /// The decimal digits, or "more than 10^308" for a saturated count.
    public var description: String {
        if isSaturated { return "more than 10^308" }
        if let small = uint64 { return String(small) }
        // Repeated division by 10^19 on a copy of the limbs.
        var remaining = limbs
        var chunks: [UInt64] = []
        let base: UInt64 = 10_000_000_000_000_000_000
        while !(remaining.count == 1 && remaining[0] == 0) {
            var remainder: UInt64 = 0
            for index in remaining.indices.reversed() {
                let (quotient, rest) = base.dividingFullWidth((high: remainder, low: remaining[index]))
                remaining[index] = quotient
                remainder = rest
            }
            while remaining.count > 1 && remaining.last == 0 { remaining.removeLast() }
            chunks.append(remainder)
        }
        var text = String(chunks.last ?? 0)
        for chunk in chunks.dropLast().reversed() {
            let digits = String(chunk)
            text += String(repeating: "0", count: 19 - digits.count) + digits
        }
        return text
    }
}
