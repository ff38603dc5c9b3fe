import Foundation
import Testing
@testable import TwofoldLRS

@Suite("Statement result splitter")
struct StatementResultSplitterTests {
    /// Feeds `document` in pieces of `size` bytes; returns the statements and the `more` link.
    private func split(_ document: String, size: Int) throws -> (statements: [String], more: String?, complete: Bool) {
        var splitter = StatementResultSplitter()
        var statements: [String] = []
        let bytes = Array(document.utf8)
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + size)
            try bytes[start..<end].withUnsafeBytes { piece in
                try splitter.feed(piece) { statements.append(String(decoding: $0, as: UTF8.self)) }
            }
            start = end
        }
        return (statements, splitter.more, splitter.isComplete)
    }

    @Test("statements come out whole and `more` is read, whatever the piece boundaries")
    func everyBoundary() throws {
        let first = #"{"id":"a","result":{"response":"x}\"]"},"context":{"extensions":{"k":[1,{"n":null}]}}}"#
        let second = #"{"id":"b","object":{"id":"https://twofold.example/xapi/scenarios/s"}}"#
        let document = """
            { "statements" : [ \(first) ,
              \(second) ], "other": {"nested": ["]", "}"]}, "count": 2,
              "more": "/xAPI/statements?search_after=b\\u0026limit=2" }
            """
        for size in 1...document.utf8.count {
            let result = try split(document, size: size)
            #expect(result.statements == [first, second], "piece size \(size)")
            #expect(result.more == "/xAPI/statements?search_after=b&limit=2")
            #expect(result.complete)
        }
    }

    @Test("an empty page, a null or empty `more`, and `more` before the statements")
    func shapes() throws {
        #expect(try split(#"{"statements":[]}"#, size: 3) == ([], nil, true))
        #expect(try split(#"{"more":null,"statements":[]}"#, size: 5) == ([], nil, true))
        #expect(try split(#"{"more":"","statements":[{}]}"#, size: 2) == (["{}"], nil, true))
        #expect(try split(#"{"more":"/x","statements":[{"a":1}]}"#, size: 64) == (["{\"a\":1}"], "/x", true))
    }

    @Test("a document cut short is not complete; other shapes are refused")
    func malformed() throws {
        #expect(try split(#"{"statements":[{"id":"a"}"#, size: 4).complete == false)
        #expect(throws: StatementResultSplitter.Failure.self) { try split(#"[]"#, size: 4) }
        #expect(throws: StatementResultSplitter.Failure.self) { try split(#"{"statements":{}}"#, size: 4) }
        #expect(throws: StatementResultSplitter.Failure.self) { try split(#"{"statements":["a"]}"#, size: 4) }
        #expect(throws: StatementResultSplitter.Failure.self) { try split(#"{"statements":[]} x"#, size: 4) }
    }
}
