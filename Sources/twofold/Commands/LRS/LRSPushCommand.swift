import ArgumentParser
import TwofoldApp

/// `twofold lrs push`: sends what waits in the outbox now.
struct LRSPushCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "push",
        abstract: "Send every statement waiting in the outbox now, failed ones included.",
        discussion: "Exits 0 only when the outbox is empty; otherwise 1, with the reason on standard error."
    )

    func run() throws {
        let outcome = try App.shared.learningRecords().push()
        guard outcome.remaining == 0 else { throw AppError(outcome.summary) }
        App.out.line(outcome.summary)
    }
}
