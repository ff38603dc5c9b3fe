import Foundation
import TwofoldCore
import TwofoldReports

extension FuzzTarget {
    /// A learner report file, as `report` and `cohort` read it: the whole-report decoder,
    /// every format rendered from what it accepts, and the cohort's streaming reader, which
    /// must accept the same reports and take the same row from them.
    static let report = FuzzTarget(name: "report", summary: "learner report readers (report and cohort) and every format") { bytes in
        let data = Data(bytes)
        let streamed = Result { () throws(ReportError) in try CohortRow.read(data) }
        let decoded: LearnerReport
        do {
            decoded = try LearnerReport.decodeJSON(data)
        } catch {
            return
        }
        for format in ReportFormat.allCases { _ = try? format.render(decoded) }
        guard case .success(.attempt(let row)) = streamed else {
            fatalError("decodeJSON reads the report but the cohort reader gives \(streamed)")
        }
        require(row == CohortRow(decoded), "the cohort reader takes a different row from the report than decodeJSON")
        var summary = CohortSummary()
        summary.add(row)
        for format in ReportFormat.allCases {
            _ = CohortExport.render(format, rows: [row], reports: [decoded], summary: summary)
        }
    }
}
