import ArgumentParser
import Foundation
import TwofoldApp
import TwofoldCore
import TwofoldTerminal

/// `twofold history`: finished attempts with their scores, to see progress over time.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List finished attempts with their scores, oldest first per learner."
    )

    @Option(name: .long, help: ArgumentHelp("Only this learner's attempts (case is ignored).", valueName: "name"))
    var learner: String?

    @Flag(name: .long, help: "Print the attempts as JSON on standard output.")
    var json = false

    private struct Item: Encodable {
        var id, learner, scenario, scenarioTitle, kind: String
        var cohort, profile, ending: String?
        var finishedAt: Date?
        var managerPercent, leaderPercent: Int?
        var reports: [String]
    }

    func run() throws {
        let attempts = try App.shared.store().attempts(learner: learner) { id in
            App.err.line("twofold: note: passed over a damaged attempt in the records store (\(TextSafety.message(id)))")
        }
        let out = App.out
        if json {
            return out.line(try JSONOutput.string(["attempts": attempts.map {
                Item(id: $0.id, learner: $0.learner, scenario: $0.scenarioID, scenarioTitle: $0.scenarioTitle, kind: $0.kind,
                     cohort: $0.cohort, profile: $0.profile, ending: $0.endingTitle, finishedAt: $0.finishedAt,
                     managerPercent: $0.managerPercent, leaderPercent: $0.leaderPercent, reports: $0.reportPaths ?? [])
            }]))
        }
        guard !attempts.isEmpty else {
            return out.line(learner.map { "No finished attempts for \(TextSafety.message($0)) yet." } ?? "No finished attempts yet.")
        }
        var previous: [String: (Int, Int)] = [:]  // learner+scenario → last percents
        var current: String?
        for record in attempts {
            if record.learner != current {
                out.line((current == nil ? "" : "\n") + out.style.apply(TextSafety.message(record.learner), .bold))
                current = record.learner
            }
            let (manager, leader) = (record.managerPercent ?? 0, record.leaderPercent ?? 0)
            let key = record.learner + "\u{0}" + record.scenarioID
            let change = previous[key].map { "  (manager \(signed(manager - $0.0)), leader \(signed(leader - $0.1)) since last time)" } ?? ""
            previous[key] = (manager, leader)
            let profile = record.profile.flatMap(ProfileKey.init(rawValue:))?.label ?? "—"
            let when = record.finishedAt.map(Dates.listing) ?? ""
            out.line("  \(when)  \(TextSafety.message(record.scenarioTitle))  manager \(manager)%  leader \(leader)%  \(profile)\(change)")
        }
    }

    private func signed(_ value: Int) -> String { value > 0 ? "+\(value)" : "\(value)" }
}
