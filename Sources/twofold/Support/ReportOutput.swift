import Foundation
import TwofoldCore
import TwofoldReports
import TwofoldStore

extension ReportFormat {
    /// Parses a comma-separated list such as `md,json,html`.
    static func list(_ text: String) throws -> [ReportFormat] {
        var formats: [ReportFormat] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let name = part.trimmingCharacters(in: .whitespaces).lowercased()
            guard let format = ReportFormat(rawValue: name) else {
                throw ValidationErrorText("unknown report format \"\(name)\"; choose from \(allCases.map(\.rawValue).joined(separator: ", "))")
            }
            if !formats.contains(format) { formats.append(format) }
        }
        return formats
    }
}

/// A usage problem found while reading options; shown as `Error: …` with exit status 64.
struct ValidationErrorText: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Writes report files atomically, never overwriting an earlier report.
enum ReportOutput {
    /// Writes `report` in each format into `folder`; returns the paths written.
    static func write(_ report: LearnerReport, formats: [ReportFormat], to folder: String, at date: Date) throws -> [String] {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw CLIError(message: "cannot create the report folder \(TextSafety.message(folder)): \(error.localizedDescription)", exitCode: 73)
        }
        // Render everything first: a rendering failure then leaves no file behind.
        let rendered = try formats.map { ($0, try $0.render(report)) }
        var written: [String] = []
        for (format, data) in rendered {
            let name = ReportFileName.make(learner: report.learner.name, scenario: report.scenario.id, timestamp: date, ext: format.fileExtension)
            written.append(try writeNew(data, folder: folder, name: name, ext: format.fileExtension))
        }
        return written
    }

    /// Writes `data` as `name` in `folder` (atomically, never over an existing file): when
    /// the name is taken, `-2`, `-3`, … go before the extension `ext`. Returns the path.
    static func writeNew(_ data: Data, folder: String, name: String, ext: String) throws -> String {
        let stem = name.hasSuffix("." + ext) ? String(name.dropLast(ext.count + 1)) : name
        for attempt in 1...100 {
            let candidate = attempt == 1 ? name : "\(stem)-\(attempt).\(ext)"
            let url = URL(fileURLWithPath: folder).appendingPathComponent(candidate)
            do {
                try AtomicFile.writeNew(data, to: url)
                return url.path
            } catch where FileManager.default.fileExists(atPath: url.path) {
                continue
            } catch {
                throw CLIError(message: "cannot write \(TextSafety.message(url.path)): \(error)", exitCode: 73)
            }
        }
        throw CLIError(message: "cannot find a free file name for \(TextSafety.message(name)) in \(TextSafety.message(folder))", exitCode: 73)
    }
}
