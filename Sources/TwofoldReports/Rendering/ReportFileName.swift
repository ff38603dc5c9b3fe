import Foundation

/// Report file names: `<learner>-<scenario>-<yyyyMMdd-HHmmss>.<ext>`, with every part made
/// safe so that a learner name can never steer a file path.
///
/// Names keep lowercase ASCII letters, digits and single hyphens only: common accented
/// letters are transliterated (`é` → `e`, `ß` → `ss`), everything else becomes `-`,
/// repeats collapse and ends are trimmed. So no `/`, no `..`, no control character and no
/// leading dot can appear, and each name part is at most 40 characters.
public enum ReportFileName {
    public static let maxPartLength = 40

    public static func make(learner: String, scenario: String, timestamp: Date, ext: String) -> String {
        "\(safe(learner, fallback: "learner"))-\(safe(scenario, fallback: "scenario"))-\(stamp(timestamp)).\(safeExtension(ext))"
    }

    /// A name part: lowercase ASCII letters, digits and single inner hyphens, 1–40 characters.
    public static func safe(_ text: String, fallback: String) -> String {
        var out = ""
        for scalar in transliterated(text).unicodeScalars {
            if out.count >= maxPartLength * 2 { break }
            switch scalar {
            case "a"..."z", "0"..."9": out.unicodeScalars.append(scalar)
            case "A"..."Z": out.unicodeScalars.append(Unicode.Scalar(scalar.value + 32)!)
            default: if !out.isEmpty && !out.hasSuffix("-") { out.append("-") }
            }
        }
        out = String(out.prefix(maxPartLength))
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? fallback : out
    }

    /// The extension: lowercase letters and digits, with single inner dots (`xapi.json`).
    static func safeExtension(_ ext: String) -> String {
        let parts = ext.lowercased().split(separator: ".").map { part in
            String(part.unicodeScalars.filter { ("a"..."z").contains($0) || ("0"..."9").contains($0) }.prefix(16).map(Character.init))
        }.filter { !$0.isEmpty }
        return parts.isEmpty ? "txt" : parts.prefix(3).joined(separator: ".")
    }

    /// `yyyyMMdd-HHmmss` in UTC.
    static func stamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ value: Int?) -> String { String(value ?? 0).leftPadded(to: 2) }
        return String(c.year ?? 0).leftPadded(to: 4) + two(c.month) + two(c.day) + "-" + two(c.hour) + two(c.minute) + two(c.second)
    }

    /// Letters with accents lose them; a few letters that do not decompose are spelled out.
    static func transliterated(_ text: String) -> String {
        let special: [Unicode.Scalar: String] = [
            "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
            "ð": "d", "Ð": "D", "þ": "th", "Þ": "TH", "ł": "l", "Ł": "L", "ı": "i", "ħ": "h", "Ħ": "H",
        ]
        var out = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            if let replacement = special[scalar] {
                out.append(contentsOf: replacement.unicodeScalars)
            } else if scalar.properties.generalCategory != .nonspacingMark {
                out.append(scalar)
            }
        }
        return String(out)
    }
}
