import Testing
@testable import TwofoldCore

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
        #expect(TextSafety.terminal(input) == expected)
    }

    @Test("other control characters become U+FFFD")
    func controls() {
        #expect(TextSafety.terminal("a\u{9B}2Jb") == "a\u{FFFD}2Jb")
        #expect(TextSafety.terminal("left\u{202E}thgir") == "left\u{FFFD}thgir")
        #expect(TextSafety.terminal("\u{2066}x\u{2069}") == "\u{FFFD}x\u{FFFD}")
        #expect(TextSafety.terminal("bell\u{07}\u{08}\u{7F}\u{00}") == "bell\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}")
        #expect(TextSafety.terminal("over\rwrite") == "over\u{FFFD}write")
        #expect(TextSafety.terminal("lone \u{1B}") == "lone \u{FFFD}")
    }

    @Test("ordinary text, new lines and tabs are kept")
    func keepsText() {
        let text = "Ana Silva — café\n\tnaïve 漢字 👍🏽 עברית"
        #expect(TextSafety.terminal(text) == text)
        #expect(TextSafety.terminal("one\r\ntwo") == "one\ntwo")
    }

    @Test("an unterminated string cannot swallow the following lines")
    func unterminated() {
        #expect(TextSafety.terminal("a\u{1B}]0;title\nnext line") == "a\nnext line")
    }

    @Test("nothing that steers the terminal survives")
    func noControlLeft() {
        let hostile = "\u{1B}]0;evil\u{07}\u{1B}[2J\u{9B}31m\u{9D}x\u{202E}\u{1B}[?1049h\u{1B}"
        let clean = TextSafety.terminal(hostile)
        for scalar in clean.unicodeScalars {
            #expect(scalar.value >= 0x20 && !(0x7F...0x9F).contains(scalar.value))
            #expect(!(0x202A...0x202E).contains(scalar.value))
        }
    }
}

/// Every rendering of the one text-safety policy, over the same hostile strings: none
/// lets an unsafe character through (terminal renders may show U+FFFD in its place,
/// messages a visible `\u{…}`).
@Suite("One text-safety policy, every rendering")
struct TextSafetyRenderingTests {
    static let hostile = [
        "x\u{1B}]0;pwned\u{07}.json", "\u{1B}[2J\u{1B}[Hwiped", "left\u{202E}thgir", "\u{2066}iso\u{2069}late",
        "mark\u{200E}\u{200F}\u{061C}s", "zero\u{200B}width\u{2060}join\u{FEFF}", "line\u{2028}para\u{2029}graph",
        "c1\u{85}\u{9B}31m", "nul\u{0}bell\u{7}del\u{7F}", "Ana\nfake: line", "tab\there", "cr\roverwrite",
    ]

    static func unsafe(in text: String) -> [Unicode.Scalar] {
        text.unicodeScalars.filter { TextSafety.isUnsafe($0) }
    }

    @Test("terminal, document and message renderings", arguments: hostile)
    func renderings(_ text: String) {
        #expect(Self.unsafe(in: TextSafety.terminal(text)).isEmpty)
        #expect(Self.unsafe(in: TextSafety.document(text)).isEmpty)
        #expect(Self.unsafe(in: TextSafety.document(text, keepNewlines: true)).isEmpty)
        let message = TextSafety.message(text)
        #expect(Self.unsafe(in: message).isEmpty && !message.contains("\n") && !message.contains("\t"))
        #expect(!TextSafety.document(text).contains("\n"))
    }

    @Test("graph exports and JSON paths", arguments: hostile)
    func graphsAndPaths(_ text: String) throws {
        let object = scenarioObject(start: "a", [decision("a", [choice("go", to: "end")]), ending("end")])
        var scenario = try #require(lint(object).playable)
        scenario.title = text
        scenario.scenes[0].text = text
        for output in [GraphExport.dot(scenario), GraphExport.mermaid(scenario)] {
            #expect(Self.unsafe(in: output).isEmpty, "\(output)")
        }
        #expect(Self.unsafe(in: JSONPath.render([.key(text), .index(1)])).isEmpty)
        #expect(Self.unsafe(in: text.replacingQuotes()).isEmpty)
    }
}
