import Testing
@testable import TwofoldRoom

@Suite("Room: rate limiter")
struct RateLimiterTests {
    @Test("a bucket allows its burst, then refills at its rate, per client")
    func bucket() {
        let limiter = RateLimiter(policy: .init(burst: 3, perSecond: 2, wrongCodeCost: 2))
        let start = ContinuousClock.now
        #expect((0..<4).map { _ in limiter.allow("a", now: start) } == [true, true, true, false])
        #expect(limiter.allow("b", now: start))
        #expect(!limiter.allow("a", now: start + .milliseconds(400)))
        #expect(limiter.allow("a", now: start + .milliseconds(600)))
        #expect(!limiter.allow("a", cost: 2, now: start + .milliseconds(900)), "a costly request needs the whole cost")
        #expect(limiter.allow("a", cost: 2, now: start + .seconds(5)))
    }
}
