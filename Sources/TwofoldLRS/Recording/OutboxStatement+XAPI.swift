import TwofoldReports
import TwofoldStore

extension OutboxStatement {
    /// The outbox row of an xAPI statement: its id, registration, verb and compact JSON.
    public init(_ statement: XAPIStatement) {
        self.init(id: statement.id, registration: statement.registration, verb: statement.verb.rawValue, body: statement.json)
    }
}

extension OutboxChange {
    /// The `completed` statements of finished reports, each in its report's own attempt,
    /// exactly as the reports' xAPI exports hold them.
    public static func completed(_ reports: [LearnerReport], baseIRI: String) -> OutboxChange {
        OutboxChange(add: reports.map { OutboxStatement(XAPIStatements.completed($0, attempt: XAPIAttempt($0, baseIRI: baseIRI))) })
    }
}
