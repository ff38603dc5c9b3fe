import TwofoldReports
import TwofoldStore

extension OutboxStatement {
    /// The outbox row of an xAPI statement: its id, registration, verb and compact JSON.
    public init(_ statement: XAPIStatement) {
        self.init(id: statement.id, registration: statement.registration, verb: statement.verb.rawValue, body: statement.json)
    }
}
