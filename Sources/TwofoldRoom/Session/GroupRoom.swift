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

    public init(session: GroupSession) {
        self.session = session
        guarded = Mutex(Guarded(snapshot: RoomSnapshot(facilitation: session.current)))
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
        try refusing { try session.apply { facilitation, _ in try RoomRules.admit(name, token: token, to: &facilitation) } }
    }

    public func vote(participant: Int, choice: Int) async throws(RoomRefusal) {
        try refusing {
            try session.apply { facilitation, _ in ((), try RoomRules.vote(choice, by: participant, in: &facilitation)) }
        }
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

    /// Runs a phone's request; a refusal stays one, anything else (the store failed) is
    /// ``RoomRefusal/notSaved(_:)``.
    private func refusing<T>(_ body: () throws -> T) throws(RoomRefusal) -> T {
        do { return try body() } catch let refusal as RoomRefusal { throw refusal } catch {
            throw .notSaved(String(describing: error))
        }
    }
}
