import Foundation
import TwofoldCore

/// A facilitated session in progress: the one owner of its ``Facilitation``.
///
/// The facilitator's prompt and, in room mode, the participants' phones all change the
/// session through it, one change at a time under a lock. Each change is saved as a step
/// before it takes effect, then every observer hears of the new state — so a vote that
/// arrives while the facilitator types is neither lost nor applied twice.
public final class GroupSession: @unchecked Sendable {
    /// The session's id in the records store (the group report's `groupSessionId`).
    public let id: String
    public let options: AttemptOptions
    public let analysis: ScenarioAnalysis
    private let clock: any Clock
    private let save: (FacilitationState, FacilitationStep) throws -> Void
    private let lock = NSLock()
    private var facilitation: Facilitation
    private var observers: [Int: @Sendable (Facilitation) -> Void] = [:]
    private var nextObserver = 0

    public init(id: String, options: AttemptOptions, facilitation: Facilitation, analysis: ScenarioAnalysis,
                clock: any Clock, save: @escaping (FacilitationState, FacilitationStep) throws -> Void) {
        self.id = id
        self.options = options
        self.facilitation = facilitation
        self.analysis = analysis
        self.clock = clock
        self.save = save
    }

    /// The session as it stands now.
    public var current: Facilitation { lock.withLock { facilitation } }

    /// Applies one change to the session: `change` works on a copy and names the step it
    /// took; the step is saved, and only then does the copy become the session. A change
    /// that throws, or a save that fails, changes nothing.
    @discardableResult
    public func apply<Result>(_ change: (inout Facilitation, Date) throws -> (Result, FacilitationStep)) throws -> Result {
        let (result, snapshot, listeners): (Result, Facilitation, [@Sendable (Facilitation) -> Void]) = try lock.withLock {
            var next = facilitation
            let (result, step) = try change(&next, clock.now())
            try save(next.state, step)
            facilitation = next
            return (result, next, Array(observers.values))
        }
        for listener in listeners { listener(snapshot) }
        return result
    }

    /// Calls `listener` with the new state after every change, until the returned
    /// ``Observation`` is cancelled. Called outside the lock, on the changing thread.
    public func observe(_ listener: @escaping @Sendable (Facilitation) -> Void) -> Observation {
        let key = lock.withLock {
            nextObserver += 1
            observers[nextObserver] = listener
            return nextObserver
        }
        return Observation { [weak self] in self?.lock.withLock { _ = self?.observers.removeValue(forKey: key) } }
    }

    /// A subscription to a session's changes.
    public final class Observation: @unchecked Sendable {
        private let cancelAction: () -> Void
        init(_ cancel: @escaping () -> Void) { cancelAction = cancel }
        public func cancel() { cancelAction() }
    }

    // MARK: The facilitator's commands

    /// `2 1 2`: one mark per participant.
    @discardableResult
    public func castBallot(_ marks: [VoteMark]) throws -> FacilitationStep {
        try apply { session, _ in let step = try session.castBallot(marks); return (step, step) }
    }

    /// `Ben=3`: some participants' votes.
    @discardableResult
    public func cast(_ assignments: [VoteAssignment]) throws -> FacilitationStep {
        try apply { session, _ in let step = try session.cast(assignments); return (step, step) }
    }

    @discardableResult
    public func reveal() throws -> FacilitationStep {
        try apply { session, _ in let step = try session.reveal(); return (step, step) }
    }

    /// `go` / `go N`.
    public func go(_ number: Int?) throws -> Facilitation.Move {
        try apply { session, now in let move = try session.go(number, at: now); return (move, move.step) }
    }

    public func back() throws -> (decision: GroupDecision, step: FacilitationStep) {
        try apply { session, now in let undone = try session.back(at: now); return (undone, undone.step) }
    }
}
