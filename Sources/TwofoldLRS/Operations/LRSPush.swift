import Foundation
import TwofoldStore

/// `twofold lrs push`: sends everything waiting in the outbox now, failed statements
/// included, and says whether the outbox is empty.
public struct LRSPush: Sendable {
    public let delivery: Delivery
    /// How long to wait for statements another twofold process is sending at this moment.
    public var patience: TimeInterval = 30

    public init(delivery: Delivery) {
        self.delivery = delivery
    }

    /// What a push did.
    public struct Outcome: Sendable, Equatable {
        /// Statements delivered by this push.
        public var delivered: Int
        /// Statements still waiting, and why (nil when none wait).
        public var remaining: Int
        public var failure: LRSError?

        /// One line for people: what was sent, and why anything is left.
        public var summary: String {
            let sent = "\(delivered) statement\(delivered == 1 ? "" : "s") delivered"
            guard remaining > 0 else { return sent + "; the outbox is empty" }
            let left = "\(remaining) statement\(remaining == 1 ? "" : "s") still waiting"
            guard let failure else { return "\(sent); \(left): another twofold process is sending them; push again in a moment" }
            return "\(failure.description) (\(sent); \(left))"
        }
    }

    /// Sends until the outbox is empty or a send fails.
    public func run() async throws -> Outcome {
        var delivered = 0
        let giveUp = Date().addingTimeInterval(patience)
        while true {
            switch try await delivery.round(ignoringBackoff: true) {
            case .delivered(let count):
                delivered += count
            case .failed(let error, let count):
                return Outcome(delivered: delivered + count, remaining: try delivery.store.outboxWaiting().count, failure: error)
            case .idle:
                let waiting = try delivery.store.outboxWaiting().count
                // Nothing claimable yet something waits: another process holds it for now.
                guard waiting > 0, Date() < giveUp else { return Outcome(delivered: delivered, remaining: waiting, failure: nil) }
                try await Task.sleep(nanoseconds: 200_000_000)
            }
        }
    }

    /// ``run()`` from synchronous code.
    public func runBlocking() throws -> Outcome {
        let push = self
        return try Blocking.run { () async throws -> Outcome in try await push.run() }
    }
}
