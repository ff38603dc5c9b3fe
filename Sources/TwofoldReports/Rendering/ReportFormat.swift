import Foundation

/// The formats a learner report can be written in, for `--format md,json,html,csv,xapi`.
public enum ReportFormat: String, CaseIterable, Sendable {
    case md
    case json
    case html
    case csv
    case xapi

    /// Written when the learner asks for nothing else.
    public static let defaults: [ReportFormat] = [.md, .json]

    /// The file extension (`xapi.json` keeps xAPI files recognisable as JSON).
    public var fileExtension: String { self == .xapi ? "xapi.json" : rawValue }

    /// The report rendered in this format, as UTF-8 bytes.
    public func render(_ report: LearnerReport, xAPIBaseIRI: String = XAPIStatements.defaultBaseIRI) throws -> Data {
        switch self {
        case .md: return Data(MarkdownReport.render(report).utf8)
        case .json: return try report.encodedJSON()
        case .html: return Data(HTMLReport.render(report).utf8)
        case .csv: return Data(CSVReport.render(report).utf8)
        case .xapi: return Data(XAPIStatements.render(report, baseIRI: xAPIBaseIRI).utf8)
        }
    }
}
