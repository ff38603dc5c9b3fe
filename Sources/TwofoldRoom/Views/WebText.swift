import Foundation
import TwofoldCore

/// Text on its way to a page: made safe with the core's text-safety policy as for any
/// document (unsafe characters removed, line breaks kept). Pages put it in place with
/// `textContent`, never as markup, and JSON escapes the rest.
enum WebText {
    static func safe(_ text: String) -> String { TextSafety.document(text, keepNewlines: true) }

    /// A value as compact JSON text.
    static func json(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    /// Whole seconds from `now` until `end` (never negative), or nil without an end.
    static func secondsLeft(until end: Date?, now: Date) -> Int? {
        end.map { max(0, Int($0.timeIntervalSince(now).rounded(.up))) }
    }
}
