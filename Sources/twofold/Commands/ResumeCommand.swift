import TwofoldCore
import ArgumentParser
import Foundation
import TwofoldStore
import TwofoldTerminal

/// `twofold resume`: continues an interrupted session.
struct ResumeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume",
        abstract: "Continue an interrupted session.",
        discussion: """
            Continues directly when exactly one saved session matches; otherwise lists them \
            (and, at a terminal, asks which one). A session whose scenario file has changed \
            since it was saved is never replayed onto the new file.
            """
    )

    @Option(name: .long, help: ArgumentHelp("Only sessions of this learner.", valueName: "name"))
    var learner: String?

    @Option(name: .long, help: ArgumentHelp("Only sessions of this scenario id.", valueName: "id"))
    var scenario: String?

    @Option(name: .long, help: ArgumentHelp("The session id (or its first characters), as listed.", valueName: "id"))
    var session: String?

    @OptionGroup var report: ReportOptions

    func run() throws {
        let context = try AppContext.open()
        var sessions = try context.store.activeSessions(learner: learner, scenarioID: scenario, kind: nil)
        if let session {
            sessions = sessions.filter { $0.id.lowercased().hasPrefix(session.lowercased()) }
        }
        let player = PlaySession(context: context, formats: report.formats, outFolder: report.out, email: report.learnerEmail)
        let facilitator = FacilitateSession(context: context, formats: report.formats, outFolder: report.out)
        // Solo sessions play on; group sessions go back to the facilitator's prompt.
        func resume(_ record: SessionRecord) throws -> Int32 {
            record.kind == "group" ? try facilitator.resume(record) : try player.resume(record)
        }
        guard !sessions.isEmpty else {
            throw CLIError(message: "no saved session to resume" + (learner != nil || scenario != nil || session != nil ? " matches" : ""))
        }
        if sessions.count == 1 {
            let status = try resume(sessions[0])
            if status != 0 { throw ExitCode(status) }
            return
        }
        let out = Terminal.standardOutput
        out.line("Saved sessions:")
        for (index, record) in sessions.enumerated() {
            let decisions = (try? SessionStateSummary.decisions(record.state)) ?? 0
            out.line("  \(index + 1). \(TextSafety.message(record.learner)) · \(TextSafety.message(record.scenarioTitle)) · \(decisions) decision\(decisions == 1 ? "" : "s") · saved \(Dates.short(record.updatedAt)) · \(record.id.prefix(8))")
        }
        guard TerminalInfo.isInteractive else {
            out.line("Resume one with: twofold resume --session ID (or --learner NAME --scenario ID)")
            return
        }
        let reader = makeLineReader(historyPath: nil)
        while true {
            switch reader.read(prompt: "Resume which? (1–\(sessions.count), or q) ") {
            case .line(let text):
                if text.lowercased() == "q" || text.isEmpty { return }
                if let number = Int(text), (1...sessions.count).contains(number) {
                    let status = try resume(sessions[number - 1])
                    if status != 0 { throw ExitCode(status) }
                    return
                }
                out.line("Type a number from 1 to \(sessions.count), or q.")
            case .interrupted: continue
            case .endOfInput, .terminated: return
            }
        }
    }
}

/// Reads just enough of a saved state for listings.
enum SessionStateSummary {
    static func decisions(_ data: Data) throws -> Int {
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        return (object?["decisions"] as? [Any])?.count ?? 0
    }
}

/// Date formatting for listings, in the local time zone.
enum Dates {
    static func short(_ date: Date) -> String {
        date.formatted(.dateTime.year().month(.twoDigits).day(.twoDigits).hour(.twoDigits(amPM: .omitted)).minute(.twoDigits))
    }
}
