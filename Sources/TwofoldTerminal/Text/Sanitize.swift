extension TextLayout {
    /// The replacement shown for a neutralised control character.
    public static let replacementCharacter: Unicode.Scalar = "\u{FFFD}"

    /// Makes untrusted text (scenario content, learner names, typed input) safe to print.
    ///
    /// - Escape sequences introduced by ESC are removed whole: CSI (`ESC [ … final`),
    ///   OSC, DCS, SOS, PM and APC strings (up to BEL, `ESC \` or U+009C) and the short
    ///   `ESC x` forms. Their text is terminal instructions, not content.
    /// - Every other control character becomes U+FFFD (�): C0 controls except line feed
    ///   and tab, DEL, the C1 controls U+0080–U+009F (including the one-byte CSI U+009B),
    ///   a carriage return that is not part of `\r\n`, and the bidirectional embedding,
    ///   override and isolate characters (U+202A–U+202E, U+2066–U+2069) that could make
    ///   text read differently from what it is.
    /// - `\r\n` becomes `\n`.
    public static func sanitize(_ text: String) -> String {
        var output = String.UnicodeScalarView()
        var scalars = text.unicodeScalars[...]
        while let scalar = scalars.popFirst() {
            switch scalar.value {
            case 0x0A, 0x09:
                output.append(scalar)
            case 0x0D where scalars.first == "\n":
                continue  // the line feed follows
            case 0x1B:
                if !skipEscapeSequence(&scalars) { output.append(replacementCharacter) }
            case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069:
                output.append(replacementCharacter)
            default:
                output.append(scalar)
            }
        }
        return String(output)
    }

    /// Removes what follows an ESC from `scalars` if it forms an escape sequence.
    /// Returns `false` for a lone ESC, which the caller replaces.
    private static func skipEscapeSequence(_ scalars: inout Substring.UnicodeScalarView) -> Bool {
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
