import Testing
@testable import TwofoldTerminal

@Suite("Display width")
struct DisplayWidthTests {
    @Test("ASCII counts one column per character")
    func ascii() {
        #expect(TextLayout.displayWidth("") == 0)
        #expect(TextLayout.displayWidth("hello, world") == 12)
    }

    @Test("CJK and fullwidth characters count two")
    func wide() {
        #expect(TextLayout.displayWidth("漢字") == 4)
        #expect(TextLayout.displayWidth("日本語 ok") == 9)
        #expect(TextLayout.displayWidth("ＡＢ") == 4)
        #expect(TextLayout.displayWidth("한국") == 4)
    }

    @Test("emoji and emoji sequences count two")
    func emoji() {
        #expect(TextLayout.displayWidth("👍") == 2)
        #expect(TextLayout.displayWidth("👍🏽") == 2)
        #expect(TextLayout.displayWidth("👨‍👩‍👧") == 2)
        #expect(TextLayout.displayWidth("🇵🇹") == 2)
        #expect(TextLayout.displayWidth("❤️") == 2)
        #expect(TextLayout.displayWidth("❤") == 1)
    }

    @Test("combining marks, joiners and variation selectors add nothing")
    func zeroWidth() {
        #expect(TextLayout.displayWidth("e\u{301}") == 1)
        #expect(TextLayout.displayWidth("Zoe\u{308} Cafe\u{301}") == 8)
        #expect(TextLayout.displayWidth("a\u{200D}b") == 2)
        #expect(TextLayout.displayWidth("\u{FE0F}") == 0)
        #expect(TextLayout.displayWidth("\u{1B}") == 0)
    }
}
