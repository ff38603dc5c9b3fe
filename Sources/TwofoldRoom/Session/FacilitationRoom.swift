import Foundation
import Synchronization
import TwofoldCore

/// A ``RoomBackend`` over a core ``Facilitation`` behind a lock: the serial owner of the
/// session for the room's tests and benchmark.
///
/// Every change — a phone's join or vote, or a facilitator's step through ``apply(_:)``
/// — is made on a copy, handed to `record` (which saves it) and only then kept, so a
/// step that cannot be saved changes nothing. Observers hear of it afterwards.
public final class FacilitationRoom: RoomBackend {
    /// Saves the session after a step; the step is nil for a join.
    public typealias Record = @Sendable (FacilitationState, RoomAccess, FacilitationStep?) throws -> Void

    private struct Guarded {
        var snapshot: RoomSnapshot
        var observers: [Int: AsyncStream<Void>.Continuation] = [:]
        var nextObserver = 0
    }

    private let guarded: Mutex<Guarded>
    private let record: Record

    public init(facilitation: Facilitation, access: RoomAccess, record: @escaping Record = { _, _, _ in }) {
        guarded = Mutex(Guarded(snapshot: RoomSnapshot(facilitation: facilitation, access: access)))
        self.record = record
    }

    public func snapshot() async -> RoomSnapshot { current }

    /// The session and room now, without waiting.
    public var current: RoomSnapshot { guarded.withLock { $0.snapshot } }

    public func join(name: String, token: String) async throws(RoomRefusal) -> Int {
        try refusing {
            try change { snapshot in
                var facilitation = snapshot.facilitation, access = snapshot.access
                let participant = try RoomRules.admit(name, token: token, to: &facilitation, access: &access)
                snapshot.facilitation = facilitation
                snapshot.access = access
                return (participant, nil)
            }
        }
    }

    public func vote(participant: Int, choice: Int) async throws(RoomRefusal) {
        try refusing {
            try change { snapshot in ((), try RoomRules.vote(choice, by: participant, in: &snapshot.facilitation)) }
        }
    }

    /// A facilitator's step (typed votes, reveal, go, back), made and saved the same way.
    /// Throws the step's ``FacilitationError``, or the error that kept it from being saved.
    public func apply<T>(_ step: (inout Facilitation) throws -> (T, FacilitationStep)) throws -> T {
        try change { snapshot in
            let (value, taken) = try step(&snapshot.facilitation)
            return (value, taken)
        }
    }

    /// Starts (or, with nil, stops) the discussion countdown the presenter view shows.
    public func setCountdown(endingAt end: Date?) {
        guarded.withLock { $0.snapshot.countdownEnds = end }
        notify()
    }

    public func changes() -> AsyncStream<Void> {
        let (stream, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let id = guarded.withLock { guarded in
            let id = guarded.nextObserver
            guarded.nextObserver += 1
            guarded.observers[id] = continuation
            return id
        }
        continuation.onTermination = { [weak self] _ in
            _ = self?.guarded.withLock { $0.observers.removeValue(forKey: id) }
        }
        return stream
    }

    /// Makes a change on a copy, saves it, keeps it, then tells the observers.
    private func change<T>(_ body: (inout RoomSnapshot) throws -> (T, FacilitationStep?)) throws -> T {
        let value = try guarded.withLock { guarded throws -> T in
            var copy = guarded.snapshot
            let (value, step) = try body(&copy)
            try record(copy.facilitation.state, copy.access, step)
            guarded.snapshot = copy
            return value
        }
        notify()
        return value
    }

    /// Runs a phone's request, reporting a failure to save as ``RoomRefusal/notSaved(_:)``.
    private func refusing<T>(_ body: () throws -> T) throws(RoomRefusal) -> T {
        do { return try body() } catch let refusal as RoomRefusal { throw refusal } catch {
            throw .notSaved(String(describing: error))
        }
    }

    private func notify() {
        let observers = guarded.withLock { Array($0.observers.values) }
        for observer in observers { observer.yield() }
    }
}
