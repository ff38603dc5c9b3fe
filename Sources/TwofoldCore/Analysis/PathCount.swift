/// An exact non-negative count of paths, which may exceed 64 bits.
///
/// Counts stay a single machine word until an addition overflows; only then do they
/// grow limbs, so the common case costs no allocation.
public struct PathCount: Sendable, Hashable, CustomStringConvertible {
    /// Little-endian 64-bit limbs; never empty, no trailing zero limbs beyond the first.
    private var limbs: [UInt64]

    public init(_ value: UInt64 = 0) { limbs = [value] }

    public static let zero = PathCount(0)
    public static let one = PathCount(1)

    public var isZero: Bool { limbs.count == 1 && limbs[0] == 0 }

    /// The value when it fits in 64 bits.
    public var uint64: UInt64? { limbs.count == 1 ? limbs[0] : nil }

    public static func += (lhs: inout PathCount, rhs: PathCount) {
        if lhs.limbs.count == 1, rhs.limbs.count == 1 {
            let (sum, overflow) = lhs.limbs[0].addingReportingOverflow(rhs.limbs[0])
            lhs.limbs[0] = sum
            if overflow { lhs.limbs.append(1) }
            return
        }
        if lhs.limbs.count < rhs.limbs.count {
            lhs.limbs.append(contentsOf: repeatElement(0, count: rhs.limbs.count - lhs.limbs.count))
        }
        var carry: UInt64 = 0
        for index in lhs.limbs.indices {
            let addend = index < rhs.limbs.count ? rhs.limbs[index] : 0
            if addend == 0 && carry == 0 && index >= rhs.limbs.count { break }
            let (partial, overflow1) = lhs.limbs[index].addingReportingOverflow(addend)
            let (sum, overflow2) = partial.addingReportingOverflow(carry)
            lhs.limbs[index] = sum
            carry = (overflow1 ? 1 : 0) + (overflow2 ? 1 : 0)
        }
        if carry != 0 { lhs.limbs.append(carry) }
    }

    /// The decimal digits.
    public var description: String {
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
