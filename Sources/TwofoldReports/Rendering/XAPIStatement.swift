import Foundation

/// One xAPI 1.0.3 statement: its id, what it says, and its JSON.
///
/// Ids are name-based UUIDs of the attempt's registration and the statement's place in it,
/// so building a statement again, on any machine, gives the same id — a learning record
/// store takes a statement sent twice once.
public struct XAPIStatement: Sendable, Equatable {
    /// What a statement says.
    public enum Verb: String, Sendable {
        case answered, completed, voided
    }

    /// A UUID string.
    public let id: String
    public let verb: Verb
    /// The attempt's registration.
    public let registration: String
    let value: JSONValue

    init(id: String, verb: Verb, registration: String, value: JSONValue) {
        self.id = id
        self.verb = verb
        self.registration = registration
        self.value = value
    }

    /// The statement as compact JSON with sorted keys: what is sent to a record store.
    public var json: Data { Data(value.compactBytes()) }
}
