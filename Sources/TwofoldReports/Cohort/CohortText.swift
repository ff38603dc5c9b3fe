import Foundation
import TwofoldCore

/// Wording and numbers shared by the Markdown and HTML debriefs (plain text: each
/// renderer escapes what it shows).
enum CohortText {
    /// `1 attempt`, `3 attempts`.
    static func count(_ number: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(number) " + (number == 1 ? singular : plural ?? singular + "s")
    }

    /// A statistic to one decimal place, without a trailing `.0`: `62.5`, `65`.
    static func number(_ value: Double) -> String { ReportText.seconds(value) }

    /// A share of a total as a whole percent: `24%` (`0%` of nothing).
    static func share(_ part: Int, of total: Int) -> String {
        guard total > 0 else { return "0%" }
        return "\(Int((100 * Double(part) / Double(total)).rounded()))%"
    }

    /// The lines under the title: how much was merged, the filter, what was left out.
    static func overview(_ summary: CohortSummary) -> [String] {
        let scenarios = summary.scenarios.count
        var lines = ["\(count(summary.attempts, "attempt")) by \(count(summary.learners, "learner")), in \(count(scenarios, "scenario"))."]
        var filters: [String] = []
        if let cohort = summary.filter.cohort { filters.append("cohort \u{201C}\(cohort)\u{201D}") }
        if let scenario = summary.filter.scenario { filters.append("scenario \(scenario)") }
        if let since = summary.filter.since { filters.append("finished since \(ReportText.dateTime(since))") }
        if !filters.isEmpty { lines.append("Only attempts with " + filters.joined(separator: ", ") + ".") }
        var left: [String] = []
        if summary.skippedFiles > 0 {
            left.append("\(count(summary.skippedFiles, "file")) that \(summary.skippedFiles == 1 ? "was" : "were") not a readable learner report (named when the debrief was made)")
        }
        if summary.duplicateAttempts > 0 {
            left.append("\(count(summary.duplicateAttempts, "repeated report")) of an attempt already counted")
        }
        if !left.isEmpty { lines.append("Left out: " + left.joined(separator: "; ") + ".") }
        return lines
    }

    /// `40% → 70% (+30)`.
    static func change(from first: Int, to latest: Int) -> String {
        "\(first)% → \(latest)% (\(ReportText.signed(latest - first)))"
    }

    /// A learner's first → latest line: both axes, and the profile when it changed.
    static func change(_ learner: ScenarioSummary.LearnerAttempts) -> String? {
        guard learner.change != nil, let first = learner.attempts.first, let latest = learner.attempts.last else { return nil }
        var text = "manager \(change(from: first.managerPercent, to: latest.managerPercent)), "
            + "leader \(change(from: first.leaderPercent, to: latest.leaderPercent))"
        if first.profile != latest.profile { text += ", \(first.profile.label) → \(latest.profile.label)" }
        return text
    }

    /// The title of an ending scene in this scenario (the scene id when unknown).
    static func endingTitle(_ scene: String, in summary: ScenarioSummary) -> String {
        summary.endings.first { $0.scene == scene }?.title ?? scene
    }

    /// A decision's divide in words: how much of the room the most popular choice took.
    static func divide(_ split: ScenarioSummary.DecisionSplit) -> String {
        let agreed = split.choices.map(\.count).max() ?? 0
        if split.responses == 0 { return "no responses" }
        if agreed == split.responses { return "everyone agreed" }
        return "divided: the most popular choice took \(share(agreed, of: split.responses))"
    }

    static let noAttempts = "No attempts to show: no readable learner report matched."

    /// What the balanced path column means: the percents doing both well reaches here.
    static func balancedNote(_ s: ScenarioSummary) -> String {
        guard let balanced = s.balanced else { return "" }
        return "Managing and leading at every step reaches manager \(balanced.manager) % and leader \(balanced.leader) % in this scenario: read the percents against that."
    }

    /// Take-backs and restarts, so practice that tried every answer is visible.
    static func integrityNote(_ s: ScenarioSummary) -> String {
        guard s.takeBacks > 0 || s.restarts > 0 else { return "No choice was taken back and no attempt restarted." }
        let attempts = s.attemptsWithTakeBacks
        var text = "\(s.takeBacks) choice\(s.takeBacks == 1 ? "" : "s") taken back in \(attempts) attempt\(attempts == 1 ? "" : "s")"
        if s.restarts > 0 { text += ", \(s.restarts) restart\(s.restarts == 1 ? "" : "s")" }
        return text + "."
    }
}
