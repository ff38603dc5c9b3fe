import Foundation
import Testing
import TwofoldCore
@testable import TwofoldReports
import TwofoldTestSupport

/// Crafted learner reports with impossible numbers: both readers refuse them with the same
/// one-line reason, and the arithmetic behind every format holds any `Int` or `Double`.
@Suite("Hostile numbers in reports")
struct HostileNumbersTests {
    /// The golden report's JSON with `edit` applied to its object.
    static func golden(_ edit: (inout [String: Any]) -> Void) throws -> Data {
        let data = try Data(contentsOf: fixtureURL("reports/golden.json"))
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        edit(&object)
        return try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    }

    /// Sets `path` (keys and array indices) in a JSON object to `value`.
    static func set(_ object: inout [String: Any], _ path: [Any], _ value: Any) {
        func update(_ node: Any, _ path: ArraySlice<Any>) -> Any {
            guard let first = path.first else { return value }
            if let key = first as? String, var dictionary = node as? [String: Any] {
                dictionary[key] = update(dictionary[key] as Any, path.dropFirst())
                return dictionary
            }
            if let index = first as? Int, var array = node as? [Any] {
                array[index] = update(array[index], path.dropFirst())
                return array
            }
            return node
        }
        object = update(object, path[...]) as! [String: Any]
    }

    /// A name, where to change the golden report, the value put there, and the path named.
    static var cases: [(String, [Any], Any, String)] { [
        ("raw Int.max", ["scores", "manager", "raw"], Int.max, "scores.manager"),
        ("raw 1e17 with min 0, max 1", ["scores", "manager"], ["raw": 100_000_000_000_000_000, "min": 0, "max": 1, "percent": 100], "scores.manager"),
        ("percent Int.max", ["scores", "manager", "percent"], Int.max, "scores.manager"),
        ("percent 1000", ["scores", "leader", "percent"], 1000, "scores.leader"),
        ("min greater than max", ["scores", "leader"], ["raw": 0, "min": 10, "max": -10, "percent": 50], "scores.leader"),
        ("min Int.min", ["scores", "manager", "min"], Int.min, "scores.manager"),
        ("raw outside the bounds", ["scores", "manager", "raw"], 99, "scores.manager"),
        ("threshold Int.max", ["scenario", "profileThreshold"], Int.max, "scenario.profileThreshold"),
        ("finished before started", ["finishedAt"], "2020-01-01T00:00:00Z", "finishedAt"),
        ("a delta of Int.max", ["decisions", 0, "scores", "manager"], Int.max, "decisions[0].scores.manager"),
        ("seconds 1e308", ["decisions", 1, "seconds"], 1e308, "decisions[1].seconds"),
        ("seconds -1e308", ["decisions", 0, "seconds"], -1e308, "decisions[0].seconds"),
        ("seconds -1", ["decisions", 0, "seconds"], -1, "decisions[0].seconds"),
    ] }

    @Test("both readers refuse an impossible number with the same one-line reason", arguments: cases.indices)
    func refused(_ index: Int) throws {
        let (name, path, value, errorPath) = Self.cases[index]
        let data = try Self.golden { Self.set(&$0, path, value) }
        let decoded = Result { () throws(ReportError) in try LearnerReport.decodeJSON(data) }
        let streamed = Result { () throws(ReportError) in try CohortRow.read(data) }
        guard case .failure(let error) = decoded, case .impossibleValue(let found, let reason) = error else {
            Issue.record("\(name): decodeJSON gave \(decoded)")
            return
        }
        #expect(found == errorPath, "\(name)")
        #expect(!reason.isEmpty && !error.description.contains("\n"), "\(name)")
        if case .failure(let other) = streamed {
            #expect(other == error, "\(name): the streaming reader agrees")
        } else {
            Issue.record("\(name): the streaming reader accepted it")
        }
    }

    @Test("numbers too large to read are refused by both readers")
    func unreadableNumbers() throws {
        // Marker values put in place structurally, then replaced by literals no encoder writes.
        let marked = try String(decoding: Self.golden { object in
            Self.set(&object, ["decisions", 0, "seconds"], 424_242.5)
            Self.set(&object, ["scores", "leader", "raw"], 123_456_789)
        }, as: UTF8.self)
        for (marker, literal, path) in [("424242.5", "1e400", "decisions[0].seconds"), ("123456789", "1e17", "scores.leader.raw")] {
            #expect(marked.contains(marker))
            let data = Data(marked.replacingOccurrences(of: marker, with: literal).utf8)
            #expect(throws: ReportError.self) { try LearnerReport.decodeJSON(data) }
            let streamed = Result { () throws(ReportError) in try CohortRow.read(data) }
            guard case .failure(.malformed(let found, _)) = streamed else { Issue.record("\(streamed)"); continue }
            #expect(found == path)
        }
    }

    @Test("a key given twice is refused by both readers, wherever the cohort reader reads it")
    func repeatedKeys() throws {
        let text = String(decoding: try Data(contentsOf: fixtureURL("reports/golden.json")), as: UTF8.self)
        for (from, to, path) in [
            ("\n      \"scene\" : \"wednesday\"", "\n      \"scene\" : \"wednesday\", \"scene\" : \"monday\"", "decisions[1].scene"),
            ("\"raw\" : 5", "\"raw\" : 5, \"raw\" : 4", "scores.manager.raw"),
            ("\"cohort\" : \"Spring leaders\"", "\"cohort\" : \"Spring leaders\", \"cohort\" : \"Autumn\"", "cohort"),
        ] {
            #expect(text.contains(from), "\(from)")
            let data = Data(text.replacingOccurrences(of: from, with: to).utf8)
            let expected = ReportError.malformed(path: path, reason: "this field appears twice")
            #expect(throws: expected) { try LearnerReport.decodeJSON(data) }
            #expect(throws: expected) { try CohortRow.read(data) }
        }
    }

    @Test("a group participant's score may lie outside the scenario's bounds, and every format renders it")
    func groupParticipantOutsideBounds() throws {
        let data = try Self.golden { object in
            Self.set(&object, ["session"], ["kind": "group", "groupSessionId": "g-1"])
            Self.set(&object, ["scores", "manager"], ["raw": 9, "min": 0, "max": 3, "percent": 300])
        }
        let report = try LearnerReport.decodeJSON(data)
        #expect(report.manager.percent == 300)
        guard case .attempt(let row) = try CohortRow.read(data) else { Issue.record("not read"); return }
        #expect(row.manager.percent == 300)
        for format in ReportFormat.allCases {
            #expect(!(try format.render(report)).isEmpty, "\(format)")
        }
        let statements = try #require(try JSONSerialization.jsonObject(with: ReportFormat.xapi.render(report)) as? [[String: Any]])
        let score = try #require(((statements.last?["result"] as? [String: Any])?["score"] as? [String: Any]))
        let scaled = try #require(score["scaled"] as? Double)
        #expect((0...1).contains(scaled), "xAPI keeps scaled within its range")
    }

    @Test("the arithmetic behind the formats holds any number without trapping")
    func arithmeticHolds() {
        let extremes = [Int.min, Int.min + 1, -1_000_000_000_000, -1, 0, 1, 1_000_000_000_000, Int.max - 1, Int.max]
        for raw in extremes {
            for min in extremes {
                for max in extremes {
                    let percent = AxisScore.percent(raw: raw, min: min, max: max)
                    if max == min { #expect(percent == 100) }
                }
            }
        }
        #expect(AxisScore.percent(raw: 5, min: -2, max: 8) == 70)
        #expect(AxisScore.percent(raw: Int.max, min: 0, max: 1) == Int.max)
        #expect(AxisScore.percent(raw: Int.min, min: 0, max: 1) == Int.min)
        for percent in [Int.min, -5, 0, 50, 100, 1000, Int.max] {
            #expect(MarkdownReport.bar(percent).count == 20)
        }
        for seconds in [-Double.infinity, -1e308, -1, .nan, 0, 59.6, 3600, 1e308, .infinity] {
            #expect(!ReportText.duration(seconds).isEmpty)
            #expect(XAPIStatements.duration(seconds).hasPrefix("PT"))
        }
        #expect(ReportText.duration(-5) == "0 s")
        #expect(ReportText.duration(552) == "9 min 12 s")
    }
}
