import Foundation
import TwofoldCore
import TwofoldReports

/// Writes report files: each atomically, never over an existing file (`-2`, `-3`, … go
/// before the extension when a name is taken, whatever took it — even a dangling link).
public struct ReportSink: Sendable {
    /// The folder used when a session names none.
    public let defaultFolder: String
    /// The IRI base of xAPI activities and extensions.
    public let xAPIBaseIRI: String

    public init(defaultFolder: String, xAPIBaseIRI: String = XAPIStatements.defaultBaseIRI) {
        self.defaultFolder = defaultFolder
        self.xAPIBaseIRI = xAPIBaseIRI
    }

    /// Renders `report` in each format first (so a failure leaves no file), then writes
    /// each into `folder`; returns the paths written.
    public func write(_ report: LearnerReport, formats: [ReportFormat], to folder: String?, at date: Date) throws -> [String] {
        let rendered = try render(report, formats)
        return try write(rendered, to: folder) { format in
            ReportFileName.make(learner: report.learner.name, scenario: report.scenario.id, timestamp: date, ext: format)
        }
    }

    /// Each format's bytes.
    public func render(_ report: LearnerReport, _ formats: [ReportFormat]) throws -> [(ext: String, data: Data)] {
        do {
            return try formats.map { ($0.fileExtension, try $0.render(report, xAPIBaseIRI: xAPIBaseIRI)) }
        } catch {
            throw AppError("cannot render the report: \(error)")
        }
    }

    /// Writes already rendered files into `folder` (created, private, when missing), each
    /// named by `name(ext)`; returns the paths written.
    public func write(_ files: [(ext: String, data: Data)], to folder: String?, name: (String) -> String) throws -> [String] {
        let folder = folder ?? defaultFolder
        do {
            try FileSystem.createFolder(folder, private: folder == defaultFolder)
            var written: [String] = []
            for file in files { written.append(try writeNew(file.data, folder: folder, name: name(file.ext), ext: file.ext)) }
            return written
        } catch {
            throw AppError.from(error)
        }
    }

    /// Writes `data` as `name` in `folder`, never over an existing file: when the name is
    /// taken, `-2`, `-3`, … go before the extension `ext`. Returns the path.
    public func writeNew(_ data: Data, folder: String, name: String, ext: String) throws -> String {
        let stem = name.hasSuffix("." + ext) ? String(name.dropLast(ext.count + 1)) : name
        for attempt in 1...100 {
            let candidate = attempt == 1 ? name : "\(stem)-\(attempt).\(ext)"
            let path = URL(fileURLWithPath: folder).appendingPathComponent(candidate).path
            do {
                try AtomicWriter.write(data, to: path, placement: .new)
                return path
            } catch let error as FileError where AtomicWriter.isNameTaken(error) {
                continue
            }
        }
        throw FileError(path: URL(fileURLWithPath: folder).appendingPathComponent(name).path, kind: .noFreeName)
    }
}
