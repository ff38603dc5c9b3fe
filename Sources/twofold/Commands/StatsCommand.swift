import ArgumentParser
import TwofoldApp
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
            enters to where it leaves. "balanced" is the percent the balanced path (doing both \
            well at every step) reaches on each axis, to read learners' percents against.
            """
    )

    @Argument(help: "A scenario id from the library, or a path to a scenario file.")
    var scenario: String

    @Flag(name: .long, help: "Print the statistics as JSON on standard output.")
    var json = false

    func run() throws {
        let stats = ScenarioStats(try App.shared.library.playable(scenario))
        let out = App.out
        if json { return out.line(try JSONOutput.string(stats)) }
        out.line(out.style.apply(TextSafety.message(stats.title), .bold) + " (\(stats.id))")
        let rows: [(String, String)] = [
            ("scenes", "\(stats.scenes) (\(stats.decisions) decisions, \(stats.endings) endings)"),
            ("reachable endings", "\(stats.reachableEndings)"),
            ("complete paths", stats.paths),
            ("decisions per path", "\(stats.shortestPath) to \(stats.longestPath)"),
        ] + stats.axisNames.compactMap { name in
            stats.axes[name].map { ("\(name) score", "\($0.min) to \($0.max)" + ($0.balancedPercent.map { " (balanced path: \($0) %)" } ?? "")) }
        }
        let width = rows.map(\.0.count).max() ?? 0
        for (label, value) in rows {
            out.line("  " + label + String(repeating: " ", count: width - label.count) + "  " + value)
        }
    }
}
