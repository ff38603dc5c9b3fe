import Foundation
import TwofoldCore

/// Text helpers shared by the renderers: making untrusted text inert and formatting
/// numbers, dates and durations the same way in every format.
enum ReportText {
    /// Untrusted text made inert for a document: ``TextSafety/document(_:keepNewlines:)``,
    /// the core's one text-safety policy.
    static func clean(_ text: String, keepNewlines: Bool = false) -> String {
        TextSafety.document(text, keepNewlines: keepNewlines)
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

    /// What was taken back before a decision stood, for people: `First chose "…", then
    /// took it back.` Nil when nothing was.
    static func takenBack(_ decision: LearnerReport.DecisionEntry) -> String? {
        guard !decision.takenBack.isEmpty else { return nil }
        let texts = decision.takenBack.map { id -> String in
            let text = id == decision.choice ? decision.choiceText : decision.alternatives.first { $0.choice == id }?.text
            return "\"" + clean(text ?? id) + "\""
        }
        let count = texts.count
        return "Taken back here first (\(count) choice\(count == 1 ? "" : "s")): " + texts.joined(separator: ", ")
    }

    /// A decision named for people: the opening of its scene text on one line — its first
    /// sentences up to at least 40 characters, cut at a word near `limit` — or `id` when
    /// there is no text. Used by every report and the cohort's outline alike.
    static func lead(_ text: String, or id: String = "", limit: Int = 120) -> String {
        let line = clean(text).trimmingSpaces()
        guard !line.isEmpty else { return id }
        var cut = line.endIndex
        var length = 0
        for index in line.indices {
            length += 1
            if length >= 40, ".?!".contains(line[index]) {
                cut = line.index(after: index)
                break
            }
        }
        var lead = String(line[..<cut])
        if lead.count > limit {
            let prefix = lead.prefix(limit)
            let word = prefix.lastIndex(of: " ") ?? prefix.endIndex
            lead = String(prefix[..<word]).trimmingSpaces() + "…"
        }
        return lead
    }

    /// The thesis, in the article's words.
    static let thesis = "Managers support someone in their job; leaders support someone in their career. The best results happen when you do both."
}
