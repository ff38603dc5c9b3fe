import ArgumentParser
import Foundation
import TwofoldCore
import TwofoldReports

/// `twofold facilitate SCENARIO --participants NAMES`: a live group session.
struct FacilitateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "facilitate",
        abstract: "Run a scenario live with a group: collect votes, reveal the split, discuss, move on.",
        discussion: """
            At the vote> prompt type one choice number per participant in roster order \
            (2 1 2; - for an abstention), Name=3 to set or correct one vote, reveal (the split \
            as bars, each choice's scores and feedback, questions to discuss), go (along the \
            majority; a tie asks for go N), go N (along choice N), timer, status, back, help \
            or quit. Every step is saved at once; `twofold resume` continues a group session. \
            At the end a group report (md, json, html) and one learner report per participant \
            (their own votes scored along the group's path) are written.
            """
    )

    @Argument(help: "A scenario id from the library (see `twofold list`) or a path to a scenario file.")
    var scenario: String

    @Option(name: .long, help: ArgumentHelp("Participants' names, comma-separated, in the order their votes are typed.", valueName: "names"))
    var participants: String?

    @Option(name: .long, help: ArgumentHelp("A file with one participant name per line (blank lines skipped); added after --participants.", valueName: "file"))
    var roster: String?

    @Option(name: .long, help: ArgumentHelp("The cohort or programme this session belongs to.", valueName: "name"))
    var cohort: String?

    @Option(name: .long, help: ArgumentHelp("Folder for the report files (default: the reports folder under the data folder; see README).", valueName: "dir"))
    var out: String?

    @Option(name: .long, help: ArgumentHelp("Seconds of discussion after each reveal, counted down on screen (Enter skips); also the length of `timer`.", valueName: "seconds"))
    var discuss: Int?

    @Option(name: .long, help: ArgumentHelp("Formats of each participant's learner report, comma-separated: md, json, html, csv, xapi.", valueName: "list"))
    var format: String = "md,json"

    func validate() throws {
        if participants == nil && roster == nil {
            throw ValidationError("name the participants with --participants \"Ana,Ben,Chi\" or --roster FILE")
        }
        if let discuss, !(1...FacilitatorCommand.maxTimer).contains(discuss) {
            throw ValidationError("--discuss takes a number of seconds from 1 to \(FacilitatorCommand.maxTimer)")
        }
        do { _ = try ReportFormat.list(format) } catch let error as ValidationErrorText {
            throw ValidationError(error.description)
        }
        if roster == nil {
            do { _ = try Roster.combining(participants: participants, rosterFile: nil) } catch {
                throw ValidationError(TextSafety.message(error.description))
            }
        }
    }

    func run() throws {
        let names = try loadRoster()
        let path = try ScenarioLibrary.standard.resolve(scenario)
        let result = try ScenarioFiles.loadPlayable(path)
        let context = try AppContext.open()
        let session = FacilitateSession(context: context, formats: try ReportFormat.list(format), outFolder: out)
        let status = try session.start(result, path: path, roster: names, cohort: cohort, discussSeconds: discuss)
        if status != 0 { throw ExitCode(status) }
    }

    /// The roster from --participants and --roster together.
    private func loadRoster() throws -> Roster {
        var fileText: String?
        if let roster {
            guard let data = FileManager.default.contents(atPath: roster) else {
                throw CLIError(message: "\(TextSafety.message(roster)): cannot read the roster file", exitCode: 66)
            }
            fileText = String(decoding: data, as: UTF8.self)
        }
        do {
            return try Roster.combining(participants: participants, rosterFile: fileText)
        } catch {
            throw CLIError(message: TextSafety.message(error.description), exitCode: 64)
        }
    }
}
