import Foundation
import Synchronization

/// Phones' requests that arrive together, applied and saved as one step.
///
/// While one batch is being saved (a write to the records store, synced to disk), the
/// requests that arrive meanwhile wait, and go together as the next batch: one write for
/// many votes, so a room voting at once is not held up by the disk, and still every
/// request is saved before it is answered. An idle room saves each request on its own,
/// at once. The saving runs on a thread of its own, never on the concurrency pool the
/// server's handlers need.
final class StepBatcher<Request: Sendable, Answer: Sendable>: Sendable {
    /// Applies a batch as one step; one result per request, in order.
    typealias Apply = @Sendable ([Request]) -> [Result<Answer, RoomRefusal>]

    private struct Waiting {
        var pending: [(request: Request, reply: CheckedContinuation<Result<Answer, RoomRefusal>, Never>)] = []
        var running = false
    }

    private let waiting = Mutex(Waiting())
    private let apply: Apply

    init(apply: @escaping Apply) { self.apply = apply }

    /// Queues `request` and waits for the batch it goes in to be saved.
    func submit(_ request: Request) async -> Result<Answer, RoomRefusal> {
        await withCheckedContinuation { reply in
            let start = waiting.withLock { waiting in
                waiting.pending.append((request, reply))
                defer { waiting.running = true }
                return !waiting.running
            }
            if start { Thread { self.drain() }.start() }
        }
    }

    /// Saves batch after batch until nothing waits.
    private func drain() {
        while true {
            let batch = waiting.withLock { waiting in
                defer { waiting.pending = [] }
                if waiting.pending.isEmpty { waiting.running = false }
                return waiting.pending
            }
            if batch.isEmpty { return }
            let results = apply(batch.map(\.request))
            for (index, item) in batch.enumerated() {
                item.reply.resume(returning: index < results.count ? results[index] : .failure(.notSaved("no answer")))
            }
        }
    }
}
