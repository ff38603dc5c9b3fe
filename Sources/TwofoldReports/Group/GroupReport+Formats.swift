import Foundation

extension GroupReport {
    /// The formats a group report is written in: Markdown, JSON and HTML.
    public static let formats: [ReportFormat] = [.md, .json, .html]

    /// The report rendered in `format` as UTF-8 bytes; nil for a format group reports do
    /// not come in (CSV and xAPI are per learner: see the participants' learner reports).
    public func rendered(_ format: ReportFormat) throws -> Data? {
        switch format {
        case .md: return Data(GroupMarkdownReport.render(self).utf8)
        case .json: return try encodedJSON()
        case .html: return Data(GroupHTMLReport.render(self).utf8)
        case .csv, .xapi: return nil
        }
    }
}
