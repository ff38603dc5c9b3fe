import Foundation

/// A statement waiting to go to the learning record store: its id, the attempt it belongs
/// to, a short label of what it says, and its JSON text.
///
/// The store knows nothing of xAPI beyond this: it keeps the bytes and their delivery
/// state, and the statement's id makes each row unique.
public struct OutboxStatement: Sendable, Equatable {
    /// The statement's id (a UUID string); one row per id.
    public var id: String
    /// The attempt's registration (a UUID string).
    public var registration: String
    /// What the statement says, for status lines: `answered`, `completed`, `voided`.
    public var verb: String
    /// The statement as JSON (UTF-8).
    public var body: Data

    public init(id: String, registration: String, verb: String, body: Data) {
        self.id = id
        self.registration = registration
        self.verb = verb
        self.body = body
    }
}

/// A statement taken back: withdrawn from the outbox while it has never been sent, else
/// cancelled in the record store by the statement `voiding` makes.
public struct OutboxWithdrawal: Sendable {
    /// The id of the statement taken back.
    public var statementID: String
    /// Makes the statement that voids it; called only when it may already have left this
    /// machine (most take-backs come before sending, and cost no statement).
    public var voiding: @Sendable () -> OutboxStatement

    public init(statementID: String, voiding: @escaping @Sendable () -> OutboxStatement) {
        self.statementID = statementID
        self.voiding = voiding
    }
}

/// What one step does to the outbox, applied in the same transaction as the step.
public struct OutboxChange: Sendable {
    /// Statements to queue (a statement already queued is left as it is).
    public var add: [OutboxStatement]
    /// Statements to take back, in order.
    public var withdraw: [OutboxWithdrawal]

    public init(add: [OutboxStatement] = [], withdraw: [OutboxWithdrawal] = []) {
        self.add = add
        self.withdraw = withdraw
    }

    /// No change: the step is saved without touching the outbox.
    public static let none = OutboxChange()

    public var isEmpty: Bool { add.isEmpty && withdraw.isEmpty }
}

/// A statement claimed for sending: the worker that claimed it holds it until it reports
/// back (or its process ends).
public struct OutboxItem: Sendable, Equatable {
    /// The order it was queued in.
    public var sequence: Int64
    public var statementID: String
    public var verb: String
    public var body: Data
    /// Sending attempts so far, this one included.
    public var attempts: Int
}

/// How the outbox stands: what waits, what failed last and why, what was delivered.
public struct OutboxStatus: Sendable, Equatable, Codable {
    /// Statements waiting that have not failed yet (never tried, or in flight).
    public var queued: Int
    /// Waiting statements a process is sending at this moment (claimed, lease not run out).
    public var sending: Int
    /// Statements waiting whose last attempt failed.
    public var failing: Int
    /// Statements the record store has accepted.
    public var delivered: Int
    /// When the oldest waiting statement was queued.
    public var oldestQueuedAt: Date?
    /// The most recent failure among waiting statements, and when it happened.
    public var lastError: String?
    public var lastErrorAt: Date?
    /// When the next retry of a failing statement is due.
    public var nextAttemptAt: Date?
    /// When a statement was last delivered.
    public var lastDeliveredAt: Date?

    public init(queued: Int = 0, sending: Int = 0, failing: Int = 0, delivered: Int = 0, oldestQueuedAt: Date? = nil,
                lastError: String? = nil, lastErrorAt: Date? = nil, nextAttemptAt: Date? = nil,
                lastDeliveredAt: Date? = nil) {
        self.queued = queued
        self.sending = sending
        self.failing = failing
        self.delivered = delivered
        self.oldestQueuedAt = oldestQueuedAt
        self.lastError = lastError
        self.lastErrorAt = lastErrorAt
        self.nextAttemptAt = nextAttemptAt
        self.lastDeliveredAt = lastDeliveredAt
    }

    /// Statements not yet delivered.
    public var waiting: Int { queued + failing }
}
