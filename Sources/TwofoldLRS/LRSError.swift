import Foundation

/// A failure to configure, reach or use the learning record store.
///
/// Every case reads as one line a person can act on, naming the record store (without its
/// credentials) and, for an answer it gave, the HTTP status; all of this module's
/// user-facing wording lives in ``description``.
public enum LRSError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The configuration file or a variable is malformed: the message says where and why.
    case configuration(String)
    /// A command needs a record store and none is configured.
    case notConfigured(configFile: String?)
    /// The record store refused the credentials (401) or the permission (403).
    case credentials(endpoint: String, status: Int)
    /// The record store could not be reached (refused, timed out, name not found, TLS).
    case unreachable(endpoint: String, reason: String)
    /// The record store answered with an error status.
    case rejected(endpoint: String, status: Int, reason: String)
    /// The record store's answer is not what xAPI says it should be.
    case badResponse(endpoint: String, reason: String)

    public var description: String {
        switch self {
        case .configuration(let message):
            return message
        case .notConfigured(let file):
            return "no learning record store is configured: set \(LRSSettings.endpointVariable), "
                + "\(LRSSettings.usernameVariable) and \(LRSSettings.passwordVariable)"
                + (file.map { ", or put them in \($0)" } ?? "")
        case .credentials(let endpoint, let status):
            let what = status == 403 ? "refused the request for these credentials" : "refused the credentials"
            return "the learning record store at \(endpoint) \(what) (HTTP \(status)); "
                + "check \(LRSSettings.usernameVariable) and \(LRSSettings.passwordVariable)"
        case .unreachable(let endpoint, let reason):
            return "cannot reach the learning record store at \(endpoint): \(reason)"
        case .rejected(let endpoint, let status, let reason):
            return "the learning record store at \(endpoint) answered HTTP \(status)" + (reason.isEmpty ? "" : ": \(reason)")
        case .badResponse(let endpoint, let reason):
            return "the learning record store at \(endpoint) sent an answer Twofold cannot read: \(reason)"
        }
    }
}
