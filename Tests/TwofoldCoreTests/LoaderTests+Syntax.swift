import Foundation
import Testing
@testable import TwofoldCore

/// Malformed files: syntax, emptiness, nesting, size and format versions.
extension LoaderTests {
    // MARK: Syntax

    @Test(arguments: [
        // (what is replaced, its replacement with ⟦ where the error is)
        (#""Why?"]"#, #""Why?",⟦]"#),                                             // trailing comma in an array
        (#""title": "Finished" }"#, #""title": "Finished", ⟦}"#),                 // trailing comma in an object
        (#""manager": 2,"#, #""manager": ⟦02,"#),                                  // leading zero
        (#""leader": 0 }, "feedback": "Quick.""#, #""leader": ⟦-01 }, "feedback": "Quick.""#),  // leading zero after a minus
        (#""start": "opening","# + "\n" + #"  "scenes""#, #""start": "opening""# + "\n" + #"  ⟦"scenes""#),  // missing comma
        (#""format": 1,"#, #"⟦// a comment"# + "\n" + #"  "format": 1,"#),        // comments are not JSON
        (#""Done.""#, #"⟦'Done.'"#),                                               // single quotes
        (#""Decide.""#, "\"Two⟦\nlines\""),                                       // raw line break in a string
        (#""Quick.", "#, #""Quick." ⟦"#),                                          // missing comma between members
        (#""leader": 0 }"#, #""leader": 0 ⟦]"#),                                   // mismatched bracket
        (#""ending": { "title""#, #""ending": { ⟦title"#),                         // unquoted key
    ])
    func reportsSyntaxErrorsWhereTheyAre(_ target: String, _ replacement: String) throws {
        let marked = editedScenario(target, replacement)
        let expected = try #require(textPosition(of: errorMarker, in: marked))
        let result = lint(marked.replacingOccurrences(of: errorMarker, with: ""))
        #expect(result.codes == [.syntaxError], "\(result.listing)")
        #expect(result.scenario == nil)
        #expect(lineColumn(result.diagnostics.first) == expected, "\(result.listing)")
    }

    @Test func reportsAnUnterminatedStringAtItsOpeningQuote() throws {
        let cut = String(baseScenarioText[..<baseScenarioText.range(of: "Why?")!.upperBound])
        let result = lint(cut)
        #expect(result.codes == [.syntaxError])
        #expect(result.diagnostics.first?.message.contains("unterminated") == true)
        #expect(lineColumn(result.diagnostics.first) == textPosition(of: "\"Why?", in: cut))
        #expect(result.diagnostics.first?.path == "reflection[0]")
    }

    @Test func rejectsGarbageAfterTheObject() throws {
        let text = baseScenarioText + "\n{ \"another\": 1 }\n"
        let result = lint(text)
        #expect(result.codes == [.syntaxError], "\(result.listing)")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(lineColumn(diagnostic) == textPosition(of: "{ \"another\"", in: text))
        #expect(lineColumn(diagnostic) == [21, 1])
        // White space after the object is fine.
        #expect(lint(baseScenarioText + "\n\n  \t\n").diagnostics.isEmpty)
    }

    @Test func rejectsTruncatedFiles() {
        let cut = String(baseScenarioText.prefix(baseScenarioText.count / 2))
        #expect(lint(cut).codes == [.syntaxError])
        #expect(lint("{").codes == [.syntaxError])
    }

    @Test(arguments: ["", " \n\t\r\n "])
    func reportsEmptyFiles(_ text: String) throws {
        let result = lint(text)
        #expect(result.codes == [.emptyFile])
        #expect(lineColumn(result.diagnostics.first) == [1, 1])
    }

    @Test(arguments: ["[]", "\"scenario\"", "1", "null", "true"])
    func aScenarioMustBeAnObject(_ text: String) {
        #expect(lint(text).codes == [.wrongType])
    }

    @Test func nestingLimitIsExact() {
        // The scenario object is level 1; an unknown field holding k arrays reaches level 1 + k.
        func nested(_ arrays: Int) -> String {
            editedScenario(#""reflection": ["Why?"]"#, #""reflection": ["Why?"], "extra": "# + String(repeating: "[", count: arrays) + String(repeating: "]", count: arrays))
        }
        #expect(lint(nested(ScenarioLoader.maxDepth - 1)).codes == [.unknownField])
        let deep = lint(nested(ScenarioLoader.maxDepth))
        #expect(deep.codes == [.unknownField, .tooDeep], "\(deep.listing)")
        #expect(deep.diagnostics(.tooDeep).first?.path == "extra")
        // Far deeper than the limit still ends with a diagnostic, not a crash.
        #expect(lint(nested(100_000)).codes.contains(.tooDeep))
    }

    @Test func tooLargeIsCheckedBeforeParsing() throws {
        let data = Data("not even JSON".utf8)
        let document = ScenarioLoader.decode(data, file: "big.json", maxFileSize: 4)
        #expect(document.scenario == nil)
        let result = Linter.lint(document)
        #expect(result.codes == [.tooLarge])
        #expect(lineColumn(result.diagnostics.first) == [1, 1])
        #expect(ScenarioLoader.tooLarge(file: "big.json", size: 2 << 30).code == .tooLarge)
    }

    // MARK: Format versions

    @Test func newerFormatIsTheOnlyFinding() throws {
        let text = editedScenario(#""format": 1,"#, #""format": 2, "voiceOver": { "language": "en" },"#)
            .replacingOccurrences(of: #""text": "Done.""#, with: #""text": "Done.", "video": "end.mp4""#)
            .replacingOccurrences(of: #""manager": 2"#, with: #""manager": 25"#)
        let result = lint(text)
        #expect(result.codes == [.newerFormat], "\(result.listing)")
        #expect(result.scenario == nil)
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.path == "format")
        #expect(lineColumn(diagnostic) == [2, 13])
        #expect(diagnostic.message.contains("2"))
    }

    @Test(arguments: [#""format": 0,"#, #""format": -1,"#, #""format": 1.5,"#, #""format": "1","#, #""format": null,"#, ""])
    func unsupportedFormats(_ replacement: String) {
        let result = lint(editedScenario(#""format": 1,"#, replacement))
        #expect(result.codes == [.unsupportedFormat], "\(result.listing)")
    }
}
