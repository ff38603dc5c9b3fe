import Foundation

/// A failure of the records store.
///
/// Every case reads as one line a person can act on; all of the store's user-facing
/// wording lives in ``description``.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible, LocalizedError {
    /// The database file could not be opened or migrated.
    case cannotOpen(path: String, reason: String)
    /// A change could not be saved (the disk is full, say); nothing of it was kept.
    case cannotWrite(path: String, reason: String)
    /// The database was migrated by a newer build: it names migrations this build does not know.
    case newerSchema(path: String, unknownMigrations: [String])
    /// No session has this id.
    case sessionNotFound(id: String)
    /// A session with this id already exists.
    case sessionExists(id: String)
    /// The session is no longer active (it is complete or abandoned), so it cannot change.
    case sessionNotActive(id: String, status: String)
    /// The step log already holds this turn for this session.
    case duplicateStep(sessionID: String, turn: Int)
    /// A step's detail is not UTF-8 text, so it cannot be stored as JSON.
    case invalidStepDetail(sessionID: String, turn: Int)
    /// A statement for the outbox is not UTF-8 text, so it cannot be stored as JSON.
    case invalidStatement(id: String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason):
            return "cannot open the records store at \(path): \(reason)"
        case .cannotWrite(let path, let reason):
            return "cannot save to the records store at \(path): \(reason)"
        case .newerSchema(let path, let unknown):
            return "the records store at \(path) was written by a newer version of twofold "
                + "(unknown migrations: \(unknown.joined(separator: ", "))); update twofold to use it"
        case .sessionNotFound(let id):
            return "no saved session has the id \(id)"
        case .sessionExists(let id):
            return "a saved session already has the id \(id)"
        case .sessionNotActive(let id, let status):
            return "session \(id) is \(status), so it can no longer change"
        case .duplicateStep(let sessionID, let turn):
            return "session \(sessionID) already has a step for turn \(turn)"
        case .invalidStepDetail(let sessionID, let turn):
            return "the detail of turn \(turn) in session \(sessionID) is not UTF-8 text"
        case .invalidStatement(let id):
            return "statement \(id) is not UTF-8 text, so it cannot be queued for the learning record store"
        }
    }

    public var errorDescription: String? { description }
}
