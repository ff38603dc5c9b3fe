import ArgumentParser
import TwofoldApp

/// `twofold lrs check`: reaches the record store and tries the credentials.
struct LRSCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Reach the learning record store, try the credentials and show the xAPI versions it speaks."
    )

    func run() throws {
        let outcome = try App.shared.learningRecords().check()
        for line in outcome.lines { App.out.line(line) }
        if let failure = outcome.failure { throw AppError(failure.description) }
    }
}
