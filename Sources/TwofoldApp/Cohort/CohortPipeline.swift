import Foundation
import TwofoldCore
import TwofoldLRS
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
        /// CSV only: one row per learner × decision.
        public var perDecision: Bool

        public init(paths: [String], format: ReportFormat, filter: CohortFilter = CohortFilter(), includeStore: Bool = false,
                    out: String? = nil, xAPIBaseIRI: String = XAPIStatements.defaultBaseIRI, perDecision: Bool = false) {
            self.perDecision = perDecision
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
        /// Statements from the learning record store that are not valid statements.
        case unreadableStatements(Int)
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
        let export = CohortExport(format: request.format, perDecision: request.perDecision)
        var files = FolderWalk(paths: request.paths, selection: .reports)
        if request.includeStore { files.append(quiet: try storeReports(note: note)) }
        let reader = CohortReader(export: export, filter: request.filter, baseIRI: request.xAPIBaseIRI)
        return try withoutActuallyEscaping(standardOutput) { standardOutput in
            var merge = try Merge(export: export, request: request, library: library, standardOutput: standardOutput)
            do {
                try reader.run(&files, merge: { path, named, result in
                    switch result {
                    case .attempt(let row, let item):
                        try merge.add(row, item: item)
                    case .other(let kind):
                        if named { note(.notALearnerReport(path: path, kind: kind.description)) }
                    case .filtered:
                        break
                    case .skipped(let reason):
                        merge.outcome.skipped += 1
                        note(.skipped(path: path, reason: reason))
                    }
                }, problem: { path, reason in
                    merge.outcome.skipped += 1
                    note(.skipped(path: path, reason: reason))
                })
            } catch let error as AppError {
                throw error
            } catch {
                throw AppError("\(error)")
            }
            return try merge.finish()
        }
    }

    /// `cohort --lrs`: the same debrief from a learning record store's statements — every
    /// attempt that reported to it, from any machine. The rows come in finishing order;
    /// the request's paths and `includeStore` are not read.
    public func run(_ request: Request, from reader: LRSCohortReader, standardOutput: (String) -> Void,
                    note: (Note) -> Void) throws -> Outcome {
        guard request.format != .xapi else {
            throw AppError("--format xapi does not go with --lrs: the record store holds the statements already", exitCode: 64)
        }
        let export = CohortExport(format: request.format, perDecision: request.perDecision)
        let read: LRSCohortReader.Outcome
        do { read = try reader.readBlocking() } catch { throw AppError(error.description) }
        if read.unreadable > 0 { note(.unreadableStatements(read.unreadable)) }
        return try withoutActuallyEscaping(standardOutput) { standardOutput in
            var merge = try Merge(export: export, request: request, library: library, standardOutput: standardOutput)
            for row in read.rows { try merge.add(row, item: export.item(row)) }
            return try merge.finish()
        }
    }

    /// The debrief being written: attempts counted once, folded into the summary, their
    /// items streamed to the output.
    private struct Merge {
        var export: CohortExport
        var summary: CohortSummary?
        let writer: AtomicWriter?
        let standardOutput: (String) -> Void
        let filtered: Bool
        var attempts = AttemptSet()
        var outcome = Outcome()

        init(export: CohortExport, request: Request, library: ScenarioLibrary, standardOutput: @escaping (String) -> Void) throws {
            self.export = export
            let outlines = export.needsSummary ? library.scan().entries.map { ScenarioOutline($0.scenario.scenario) } : []
            summary = export.needsSummary ? CohortSummary(outlines: outlines, filter: request.filter) : nil
            let toFile = request.out.flatMap { $0 == "-" ? nil : $0 }
            do { writer = try toFile.map { try AtomicWriter(destination: $0, placement: .replace) } } catch {
                throw AppError.from(error)
            }
            self.standardOutput = standardOutput
            filtered = !request.filter.isEmpty
        }

        mutating func add(_ row: CohortRow, item: String?) throws {
            guard attempts.insert(row) else { outcome.duplicates += 1; return }
            outcome.attempts += 1
            summary?.add(row)
            if let item { try emit(export.append(item)) }
        }

        /// Closes the document; throws, writing nothing, when no attempt was merged.
        mutating func finish() throws -> Outcome {
            guard outcome.attempts > 0 else { throw AppError(CohortPipeline.nothingMerged(outcome, filtered: filtered)) }
            summary?.skippedFiles = outcome.skipped
            summary?.duplicateAttempts = outcome.duplicates
            try emit(export.finish(summary))
            do { try writer?.commit() } catch { throw AppError.from(error) }
            return outcome
        }

        private func emit(_ text: String) throws {
            guard let writer else { return standardOutput(text) }
            do { try writer.write(text) } catch { throw AppError.from(error) }
        }
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
        do {
            attempts = try store().attempts(learner: nil) { id in
                note(.skipped(path: "the records store's attempt \(id)", reason: "its record is damaged"))
            }
        } catch {
            throw AppError.store(error)
        }
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
