import Foundation
import TwofoldCore
import TwofoldReports

/// `twofold report`: a saved JSON report — a learner's or a group's — rendered again.
public enum ReportRerender {
    /// The largest report read (the cohort reader's limit too).
    public static let sizeLimit = LearnerReport.maxFileSize

    /// A saved report, either kind.
    public enum Saved: Sendable {
        case learner(LearnerReport)
        case group(GroupReport)

        /// The formats it comes in.
        public var formats: [ReportFormat] {
            switch self {
            case .learner: return ReportFormat.allCases
            case .group: return GroupReport.formats
            }
        }
    }

    /// Reads a report file: regular, at most ``sizeLimit`` bytes, numbers checked.
    /// Throws ``AppError`` with exit 65 for a file that is not a readable report.
    public static func read(_ path: String) throws -> Saved {
        let data: Data
        do { data = try FileSystem.read(path, limit: sizeLimit) } catch { throw AppError.from(error) }
        if isGroupReport(data) {
            do { return .group(try GroupReport.decodeJSON(data)) } catch { throw AppError.unreadableReport(path, error) }
        }
        do { return .learner(try LearnerReport.decodeJSON(data)) } catch { throw AppError.unreadableReport(path, error) }
    }

    /// Whether the document's top level has a `groupReportVersion`, read without decoding
    /// its values (anything not readable is left to the learner report's decoder to explain).
    static func isGroupReport(_ data: Data) -> Bool {
        data.withUnsafeBytes { raw in
            var reader = JSONReader(raw.bindMemory(to: UInt8.self))
            do throws(JSONReader.Failure) {
                guard try reader.kind() == .object else { return false }
                try reader.beginObject()
                while let key = try reader.nextKey() {
                    if key.string == "groupReportVersion" { return true }
                    try reader.skipValue()
                }
            } catch {}
            return false
        }
    }

    /// The report in one format.
    public static func render(_ saved: Saved, _ format: ReportFormat, xAPIBaseIRI: String) throws -> Data {
        switch saved {
        case .learner(let report): return try format.render(report, xAPIBaseIRI: xAPIBaseIRI)
        case .group(let report):
            guard let data = try report.rendered(format) else {
                throw AppError("a group report comes in \(GroupReport.formats.map(\.rawValue).joined(separator: ", ")); each participant's learner report has the \(format.rawValue)", exitCode: 64)
            }
            return data
        }
    }

    /// Writes `<name>.<ext>` for each format beside `path` or into `folder` (created when
    /// missing), never over an existing file; returns the paths written.
    public static func write(_ saved: Saved, from path: String, formats: [ReportFormat], to folder: String?, sink: ReportSink) throws -> [String] {
        let files = try formats.map { ($0.fileExtension, try render(saved, $0, xAPIBaseIRI: sink.xAPIBaseIRI)) }
        let base = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let folder = folder ?? URL(fileURLWithPath: path).deletingLastPathComponent().path
        return try sink.write(files, to: folder) { base + "." + $0 }
    }
}
