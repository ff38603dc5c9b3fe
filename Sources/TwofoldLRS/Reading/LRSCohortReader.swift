import Foundation
import TwofoldReports

/// Reads a cohort back from the learning record store: every attempt that reported to it,
/// from any machine, as the same debrief rows the report files give.
///
/// Statements stream in page by page (`GET statements`, following `more` links) and are
/// folded into an ``AttemptAccumulator``: memory holds a summary per attempt, never the
/// statements. The scenario and cohort filters are applied here rather than by the record
/// store: Ralph 5.1's file-system backend, for one, matches no `activity` or `verb`
/// filter, and filtering here gives the same rows from every record store.
///
/// `since` is passed on. An attempt finished after it may have answered before it, so the
/// walk is in two parts: statements from a day before `since` on (the day allows for
/// clocks that disagree), then, when an attempt found there started earlier, the older
/// statements of those attempts only (`until` where the first part began).
public struct LRSCohortReader: Sendable {
    public let client: LRSClient
    public let vocabulary: XAPIVocabulary
    public let filter: CohortFilter
    /// Statements a page holds at most; nil leaves it to the record store.
    public var pageSize: Int?

    /// How far before a moment to look, for clocks that disagree.
    static let clockMargin: TimeInterval = 24 * 3600

    public init(client: LRSClient, xapiBase: String, filter: CohortFilter) {
        self.client = client
        vocabulary = XAPIVocabulary(base: xapiBase)
        self.filter = filter
    }

    /// What a read found.
    public struct Outcome: Sendable {
        /// The attempts that pass the filter, by finishing time, then learner and attempt id.
        public var rows: [CohortRow]
        /// Statements read in all, and those that were not valid statements.
        public var statements: Int
        public var unreadable: Int
    }

    /// Reads the statements and rebuilds the attempts.
    public func read() async throws(LRSError) -> Outcome {
        var accumulator = AttemptAccumulator(vocabulary: vocabulary, scenario: filter.scenario)
        if let since = filter.since {
            let start = since.addingTimeInterval(-Self.clockMargin)
            try await client.statements(StatementQuery(since: start, limit: pageSize)) { accumulator.add($0) }
            let accepted = accumulator.rows().filter(filter.accepts)
            if let earliest = accepted.map(\.startedAt).min(), earliest <= start {
                let only = Set(accepted.map { StatementKey(XAPIStatements.registration(attemptId: $0.attemptId)) })
                let older = StatementQuery(since: earliest.addingTimeInterval(-Self.clockMargin), until: start, limit: pageSize)
                try await client.statements(older) { accumulator.add($0, only: only) }
            }
        } else {
            try await client.statements(StatementQuery(limit: pageSize)) { accumulator.add($0) }
        }
        let rows = accumulator.takeRows().filter(filter.accepts).sorted {
            ($0.finishedAt, $0.learner, $0.attemptId) < ($1.finishedAt, $1.learner, $1.attemptId)
        }
        return Outcome(rows: rows, statements: accumulator.read, unreadable: accumulator.unreadable)
    }

    /// ``read()`` from synchronous code.
    public func readBlocking() throws(LRSError) -> Outcome {
        let reader = self
        return try Blocking.run { () async throws(LRSError) -> Outcome in try await reader.read() }
    }
}
