import Foundation
import Testing
import TwofoldCore
@testable import TwofoldReports
import TwofoldTestSupport

/// Golden files under `Tests/Fixtures/reports/`, compared exactly. To re-record them
/// deliberately after a reviewed change: `TWOFOLD_RECORD_GOLDEN=1 swift test --filter Golden`.
@Suite("Golden reports")
struct GoldenTests {
    static let recording = ProcessInfo.processInfo.environment["TWOFOLD_RECORD_GOLDEN"] == "1"

    private func compare(_ rendered: String, golden name: String) throws {
        let url = fixtureURL("reports/" + name)
        if GoldenTests.recording {
            try Data(rendered.utf8).write(to: url, options: .atomic)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        if rendered != expected {
            let got = rendered.split(separator: "\n", omittingEmptySubsequences: false)
            let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let line = zip(got, want).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? Swift.min(got.count, want.count)
            Issue.record("""
            \(name) differs from the golden file at line \(line + 1):
              expected: \(line < want.count ? String(want[line]) : "<end of file>")
              rendered: \(line < got.count ? String(got[line]) : "<end of file>")
            Re-record deliberately with TWOFOLD_RECORD_GOLDEN=1 after reviewing the change.
            """)
        }
    }

    @Test func markdown() throws { try compare(MarkdownReport.render(try goldenReport()), golden: "golden.md") }

    @Test func html() throws { try compare(HTMLReport.render(try goldenReport()), golden: "golden.html") }

    @Test func csv() throws { try compare(CSVReport.render(try goldenReport()), golden: "golden.csv") }

    @Test func xapi() throws { try compare(XAPIStatements.render(try goldenReport()), golden: "golden.xapi.json") }

    @Test func json() throws {
        try compare(String(decoding: try goldenReport().encodedJSON(), as: UTF8.self), golden: "golden.json")
    }

    @Test("the golden JSON report reads back equal to the report it was written from", .disabled(if: recording))
    func goldenJSONReads() throws {
        let data = try Data(contentsOf: fixtureURL("reports/golden.json"))
        #expect(try LearnerReport.decodeJSON(data) == goldenReport())
    }
}
