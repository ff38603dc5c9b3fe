import Foundation
import ArgumentParser
import TwofoldTerminal

/// The `twofold` command: a training simulator for people managers.
@main
struct Twofold: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "twofold",
        abstract: "Practise managing and leading in branching workplace scenarios.",
        discussion: """
            Every choice is scored on two independent axes: manager (keeps today's work on \
            track) and leader (grows people and their careers). Run with no subcommand for \
            the scenario menu.
            """,
        version: TwofoldVersion.current,
        subcommands: [
            PlayCommand.self,
            FacilitateCommand.self,
            ResumeCommand.self,
            HistoryCommand.self,
            ListCommand.self,
            LintCommand.self,
            StatsCommand.self,
            GraphCommand.self,
            ReportCommand.self,
            CohortCommand.self,
        ]
    )

    /// Runs the command, mapping failures to a one-line reason and an exit status.
    static func main() {
        SignalTrap.restoreDefaultQuit()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as CLIError {
            Terminal.standardError.line("twofold: error: \(error.message)")
            Foundation.exit(error.exitCode)
        } catch {
            exit(withError: error)
        }
    }

    func run() throws {
        try Menu.run()
    }
}

enum TwofoldVersion {
    static let current = "0.1.0"
}
