import Hummingbird

/// Why the room refused a request. Each case is one line a person can act on, and maps
/// to one HTTP status; all of the room's user-facing wording lives in ``description``.
public enum RoomRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    case wrongCode
    case unknownToken
    case wrongPresenterKey
    /// A name that cannot be used, and why.
    case badName(String)
    case nameTaken(String)
    case notOnRoster(String)
    case roomFull(limit: Int)
    case noSuchChoice(given: String, offered: Int)
    case revealed
    case finished
    /// A body that is not the JSON this route takes, and what was wrong.
    case malformed(String)
    case tooLarge(limit: Int)
    case tooManyRequests
    case notFound
    case upgradeRequired
    /// The session could not save the step (the records store failed).
    case notSaved(String)

    public var description: String {
        switch self {
        case .wrongCode: return "that is not this room's code"
        case .unknownToken: return "this phone has not joined the room (or joined an earlier one): join again"
        case .wrongPresenterKey: return "the presenter key is missing or wrong"
        case .badName(let reason): return reason
        case .nameTaken(let name): return "someone has already joined as \(name): add an initial, or use the phone you joined with"
        case .notOnRoster(let name): return "\(name) is not on this session's roster: pick your name from the list"
        case .roomFull(let limit): return "the room is full (\(limit) people)"
        case .noSuchChoice(let given, let offered):
            return "there is no choice \(given.prefix(20)) here: choose \(offered == 1 ? "1" : "1 to \(offered)")"
        case .revealed: return "the votes have been revealed: voting on this decision has closed"
        case .finished: return "the session has ended"
        case .malformed(let detail): return "the request is not valid: \(detail)"
        case .tooLarge(let limit): return "the request is larger than \(limit) bytes"
        case .tooManyRequests: return "too many requests from this device: wait a moment and try again"
        case .notFound: return "there is nothing here"
        case .upgradeRequired: return "this address takes a WebSocket connection"
        case .notSaved: return "the room could not save that: try again"
        }
    }

    /// The HTTP status the refusal is answered with.
    public var status: HTTPResponse.Status {
        switch self {
        case .wrongCode, .wrongPresenterKey: return .forbidden
        case .unknownToken: return .unauthorized
        case .badName, .notOnRoster, .noSuchChoice, .malformed: return .badRequest
        case .nameTaken, .roomFull, .revealed, .finished: return .conflict
        case .tooLarge: return .contentTooLarge
        case .tooManyRequests: return .tooManyRequests
        case .notFound: return .notFound
        case .upgradeRequired: return .upgradeRequired
        case .notSaved: return .serviceUnavailable
        }
    }
}
