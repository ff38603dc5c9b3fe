import Foundation
import TwofoldCore
import TwofoldReports

/// The filters of `GET statements` (xAPI 1.0.3, Communication 2.1.3) that Twofold uses.
public struct StatementQuery: Sendable, Equatable {
    /// Only statements about this activity (the object; with ``relatedActivities``, also
    /// context activities such as a scene's parent scenario).
    public var activity: String?
    public var relatedActivities: Bool
    /// Only statements of this registration (an attempt).
    public var registration: String?
    /// Only statements of this verb.
    public var verb: String?
    /// Only statements stored after this moment (exclusive).
    public var since: Date?
    /// Only statements stored at or before this moment.
    public var until: Date?
    /// At most this many statements a page; nil leaves it to the record store.
    public var limit: Int?

    public init(activity: String? = nil, relatedActivities: Bool = false, registration: String? = nil,
                verb: String? = nil, since: Date? = nil, until: Date? = nil, limit: Int? = nil) {
        self.activity = activity
        self.relatedActivities = relatedActivities
        self.registration = registration
        self.verb = verb
        self.since = since
        self.until = until
        self.limit = limit
    }

    /// The query's parameters, in a fixed order.
    var parameters: [(String, String)] {
        var out: [(String, String)] = []
        if let activity { out.append(("activity", activity)) }
        if relatedActivities { out.append(("related_activities", "true")) }
        if let registration { out.append(("registration", registration)) }
        if let verb { out.append(("verb", verb)) }
        if let since { out.append(("since", ISO8601.string(since, fractional: true))) }
        if let until { out.append(("until", ISO8601.string(until, fractional: true))) }
        if let limit { out.append(("limit", String(limit))) }
        return out
    }

    /// The `statements` resource of `endpoint` with this query.
    public func url(_ endpoint: LRSEndpoint) -> URL {
        let base = endpoint.resource("statements")
        let parameters = self.parameters
        guard !parameters.isEmpty else { return base }
        let query = parameters.map { Self.escape($0.0) + "=" + Self.escape($0.1) }.joined(separator: "&")
        return URL(string: base.absoluteString + "?" + query)!
    }

    /// Percent-encodes everything but unreserved characters (so `+`, `:` and `/` in IRIs
    /// and times arrive intact).
    static func escape(_ text: String) -> String {
        XAPIVocabulary.percentEncoded(text, keepingDots: true)
    }
}
