import ArgumentParser
import TwofoldApp
import TwofoldCore
import TwofoldStore
import TwofoldTerminal

/// `twofold resume`: continues an interrupted session.
struct ResumeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume",
        abstract: "Continue an interrupted session.",
        discussion: """
            Continues directly when exactly one saved session matches; otherwise lists them \
            (and, at a terminal, asks which one). A session keeps the options it was started \
            with (--out, --format, --cohort, --learner-email); any given here take their place. \
            A session whose scenario file has changed since it was saved is never replayed.
            """
    )

    @Option(name: .long, help: ArgumentHelp("Only sessions of this learner (case is ignored).", valueName: "name"))
    var learner: String?

    @Option(name: .long, help: ArgumentHelp("Only sessions of this scenario id.", valueName: "id"))
    var scenario: String?

    @Option(name: .long, help: ArgumentHelp("The session id (or its first characters), as listed.", valueName: "id"))
    var session: String?

    @Option(name: .long, help: ArgumentHelp("The cohort, in place of the session's own.", valueName: "name"))
    var cohort: String?

    @OptionGroup var report: ReportOptions

    func run() throws {
        var overrides = report.overrides
        overrides.cohort = cohort
        let found = try ResumeFlow.sessions(learner: learner, scenario: scenario, id: session, app: App.shared)
        guard !found.isEmpty else {
            throw AppError("no saved session to resume" + (learner != nil || scenario != nil || session != nil ? " matches" : ""))
        }
        if found.count > 1 { Prompts.list(found) }
        guard found.count == 1 || TerminalInfo.isInteractive else {
            return App.out.line("Resume one with: twofold resume --session ID (or --learner NAME --scenario ID)")
        }
        guard let record = found.count == 1 ? found[0] : Prompts.pick(found) else { return }
        try App.exit(try ResumeFlow.resume(record, overrides: overrides, app: App.shared))
    }
}
