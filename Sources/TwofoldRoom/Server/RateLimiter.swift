import Synchronization

/// A token bucket per client address: each request spends tokens, which refill at a
/// steady rate up to the bucket's size. A phone never comes near the limit; a script
/// hammering the room (or guessing join codes) is answered 429.
public final class RateLimiter: Sendable {
    /// How big each client's bucket is and how fast it refills.
    public struct Policy: Sendable {
        /// The most requests a client may make at once.
        public var burst: Double
        /// Requests per second a client may keep up.
        public var perSecond: Double
        /// What a join with a wrong code costs, so codes cannot be guessed quickly.
        public var wrongCodeCost: Double

        public init(burst: Double, perSecond: Double, wrongCodeCost: Double) {
            self.burst = burst
            self.perSecond = perSecond
            self.wrongCodeCost = wrongCodeCost
        }

        /// Room for a phone loading the page, joining, reconnecting and voting, with
        /// about one wrong code a second at most.
        public static let standard = Policy(burst: 60, perSecond: 10, wrongCodeCost: 10)
    }

    /// The most clients remembered; past it, clients with full buckets are forgotten.
    static let maxClients = 10_000

    private struct Bucket {
        var tokens: Double
        var updated: ContinuousClock.Instant
    }

    public let policy: Policy
    private let buckets = Mutex<[String: Bucket]>([:])

    public init(policy: Policy) { self.policy = policy }

    /// Spends `cost` from `client`'s bucket; false (and nothing spent) when it holds less.
    public func allow(_ client: String, cost: Double = 1, now: ContinuousClock.Instant = .now) -> Bool {
        buckets.withLock { buckets in
            var bucket = buckets[client] ?? Bucket(tokens: policy.burst, updated: now)
            let elapsed = Double((now - bucket.updated).components.seconds)
                + Double((now - bucket.updated).components.attoseconds) / 1e18
            bucket.tokens = min(policy.burst, bucket.tokens + max(0, elapsed) * policy.perSecond)
            bucket.updated = now
            let allowed = bucket.tokens >= cost
            if allowed { bucket.tokens -= cost }
            buckets[client] = bucket
            if buckets.count > Self.maxClients { forgetIdle(&buckets, now: now) }
            return allowed
        }
    }

    /// Drops clients whose buckets would be full by now: they lose nothing by it.
    private func forgetIdle(_ buckets: inout [String: Bucket], now: ContinuousClock.Instant) {
        let refill = Duration.seconds(policy.burst / max(policy.perSecond, 0.001))
        buckets = buckets.filter { now - $0.value.updated < refill }
    }
}
