import ArgumentParser
import Foundation
import TwofoldCore
import TwofoldStore

/// `twofold history`: finished attempts with their scores, to see progress over time.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List finished attempts with their scores, oldest first per learner."
    )

    @Option(name: .long, help: ArgumentHelp("Only this learner's attempts.", valueName: "name"))
    var learner: String?

    @Flag(name: .long, help: "Print the attempts as JSON on standard output.")
    var json = false

    func run() throws {
        let context = try AppContext.open()
        let attempts = try context.store.attempts(learner: learner)
        let out = Terminal.standardOutput
        if json {
            let items: [[String: Any]] = attempts.map { record in
                var item: [String: Any] = ["id": record.id, "learner": record.learner, "scenario": record.scenarioID,
                                           "scenarioTitle": record.scenarioTitle, "kind": record.kind]
                item["cohort"] = record.cohort
                item["finishedAt"] = record.finishedAt.map { ISO8601.string($0) }
                item["managerPercent"] = record.managerPercent
                item["leaderPercent"] = record.leaderPercent
                item["profile"] = record.profile
                item["ending"] = record.endingTitle
                item["reports"] = record.reportPaths ?? []
                return item
            }
            out.line(try JSONOutput.string(["attempts": items]))
            return
        }
        guard !attempts.isEmpty else {
            out.line(learner == nil ? "No finished attempts yet." : "No finished attempts for \(TextSafety.message(learner!)) yet.")
            return
        }
        var previous: [String: (Int, Int)] = [:]  // learner+scenario → last percents
        var currentLearner: String?
        for record in attempts {
            if record.learner != currentLearner {
                currentLearner = record.learner
                out.line((currentLearner == attempts.first?.learner ? "" : "\n") + out.styled(TextSafety.message(record.learner), .bold))
            }
            let manager = record.managerPercent ?? 0
            let leader = record.leaderPercent ?? 0
            let key = record.learner + "\u{0}" + record.scenarioID
            var change = ""
            if let (m, l) = previous[key] {
                change = "  (manager \(signed(manager - m)), leader \(signed(leader - l)) since last time)"
            }
            previous[key] = (manager, leader)
            let profile = record.profile.flatMap(ProfileKey.init(rawValue:))?.label ?? "—"
            let when = record.finishedAt.map(Dates.short) ?? ""
            out.line("  \(when)  \(TextSafety.message(record.scenarioTitle))  manager \(manager)%  leader \(leader)%  \(profile)\(change)")
        }
    }

    private func signed(_ value: Int) -> String { value > 0 ? "+\(value)" : "\(value)" }
}
