import Foundation
import Testing
import TwofoldCore
@testable import TwofoldReports
import TwofoldTestSupport

@Suite("Group report")
struct GroupReportTests {
    static let sessionID = "6a1f1f8e-3c55-4b7e-9d43-2f0c1c9a7e01"
    static let hostile = "<b>Ben</b> & \"co\""

    /// The launch-week fixture facilitated for three: Monday 2-1-2 (ask-plate), Wednesday a
    /// tie between 1 and 2 with Chi abstaining, broken with go 1 (stretch-present).
    static func facilitated() throws -> (Facilitation, ScenarioAnalysis) {
        let loaded = try loadScenario(at: fixtureURL("reports/launch-week.json"))
        var group = Facilitation(scenario: loaded.scenario, fingerprint: loaded.fingerprint,
                                 roster: try Roster(["Ana", hostile, "Chi"]), at: fixedStart)
        _ = try group.castBallot([.choice(2), .choice(1), .choice(2)])
        _ = try group.go(nil, at: fixedStart + 60)
        _ = try group.castBallot([.choice(1), .choice(2), .abstain])
        _ = try group.go(1, at: fixedStart + 150)
        return (group, loaded.analysis)
    }

    static func reports() throws -> GroupReportBuilder.Reports {
        let (group, analysis) = try facilitated()
        return try GroupReportBuilder.build(group, analysis: analysis, groupSessionId: sessionID, cohort: "Spring leaders",
                                            finishedAt: fixedStart + 600)
    }

    @Test("one standard learner report per participant, scored on their own votes")
    func learnerReports() throws {
        let reports = try Self.reports()
        #expect(reports.participants.map(\.learner.name) == ["Ana", Self.hostile, "Chi"])
        for report in reports.participants {
            #expect(report.session == .group(Self.sessionID))
            #expect(report.decisions.map(\.choice) == ["ask-plate", "stretch-present"])  // the group's path
            #expect(report.attemptId == GroupReportBuilder.attemptId(groupSessionId: Self.sessionID, participant: report.learner.name))
        }
        // Independently: bounds manager -3…5, leader -2…6.
        // Ana: ask-plate (1, 3) + stretch-present (2, 3) = (3, 6) → 75%, 100%.
        // Ben: tell-priorities (3, 0) + chase-deadline (2, -1) = (5, -1) → 100%, 13%.
        // Chi: ask-plate (1, 3) + abstained = (1, 3) → 50%, 63%.
        let percents = reports.participants.map { [$0.manager.raw, $0.leader.raw, $0.manager.percent, $0.leader.percent] }
        #expect(percents == [[3, 6, 75, 100], [5, -1, 100, 13], [1, 3, 50, 63]])
        #expect(reports.participants[2].decisions[1].vote == LearnerReport.Vote(participant: "Chi", choice: nil))
        #expect(reports.participants[1].decisions[0].vote?.choice == "tell-priorities")
        // The ids do not change when the reports are built again.
        #expect(try Self.reports().participants.map(\.attemptId) == reports.participants.map(\.attemptId))
    }

    @Test("the group report: path, split per decision, participants, most divided first")
    func groupReport() throws {
        let group = try Self.reports().group
        #expect(group.groupReportVersion == 1)
        #expect(group.groupSessionId == Self.sessionID)
        #expect(group.cohort == "Spring leaders")
        #expect(group.decisions.map(\.choice) == ["ask-plate", "stretch-present"])
        #expect(group.decisions.map(\.basis) == [.majority, .facilitator])
        #expect(group.decisions[0].options.map(\.votes) == [1, 2, 0])
        #expect(group.decisions[0].options[1].voters == ["Ana", "Chi"])
        #expect(group.decisions[1].options.map(\.choice) == ["stretch-present", "chase-deadline", "let-her-run"])
        #expect(group.decisions[1].abstained == ["Chi"])
        #expect(group.decisions.map(\.entropy) == [0.918, 1])
        #expect(group.mostDivided.map(\.decision) == [2, 1])
        #expect(group.participants.map(\.abstentions) == [0, 0, 1])
        #expect(group.participants.map(\.withGroup) == [2, 0, 1])
        #expect(group.participants.map(\.profile.key) == [.both, .manager, .leader])
        #expect(group.path.scores["manager"]?.raw == 3)
        #expect(group.ending.scene == "end-both")
    }

    @Test("a unanimous session lists no divided decision")
    func unanimous() throws {
        let loaded = try loadScenario(at: fixtureURL("reports/launch-week.json"))
        var group = Facilitation(scenario: loaded.scenario, fingerprint: loaded.fingerprint, roster: try Roster(["Ana", "Ben"]), at: fixedStart)
        _ = try group.castBallot([.choice(1), .choice(1)])
        _ = try group.go(nil, at: fixedStart)
        _ = try group.castBallot([.choice(2), .abstain])
        _ = try group.go(nil, at: fixedStart)
        let report = try GroupReportBuilder.build(group, analysis: loaded.analysis, groupSessionId: Self.sessionID, cohort: nil, finishedAt: fixedStart).group
        #expect(report.mostDivided.isEmpty)
        #expect(GroupMarkdownReport.render(report).contains("The room agreed at every decision."))
    }

    @Test("an unfinished session has no reports yet")
    func unfinished() throws {
        let loaded = try loadScenario(at: fixtureURL("reports/launch-week.json"))
        let group = Facilitation(scenario: loaded.scenario, fingerprint: loaded.fingerprint, roster: try Roster(["Ana"]), at: fixedStart)
        #expect(throws: ReportError.notFinished) {
            try GroupReportBuilder.build(group, analysis: loaded.analysis, groupSessionId: Self.sessionID, cohort: nil, finishedAt: fixedStart)
        }
    }

    @Test("JSON round trip; a newer version and a malformed field are refused")
    func json() throws {
        let group = try Self.reports().group
        let data = try group.encodedJSON()
        #expect(try GroupReport.decodeJSON(data) == group)
        #expect(try group.encodedJSON() == data)  // deterministic
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"groupReportVersion\" : 1"))
        #expect(text.contains("\"startedAt\" : \"2026-11-29T10:00:00Z\""))
        let newer = Data(text.replacingOccurrences(of: "\"groupReportVersion\" : 1", with: "\"groupReportVersion\" : 2").utf8)
        #expect(throws: GroupReport.ReadError.newerVersion(2)) { try GroupReport.decodeJSON(newer) }
        let broken = Data(text.replacingOccurrences(of: "\"withGroup\" : 2", with: "\"withGroup\" : \"two\"").utf8)
        #expect(throws: GroupReport.ReadError.malformed(path: "participants[0].withGroup", reason: "expected an integer")) {
            try GroupReport.decodeJSON(broken)
        }
        #expect(try group.rendered(.csv) == nil)
        #expect(try group.rendered(.json) == data)
    }

    @Test("Markdown: the participants' table, the split, abstentions, escaped names")
    func markdown() throws {
        let markdown = GroupMarkdownReport.render(try Self.reports().group)
        #expect(markdown.hasPrefix("# Group report: Launch Week"))
        #expect(markdown.contains("| Ana | 75% | 100% | Manager and leader | 0 | 2 of 2 |"))
        #expect(markdown.contains("| Chi | 50% | 63% | Leader | 1 | 1 of 2 |"))
        #expect(markdown.contains(#"\<b\>Ben\</b\> & "co""#))
        #expect(!markdown.contains("<b>"))
        #expect(markdown.contains("Abstained: Chi (no score for them here)."))
        #expect(markdown.contains("1. **Decision 2: "))
        #expect(!markdown.contains("entropy"), "a facilitator reads the split, not bits")
    }

    @Test("HTML: self-contained, a scatter of every participant, everything escaped")
    func html() throws {
        let html = GroupHTMLReport.render(try Self.reports().group)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<svg class=\"chart scatter\""))
        #expect(html.components(separatedBy: "<g class=\"participant\">").count == 4)
        #expect(html.contains("&lt;b&gt;Ben&lt;/b&gt; &amp; &quot;co&quot;"))
        #expect(!html.contains("<b>Ben"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("src="))
        #expect(!html.contains("href="))
    }

    @Test("participants at the same spot share one numbered point, and the key names them")
    func sharedPoint() throws {
        var report = try Self.reports().group
        report.participants[2].scores = report.participants[0].scores
        let svg = ParticipantScatter.svg(report)
        #expect(svg.components(separatedBy: "<g class=\"participant\">").count == 3)
        #expect(svg.contains("<title>Ana, Chi: manager"))
        let key = ParticipantScatter.key(report)
        #expect(key.contains("</span> Ana, Chi <span"))
        #expect(!svg.contains(">Ana</text>"), "no name is printed beside a dot")
    }
}
