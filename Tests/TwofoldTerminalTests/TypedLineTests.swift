import Testing
@testable import TwofoldTerminal

@Suite("Typed line erasing")
struct TypedLineTests {
    @Test("the rows a typed line took, wide characters and wrapping included")
    func rows() {
        #expect(TypedLine.rows(prompt: "vote> ", line: "2 1 2", columns: 80) == 1)
        #expect(TypedLine.rows(prompt: "vote> ", line: String(repeating: "1 ", count: 36), columns: 80) == 1)
        #expect(TypedLine.rows(prompt: "vote> ", line: String(repeating: "1", count: 74), columns: 80) == 2, "exactly full wraps")
        #expect(TypedLine.rows(prompt: "vote> ", line: "李=2 " + String(repeating: "1 ", count: 40), columns: 40) == 3)
    }

    @Test("the erase sequence moves up over those rows and clears below")
    func sequence() {
        #expect(TypedLine.erase(prompt: "vote> ", line: "Ben=3", columns: 80) == "\u{1B}[1A\r\u{1B}[J")
    }
}
