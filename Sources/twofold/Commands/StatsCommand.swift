import ArgumentParser
import Foundation
import TwofoldCore

/// `twofold stats SCENARIO`: the shape of a scenario and the score range on each axis.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Show a scenario's scenes, endings, paths and score bounds per axis.",
        discussion: """
            Computed from the branch structure in linear time: loops (which may only hold \
            zero-score choices) are condensed, and conditions are ignored. The longest path \
            never goes round a loop: inside one it counts the fewest decisions from where it \
            enters to where it leaves.
            """
    )

    @Argument(help: "A scenario id from the library, or a path to a scenario file.")
    var scenario: String

    @Flag(name: .long, help: "Print the statistics as JSON on standard output.")
    var json = false

    func run() throws {
        let result = try ScenarioFiles.loadPlayable(scenario)
        guard let scenario = result.scenario, let analysis = result.analysis, let bounds = analysis.bounds else {
            throw CLIError(message: "no complete path from start to an ending")
        }
        let out = Terminal.standardOutput
        if json {
            var axes: [String: Any] = [:]
            for (axis, bound) in zip(scenario.axes, bounds) { axes[axis.name] = ["min": bound.min, "max": bound.max] }
            let object: [String: Any] = [
                "id": scenario.id, "title": scenario.title,
                "scenes": analysis.sceneCount, "decisions": analysis.decisionCount, "endings": analysis.endingCount,
                "reachableEndings": analysis.reachableEndingCount, "paths": analysis.pathCount.description,
                "shortestPath": analysis.shortestPath ?? 0, "longestPath": analysis.longestPath ?? 0, "axes": axes,
            ]
            out.line(try JSONOutput.string(object))
            return
        }
        out.line(out.styled(TextSafety.message(scenario.title), .bold) + " (\(scenario.id))")
        let rows: [(String, String)] = [
            ("scenes", "\(analysis.sceneCount) (\(analysis.decisionCount) decisions, \(analysis.endingCount) endings)"),
            ("reachable endings", "\(analysis.reachableEndingCount)"),
            ("complete paths", analysis.pathCount.description),
            ("decisions per path", "\(analysis.shortestPath ?? 0) to \(analysis.longestPath ?? 0)"),
        ] + zip(scenario.axes, bounds).map { ("\($0.name) score", "\($1.min) to \($1.max)") }
        let width = rows.map(\.0.count).max() ?? 0
        for (label, value) in rows {
            out.line("  " + label + String(repeating: " ", count: width - label.count) + "  " + value)
        }
    }
}
