import ArgumentParser
import Foundation
import TwofoldApp
import TwofoldCore
import TwofoldTerminal

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
            (their own votes scored along the group's path) are written. With --room, \
            participants vote from their phones: the terminal shows the join address (a line \
            beginning "Join: "), the code, a QR code and the presenter view's address; without \
            --participants or --roster anyone with the code joins by name (up to 500).
            """
    )

    @Argument(help: "A scenario id from the library (see `twofold list`) or a path to a scenario file.")
    var scenario: String

    @Option(name: .long, help: ArgumentHelp("Participants' names, comma-separated, in the order their votes are typed.", valueName: "names"))
    var participants: String?

    @Option(name: .long, help: ArgumentHelp("A file with one participant per line, `Name` or `Name, email` (blank lines and a name,email header skipped); added after --participants.", valueName: "file"))
    var roster: String?

    @Option(name: .long, help: ArgumentHelp("The cohort or programme this session belongs to.", valueName: "name"))
    var cohort: String?

    @Option(name: .long, help: ArgumentHelp("Seconds of discussion after each reveal, counted down on screen (Enter skips); also the length of `timer`.", valueName: "seconds"))
    var discuss: Int?

    @Flag(name: .long, help: "Serve a room: participants join and vote from their phones (see README).")
    var room = false

    @Option(name: .long, help: ArgumentHelp("With --room: the address to listen on (default: this machine's primary network address).", valueName: "address"))
    var bind: String?

    @Option(name: .long, help: ArgumentHelp("With --room: the port (default 8130; 0 picks a free one).", valueName: "port"))
    var port: Int?

    @Flag(name: .long, help: "With --room: never show names to the room (presenter view, reveal).")
    var anonymous = false

    @Flag(name: .customLong("no-participant-reports"), help: "Write the group report only, no learner report per participant.")
    var noParticipantReports = false

    @OptionGroup var report: ReportOptions

    func validate() throws {
        if participants == nil && roster == nil && !room {
            throw ValidationError("name the participants with --participants \"Ana,Ben,Chi\" or --roster FILE, or open a room with --room")
        }
        if !room && (bind != nil || port != nil || anonymous) {
            throw ValidationError("--bind, --port and --anonymous go with --room")
        }
        if let port, !(0...65535).contains(port) {
            throw ValidationError("--port takes 0 to 65535")
        }
        if let discuss, !(1...FacilitatorCommand.maxTimer).contains(discuss) {
            throw ValidationError("--discuss takes a number of seconds from 1 to \(FacilitatorCommand.maxTimer)")
        }
        if roster == nil && participants != nil {
            do { _ = try Roster.combining(participants: participants, rosterFile: nil) } catch {
                throw ValidationError(TextSafety.message(error.description))
            }
        }
    }

    func run() throws {
        let file = try roster.map { String(decoding: try FileSystem.read($0, limit: 1 << 20), as: UTF8.self) }
        let names: Roster
        do {
            names = participants == nil && file == nil ? .empty : try Roster.combining(participants: participants, rosterFile: file)
        } catch {
            throw AppError(TextSafety.message(error.description), exitCode: 64)
        }
        let playable = try App.shared.library.playable(scenario)
        let service = try App.shared.groupService()
        let options = AttemptOptions(cohort: cohort, out: report.out, formats: noParticipantReports ? [] : report.formats, mode: .group)
        let session = try service.start(playable, roster: names, options: options, discussSeconds: discuss)
        let placement = room ? RoomLink.Placement(address: bind, port: port ?? RoomLink.Placement.defaultPort, anonymous: anonymous) : nil
        try App.exit(try GroupFlow.run(session, service: service, historyFile: App.shared.paths.facilitationHistoryFile,
                                       resumed: false, room: placement))
    }
}
