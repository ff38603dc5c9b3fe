import Testing
@testable import TwofoldTerminal

@Suite("Sanitizing")
struct SanitizeTests {
    @Test("escape sequences are removed whole", arguments: [
        ("title\u{1B}]0;evil\u{07}done", "titledone"),
        ("\u{1B}[2Jclear", "clear"),
        ("\u{1B}[1;31mred\u{1B}[0m", "red"),
        ("link \u{1B}]8;;http://x\u{1B}\\here\u{1B}]8;;\u{1B}\\", "link here"),
        ("\u{1B}Preport\u{1B}\\ok", "ok"),
        ("\u{1B}(Bplain", "plain"),
        ("\u{1B}cReset", "Reset"),
    ])
    func escapeSequences(input: String, expected: String) {
        #expect(TextLayout.sanitize(input) == expected)
    }

    @Test("other control characters become U+FFFD")
    func controls() {
        #expect(TextLayout.sanitize("a\u{9B}2Jb") == "a\u{FFFD}2Jb")
        #expect(TextLayout.sanitize("left\u{202E}thgir") == "left\u{FFFD}thgir")
        #expect(TextLayout.sanitize("\u{2066}x\u{2069}") == "\u{FFFD}x\u{FFFD}")
        #expect(TextLayout.sanitize("bell\u{07}\u{08}\u{7F}\u{00}") == "bell\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}")
        #expect(TextLayout.sanitize("over\rwrite") == "over\u{FFFD}write")
        #expect(TextLayout.sanitize("lone \u{1B}") == "lone \u{FFFD}")
    }

    @Test("ordinary text, new lines and tabs are kept")
    func keepsText() {
        let text = "Ana Silva — café\n\tnaïve 漢字 👍🏽 עברית"
        #expect(TextLayout.sanitize(text) == text)
        #expect(TextLayout.sanitize("one\r\ntwo") == "one\ntwo")
    }

    @Test("an unterminated string cannot swallow the following lines")
    func unterminated() {
        #expect(TextLayout.sanitize("a\u{1B}]0;title\nnext line") == "a\nnext line")
    }

    @Test("nothing that steers the terminal survives")
    func noControlLeft() {
        let hostile = "\u{1B}]0;evil\u{07}\u{1B}[2J\u{9B}31m\u{9D}x\u{202E}\u{1B}[?1049h\u{1B}"
        let clean = TextLayout.sanitize(hostile)
        for scalar in clean.unicodeScalars {
            #expect(scalar.value >= 0x20 && !(0x7F...0x9F).contains(scalar.value))
            #expect(!(0x202A...0x202E).contains(scalar.value))
        }
    }
}
