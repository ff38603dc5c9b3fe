import TwofoldCore
import ArgumentParser
import Foundation
import TwofoldReports
import TwofoldTerminal

/// Options shared by the commands that write learner reports.
struct ReportOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Folder for the report files (default: the reports folder under the data folder; see README).", valueName: "dir"))
    var out: String?

    @Option(name: .long, help: ArgumentHelp("Report formats, comma-separated: md, json, html, csv, xapi.", valueName: "list"))
    var format: String = "md,json"

    @Option(name: .customLong("learner-email"), help: ArgumentHelp("The learner's e-mail, used as the xAPI actor's mbox.", valueName: "address"))
    var learnerEmail: String?

    func validate() throws {
        do { _ = try ReportFormat.list(format) } catch let error as ValidationErrorText {
            throw ValidationError(error.description)
        }
        if let learnerEmail, !learnerEmail.contains("@") || learnerEmail.contains(where: { $0.isWhitespace || $0.isNewline }) {
            throw ValidationError("--learner-email must be an e-mail address")
        }
    }

    var formats: [ReportFormat] { (try? ReportFormat.list(format)) ?? ReportFormat.defaults }
}

/// `twofold play SCENARIO`: plays one scenario and writes the learner report at the end.
struct PlayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "play",
        abstract: "Play one scenario; the learner report is written when it ends.",
        discussion: """
            At the prompt type a choice number, or: help, status, back, restart, path, quit. \
            Every decision is saved at once; `twofold resume` continues after quit, Ctrl-D, \
            a closed terminal or a crash. When standard input is not a terminal, commands \
            are read line by line, e.g. printf '1\\n2\\nquit\\n' | twofold play retail-floor-walk --learner Ana
            """
    )

    @Argument(help: "A scenario id from the library (see `twofold list`) or a path to a scenario file.")
    var scenario: String

    @Option(name: .long, help: ArgumentHelp("The learner's name (default: the name used last time).", valueName: "name"))
    var learner: String?

    @Option(name: .long, help: ArgumentHelp("The cohort or programme this attempt belongs to.", valueName: "name"))
    var cohort: String?

    @OptionGroup var report: ReportOptions

    func validate() throws {
        if let learner { try LearnerName.validate(learner) }
    }

    func run() throws {
        let path = try ScenarioLibrary.standard.resolve(scenario)
        let result = try ScenarioFiles.loadPlayable(path)
        let context = try AppContext.open()
        let name = try learner ?? LearnerName.ask(context: context)
        let session = PlaySession(context: context, formats: report.formats, outFolder: report.out, email: report.learnerEmail)
        let status = try session.start(result, path: path, learner: name, cohort: cohort)
        if status != 0 { throw ExitCode(status) }
    }
}

/// Learner names: any text a person would type, within reason.
enum LearnerName {
    static let maxLength = 200

    static func validate(_ name: String) throws {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { throw ValidationError("the learner name must not be empty") }
        if trimmed.count > maxLength { throw ValidationError("the learner name must be at most \(maxLength) characters") }
    }

    /// The name to use when none was given: asked at a terminal (the last one is the
    /// default), else the last one used, else "Learner".
    static func ask(context: AppContext) throws -> String {
        let remembered = (try? context.store.setting("learner")) ?? nil
        guard TerminalInfo.isInteractive else { return remembered ?? "Learner" }
        let reader = makeLineReader(historyPath: nil)
        while true {
            let prompt = remembered.map { "Your name [\(TextSafety.terminal($0))]: " } ?? "Your name: "
            switch reader.read(prompt: prompt) {
            case .line(let text):
                let name = text.isEmpty ? (remembered ?? "") : text
                if name.isEmpty { continue }
                if name.count > maxLength {
                    Terminal.standardOutput.line("Please use at most \(maxLength) characters.")
                    continue
                }
                return name
            case .interrupted:
                continue
            case .endOfInput, .terminated:
                throw ExitCode(0)
            }
        }
    }
}
