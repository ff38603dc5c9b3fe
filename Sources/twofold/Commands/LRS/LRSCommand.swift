import ArgumentParser

/// `twofold lrs`: the learning record store — where statements stand, sending them, and
/// checking the connection.
struct LRSCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lrs",
        abstract: "Deliver learning records to the organisation's learning record store.",
        discussion: """
            With TWOFOLD_LRS_ENDPOINT, TWOFOLD_LRS_USERNAME and TWOFOLD_LRS_PASSWORD set (or \
            the same in config.json, see README), every decision and every finished attempt \
            becomes an xAPI statement in an outbox in the records store, saved with the step, \
            and is sent in the background. What the record store could not take yet waits \
            there; `twofold lrs push` sends it now.
            """,
        subcommands: [LRSStatusCommand.self, LRSPushCommand.self, LRSCheckCommand.self]
    )
}
