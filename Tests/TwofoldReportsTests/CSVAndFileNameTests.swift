import Foundation
import Testing
import TwofoldCore
@testable import TwofoldReports

@Suite("CSV")
struct CSVTests {
    @Test("RFC 4180 quoting and formula neutralising for text cells")
    func textCells() {
        #expect(CSV.text("plain") == "plain")
        #expect(CSV.text("a,b") == "\"a,b\"")
        #expect(CSV.text("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSV.text("two\nlines") == "\"two\nlines\"")
        #expect(CSV.text("=1+2") == "'=1+2")
        #expect(CSV.text("-2") == "'-2")
        #expect(CSV.text("@SUM(A1)") == "'@SUM(A1)")
        #expect(CSV.text("+1") == "'+1")
        #expect(CSV.text("\tx") == "'\tx")
        #expect(CSV.text("\rx") == "\"'\rx\"")
        #expect(CSV.text("=a,b") == "\"'=a,b\"")
        #expect(CSV.text("") == "")
    }

    @Test("numbers stay numbers")
    func numberCells() {
        #expect(CSV.number(-2) == "-2")
        #expect(CSV.number(42.5) == "42.5")
        #expect(CSV.number(7.0) == "7")
        #expect(CSV.row(["a", "-1"]) == "a,-1\r\n")
    }

    @Test("one row per decision, header first, CRLF line ends")
    func report() throws {
        let report = try goldenReport()
        let rows = try CSVParser.parse(CSVReport.render(report))
        #expect(rows.first == CSVReport.columns)
        #expect(rows.count == report.decisions.count + 1)
        #expect(rows[2][8] == "2" && rows[2][9] == "-1")  // leader delta -1 is a number, not neutralised
        #expect(rows[1][4] == "1" && rows[2][4] == "2")
    }
}

@Suite("Report file names")
struct ReportFileNameTests {
    @Test("learner, scenario and UTC timestamp, made safe", arguments: [
        ("Ana Silva", "ana-silva-launch-week-20261129-100912.md"),
        ("José Ñúñez-Gómez", "jose-nunez-gomez-launch-week-20261129-100912.md"),
        ("Straße Øresund Łódź", "strasse-oresund-lodz-launch-week-20261129-100912.md"),
        ("  --Zoë  O'Brien--  ", "zoe-o-brien-launch-week-20261129-100912.md"),
        ("王小明", "learner-launch-week-20261129-100912.md"),
        ("", "learner-launch-week-20261129-100912.md"),
    ])
    func names(_ learner: String, _ expected: String) {
        #expect(ReportFileName.make(learner: learner, scenario: "launch-week", timestamp: fixedStart + 552, ext: "md") == expected)
    }

    @Test("long names are cut to 40 characters without a trailing hyphen")
    func long() {
        let name = ReportFileName.make(learner: String(repeating: "abc ", count: 100), scenario: "s",
                                       timestamp: fixedStart, ext: "xapi.json")
        #expect(name == "abc-abc-abc-abc-abc-abc-abc-abc-abc-abc-s-20261129-100000.xapi.json")
    }

    @Test("every format has a safe extension")
    func extensions() {
        for format in ReportFormat.allCases {
            let name = ReportFileName.make(learner: "Ana", scenario: "x", timestamp: fixedStart, ext: format.fileExtension)
            #expect(name.hasSuffix("." + format.fileExtension))
        }
    }
}
