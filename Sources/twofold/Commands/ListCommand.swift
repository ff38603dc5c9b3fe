import ArgumentParser
import TwofoldApp
import TwofoldCore

/// `twofold list`: the scenario library.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the scenarios in the library, grouped by domain."
    )

    @Flag(name: .long, help: "Print the library as JSON on standard output.")
    var json = false

    private struct Item: Encodable {
        var id, title, domain, summary, path: String
        var local: Bool
        var estimatedMinutes: Int?
    }

    func run() throws {
        let (entries, problems) = App.shared.library.scan()
        let out = App.out
        if json {
            out.line(try JSONOutput.string(["scenarios": entries.map {
                Item(id: $0.id, title: $0.title, domain: $0.domain, summary: $0.scenario.scenario.summary, path: $0.path,
                     local: $0.isLocal, estimatedMinutes: $0.scenario.scenario.estimatedMinutes)
            }]))
        } else if entries.isEmpty {
            out.line("No scenarios found. Put scenario files in ./Scenarios or set TWOFOLD_SCENARIOS.")
        }
        var domain = ""
        for entry in entries where !json {
            if entry.domain != domain {
                domain = entry.domain
                out.line((domain == entries.first?.domain ? "" : "\n") + out.style.apply(domain.capitalized, .bold))
            }
            let minutes = entry.scenario.scenario.estimatedMinutes.map { " · \($0) min" } ?? ""
            out.line("  \(TextSafety.message(entry.id))  \(out.style.apply(TextSafety.message(entry.title), .bold))\(minutes)")
            out.line("      \(TextSafety.message(entry.scenario.scenario.summary))")
        }
        for problem in problems { App.err.line("twofold: skipped \(TextSafety.message(problem.path)): \(problem.reason)") }
    }
}
