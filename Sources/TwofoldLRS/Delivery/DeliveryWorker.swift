import Foundation
import TwofoldStore

/// Drains the outbox in the background while a session runs, so play never waits on the
/// network.
///
/// A thread of its own sleeps until ``nudge()`` says statements were queued, lingers a
/// moment (a second by default) so a few steps travel together and a choice taken back
/// straight away is withdrawn rather than voided, then sends batches until the outbox is
/// empty or a send fails; after a failure it sleeps until the next retry is due. At the
/// end of a session ``flush(timeout:)`` tries once more, failed statements included, and
/// waits a bounded time; whatever is left waits in the records store for the next run or
/// `twofold lrs push`. Failures never reach the session: they are recorded on the
/// statements, where `twofold lrs status` shows them.
public final class DeliveryWorker: @unchecked Sendable {
    private let delivery: Delivery
    private let linger: TimeInterval
    private let condition = NSCondition()
    // Guarded by `condition`:
    private var nudged = true  // statements left by an earlier run go first
    private var flushRequests = 0
    private var flushesDone = 0
    private var stopping = false
    private var running = false
    private var retryAt: Date?
    private var lastFailure: LRSError?

    public init(delivery: Delivery, linger: TimeInterval = 1) {
        self.delivery = delivery
        self.linger = linger
    }

    /// Starts the worker's thread.
    public func start() {
        condition.lock()
        defer { condition.unlock() }
        stopping = false
        guard !running else { return }
        running = true
        let thread = Thread { [self] in loop() }
        thread.name = "twofold-lrs-delivery"
        thread.start()
    }

    /// Says that statements were queued. Wakes the thread only when it is not already
    /// about to send (a step while it lingers costs no wake-up).
    public func nudge() {
        condition.lock()
        if !nudged {
            nudged = true
            condition.broadcast()
        }
        condition.unlock()
    }

    /// Sends what waits now, failed statements included, and waits until that is done or
    /// `timeout` seconds have passed. Returns the last failure of the attempt, if any.
    @discardableResult
    public func flush(timeout: TimeInterval) -> LRSError? {
        condition.lock()
        defer { condition.unlock() }
        guard running else { return nil }
        flushRequests += 1
        let wanted = flushRequests
        condition.broadcast()
        let deadline = Date().addingTimeInterval(timeout)
        while flushesDone < wanted && Date() < deadline && running {
            _ = condition.wait(until: deadline)
        }
        return lastFailure
    }

    /// Stops the thread after the round in progress (it does not wait for it).
    public func stop() {
        condition.lock()
        stopping = true
        condition.broadcast()
        condition.unlock()
    }

    private func loop() {
        condition.lock()
        while !stopping {
            while !nudged && flushRequests == flushesDone && !stopping && !(retryAt.map { Date() >= $0 } ?? false) {
                if let retryAt { _ = condition.wait(until: retryAt) } else { condition.wait() }
            }
            if stopping { break }
            if nudged && flushRequests == flushesDone && linger > 0 {
                let until = Date().addingTimeInterval(linger)
                while flushRequests == flushesDone && !stopping && Date() < until { _ = condition.wait(until: until) }
                if stopping { break }
            }
            nudged = false
            let flushing = flushRequests
            let ignoringBackoff = flushing > flushesDone
            condition.unlock()
            let (failure, nextRetry) = drain(ignoringBackoff: ignoringBackoff)
            condition.lock()
            lastFailure = failure
            retryAt = nextRetry
            flushesDone = max(flushesDone, flushing)
            condition.broadcast()
        }
        running = false
        condition.broadcast()
        condition.unlock()
    }

    /// Sends batches until nothing is due or one fails; returns the failure and when to retry.
    private func drain(ignoringBackoff: Bool) -> (LRSError?, Date?) {
        let delivery = self.delivery
        while true {
            let round: Delivery.Round
            do {
                round = try Blocking.run { () async throws -> Delivery.Round in
                    try await delivery.round(ignoringBackoff: ignoringBackoff)
                }
            } catch {
                // The records store itself failed (a full disk, say): try again in a minute.
                return (.configuration("cannot use the outbox: \(error)"), Date().addingTimeInterval(60))
            }
            switch round {
            case .idle:
                return (nil, nextDue())
            case .delivered:
                continue
            case .failed(let error, _):
                return (error, nextDue())
            }
        }
    }

    /// When the earliest failed statement is due again, if any waits.
    private func nextDue() -> Date? {
        guard let waiting = try? delivery.store.outboxWaiting(), waiting.count > 0 else { return nil }
        return waiting.nextAttemptAt ?? Date().addingTimeInterval(Delivery.backoff(attempts: 1))
    }
}
