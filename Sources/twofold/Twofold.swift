import ArgumentParser
import Foundation
import TwofoldApp
import TwofoldCore
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
            PlayCommand.self, FacilitateCommand.self, ResumeCommand.self, HistoryCommand.self, ListCommand.self,
            LintCommand.self, StatsCommand.self, GraphCommand.self, ReportCommand.self, CohortCommand.self, LRSCommand.self,
        ]
    )

    /// Runs the command, mapping failures to a one-line reason and an exit status.
    static func main() {
        SignalTrap.restoreDefaultQuit()
        var command: ParsableCommand
        do { command = try parseAsRoot() } catch { exit(withError: error) }
        do {
            try command.run()
        } catch let rejected as ScenarioRejected {
            DiagnosticPrinter(strict: false).print(rejected.diagnostics)
            fail(rejected.failure)
        } catch let error as AppError {
            fail(error)
        } catch let error as FileError {
            fail(AppError(error))
        } catch let problem as ResumeProblem {
            fail(AppError(problem.description))
        } catch let error as ExitCode {
            exit(withError: error)
        } catch let error as ValidationError {
            exit(withError: error)
        } catch where isArgumentParserError(error) {
            // Help and usage requests (`--help`, `help play`) arrive from `run()` as the
            // parser's own errors: the parser prints them as help, with its own status.
            exit(withError: error)
        } catch {
            fail(AppError.from(error))
        }
    }

    /// Whether `error` is one of the argument parser's own (help, usage, version).
    private static func isArgumentParserError(_ error: any Error) -> Bool {
        String(reflecting: type(of: error)).hasPrefix("ArgumentParser.")
    }

    private static func fail(_ error: AppError) -> Never {
        App.err.line("twofold: error: \(error.message)")
        Foundation.exit(error.exitCode)
    }

    func run() throws {
        try MenuCommand.run()
    }
}

enum TwofoldVersion {
    static let current = "0.2.0"
}
