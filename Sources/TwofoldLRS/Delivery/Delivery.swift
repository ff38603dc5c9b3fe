import Foundation
import TwofoldStore

/// Sends the outbox to the learning record store, a batch at a time, and records what
/// became of each statement.
///
/// A batch the record store stores (200, or 204 when it knew every statement) is delivered.
/// A batch it refuses as a whole for one statement's sake — 400 or 422, 409 (an id it knows),
/// 413 — is split in halves and sent again, down to single statements: a single statement
/// answered 409 is one it has already, so it is delivered too; one refused as invalid keeps its
/// error and is retried later with the rest of the failures. Credentials refused (401/403),
/// a server error or no connection fail the whole batch, which is retried after a backoff
/// that doubles from 2 seconds up to 5 minutes.
public struct Delivery: Sendable {
    public let store: RecordsStore
    public let client: LRSClient
    /// Statements a request carries at most.
    public var batchSize = 100
    /// How long a claim lasts when its process stays alive but never reports back.
    public var lease: TimeInterval = 120

    public init(store: RecordsStore, client: LRSClient) {
        self.store = store
        self.client = client
    }

    /// What one round did.
    public enum Round: Sendable, Equatable {
        /// Nothing was due.
        case idle
        /// This many statements were delivered (and none failed).
        case delivered(Int)
        /// Some statements failed; `delivered` others went through.
        case failed(LRSError, delivered: Int)
    }

    /// Claims one batch and sends it. `ignoringBackoff` sends failed statements now (a push).
    public func round(now: @Sendable () -> Date = { Date() }, ignoringBackoff: Bool = false) async throws -> Round {
        let items = try store.claimOutbox(limit: batchSize, now: now(), lease: lease, ignoringBackoff: ignoringBackoff)
        guard !items.isEmpty else { return .idle }
        var delivered: [String] = []
        var failures: [(OutboxItem, LRSError)] = []
        await send(items[...], delivered: &delivered, failures: &failures)
        try store.markDelivered(delivered, at: now())
        // Group the failures by message, so each keeps its own reason.
        var byReason: [String: [OutboxItem]] = [:]
        for (item, error) in failures { byReason[error.description, default: []].append(item) }
        for (reason, items) in byReason.sorted(by: { $0.key < $1.key }) {
            let attempts = items.map(\.attempts).max() ?? 1
            try store.markFailed(items.map(\.statementID), error: reason, retryAt: now().addingTimeInterval(Self.backoff(attempts: attempts)))
        }
        if let first = failures.first { return .failed(first.1, delivered: delivered.count) }
        return .delivered(delivered.count)
    }

    /// Sends `items`, halving the batch when the record store refuses it for one statement's sake.
    private func send(_ items: ArraySlice<OutboxItem>, delivered: inout [String], failures: inout [(OutboxItem, LRSError)]) async {
        do {
            switch try await client.post(items.map(\.body)) {
            case .stored:
                delivered += items.map(\.statementID)
            case .conflict where items.count == 1:
                delivered.append(items.first!.statementID)  // the record store has this statement already
            case .conflict:
                await halves(items, delivered: &delivered, failures: &failures)
            }
        } catch let error {
            if case .rejected(_, let status, _) = error, [400, 409, 413, 422].contains(status), items.count > 1 {
                await halves(items, delivered: &delivered, failures: &failures)
            } else {
                failures += items.map { ($0, error) }
            }
        }
    }

    private func halves(_ items: ArraySlice<OutboxItem>, delivered: inout [String], failures: inout [(OutboxItem, LRSError)]) async {
        let middle = items.startIndex + items.count / 2
        await send(items[..<middle], delivered: &delivered, failures: &failures)
        await send(items[middle...], delivered: &delivered, failures: &failures)
    }

    /// Seconds before a statement that has failed `attempts` times is tried again.
    public static func backoff(attempts: Int) -> TimeInterval {
        min(300, 2 * pow(2, Double(max(0, min(attempts, 20) - 1))))
    }
}
