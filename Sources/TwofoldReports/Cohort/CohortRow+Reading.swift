import Foundation
import TwofoldCore

/// What a JSON file given to `twofold cohort` turned out to be.
public enum CohortInput: Sendable, Equatable {
    /// A learner report, as a row.
    case attempt(CohortRow)
    /// Another file Twofold writes, which holds no learner attempt of its own.
    case other(OtherFile)

    /// Twofold outputs that are not learner reports.
    public enum OtherFile: String, Sendable, Equatable {
        /// A facilitated session's group report (its participants have their own reports).
        case groupReport
        /// A JSON array of xAPI statements.
        case xAPIStatements
        /// The JSON output of `twofold cohort` itself.
        case cohortExport

        public var description: String {
            switch self {
            case .groupReport: return "a group report, not a learner report (each participant has a learner report of their own)"
            case .xAPIStatements: return "an xAPI statement file, not a learner report"
            case .cohortExport: return "a cohort export, not a learner report"
            }
        }
    }
}

extension CohortRow {
    /// Reads the fields a debrief needs straight from a JSON learner report's bytes.
    ///
    /// The fields ``LearnerReport/decodeJSON(_:)`` requires are required here too, with
    /// the same types, and the same errors come back: a newer `reportVersion` is refused
    /// even when other fields have changed shape, and a missing or mistyped field is named
    /// by its JSON path. Fields a debrief does not use (texts, feedback, the balanced path)
    /// are only checked to be well-formed JSON. Group reports, xAPI statement files and
    /// cohort exports are recognised as ``CohortInput/other(_:)``.
    ///
    /// - Parameter includeChoices: whether to collect each decision's choice (the summary
    ///   needs them; a CSV export does not).
    public static func read(_ bytes: UnsafeBufferPointer<UInt8>, includeChoices: Bool = true) throws(ReportError) -> CohortInput {
        var parser = CohortRowParser(bytes, includeChoices: includeChoices)
        return try parser.parse()
    }

    /// Reads a row from `data`; see ``read(_:includeChoices:)``.
    public static func read(_ data: Data, includeChoices: Bool = true) throws(ReportError) -> CohortInput {
        let result: Result<CohortInput, ReportError> = data.withUnsafeBytes { raw in
            Result { () throws(ReportError) in try read(raw.bindMemory(to: UInt8.self), includeChoices: includeChoices) }
        }
        return try result.get()
    }
}

