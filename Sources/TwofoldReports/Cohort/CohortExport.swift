import Foundation

/// A cohort document written piece by piece, so no format needs every attempt in memory.
///
/// Items (rendered independently, in any thread, by ``item(_:)`` or ``item(report:baseIRI:)``)
/// are appended in order with ``append(_:)``; ``finish(_:)`` closes the document with
/// whatever comes after them. Markdown and HTML have no items: they are the summary alone.
///
/// | format | items | after the items |
/// |---|---|---|
/// | `csv` | one record per attempt (header first) | nothing |
/// | `json` | one `rows` object per attempt | the `summary` |
/// | `xapi` | every statement of each attempt | the closing bracket |
/// | `md`, `html` | none | the whole summary |
public struct CohortExport: Sendable {
    public let format: ReportFormat
    /// CSV only: one row per learner × decision instead of one per attempt.
    public let perDecision: Bool
    public private(set) var items = 0

    public init(format: ReportFormat, perDecision: Bool = false) {
        self.format = format
        self.perDecision = perDecision && format == .csv
    }

    /// Whether the document needs a ``CohortSummary``.
    public var needsSummary: Bool { format == .md || format == .html || format == .json }

    /// Whether rows must carry each decision's choice (the summary and per-decision CSV do).
    public var needsChoices: Bool { needsSummary || perDecision }

    private var header: String { perDecision ? CohortCSV.decisionHeader : CohortCSV.header }

    /// Whether items are whole reports (xAPI statements) rather than rows.
    public var needsWholeReports: Bool { format == .xapi }

    /// An attempt's item text for `csv` and `json`; nil for the other formats.
    public func item(_ row: CohortRow) -> String? {
        switch format {
        case .csv: return perDecision ? CohortCSV.decisionRows(row) : CohortCSV.row(row)
        case .json: return "    " + CohortJSON.row(row)
        case .md, .html, .xapi: return nil
        }
    }

    /// A report's statements for `xapi`: the array elements, without the brackets.
    public static func item(report: LearnerReport, baseIRI: String = XAPIStatements.defaultBaseIRI) -> String {
        let array = XAPIStatements.render(report, baseIRI: baseIRI)  // "[\n  {...},\n  {...}\n]\n"
        return String(array.dropFirst(2).dropLast(3))
    }

    /// The text that adds `item` to the document (with the opening before the first).
    public mutating func append(_ item: String) -> String {
        defer { items += 1 }
        switch format {
        case .csv: return items == 0 ? header + item : item
        case .json: return items == 0 ? "{\n  \"rows\" : [\n" + item : ",\n" + item
        case .xapi: return items == 0 ? "[\n" + item : ",\n" + item
        case .md, .html: return ""
        }
    }

    /// The rest of the document; `summary` is required when ``needsSummary``.
    public func finish(_ summary: CohortSummary?) -> String {
        let summary = summary ?? CohortSummary()
        switch format {
        case .csv:
            return items == 0 ? header : ""
        case .json:
            let opening = items == 0 ? "{\n  \"rows\" : [\n\n  ],\n" : "\n  ],\n"
            return opening + "  \"summary\" : " + CohortJSON.summary(summary, indent: "  ") + "\n}\n"
        case .xapi:
            return items == 0 ? XAPIStatements.render([LearnerReport]()) : "\n]\n"
        case .md:
            return CohortMarkdown.render(summary)
        case .html:
            return CohortHTML.render(summary)
        }
    }

    /// The whole document at once, for a cohort already in memory (tests, small cohorts).
    public static func render(_ format: ReportFormat, rows: [CohortRow], reports: [LearnerReport] = [],
                              summary: CohortSummary?, baseIRI: String = XAPIStatements.defaultBaseIRI) -> String {
        var export = CohortExport(format: format)
        var out = ""
        if format == .xapi {
            for report in reports { out += export.append(item(report: report, baseIRI: baseIRI)) }
        } else {
            for row in rows { if let item = export.item(row) { out += export.append(item) } }
        }
        return out + export.finish(summary)
    }
}
