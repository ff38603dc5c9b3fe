import Foundation
import TwofoldCore
import TwofoldStore

/// `twofold lrs status`: where statements go and how the outbox stands, for people or as JSON.
public struct LRSStatus: Sendable, Equatable {
    public var settings: LRSSettings
    public var outbox: OutboxStatus

    public init(settings: LRSSettings, outbox: OutboxStatus) {
        self.settings = settings
        self.outbox = outbox
    }

    /// Lines for people.
    public var lines: [String] {
        var lines: [String] = []
        if let endpoint = settings.endpoint {
            lines.append("Learning record store: \(endpoint.display)"
                         + (endpoint.credentials.map { " (user \(LRSClient.clip($0.username)))" } ?? ""))
        } else {
            lines.append("Learning record store: none configured (set \(LRSSettings.endpointVariable); statements stay in report files)")
        }
        lines.append("Outbox: \(outbox.queued) queued, \(outbox.failing) failing, \(outbox.delivered) delivered"
                     + (outbox.sending > 0 ? " (\(outbox.sending) being sent now)" : ""))
        if let oldest = outbox.oldestQueuedAt { lines.append("Waiting since: \(Self.time(oldest))") }
        if let error = outbox.lastError {
            lines.append("Last error" + (outbox.lastErrorAt.map { " (\(Self.time($0)))" } ?? "") + ": " + LRSClient.clip(error))
        }
        if outbox.failing > 0, let next = outbox.nextAttemptAt {
            lines.append("Next retry: \(Self.time(next)), or now with `twofold lrs push`")
        }
        if let last = outbox.lastDeliveredAt { lines.append("Last delivery: \(Self.time(last))") }
        return lines
    }

    /// The same as one JSON object, keys sorted; absent values are `null`.
    public var json: String {
        func date(_ value: Date?) -> Any { value.map { ISO8601.string($0) } ?? NSNull() }
        let object: [String: Any] = [
            "endpoint": settings.endpoint?.display ?? NSNull(), "xapiBase": settings.xapiBase,
            "queued": outbox.queued, "sending": outbox.sending, "failing": outbox.failing, "delivered": outbox.delivered,
            "oldestQueuedAt": date(outbox.oldestQueuedAt), "lastError": outbox.lastError ?? NSNull(),
            "lastErrorAt": date(outbox.lastErrorAt), "nextAttemptAt": date(outbox.nextAttemptAt),
            "lastDeliveredAt": date(outbox.lastDeliveredAt),
        ]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// `2026-11-29 10:09:12 UTC`.
    static func time(_ date: Date) -> String {
        let iso = ISO8601.string(date)
        return String(iso.prefix(10)) + " " + String(iso.dropFirst(11).prefix(8)) + " UTC"
    }
}
