/// The one policy for untrusted text — scenario content, learner and participant names,
/// file names, typed input — and its renderings for each place text goes.
///
/// A character is **unsafe** when it can steer a terminal or change how text reads
/// without being seen: C0 controls (except line feed and tab), DEL, C1 controls
/// (U+0080–U+009F), the bidirectional marks, embeddings, overrides and isolates
/// (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069), the zero-width space, word
/// joiner and byte-order mark (U+200B, U+2060, U+FEFF) and the line and paragraph
/// separators (U+2028, U+2029). The zero-width non-joiner and joiner (U+200C, U+200D)
/// stay: names in Persian and Indic scripts and emoji sequences need them to read as
/// written. Every renderer below applies this same set; they differ only in what an
/// unsafe character becomes.
public enum TextSafety {
    /// Whether `scalar` is unsafe (see the type's documentation). Line feed and tab are
    /// not: each rendering decides what they become.
    @inlinable
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 { return value != 0x0A && value != 0x09 }
        if value < 0x7F { return false }
        if value <= 0x9F { return true }
        switch value {
        case 0x061C, 0x200B, 0x200E, 0x200F, 0x2028...0x202E, 0x2060, 0x2066...0x2069, 0xFEFF: return true
        default: return false
        }
    }

    /// Whether every byte of `text` is printable ASCII (U+0020–U+007E), checked on its
    /// contiguous UTF-8 without decoding.
    static func isPrintableASCII(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var printable = true
            for byte in bytes { printable = printable && byte >= 0x20 && byte < 0x7F }
            return printable
        }
    }

    /// The replacement shown on a terminal for a neutralised character.
    public static let replacement: Unicode.Scalar = "\u{FFFD}"

    /// Text for a terminal: escape sequences introduced by ESC are removed whole (CSI,
    /// OSC, DCS, SOS, PM and APC strings, and the short `ESC x` forms — their text is
    /// instructions, not content), every other unsafe character becomes U+FFFD, `\r\n`
    /// becomes `\n`; line feeds and tabs stay.
    public static func terminal(_ text: String) -> String {
        guard needsWork(text, keepingNewlines: true) else { return text }
        var output = String.UnicodeScalarView()
        var scalars = text.unicodeScalars[...]
        while let scalar = scalars.popFirst() {
            if scalar == "\r" && scalars.first == "\n" { continue }
            if scalar == "\u{1B}" {
                if !EscapeSequence.skip(&scalars) { output.append(replacement) }
            } else if isUnsafe(scalar) {
                output.append(replacement)
            } else {
                output.append(scalar)
            }
        }
        return String(output)
    }

    /// Text for a document (reports, CSV, xAPI, graphs): unsafe characters removed; a tab
    /// becomes a space; line breaks (`\n`, `\r\n`, `\r`) become `\n` when `keepNewlines`,
    /// a space otherwise.
    public static func document(_ text: String, keepNewlines: Bool = false) -> String {
        guard needsWork(text, keepingNewlines: keepNewlines) else { return text }
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
                if !isUnsafe(scalar) { out.append(scalar) }
            }
        }
        return String(out)
    }

    /// Text for a one-line message (errors, diagnostics, file paths, listings): every
    /// unsafe character, and line feeds and tabs too, shown as a visible escape such as
    /// `\u{1b}`, so nothing can forge a line or hide what it is.
    public static func message(_ text: String) -> String {
        // Printable ASCII throughout (most messages) needs no scalar-by-scalar look.
        if isPrintableASCII(text) { return text }
        guard text.unicodeScalars.contains(where: { isUnsafe($0) || $0 == "\n" || $0 == "\t" }) else { return text }
        return escaped(text, quoting: false)
    }

    /// `text` with every unsafe character, line feed and tab as a visible `\u{…}`; with
    /// `quoting`, backslashes and double quotes escaped too (for text inside quotes).
    static func escaped(_ text: String, quoting: Bool) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if quoting && (scalar == "\\" || scalar == "\"") {
                out += "\\" + String(scalar)
            } else if isUnsafe(scalar) || scalar == "\n" || scalar == "\t" {
                out += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// True when a rendering would change `text`; most text is plain and returns at once.
    @inlinable
    static func needsWork(_ text: String, keepingNewlines: Bool) -> Bool {
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) || scalar == "\t" || scalar == "\r" { return true }
            if scalar == "\n" && !keepingNewlines { return true }
        }
        return false
    }
}

/// Terminal escape sequences, recognised so they can be removed whole.
enum EscapeSequence {
    /// Removes what follows an ESC from `scalars` if it forms an escape sequence.
    /// Returns `false` for a lone ESC, which the caller replaces.
    static func skip(_ scalars: inout Substring.UnicodeScalarView) -> Bool {
        guard let introducer = scalars.first, (0x20...0x7E).contains(introducer.value) else { return false }
        scalars.removeFirst()
        switch introducer {
        case "[":
            // CSI: parameter and intermediate bytes up to one final byte.
            while let next = scalars.first, (0x20...0x7E).contains(next.value) {
                scalars.removeFirst()
                if (0x40...0x7E).contains(next.value) { break }
            }
        case "]", "P", "X", "^", "_":
            skipControlString(&scalars)
        case " "..."/":
            // nF: more intermediate bytes, then one final byte.
            while let next = scalars.first, (0x20...0x2F).contains(next.value) { scalars.removeFirst() }
            if let next = scalars.first, (0x30...0x7E).contains(next.value) { scalars.removeFirst() }
        default:
            break  // a two-character sequence such as ESC c (reset) or ESC 7
        }
        return true
    }

    /// Removes an OSC/DCS-style string body and its terminator (BEL, `ESC \` or U+009C).
    /// Stops before any other control character so that it cannot swallow the rest of
    /// the text.
    private static func skipControlString(_ scalars: inout Substring.UnicodeScalarView) {
        while let next = scalars.first {
            switch next.value {
            case 0x07, 0x9C:
                scalars.removeFirst()
                return
            case 0x1B:
                let afterEscape = scalars.index(after: scalars.startIndex)
                if afterEscape < scalars.endIndex, scalars[afterEscape] == "\\" {
                    scalars.removeFirst(2)
                }
                return
            case 0x00...0x1F, 0x7F...0x9F:
                return
            default:
                scalars.removeFirst()
            }
        }
    }
}
