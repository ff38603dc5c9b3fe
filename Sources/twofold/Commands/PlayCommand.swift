import ArgumentParser
import TwofoldApp
import TwofoldCore
import TwofoldTerminal

/// `twofold play SCENARIO`: plays one scenario and writes the learner report at the end.
struct PlayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "play",
        abstract: "Play one scenario; the learner report is written when it ends.",
        discussion: """
            At the prompt type a choice number, or: help, status, back, restart, path, quit. \
            Every decision is saved at once; `twofold resume` continues after quit, Ctrl-D, \
            a closed terminal or a crash. With --assessed, back and restart are refused and \
            scores are shown only at the end. When standard input is not a terminal, commands \
            are read line by line, e.g. printf '1\\n2\\nquit\\n' | twofold play retail-floor-walk --learner Ana
            """
    )

    @Argument(help: "A scenario id from the library (see `twofold list`) or a path to a scenario file.")
    var scenario: String

    @Option(name: .long, help: ArgumentHelp("The learner's name (default: the name used last time).", valueName: "name"))
    var learner: String?

    @Option(name: .long, help: ArgumentHelp("The cohort or programme this attempt belongs to.", valueName: "name"))
    var cohort: String?

    @Flag(name: .long, help: "An assessed attempt: no take-backs or restarts, and no scores until the end.")
    var assessed = false

    @OptionGroup var report: ReportOptions

    func validate() throws {
        if let learner { try LearnerName.validate(learner) }
    }

    func run() throws {
        let playable = try App.shared.library.playable(scenario)
        let service = try App.shared.playService()
        guard let name = learner ?? Prompts.learnerName(remembered: try? service.store.setting("learner")) else { return }
        let options = AttemptOptions(cohort: cohort, out: report.out, formats: report.formats, email: report.learnerEmail,
                                     mode: assessed ? .assessed : .practice)
        let session = try service.start(playable, learner: name, options: options)
        try App.exit(try PlayFlow.run(session, service: service, historyFile: App.shared.paths.historyFile, resumed: false))
    }
}

/// Learner names: any text a person would type, within reason.
enum LearnerName {
    static func validate(_ name: String) throws {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { throw ValidationError("the learner name must not be empty") }
        if trimmed.count > Prompts.maxNameLength { throw ValidationError("the learner name must be at most \(Prompts.maxNameLength) characters") }
    }
}
