import ArgumentParser
import Foundation
import TwofoldCore
import TwofoldReports
import TwofoldStore

/// `twofold cohort REPORTS_OR_DIRS...`: merges learner reports into one debrief.
struct CohortCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cohort",
        abstract: "Merge learner reports into a cohort debrief (CSV, JSON, Markdown, HTML or xAPI).",
        discussion: """
            Folders are walked recursively for *.json learner reports (*.xapi.json and hidden \
            files are passed over). A facilitated session's participants are merged like solo \
            learners; group reports, xAPI files and earlier cohort exports found in a folder are \
            not learner reports and are passed over quietly. A file that is not a readable \
            report, a report from a newer Twofold, or one for a scenario not in the library is \
            named on standard error with the reason and skipped; the rest are merged, and the \
            summary says how many were skipped. The same attempt given twice counts once.
            """
    )

    @Argument(help: ArgumentHelp("Learner report files, or folders of them.", valueName: "reports-or-dirs"))
    var paths: [String] = []

    @Option(name: .long, help: ArgumentHelp("Output format: md, json, csv, html or xapi.", valueName: "format"))
    var format: String = "md"

    @Option(name: .long, help: ArgumentHelp("Write to this file (atomically) instead of standard output.", valueName: "file"))
    var out: String?

    @Option(name: .long, help: ArgumentHelp("Only attempts of this cohort (case is ignored).", valueName: "name"))
    var cohort: String?

    @Option(name: .long, help: ArgumentHelp("Only attempts at this scenario (a library id).", valueName: "id"))
    var scenario: String?

    @Option(name: .long, help: ArgumentHelp("Only attempts finished on or after this date (YYYY-MM-DD, UTC, or ISO 8601).", valueName: "date"))
    var since: String?

    @Flag(name: .long, help: "Also read the reports of every finished attempt in the records store.")
    var store = false

    func validate() throws {
        guard ReportFormat(rawValue: format.lowercased()) != nil else {
            throw ValidationError("unknown format \"\(format)\"; choose from md, json, csv, html, xapi")
        }
        if paths.isEmpty && !store { throw ValidationError("name report files or folders, or use --store") }
        if let since, Self.date(since) == nil {
            throw ValidationError("--since \"\(since)\" is not a date; use YYYY-MM-DD or an ISO 8601 date and time")
        }
    }

    func run() throws {
        let export = CohortExport(format: ReportFormat(rawValue: format.lowercased())!)
        let outlines = Self.libraryOutlines()
        if let scenario, !outlines.contains(where: { $0.id == scenario }) {
            throw ValidationError("no scenario \"\(scenario)\" in the library; `twofold list` shows the ids")
        }
        let filter = CohortFilter(cohort: cohort, scenario: scenario, since: since.flatMap(Self.date))
        var files = CohortFiles(paths: paths)
        if store { files.append(storeFiles: try storeReports()) }

        let output = try CohortOutput(path: out)
        var summary = export.needsSummary ? CohortSummary(outlines: outlines, filter: filter) : nil
        var merged = CohortExportState(export: export)
        let reader = CohortReader(export: export, filter: filter, library: Set(outlines.map(\.id)),
                                  baseIRI: XAPIStatements.defaultBaseIRI)
        let errors = Terminal.standardError
        try reader.run(&files, merge: { path, named, outcome in
            switch outcome {
            case .attempt(let row, let item):
                guard merged.attempts.insert(row) else { merged.duplicates += 1; return }
                summary?.add(row)
                if let item { try output.write(merged.export.append(item)) }
            case .other(let kind):
                if named { errors.line("twofold: note: \(TextSafety.message(path)) is \(kind.description); not merged") }
            case .filtered:
                break
            case .skipped(let reason):
                merged.skipped += 1
                errors.line("twofold: skipped \(TextSafety.message(path)): \(TextSafety.message(reason))")
            }
        }, problem: { path, reason in
            merged.skipped += 1
            errors.line("twofold: skipped \(TextSafety.message(path)): \(TextSafety.message(reason))")
        })
        summary?.skippedFiles = merged.skipped
        summary?.duplicateAttempts = merged.duplicates
        try output.write(merged.export.finish(summary))
        try output.commit()
        if let out, out != "-" {
            var note = "twofold: wrote \(TextSafety.message(out)): \(merged.attempts.count) attempt\(merged.attempts.count == 1 ? "" : "s")"
            if merged.skipped > 0 { note += ", \(merged.skipped) file\(merged.skipped == 1 ? "" : "s") skipped" }
            if merged.duplicates > 0 { note += ", \(merged.duplicates) repeated report\(merged.duplicates == 1 ? "" : "s") counted once" }
            errors.line(note)
        }
    }

    /// The learner report files of the finished attempts in the records store.
    private func storeReports() throws -> [String] {
        let context = try AppContext.open()
        let attempts: [SessionRecord]
        do { attempts = try context.store.attempts(learner: nil) } catch {
            throw CLIError(message: "cannot read the records store: \(error)", exitCode: 74)
        }
        var files: [String] = []
        // A facilitated session's own record holds the group report; its participants have
        // records (and learner reports) of their own.
        for record in attempts where !(record.kind == "group" && record.groupSessionID == nil) {
            if let path = record.reportPaths?.first(where: { $0.hasSuffix(".json") && !$0.hasSuffix(".xapi.json") }) {
                files.append(path)
            } else {
                Terminal.standardError.line("twofold: note: the attempt of \(TextSafety.message(record.learner)) at \(TextSafety.message(record.scenarioID)) "
                                            + "(\(TextSafety.message(record.id))) has no JSON report on record; not merged")
            }
        }
        return files
    }

    /// The outlines of the library's scenarios: which reports are known, and the texts of
    /// their choices and endings.
    static func libraryOutlines() -> [ScenarioOutline] {
        ScenarioLibrary.standard.scan().entries.compactMap { entry in
            guard case .success(let data) = ScenarioFiles.read(entry.path),
                  let scenario = ScenarioLoader.load(data, file: entry.path).playable else { return nil }
            return ScenarioOutline(scenario)
        }
    }

    /// `2026-11-29` (midnight UTC) or a full ISO 8601 date and time.
    static func date(_ text: String) -> Date? {
        if let date = ISO8601.date(text) { return date }
        return ISO8601.date(text + "T00:00:00Z")
    }
}

/// What the merge has done so far: attempts taken, repeats and skipped files.
private struct CohortExportState {
    var export: CohortExport
    var attempts = AttemptSet()
    var duplicates = 0
    var skipped = 0
}
