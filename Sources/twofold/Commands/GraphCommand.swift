import ArgumentParser
import TwofoldApp
import TwofoldCore

/// `twofold graph SCENARIO`: the branch structure for Graphviz or Mermaid.
struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Print a scenario's branches as a Graphviz (dot) or Mermaid graph.",
        discussion: "Render with, for example: twofold graph retail-floor-walk | dot -Tsvg > floor-walk.svg"
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case dot, mermaid
    }

    @Argument(help: "A scenario id from the library, or a path to a scenario file.")
    var scenario: String

    @Option(name: .long, help: "Output format: dot or mermaid.")
    var format: Format = .dot

    func run() throws {
        let scenario = try App.shared.library.playable(scenario).scenario
        App.out.write(format == .dot ? GraphExport.dot(scenario) : GraphExport.mermaid(scenario))
    }
}
