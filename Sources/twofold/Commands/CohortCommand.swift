import ArgumentParser
import TwofoldApp
import TwofoldCore
import TwofoldReports

/// `twofold cohort REPORTS_OR_DIRS...`: merges learner reports into one debrief.
struct CohortCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cohort",
        abstract: "Merge learner reports into a cohort debrief (CSV, JSON, Markdown, HTML or xAPI).",
        discussion: """
            Folders are walked recursively for *.json learner reports (*.xapi.json and hidden \
            files are passed over). Each report is merged from what it carries, whatever its \
            scenario; the library only adds texts reports leave out. A facilitated session's \
            participants are merged like solo learners; group reports, xAPI files and cohort \
            exports are passed over. A file that is not a readable report is named on standard \
            error and skipped; the same attempt given twice counts once. When nothing at all \
            is merged, the command fails with the reason and writes nothing. With --lrs the \
            attempts come from the learning record store (see `twofold lrs`): every machine \
            that reported to it, rebuilt from its statements into the same rows, in the order \
            they finished.
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

    @Option(name: .long, help: ArgumentHelp("Only attempts at this scenario id.", valueName: "id"))
    var scenario: String?

    @Option(name: .long, help: ArgumentHelp("Only attempts finished on or after this date (YYYY-MM-DD, UTC, or ISO 8601).", valueName: "date"))
    var since: String?

    @Flag(name: .long, help: "Also read the reports of every finished attempt in the records store.")
    var store = false

    @Flag(name: .long, help: "Read the attempts from the learning record store instead of report files: every machine that reported to it.")
    var lrs = false

    enum Grain: String, ExpressibleByArgument, CaseIterable { case attempt, decision }

    @Option(name: .long, help: ArgumentHelp("CSV rows: one per attempt, or one per learner × decision.", valueName: "attempt|decision"))
    var per: Grain = .attempt

    func validate() throws {
        guard let chosen = ReportFormat(rawValue: format.lowercased()) else {
            throw ValidationError("unknown format \"\(TextSafety.message(format))\"; choose from md, json, csv, html, xapi")
        }
        if lrs {
            if !paths.isEmpty || store { throw ValidationError("--lrs reads the learning record store: name no report files, and no --store") }
            if chosen == .xapi { throw ValidationError("--format xapi does not go with --lrs: the record store holds the statements already") }
        } else if paths.isEmpty && !store {
            throw ValidationError("name report files or folders, or use --store or --lrs")
        }
        if per == .decision && chosen != .csv { throw ValidationError("--per decision goes with --format csv") }
        if let since, CohortDates.day(since) == nil {
            throw ValidationError("--since \"\(TextSafety.message(since))\" is not a date; use YYYY-MM-DD or an ISO 8601 date and time")
        }
    }

    func run() throws {
        let request = CohortPipeline.Request(
            paths: paths, format: ReportFormat(rawValue: format.lowercased())!,
            filter: CohortFilter(cohort: cohort, scenario: scenario, since: since.flatMap { CohortDates.day($0) }),
            includeStore: store, out: out, xAPIBaseIRI: try App.shared.xAPIBaseIRI(), perDecision: per == .decision)
        let pipeline = App.shared.cohortPipeline
        let outcome = try lrs
            ? pipeline.run(request, from: try App.shared.learningRecords().cohortReader(request.filter),
                           standardOutput: App.out.write, note: Self.show)
            : pipeline.run(request, standardOutput: App.out.write, note: Self.show)
        guard let out, out != "-" else { return }
        var note = "twofold: wrote \(TextSafety.message(out)): \(outcome.attempts) attempt\(outcome.attempts == 1 ? "" : "s")"
        if outcome.skipped > 0 { note += ", \(outcome.skipped) file\(outcome.skipped == 1 ? "" : "s") skipped" }
        if outcome.duplicates > 0 { note += ", \(outcome.duplicates) repeated report\(outcome.duplicates == 1 ? "" : "s") counted once" }
        App.err.line(note)
    }

    /// One line on standard error for something the merge passed over.
    private static func show(_ note: CohortPipeline.Note) {
        switch note {
        case .skipped(let path, let reason): App.err.line("twofold: skipped \(TextSafety.message(path)): \(TextSafety.message(reason))")
        case .notALearnerReport(let path, let kind): App.err.line("twofold: note: \(TextSafety.message(path)) is \(kind); not merged")
        case .noReportOnRecord(let learner, let scenario, let attempt):
            App.err.line("twofold: note: the attempt of \(TextSafety.message(learner)) at \(TextSafety.message(scenario)) (\(attempt)) has no JSON report on record; not merged")
        case .unreadableStatements(let count):
            App.err.line("twofold: note: \(count) statement\(count == 1 ? "" : "s") from the learning record store could not be read; passed over")
        }
    }
}
