import Foundation
import TwofoldCore

/// Text helpers shared by the renderers: making untrusted text inert and formatting
/// numbers, dates and durations the same way in every format.
enum ReportText {
    /// Removes control characters (C0, DEL, C1) and bidirectional overrides, so scenario
    /// and learner text can never drive a terminal or reorder what a reader sees. Line
    /// breaks become `\n` when `keepNewlines`, a space otherwise; a tab becomes a space.
    static func clean(_ text: String, keepNewlines: Bool = false) -> String {
        var out = String.UnicodeScalarView()
        var previousCR = false
        for scalar in text.unicodeScalars {
            defer { previousCR = scalar == "\r" }
            switch scalar {
            case "\n":
                if previousCR { continue }
                out.append(keepNewlines ? "\n" : " ")
            case "\r":
                out.append(keepNewlines ? "\n" : " ")
            case "\t":
                out.append(" ")
            default:
                if isInvisibleControl(scalar) { continue }
                out.append(scalar)
            }
        }
        return String(out)
    }

    static func isInvisibleControl(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || value == 0x7F || (0x80...0x9F).contains(value)
            || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
            || value == 0x200E || value == 0x200F || value == 0x061C
    }

    /// A delta with its sign: `+3`, `-1`, `0`.
    static func signed(_ value: Int) -> String { value > 0 ? "+\(value)" : "\(value)" }

    /// `2026-11-29 10:09 UTC`.
    static func dateTime(_ date: Date) -> String {
        let iso = ISO8601.string(date)  // 2026-11-29T10:09:12Z
        return String(iso.prefix(10)) + " " + String(iso.dropFirst(11).prefix(5)) + " UTC"
    }

    /// `2026-11-29`.
    static func day(_ date: Date) -> String { String(ISO8601.string(date).prefix(10)) }

    /// A length of time for people: `42 s`, `9 min 12 s`, `1 h 5 min`. Negative or
    /// non-finite lengths read as `0 s`, and anything over a million hours is capped there.
    static func duration(_ seconds: Double) -> String {
        let total = seconds.isFinite ? Int(Swift.max(0, Swift.min(3.6e9, seconds)).rounded()) : 0
        if total < 60 { return "\(total) s" }
        if total < 3600 { return total % 60 == 0 ? "\(total / 60) min" : "\(total / 60) min \(total % 60) s" }
        return "\(total / 3600) h \(total % 3600 / 60) min"
    }

    /// Seconds to one decimal place, without a trailing `.0`: `42.5`, `7`.
    static func seconds(_ value: Double) -> String {
        let tenths = (value * 10).rounded()
        guard tenths.isFinite, abs(tenths) < 1e15 else { return "0" }
        let whole = Int(tenths) / 10, fraction = abs(Int(tenths) % 10)
        if fraction == 0 { return "\(whole)" }
        return (tenths < 0 && whole == 0 ? "-" : "") + "\(whole).\(fraction)"
    }

    /// `Manager`, `Leader`, or an extra axis name with a capital.
    static func axisLabel(_ name: String) -> String { name.prefix(1).uppercased() + name.dropFirst() }

    /// What an ending's kind says about it, for the ending section.
    static func endingKind(_ kind: ProfileKey?) -> String? {
        switch kind {
        case .both?: return "an ending that needed both managing and leading"
        case .manager?: return "a managing-only ending: the work got done, the people stood still"
        case .leader?: return "a leading-only ending: the people grew, the work slipped"
        case .emerging?: return "an ending where neither the work nor the people moved forward"
        case nil: return nil
        }
    }

    /// The thesis, in the article's words.
    static let thesis = "Managers support someone in their job; leaders support someone in their career. The best results happen when you do both."
}
