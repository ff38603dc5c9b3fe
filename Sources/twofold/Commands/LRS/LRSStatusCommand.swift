import ArgumentParser

/// `twofold lrs status`: where statements go, and what waits in the outbox.
struct LRSStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show the learning record store and the outbox: queued, failing (with the last error) and delivered."
    )

    @Flag(name: .long, help: "Print one JSON object instead of lines.")
    var json = false

    func run() throws {
        let status = try App.shared.learningRecords().status()
        if json { App.out.write(status.json) } else { for line in status.lines { App.out.line(line) } }
    }
}
