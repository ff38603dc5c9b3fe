import Foundation
import Synchronization
import TwofoldApp
import TwofoldCore

/// The room's backend over the application's ``GroupSession``, the one owner of the
/// session: phones' joins and votes are applied (and saved) through it exactly as the
/// facilitator's typed commands are, and every change, from either side, reaches the
/// room's live channel.
public final class GroupRoom: RoomBackend {
    public let session: GroupSession

    private struct Guarded {
        var snapshot: RoomSnapshot
        var countdownEnds: Date?
        var streams: [Int: AsyncStream<Void>.Continuation] = [:]
        var nextStream = 0
    }

    private let guarded: Mutex<Guarded>
    private let observation = Mutex<GroupSession.Observation?>(nil)
    private let joins: StepBatcher<(name: String, token: String), Int>
    private let votes: StepBatcher<(participant: Int, choice: Int), Void>

    public init(session: GroupSession) {
        self.session = session
        guarded = Mutex(Guarded(snapshot: RoomSnapshot(facilitation: session.current)))
        joins = StepBatcher { batch in Self.apply(batch, to: session, RoomRules.admitAll) }
        votes = StepBatcher { batch in Self.apply(batch, to: session, RoomRules.votes) }
        let observation = session.observe { [weak self] facilitation in self?.changed(facilitation) }
        self.observation.withLock { $0 = observation }
    }

    /// Stops following the session.
    public func close() {
        observation.withLock { $0?.cancel() }
        let streams = guarded.withLock { guarded in defer { guarded.streams = [:] }; return guarded.streams.values }
        for stream in streams { stream.finish() }
    }

    public func snapshot() async -> RoomSnapshot { current }

    /// The session and its room now, without waiting.
    public var current: RoomSnapshot { guarded.withLock { $0.snapshot } }

    public func join(name: String, token: String) async throws(RoomRefusal) -> Int {
        try await joins.submit((name, token)).get()
    }

    public func vote(participant: Int, choice: Int) async throws(RoomRefusal) {
        try await votes.submit((participant, choice)).get()
    }

    /// Applies a batch of phones' requests to the session as one saved step. When the
    /// step cannot be saved, every request it held is refused as not saved.
    private static func apply<Request, Answer>(
        _ batch: [Request], to session: GroupSession,
        _ rule: ([Request], inout Facilitation) -> (FacilitationStep?, [Result<Answer, RoomRefusal>])
    ) -> [Result<Answer, RoomRefusal>] {
        var results: [Result<Answer, RoomRefusal>] = []
        do {
            try session.apply { (facilitation: inout Facilitation, _: Date) throws -> ((), FacilitationStep) in
                let (step, outcomes) = rule(batch, &facilitation)
                results = outcomes
                guard let step else { throw BatchUnchanged() }
                return ((), step)
            }
        } catch is BatchUnchanged {
        } catch {
            let reason = String(describing: error)
            results = results.map { result in result.flatMap { _ in .failure(.notSaved(reason)) } }
            if results.isEmpty { results = batch.map { _ in .failure(.notSaved(reason)) } }
        }
        return results
    }

    /// Starts (or, with nil, stops) the discussion countdown the pages show.
    public func setCountdown(endingAt end: Date?) {
        guarded.withLock { guarded in
            guarded.countdownEnds = end
            guarded.snapshot = RoomSnapshot(facilitation: guarded.snapshot.facilitation, countdownEnds: end)
        }
        notify()
    }

    public func changes() -> AsyncStream<Void> {
        let (stream, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let id = guarded.withLock { guarded in
            defer { guarded.nextStream += 1 }
            guarded.streams[guarded.nextStream] = continuation
            return guarded.nextStream
        }
        continuation.onTermination = { [weak self] _ in
            _ = self?.guarded.withLock { $0.streams.removeValue(forKey: id) }
        }
        return stream
    }

    /// Keeps the newest state (observers may be called out of order from two threads).
    private func changed(_ facilitation: Facilitation) {
        let newer = guarded.withLock { guarded in
            guard facilitation.turn >= guarded.snapshot.facilitation.turn else { return false }
            guarded.snapshot = RoomSnapshot(facilitation: facilitation, countdownEnds: guarded.countdownEnds)
            return true
        }
        if newer { notify() }
    }

    private func notify() {
        for stream in guarded.withLock({ Array($0.streams.values) }) { stream.yield() }
    }
}

/// A batch in which no request stood: nothing to save, each request has its refusal.
private struct BatchUnchanged: Error {}
