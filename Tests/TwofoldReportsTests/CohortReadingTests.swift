import Foundation
import Testing
import TwofoldCore
@testable import TwofoldReports
import TwofoldTestSupport

@Suite("Cohort: reading reports")
struct CohortReadingTests {
    @Test("the streaming reader gives the same row as decoding the whole report")
    func sameAsDecoder() throws {
        let fixture = try CohortFixture()
        for report in try fixture.reports(60, learners: 20, scenarioCount: 8, seed: 7) + [try goldenReport()] {
            let data = try report.jsonData()
            let decoded = try LearnerReport.decodeJSON(data)
            #expect(try row(of: data) == CohortRow(decoded))
            var withoutChoices = CohortRow(decoded)
            withoutChoices.choices = []
            #expect(try row(of: data, includeChoices: false) == withoutChoices)
        }
    }

    @Test("a group participant's choices are their votes, abstentions included")
    func votes() throws {
        let reports = try CohortFixture().reports(40, learners: 5, seed: 11).filter { $0.session.kind == .group }
        #expect(!reports.isEmpty)
        for report in reports {
            let picks = try row(of: report.jsonData()).choices
            #expect(picks.map(\.choice) == report.decisions.map { $0.vote?.choice })
        }
    }

    @Test("a minimal contract report (the product brief's example) is read")
    func minimal() throws {
        let text = """
        {"reportVersion": 1, "learner": {"name": "Ana Silva"}, "cohort": "Spring leaders",
         "scenario": {"id": "retail-floor-walk", "title": "Walking", "domain": "retail"},
         "startedAt": "2026-11-29T10:00:00Z", "finishedAt": "2026-11-29T10:09:12Z",
         "decisions": [{"scene": "opening", "choice": "fix-now", "scores": {"manager": 2, "leader": 0}}],
         "scores": {"manager": {"raw": 5, "min": -2, "max": 8, "percent": 70},
                    "leader": {"raw": 1, "min": -3, "max": 9, "percent": 33}},
         "profile": {"key": "manager", "label": "Manager"}, "ending": {"scene": "end-deadline", "title": "Done"}}
        """
        let data = Data(text.utf8)
        let read = try row(of: data)
        #expect(read == CohortRow(try LearnerReport.decodeJSON(data)))
        #expect(read.manager.percent == 70 && read.finishedAt == fixedStart + 552)
        // A report without an attempt id gets a stable one from its learner, scenario and times.
        #expect(read.attemptId == LearnerReport.derivedAttemptId(learner: "Ana Silva", scenario: "retail-floor-walk",
                                                                   startedAt: fixedStart, finishedAt: fixedStart + 552))
        let again = try row(of: data)
        #expect(read.attemptId.count == 36 && read.attemptId == again.attemptId)
    }

    @Test("a reason is said once: no error wraps another's words")
    func reasonsSaidOnce() throws {
        for (text, expected) in [("[1, 2]", "not a learner report: expected an object, found an array"),
                                 ("\"text\"", "not a learner report: expected an object")] {
            let error = try #require(readFailure(Data(text.utf8)))
            #expect(error.description == expected)
        }
    }

    @Test("errors match decodeJSON's, path and all", arguments: [
        (#"{"reportVersion": 1}"#, ReportError.malformed(path: "learner", reason: "this field is missing")),
        (#"{"reportVersion": 2, "learner": 3}"#, .newerVersion(2)),
        (#"{"learner": 3, "reportVersion": 9}"#, .newerVersion(9)),
        (#"{"reportVersion": 0}"#, .malformed(path: "reportVersion", reason: "0 is not a report version")),
        (#"{"learner": {"name": "A"}}"#, .malformed(path: "reportVersion", reason: "this field is missing")),
        (#"{"reportVersion": "1"}"#, .malformed(path: "reportVersion", reason: "expected an integer")),
        (#"{"reportVersion": 1, "reportVersion": 1}"#, .malformed(path: "reportVersion", reason: "this field appears twice")),
    ])
    func errors(_ text: String, _ expected: ReportError) throws {
        #expect(throws: expected) { try CohortRow.read(Data(text.utf8)) }
        #expect(throws: expected) { try LearnerReport.decodeJSON(Data(text.utf8)) }
    }

    @Test("a missing or mistyped field is named by its path")
    func fieldPaths() throws {
        let good = try String(decoding: goldenReport().jsonData(), as: UTF8.self)
        let cases: [(String, String, String)] = [
            ("\"percent\" : 13", "\"percent\" : \"13\"", "scores.leader.percent"),
            ("\"key\" : \"manager\"", "\"key\" : \"boss\"", "profile.key"),
            ("\"finishedAt\" : \"2026-11-29T10:09:12Z\"", "\"finishedAt\" : \"yesterday\"", "finishedAt"),
            ("\"choice\" : \"tell-priorities\",", "\"choice\" : 4,", "decisions[0].choice"),
            ("\"name\" : \"Ana Silva\"", "\"nom\" : \"Ana Silva\"", "learner.name"),
            ("\"kind\" : \"solo\"", "\"kind\" : \"duo\"", "session.kind"),
        ]
        for (find, replace, path) in cases {
            #expect(good.contains(find), "fixture lacks \(find)")
            let data = Data(good.replacingOccurrences(of: find, with: replace).utf8)
            #expect(readFailure(data)?.path == path, "\(String(describing: readFailure(data)))")
            #expect(throws: ReportError.self) { try LearnerReport.decodeJSON(data) }
        }
    }

    @Test("corrupt bytes are not a report, with a line and column")
    func corrupt() throws {
        let good = try goldenReport().jsonData()
        let inputs: [(Data, String)] = [
            (Data(), "line 1, column 1"), (good.prefix(good.count / 2), "the end of the file"), (Data("{\"a\": tru}".utf8), "line 1"),
            (Data("[1, 2]".utf8), "found an array"), (Data("\"text\"".utf8), "expected an object"),
            (good.prefix(200) + Data([0xFF, 0xFE]) + good.dropFirst(202), "UTF-8"),
            (good + Data("{}".utf8), "after the end"),
        ]
        for (data, fragment) in inputs {
            let error = try #require(readFailure(data), "read \(data.count) corrupt bytes")
            #expect(error.path == "" && error.description.contains(fragment), "\(error)")
        }
    }

    @Test("other Twofold files are recognised, not reported as broken")
    func otherFiles() throws {
        let xapi = Data(XAPIStatements.render(try goldenReport()).utf8)
        #expect(try CohortRow.read(xapi) == .other(.xAPIStatements))
        let group = Data(#"{"groupReportVersion": 1, "participants": [{"name": "Ana"}], "scenario": {"id": "x"}}"#.utf8)
        #expect(try CohortRow.read(group) == .other(.groupReport))
        let export = Data(CohortExport.render(.json, rows: [], summary: CohortSummary()).utf8)
        #expect(try CohortRow.read(export) == .other(.cohortExport))
    }

    @Test("escaped keys, a byte-order mark and null optionals are fine")
    func leniency() throws {
        let report = try goldenReport()
        var text = String(decoding: try report.jsonData(), as: UTF8.self)
        text = text.replacingOccurrences(of: "\"learner\" : {", with: "\"learn\\u0065r\" : {")
        text = text.replacingOccurrences(of: "\"cohort\" : \"Spring leaders\"", with: "\"cohort\" : null")
        let read = try row(of: Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8))
        #expect(read.learner == "Ana Silva" && read.cohort == nil)
    }

    @Test("dates: the fast path agrees with ISO8601 both ways")
    func dates() {
        var rng = SeededGenerator(seed: 3)
        for _ in 0..<2000 {
            let date = Date(timeIntervalSince1970: Double(Int64(bitPattern: rng.next() % 8_000_000_000) - 2_000_000_000))
            let text = ISO8601.string(date)
            #expect(CohortDates.string(date) == text)
            #expect(CohortDates.parse(text) == date)
        }
        #expect(CohortDates.parse("2026-02-30T10:00:00Z") == nil)
        #expect(CohortDates.parse("2026-11-29T10:09:12.5Z") == ISO8601.date("2026-11-29T10:09:12.5Z"))
        #expect(CohortDates.parse("2026-11-29T12:09:12+02:00") == fixedStart + 552)
        // Before the Gregorian calendar, and far ahead, the two still agree.
        for text in ["1014-11-29T10:00:00Z", "1582-10-14T00:00:00Z", "1583-01-01T00:00:00Z", "6159-11-29T10:09:12Z", "0001-01-01T00:00:00Z"] {
            let date = ISO8601.date(text)
            #expect(CohortDates.parse(text) == date, "\(text)")
            if let date { #expect(CohortDates.string(date) == ISO8601.string(date), "\(text)") }
        }
    }
}

/// Why `data` is not read as a report, or nil when it is.
func readFailure(_ data: Data) -> ReportError? {
    let result = Result { () throws(ReportError) in try CohortRow.read(data) }
    if case .failure(let error) = result { return error }
    return nil
}

extension ReportError {
    /// The JSON path of a malformed report ("" for other errors).
    var path: String {
        if case .malformed(let path, _) = self { return path }
        return ""
    }
}
