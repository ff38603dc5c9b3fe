import Testing
@testable import TwofoldTerminal

@Suite("Wrapping")
struct TextWrapTests {
    static let prose = """
        It is 10:15 on a Saturday and the store is already busy. Two shelves in aisle \
        four are half empty, a pallet blocks the stockroom door, and Priya — who asked \
        last month about becoming a shift lead — is re-facing the cereal display on her own.

        漢字と絵文字 👍🏽 mixed with café and naïve words, plus a family 👨‍👩‍👧 here.
        """

    @Test("every line fits and every word survives in order", arguments: [20, 40, 80])
    func fitsAndPreservesWords(width: Int) {
        let lines = TextLayout.wrap(Self.prose, width: width)
        for line in lines {
            #expect(TextLayout.displayWidth(line) <= width, "\(line)")
            #expect(!line.hasSuffix(" "))
        }
        let words = Self.prose.split(whereSeparator: \.isWhitespace).map(String.init)
        let wrapped = lines.flatMap { $0.split(separator: " ").map(String.init) }
        #expect(wrapped == words)
    }

    @Test("paragraphs are separated by one empty line")
    func paragraphs() {
        let lines = TextLayout.wrap("one two\n\n\n  \nthree\nfour", width: 40)
        #expect(lines == ["one two", "", "three four"])
        #expect(TextLayout.wrap(" \n\n ", width: 40).isEmpty)
    }

    @Test("indent and hanging indent count towards the width")
    func indents() {
        let lines = TextLayout.wrap("aaa bbb ccc ddd", width: 9, indent: "1. ", hangingIndent: "   ")
        #expect(lines == ["1. aaa", "   bbb", "   ccc", "   ddd"])
        let same = TextLayout.wrap("aaa bbb ccc", width: 9, indent: "> ")
        #expect(same == ["> aaa bbb", "> ccc"])
    }

    @Test("a word longer than the width is cut by display width")
    func longWord() {
        let lines = TextLayout.wrap("go abcdefghijklmnopqrstuvwxyz end", width: 10)
        #expect(lines == ["go", "abcdefghij", "klmnopqrst", "uvwxyz end"])
    }

    @Test("cutting never splits a grapheme cluster")
    func longWordWithClusters() {
        let word = String(repeating: "漢", count: 7) + String(repeating: "e\u{301}", count: 3) + "👨‍👩‍👧👨‍👩‍👧"
        let lines = TextLayout.wrap(word, width: 5)
        for line in lines {
            #expect(TextLayout.displayWidth(line) <= 5)
        }
        #expect(lines.joined() == word)
        #expect(lines.flatMap { Array($0) } == Array(word))
    }
}
