import TwofoldCore
import ArgumentParser
import Foundation

/// `twofold list`: the scenario library.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the scenarios in the library, grouped by domain."
    )

    @Flag(name: .long, help: "Print the library as JSON on standard output.")
    var json = false

    func run() throws {
        let (entries, problems) = ScenarioLibrary.standard.scan()
        let out = Terminal.standardOutput
        if json {
            let items: [[String: Any]] = entries.map { entry in
                var item: [String: Any] = ["id": entry.id, "title": entry.title, "domain": entry.domain,
                                           "summary": entry.summary, "path": entry.path, "local": entry.isLocal]
                if let minutes = entry.estimatedMinutes { item["estimatedMinutes"] = minutes }
                return item
            }
            out.line(try JSONOutput.string(["scenarios": items]))
        } else if entries.isEmpty {
            out.line("No scenarios found. Put scenario files in ./Scenarios or set TWOFOLD_SCENARIOS.")
        } else {
            var domain = ""
            for entry in entries {
                if entry.domain != domain {
                    domain = entry.domain
                    out.line((domain == entries.first?.domain ? "" : "\n") + out.styled(domain.capitalized, .bold))
                }
                let minutes = entry.estimatedMinutes.map { " · \($0) min" } ?? ""
                out.line("  \(TextSafety.message(entry.id))  \(out.styled(TextSafety.message(entry.title), .bold))\(minutes)")
                out.line("      \(TextSafety.message(entry.summary))")
            }
        }
        for problem in problems {
            Terminal.standardError.line("twofold: skipped \(TextSafety.message(problem.path)): \(problem.reason)")
        }
    }
}

/// Deterministic JSON text for `--json` outputs: sorted keys, pretty printed.
enum JSONOutput {
    static func string(_ object: Any) throws -> String {
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }

    static func string<T: Encodable>(encoding value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
