/// The attempts already merged, so a report given twice counts once.
///
/// Each attempt is remembered as a 128-bit digest of its ``CohortRow/attemptKey`` (two
/// independently salted SipHash values): 16 bytes an attempt instead of the key itself,
/// with a chance of two different attempts colliding far below one in 10^25 for a
/// million attempts. Digests are seeded per process and never stored.
public struct AttemptSet: Sendable {
    private struct Digest: Hashable, Sendable {
        var high: Int
        var low: Int
    }

    private var digests = Set<Digest>()

    public init() {}

    /// Inserts the row's attempt; false when it was already there.
    public mutating func insert(_ row: CohortRow) -> Bool {
        let key = row.attemptKey
        var first = Hasher(), second = Hasher()
        first.combine(0x5457_4F46_4F4C_4431 as UInt64)
        second.combine(0x5457_4F46_4F4C_4432 as UInt64)
        first.combine(key)
        second.combine(key)
        return digests.insert(Digest(high: first.finalize(), low: second.finalize())).inserted
    }

    /// Attempts remembered.
    public var count: Int { digests.count }
}
