import Foundation
import TwofoldCore
import TwofoldReports
import TwofoldStore

/// `twofold cohort`: learner reports in, one debrief out.
///
/// Reports come from files and folders (and, when asked, the records store); each is
/// merged from what the report itself carries — any scenario, bundled or not — and the
/// library only adds what reports leave out (the texts of choices nobody took, every
/// ending's title). Bad files are named through `note` and skipped; the rest are merged.
/// The document streams to standard output, or to a file written atomically.
public struct CohortPipeline: Sendable {
    /// What to merge and how to write it.
    public struct Request: Sendable {
        public var paths: [String]
        public var format: ReportFormat
        public var filter: CohortFilter
        /// Also every finished attempt in the records store.
        public var includeStore: Bool
        /// A file to write, or nil (or `-`) for standard output.
        public var out: String?
        public var xAPIBaseIRI: String

        public init(paths: [String], format: ReportFormat, filter: CohortFilter = CohortFilter(), includeStore: Bool = false,
                    out: String? = nil, xAPIBaseIRI: String = XAPIStatements.defaultBaseIRI) {
            self.paths = paths
            self.format = format
            self.filter = filter
            self.includeStore = includeStore
            self.out = out
            self.xAPIBaseIRI = xAPIBaseIRI
        }
    }

    /// Something worth a line on standard error.
    public enum Note: Sendable, Equatable {
        /// A file or folder that is not a readable learner report, with the reason.
        case skipped(path: String, reason: String)
        /// A Twofold file that is not a learner report, named on the command line.
        case notALearnerReport(path: String, kind: String)
        /// A finished attempt in the records store with no JSON report on record.
        case noReportOnRecord(learner: String, scenario: String, attempt: String)
    }

    /// What the merge did.
    public struct Outcome: Sendable, Equatable {
        public var attempts = 0
        public var skipped = 0
        public var duplicates = 0
    }

    public let library: ScenarioLibrary
    /// Opens the records store, for `includeStore`.
    public let store: @Sendable () throws -> RecordsStore

    public init(library: ScenarioLibrary, store: @escaping @Sendable () throws -> RecordsStore) {
        self.library = library
        self.store = store
    }

    /// Merges and writes the debrief. Throws when nothing at all was merged (nothing is
    /// written then), or when the output cannot be written.
    public func run(_ request: Request, standardOutput: (String) -> Void, note: (Note) -> Void) throws -> Outcome {
        let export = CohortExport(format: request.format)
        var files = FolderWalk(paths: request.paths, selection: .reports)
        if request.includeStore { files.append(quiet: try storeReports(note: note)) }
        let outlines = export.needsSummary ? library.scan().entries.map { ScenarioOutline($0.scenario.scenario) } : []
        var summary = export.needsSummary ? CohortSummary(outlines: outlines, filter: request.filter) : nil
        let toFile = request.out.flatMap { $0 == "-" ? nil : $0 }
        let writer: AtomicWriter?
        do { writer = try toFile.map { try AtomicWriter(destination: $0, placement: .replace) } } catch {
            throw AppError.from(error)
        }
        var merged = export
        var attempts = AttemptSet()
        var outcome = Outcome()
        func emit(_ text: String) throws {
            if let writer {
                do { try writer.write(text) } catch { throw AppError.from(error) }
            } else {
                standardOutput(text)
            }
        }
        let reader = CohortReader(export: export, filter: request.filter, baseIRI: request.xAPIBaseIRI)
        do {
            try reader.run(&files, merge: { path, named, result in
                switch result {
                case .attempt(let row, let item):
                    guard attempts.insert(row) else { outcome.duplicates += 1; return }
                    outcome.attempts += 1
                    summary?.add(row)
                    if let item { try emit(merged.append(item)) }
                case .other(let kind):
                    if named { note(.notALearnerReport(path: path, kind: kind.description)) }
                case .filtered:
                    break
                case .skipped(let reason):
                    outcome.skipped += 1
                    note(.skipped(path: path, reason: reason))
                }
            }, problem: { path, reason in
                outcome.skipped += 1
                note(.skipped(path: path, reason: reason))
            })
        } catch let error as AppError {
            throw error
        } catch {
            throw AppError("\(error)")
        }
        guard outcome.attempts > 0 else {
            throw AppError(Self.nothingMerged(outcome, filtered: !request.filter.isEmpty))
        }
        summary?.skippedFiles = outcome.skipped
        summary?.duplicateAttempts = outcome.duplicates
        try emit(merged.finish(summary))
        do { try writer?.commit() } catch { throw AppError.from(error) }
        return outcome
    }

    /// The one line for a debrief with no attempt in it.
    static func nothingMerged(_ outcome: Outcome, filtered: Bool) -> String {
        if outcome.skipped > 0 {
            return "nothing to merge: none of the \(outcome.skipped) file\(outcome.skipped == 1 ? "" : "s") named was a readable learner report"
        }
        return filtered ? "nothing to merge: no attempt matches --cohort, --scenario and --since" : "nothing to merge: no learner reports were found"
    }

    /// The learner report files of the finished attempts in the records store.
    private func storeReports(note: (Note) -> Void) throws -> [String] {
        let attempts: [SessionRecord]
        do { attempts = try store().attempts(learner: nil) } catch { throw AppError.store(error) }
        var files: [String] = []
        // A facilitated session's own record holds the group report; its participants have
        // records (and learner reports) of their own.
        for record in attempts where !(record.kind == "group" && record.groupSessionID == nil) {
            if let path = record.reportPaths?.first(where: { $0.hasSuffix(".json") && !$0.hasSuffix(".xapi.json") }) {
                files.append(path)
            } else {
                note(.noReportOnRecord(learner: record.learner, scenario: record.scenarioID, attempt: record.id))
            }
        }
        return files
    }
}
