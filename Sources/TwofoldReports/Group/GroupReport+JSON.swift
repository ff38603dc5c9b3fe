import Foundation
import TwofoldCore

extension GroupReport {
    /// Why a file could not be read as a group report.
    public enum ReadError: Error, Sendable, Equatable, CustomStringConvertible {
        /// Written by a newer Twofold (its `groupReportVersion`).
        case newerVersion(Int)
        /// `path` is the JSON path of the offending value, empty for the whole document.
        case malformed(path: String, reason: String)

        public var description: String {
            switch self {
            case .newerVersion(let version):
                return "the group report uses version \(version), newer than this version of Twofold reads (\(GroupReport.currentVersion))"
            case .malformed(let path, let reason):
                return path.isEmpty ? "not a group report: \(reason)" : "not a group report: at \(path): \(reason)"
            }
        }
    }

    /// The report as JSON: sorted keys, pretty printed, dates as ISO 8601 in whole
    /// seconds, slashes unescaped. Deterministic for a given report.
    public func encodedJSON() throws -> Data {
        try ReportCoding.encode(self)
    }

    /// Reads a group report, refusing one written by a newer Twofold.
    public static func decodeJSON(_ data: Data) throws(ReadError) -> GroupReport {
        struct VersionProbe: Decodable { var groupReportVersion: Int }
        let decoder = ReportCoding.decoder()
        do {
            let version = try decoder.decode(VersionProbe.self, from: data).groupReportVersion
            if version > currentVersion { throw ReadError.newerVersion(version) }
            if version < 1 { throw ReadError.malformed(path: "groupReportVersion", reason: "\(version) is not a group report version") }
            return try decoder.decode(GroupReport.self, from: data)
        } catch let error as ReadError {
            throw error
        } catch let error as DecodingError {
            // The learner report's translation gives the path and a plain reason.
            if case .malformed(let path, let reason) = ReportError(error) { throw .malformed(path: path, reason: reason) }
            throw .malformed(path: "", reason: "\(error)")
        } catch {
            throw .malformed(path: "", reason: "\(error)")
        }
    }
}
