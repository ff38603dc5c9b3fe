import Foundation
import Testing
@testable import TwofoldCore

/// A valid scenario on few lines, the base for syntax and value variations.
let baseScenarioText = """
    {
      "format": 1,
      "id": "loader-test",
      "title": "Loader test",
      "domain": "retail",
      "summary": "A small valid scenario.",
      "start": "opening",
      "scenes": [
        {
          "id": "opening",
          "text": "The first scene.",
          "choices": [
            { "id": "direct", "text": "Decide.", "scores": { "manager": 2, "leader": 0 }, "feedback": "Quick.", "next": "finish" },
            { "id": "ask", "text": "Ask.", "scores": { "manager": 1, "leader": 2 }, "feedback": "Slower.", "next": "finish" }
          ]
        },
        { "id": "finish", "text": "Done.", "ending": { "title": "Finished" } }
      ],
      "reflection": ["Why?"]
    }
    """

/// `[line, column]` (1-based, columns in Unicode scalars) where `needle` first occurs in
/// `text`: an oracle for the loader's positions that shares no code with it.
func textPosition(of needle: String, in text: String) -> [Int]? {
    for (index, line) in text.components(separatedBy: "\n").enumerated() {
        if let range = line.range(of: needle) {
            return [index + 1, line.unicodeScalars.distance(from: line.unicodeScalars.startIndex, to: range.lowerBound) + 1]
        }
    }
    return nil
}

/// A diagnostic's `[line, column]`.
func lineColumn(_ diagnostic: Diagnostic?) -> [Int]? {
    diagnostic.map { [$0.location.line, $0.location.column] }
}

/// Marks where a syntax error is expected inside a replacement text; removed before loading.
let errorMarker = "⟦"

/// `baseScenarioText` with one piece of text replaced (which must be present).
func editedScenario(_ target: String, _ replacement: String) -> String {
    precondition(baseScenarioText.contains(target), "no \(target) in the base scenario")
    return baseScenarioText.replacingOccurrences(of: target, with: replacement)
}

@Suite struct LoaderTests {
    @Test func baseScenarioIsValid() {
        let result = lint(baseScenarioText)
        #expect(result.diagnostics.isEmpty, "\(result.listing)")
        #expect(result.playable != nil)
    }

    // MARK: Positions and paths

    @Test func reportsExactPositionsAndPaths() throws {
        let text = """
            {
              "format": 1,
              "id": "loader-test",
              "title": 42,
              "domain": "retail",
              "summary": "Four problems at known places.",
              "start": "opening",
              "scenes": [
                {
                  "id": "opening",
                  "text": "The first scene.",
                  "choices": [
                    {
                      "id": "go",
                      "text": "Go on.",
                      "feedbak": "Typo.",
                      "feedback": "Fine.",
                      "next": "middle"
                    }
                  ]
                },
                {
                  "id": "middle",
                  "text": "The second scene.",
                  "choices": [
                    {
                      "id": "push",
                      "text": "Push hard.",
                      "scores": { "manager": 11, "leader": 0 },
                      "feedback": "Too much.",
                      "next": "finsh"
                    }
                  ]
                },
                {
                  "id": "finish",
                  "text": "Done.",
                  "ending": { "title": "Finished" }
                }
              ],
              "reflection": ["Why?"]
            }
            """
        let result = lint(text, file: "problems.json")

        let wrongType = try #require(result.diagnostics(.wrongType).first)
        #expect(lineColumn(wrongType) == [4, 12])
        #expect(wrongType.path == "title")
        #expect(wrongType.formatted.hasPrefix("problems.json:4:12: error: [wrong-type] "))

        let unknown = try #require(result.diagnostics(.unknownField).first)
        #expect(lineColumn(unknown) == [16, 11])
        #expect(unknown.path == "scenes[0].choices[0].feedbak")
        #expect(unknown.notes.contains("did you mean \"feedback\"?"))

        let score = try #require(result.diagnostics(.scoreOutOfRange).first)
        #expect(lineColumn(score) == [29, 34])
        #expect(score.path == "scenes[1].choices[0].scores.manager")

        let dangling = try #require(result.diagnostics(.danglingNext).first)
        #expect(lineColumn(dangling) == [31, 19])
        #expect(dangling.path == "scenes[1].choices[0].next")
        #expect(dangling.notes.contains("did you mean \"finish\"?"))

        // The oracle agrees with the hard-coded positions.
        #expect(textPosition(of: "42", in: text) == [4, 12])
        #expect(textPosition(of: "\"feedbak\"", in: text) == [16, 11])
        #expect(textPosition(of: "11,", in: text) == [29, 34])
        #expect(textPosition(of: "\"finsh\"", in: text) == [31, 19])
        // Output is sorted by position.
        #expect(result.diagnostics.map(\.location.offset) == result.diagnostics.map(\.location.offset).sorted())
    }

    @Test func columnsCountUnicodeScalarsNotBytes() throws {
        let text = editedScenario(#""title": "Loader test","#, #""title": "Café ☕ 日本語 😀", "domain": 5,"#)
            .replacingOccurrences(of: #"  "domain": "retail",\#n"#, with: "")
        let result = lint(text)
        let diagnostic = try #require(result.diagnostics(.wrongType).first, "\(result.listing)")
        #expect(diagnostic.path == "domain")
        #expect(lineColumn(diagnostic) == [4, 38])  // 49 bytes precede it on the line, but 37 characters
        #expect(textPosition(of: "5,", in: text) == [4, 38])
    }

    @Test func pathsQuoteKeysThatAreNotPlainNames() throws {
        let result = lint(editedScenario(#""text": "The first scene.","#, #""text": "The first scene.", "my note": 1,"#))
        let diagnostic = try #require(result.diagnostics(.unknownField).first)
        #expect(diagnostic.path == #"scenes[0]["my note"]"#)
    }

    // MARK: Strings

    @Test func decodesEscapesAndUnicode() throws {
        let text = editedScenario(#""text": "The first scene.""#, #"""
            "text": "caf\u00e9 \ud83d\ude00 \u65e5\u672c \"quoted\" back\\slash \/ tab\tnew\nline \u0041"
            """#)
            .replacingOccurrences(of: #""title": "Loader test""#, with: #""title": "Équipe 😀 日本語 café 👩🏽‍💼""#)
        let result = lint(text)
        #expect(result.diagnostics.isEmpty, "\(result.listing)")
        let model = try #require(result.scenario)
        #expect(model.scenes[0].text == "café 😀 日本 \"quoted\" back\\slash / tab\tnew\nline A")
        #expect(model.title == "Équipe 😀 日本語 café 👩🏽‍💼")
        #expect(model.scenes[0].text.unicodeScalars.contains("\u{1F600}"))
    }

    @Test(arguments: [
        #""\ud83d""#,            // high surrogate alone
        #""\ude00 tail""#,       // low surrogate alone
        #""\ud83d\u0041""#,      // high surrogate followed by no low one
        #""\u12G4""#,            // not hex
        #""\q""#,                // unknown escape
    ])
    func rejectsBadEscapes(_ literal: String) {
        let result = lint(editedScenario(#""Done.""#, literal))
        #expect(result.codes == [.syntaxError], "\(result.listing)")
        #expect(result.scenario == nil)
    }

    @Test func acceptsAByteOrderMark() throws {
        let bom = Data([0xEF, 0xBB, 0xBF])
        let clean = ScenarioLoader.load(bom + Data(baseScenarioText.utf8), file: "bom.json")
        #expect(clean.diagnostics.isEmpty, "\(clean.listing)")
        #expect(clean.scenario?.id == "loader-test")

        // A problem on the first line has the same column with or without the mark.
        let oneLine = baseScenarioText.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: #""id": "loader-test""#, with: #""id": 7"#)
        let plain = try #require(lint(oneLine).diagnostics(.wrongType).first)
        let marked = try #require(ScenarioLoader.load(bom + Data(oneLine.utf8), file: "bom.json").diagnostics(.wrongType).first)
        #expect(plain.location.line == 1)
        #expect(marked.location.line == 1)
        #expect(marked.location.column == plain.location.column)
    }

    @Test func rejectsInvalidUTF8() throws {
        let base = Array(baseScenarioText.utf8)
        let title = Array("Loader test".utf8)
        let titleStart = try #require(base.firstRange(of: title)).lowerBound
        for bad: [UInt8] in [[0xE9], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xE6, 0x97]] {
            var bytes = base
            bytes.insert(contentsOf: bad, at: titleStart + 3)
            let result = ScenarioLoader.load(Data(bytes), file: "latin1.json")
            #expect(result.codes == [.invalidUTF8], "\(bad): \(result.listing)")
            let diagnostic = try #require(result.diagnostics.first)
            #expect(lineColumn(diagnostic) == [4, 16])  // after "Loa"
            #expect(diagnostic.path == "title")
        }
        // Outside any string, too.
        var bytes = base
        bytes.insert(0xFF, at: try #require(base.firstIndex(of: UInt8(ascii: "\""))))
        #expect(ScenarioLoader.load(Data(bytes), file: "x.json").codes == [.invalidUTF8])
    }

    // MARK: Numbers

    @Test func integralNumbersAreIntegers() throws {
        let text = editedScenario(#"{ "manager": 2, "leader": 0 }"#, #"{ "manager": 2.0, "leader": 1e0 }"#)
        let result = lint(text)
        #expect(result.diagnostics.isEmpty, "\(result.listing)")
        let scores = try #require(result.scenario).scenes[0].choices[0].scores
        #expect(scores == Scores(manager: 2, leader: 1))
    }

    @Test func fractionsAreNotIntegers() throws {
        let text = editedScenario(#""manager": 2,"#, #""manager": 2.5,"#)
        let result = lint(text)
        #expect(result.codes == [.wrongType], "\(result.listing)")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.path == "scenes[0].choices[0].scores.manager")
        #expect(lineColumn(diagnostic) == textPosition(of: "2.5", in: text))
    }

    @Test func hugeIntegersAreOutOfRangeNotCrashes() {
        let result = lint(editedScenario(#""manager": 2,"#, #""manager": 123456789012345678901234567890,"#))
        #expect(result.codes == [.scoreOutOfRange], "\(result.listing)")
    }

    // MARK: Many problems at once

    @Test func reportsEveryProblemNotJustTheFirst() {
        let text = editedScenario(#""id": "loader-test""#, #""id": "Loader_Test""#)
            .replacingOccurrences(of: #""summary": "A small valid scenario.""#, with: #""summary": "  ""#)
            .replacingOccurrences(of: #""domain": "retail""#, with: #""domain": "retail", "estimatedMinutes": 500"#)
            .replacingOccurrences(of: #""manager": 2"#, with: #""manager": -11"#)
            .replacingOccurrences(of: #""feedback": "Slower.", "#, with: #""#)
            .replacingOccurrences(of: #""text": "Done.","#, with: #""text": "Done.", "colour": "green","#)
            .replacingOccurrences(of: #""text": "Ask.""#, with: #""text": ["Ask."]"#)
            .replacingOccurrences(of: #""title": "Finished""#, with: #""title": "Finished", "title": "Again""#)
        let result = lint(text)
        let expected: [DiagnosticCode] = [
            .invalidID, .emptyText, .invalidValue, .scoreOutOfRange, .wrongType, .missingFeedback, .unknownField, .duplicateKey,
        ]
        #expect(Set(result.codes) == Set(expected), "\(result.listing)")
        #expect(result.diagnostics.count == expected.count, "\(result.listing)")
        #expect(result.scenario != nil)  // value problems do not stop decoding
        #expect(result.playable == nil)
    }

    @Test func reportsEveryMissingField() {
        let text = editedScenario(#""title": "Loader test","#, "")
            .replacingOccurrences(of: #""summary": "A small valid scenario.","#, with: "")
            .replacingOccurrences(of: #""next": "finish" },"#, with: #""next": "finish", "next": "finish" },"#)
            .replacingOccurrences(of: #", "next": "finish" }"# + "\n", with: " }\n")
        let result = lint(text)
        #expect(result.diagnostics(.missingField).count == 3, "\(result.listing)")
        #expect(result.diagnostics(.duplicateKey).count == 1)
        #expect(result.diagnostics(.missingField).contains { $0.path == "scenes[0].choices[1]" })
    }
}
