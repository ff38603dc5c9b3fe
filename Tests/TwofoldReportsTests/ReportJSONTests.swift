import Foundation
import Testing
import TwofoldCore
@testable import TwofoldReports

@Suite("Report JSON")
struct ReportJSONTests {
    @Test("round-trips exactly")
    func roundTrip() throws {
        let report = try goldenReport()
        let data = try report.encodedJSON()
        #expect(try LearnerReport.decodeJSON(data) == report)
        #expect(try LearnerReport.decodeJSON(data).encodedJSON() == data)
    }

    @Test("uses the contract's field names, whole-second UTC dates and unescaped slashes")
    func shape() throws {
        var report = try goldenReport()
        report.cohort = "Spring/Autumn"
        let text = String(decoding: try report.encodedJSON(), as: UTF8.self)
        for field in ["\"reportVersion\" : 1", "\"learner\"", "\"cohort\" : \"Spring/Autumn\"", "\"scenario\"", "\"startedAt\" : \"2026-11-29T10:00:00Z\"",
                      "\"finishedAt\" : \"2026-11-29T10:09:12Z\"", "\"decisions\"", "\"scores\"", "\"profile\"", "\"ending\"",
                      "\"attemptId\"", "\"balancedPath\"", "\"session\"", "\"alternatives\"", "\"percent\""] {
            #expect(text.contains(field), "missing \(field)")
        }
        let object = try #require(try JSONSerialization.jsonObject(with: report.encodedJSON()) as? [String: Any])
        let manager = try #require((object["scores"] as? [String: Any])?["manager"] as? [String: Int])
        #expect(Set(manager.keys) == ["raw", "min", "max", "percent"])
    }

    @Test("reads the contract's minimal example")
    func minimalExample() throws {
        let text = """
        {
          "reportVersion": 1,
          "learner": { "name": "Ana Silva" },
          "cohort": "Spring leaders",
          "scenario": { "id": "retail-floor-walk", "title": "...", "domain": "retail" },
          "startedAt": "2026-11-29T10:00:00Z",
          "finishedAt": "2026-11-29T10:09:12Z",
          "decisions": [ { "scene": "opening", "choice": "fix-now", "scores": { "manager": 2, "leader": 0 } } ],
          "scores": {
            "manager": { "raw": 5, "min": -2, "max": 8, "percent": 70 },
            "leader":  { "raw": 1, "min": -3, "max": 9, "percent": 33 }
          },
          "profile": { "key": "manager", "label": "Manager" },
          "ending": { "scene": "end-deadline", "title": "..." }
        }
        """
        let report = try LearnerReport.decodeJSON(Data(text.utf8))
        #expect(report.manager.percent == 70 && report.leader.percent == 33)
        #expect(report.profile.meaning == Profile(.manager).meaning)
        #expect(report.session == .solo && report.scenario.profileThreshold == 60)
        // Every renderer copes with a report that lacks the optional parts.
        #expect(!MarkdownReport.render(report).isEmpty && !HTMLReport.render(report).isEmpty)
        #expect(!CSVReport.render(report).isEmpty && !XAPIStatements.render(report).isEmpty)
    }

    @Test("refuses a newer reportVersion with a typed error")
    func newerVersion() throws {
        let text = #"{"reportVersion": 2, "something": "new"}"#
        #expect(throws: ReportError.newerVersion(2)) { try LearnerReport.decodeJSON(Data(text.utf8)) }
        #expect(ReportError.newerVersion(2).description.contains("newer"))
    }

    @Test("names the JSON path of a malformed value", arguments: ["decisions[0].choice", "scores.manager"])
    func malformedPath(_ path: String) throws {
        var object = try #require(try JSONSerialization.jsonObject(with: goldenReport().encodedJSON()) as? [String: Any])
        if path.hasPrefix("decisions") {
            // A number where the choice id belongs.
            var decisions = object["decisions"] as! [[String: Any]]
            decisions[0]["choice"] = 3
            object["decisions"] = decisions
        } else {
            // The manager axis missing.
            var scores = object["scores"] as! [String: Any]
            scores["manager"] = nil
            object["scores"] = scores
        }
        let data = try JSONSerialization.data(withJSONObject: object)
        do {
            _ = try LearnerReport.decodeJSON(data)
            Issue.record("decoded a malformed report")
        } catch {
            guard case .malformed(let found, _) = error else { Issue.record("unexpected \(error)"); return }
            #expect(found == path)
        }
    }

    @Test("gives clear errors for bytes that are not a report")
    func notReports() throws {
        for (text, path) in [("not json", ""), ("[1, 2]", ""), (#"{"learner": {}}"#, "reportVersion"),
                             (#"{"reportVersion": "one"}"#, "reportVersion"), (#"{"reportVersion": 0}"#, "reportVersion")] {
            #expect {
                try LearnerReport.decodeJSON(Data(text.utf8))
            } throws: { error in
                guard case .malformed(let found, let reason)? = error as? ReportError else { return false }
                return found == path && !reason.isEmpty
            }
        }
    }

    @Test("an abstention is written as an explicit null vote")
    func abstention() throws {
        let vote = LearnerReport.Vote(participant: "Ben", choice: nil)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(String(decoding: try encoder.encode(vote), as: UTF8.self) == #"{"choice":null,"participant":"Ben"}"#)
    }
}
