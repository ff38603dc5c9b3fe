import Foundation
import Testing
import TwofoldCore
@testable import TwofoldReports
import TwofoldTestSupport

@Suite("Cohort: formats")
struct CohortRenderingTests {
    /// Reports whose learners and cohorts carry every hostile name.
    private func hostileReports() throws -> [LearnerReport] {
        try CohortFixture().reports(hostileNames.count * 2, learners: hostileNames.count, seed: 21) {
            hostileNames[$0 % hostileNames.count]
        }.enumerated().map { index, report in
            var report = report
            report.cohort = hostileNames[(index + 3) % hostileNames.count]
            report.ending.title = hostileNames[(index + 5) % hostileNames.count]
            return report
        }
    }

    private func document(_ format: ReportFormat, _ reports: [LearnerReport]) throws -> String {
        var summary = CohortSummary(outlines: try CohortFixture().outlines)
        for report in reports { summary.add(CohortRow(report)) }
        return CohortExport.render(format, rows: reports.map(CohortRow.init), reports: reports, summary: summary)
    }

    @Test("CSV: header first, one CRLF record per attempt, numbers as numbers, formulas neutralised")
    func csv() throws {
        let reports = try hostileReports()
        let records = try CSVParser.parse(try document(.csv, reports))
        #expect(records.first == CohortCSV.columns)
        #expect(records.count == reports.count + 1)
        for (record, report) in zip(records.dropFirst(), reports) {
            #expect(record.count == CohortCSV.columns.count)
            #expect(record[0] == expectedCell(report.learner.name))
            #expect(record[3] == String(report.manager.percent) && record[4] == String(report.leader.percent))
            #expect(record[7] == ISO8601.string(report.finishedAt))
            #expect(Int(record[15]) == report.manager.raw, "raws stay numbers, even negative")
            for cell in record { #expect(!"=+-@\t\r".contains(cell.first ?? " ") || Int(cell) != nil) }
        }
    }

    /// What a text cell should read as: cleaned, and an apostrophe before a formula start.
    private func expectedCell(_ text: String) -> String {
        let cleaned = ReportText.clean(text, keepNewlines: true)
        return "=+-@\t\r".contains(cleaned.first ?? " ") ? "'" + cleaned : cleaned
    }

    @Test("CSV: the fast path writes exactly what the shared CSV helper would")
    func fastPath() {
        var rng = SeededGenerator(seed: 8)
        let pieces = ["a", "Z", " ", ",", "\"", "\n", "\r", "\t", "=", "-", "+", "@", "é", "’", "王", "\u{1B}", "\u{7F}",
                      "\u{85}", "\u{9F}", "\u{A0}", "\u{200E}", "\u{200F}", "\u{2010}", "\u{202A}", "\u{202E}", "\u{202F}",
                      "\u{2066}", "\u{2069}", "\u{206A}", "\u{061C}", "\u{061B}", "🙂", "'"]
        for _ in 0..<3000 {
            let text = (0..<Int(rng.next() % 6)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
            var out: [UInt8] = []
            CohortCSV.text(text, &out)
            #expect(String(decoding: out, as: UTF8.self) == CSV.text(ReportText.clean(text, keepNewlines: true)) + ",",
                    "\(text.debugDescription)")
        }
        var out: [UInt8] = []
        for value in [0, 7, -2, 100, Int.max, Int.min] { CohortCSV.number(value, &out) }
        #expect(String(decoding: out, as: UTF8.self) == "0,7,-2,100,\(Int.max),\(Int.min),")
    }

    @Test("CSV: Python's csv module reads back every cell", .enabled(if: python3Available, "python3 is not on PATH"))
    func pythonReadsCSV() throws {
        let reports = try hostileReports()
        let text = try document(.csv, reports)
        let script = """
        import csv, io, json, sys
        rows = list(csv.reader(io.StringIO(sys.stdin.buffer.read().decode("utf-8"), newline="")))
        print(json.dumps(rows))
        """
        let result = try runPython(script, input: Data(text.utf8))
        #expect(result.status == 0, "\(result.error)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String]])
        #expect(rows == (try CSVParser.parse(text)))
        #expect(rows.count == reports.count + 1 && rows.dropFirst().allSatisfy { $0.count == CohortCSV.columns.count })
        #expect(rows.dropFirst().map { $0[0] } == reports.map { expectedCell($0.learner.name) })
    }

    @Test("JSON: rows decode back, the summary is there, text kept exactly")
    func json() throws {
        let reports = try hostileReports()
        let text = try document(.json, reports)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["rows", "summary"])
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        struct Document: Decodable { var rows: [CohortJSON.Row] }
        let rows = try decoder.decode(Document.self, from: Data(text.utf8)).rows
        #expect(rows == reports.map { CohortJSON.Row(CohortRow($0)) })
        let summary = try #require(object["summary"] as? [String: Any])
        #expect(summary["attempts"] as? Int == reports.count)
        // Learners are encoded one by one and spliced in: the same as encoding it whole.
        var whole = CohortSummary(outlines: try CohortFixture().outlines)
        for report in reports { whole.add(CohortRow(report)) }
        let direct = CohortJSON.encode(CohortJSON.Summary(whole), pretty: true)
        let expected = try #require(try JSONSerialization.jsonObject(with: Data(direct.utf8)) as? NSDictionary)
        #expect(NSDictionary(dictionary: summary) == expected)
        #expect(CohortJSON.summary(whole) == direct, "same text, not only the same value")
        #expect((summary["scenarios"] as? [[String: Any]])?.isEmpty == false)
        #expect(try CohortRow.read(Data(text.utf8)) == .other(.cohortExport))
        let empty = CohortExport.render(.json, rows: [], summary: CohortSummary())
        #expect((try JSONSerialization.jsonObject(with: Data(empty.utf8)) as? [String: Any])?["rows"] as? [Any] != nil)
    }

    @Test("xAPI: every attempt's statements, one registration per attempt, same as the learner report's")
    func xapi() throws {
        let reports = try Array(hostileReports().prefix(6))
        let text = try document(.xapi, reports)
        #expect(text == XAPIStatements.render(reports))
        let statements = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        #expect(statements.count == reports.map { $0.decisions.count + 1 }.reduce(0, +))
        let registrations = statements.compactMap { ($0["context"] as? [String: Any])?["registration"] as? String }
        #expect(Set(registrations).count == reports.count && registrations.count == statements.count)
        #expect(CohortExport.render(.xapi, rows: [], summary: nil) == XAPIStatements.render([LearnerReport]()))
    }

    @Test("HTML: self-contained, every text escaped, a dot for every attempt position")
    func html() throws {
        let reports = try hostileReports()
        let text = try document(.html, reports)
        #expect(text.hasPrefix("<!DOCTYPE html>") && text.contains("<svg class=\"chart cohort-chart\""))
        #expect(!text.contains("<script") && !text.contains("\u{1B}") && !text.contains("\u{202E}") && !text.contains("\u{85}"))
        #expect(text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!text.contains("src=") && !text.contains("href="))
        var summary = CohortSummary()
        for report in reports { summary.add(CohortRow(report)) }
        let positions = summary.scenarios.map(\.points.count).reduce(0, +)
        #expect(text.components(separatedBy: "<g class=\"attempt\">").count - 1 == positions)
        // Attempts that share a spot show their number.
        #expect(summary.scenarios.allSatisfy { s in s.points.filter { $0.count > 1 }.allSatisfy { text.contains(">\($0.count)</text></g>") } })
    }

    @Test("Markdown: hostile names cannot open HTML, links, tables or headings")
    func markdown() throws {
        let text = try document(.md, try hostileReports())
        #expect(!text.contains("\u{1B}") && !text.contains("\u{202E}"))
        #expect(text.replacingOccurrences(of: "\\<", with: "").contains("<") == false, "every < is escaped")
        #expect(text.contains("\\<script\\>") && text.contains("\\| pipe \\| table \\|"))
        #expect(!text.contains("[link]("))
        for line in text.split(separator: "\n") where line.hasPrefix("#") {
            #expect(line.hasPrefix("# Cohort") || line.hasPrefix("## ") || line.hasPrefix("### ") || line.hasPrefix("#### "))
        }
        #expect(text.contains("```text\nleader %"))
    }

    @Test("an empty cohort renders in every format")
    func empty() throws {
        for format in ReportFormat.allCases {
            let text = CohortExport.render(format, rows: [], summary: CohortSummary())
            #expect(!text.isEmpty)
            if format == .csv { #expect(text == CohortCSV.header) }
            if format == .md { #expect(text.contains(CohortText.noAttempts)) }
        }
    }

    @Test("learners with several attempts are listed with each, and first → latest")
    func repeatLearners() throws {
        let fixture = try CohortFixture()
        let reports = try fixture.reports(40, learners: 3, scenarioCount: 1, seed: 4)
        var summary = CohortSummary(outlines: fixture.outlines)
        for report in reports { summary.add(CohortRow(report)) }
        let scenario = try #require(summary.scenarios.first)
        let learner = try #require(scenario.learnerAttempts.first { $0.attempts.count > 1 })
        let md = CohortMarkdown.render(summary), html = CohortHTML.render(summary)
        let change = try #require(CohortText.change(learner))
        #expect(change.contains("% → "))
        #expect(md.contains("**\(MarkdownText.inline(learner.learner))**: " + MarkdownText.inline(change)))
        #expect(html.contains(HTMLText.escape(change)))
        #expect(html.components(separatedBy: "<ol class=\"attempts\">").count - 1 == scenario.learnerAttempts.filter { $0.attempts.count > 1 }.count)
    }
}

@Suite("Cohort: one CSV row per decision")
struct CohortDecisionCSVTests {
    @Test("each decision gives a row with the learner's own choice and deltas, read the same from bytes and from the model")
    func perDecision() throws {
        var report = try goldenReport()
        report.decisions[0].takenBack = ["ask-plate", "wait-and-see"]
        // A group participant who voted for an alternative at the second decision.
        report.decisions[1].vote = LearnerReport.Vote(participant: report.learner.name, choice: report.decisions[1].alternatives[0].choice)
        let fromModel = CohortCSV.decisionRows(CohortRow(report))
        let fromBytes = CohortCSV.decisionRows(try row(of: try report.encodedJSON()))
        #expect(fromModel == fromBytes)
        let lines = fromModel.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.count == 2)
        #expect(lines[0].hasSuffix(",1,monday,tell-priorities,3,0,2,practice"))
        let voted = report.decisions[1].alternatives[0]
        #expect(lines[1].hasSuffix(",2,wednesday,\(voted.choice),\(voted.scores.manager),\(voted.scores.leader),0,practice"))
        #expect(CohortCSV.decisionHeader.hasPrefix("learner,cohort,scenario,attempt_id,finished_at,decision_number,scene,choice"))
    }
}
