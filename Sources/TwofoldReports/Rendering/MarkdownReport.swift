import TwofoldCore

/// The learner report as Markdown, readable both in a terminal and on a wiki.
///
/// Every piece of scenario or learner text is escaped (``MarkdownText``) and stripped of
/// control characters; the two axes are shown as two separate bars, never one opposed bar.
public enum MarkdownReport {
    public static func render(_ report: LearnerReport) -> String {
        var out: [String] = []
        out.append("# Learner report: \(MarkdownText.inline(report.scenario.title))")
        out.append(header(report))
        out.append("## Your scores\n\n" + scores(report))
        out.append("## Your profile: \(MarkdownText.inline(report.profile.label))\n\n"
                   + MarkdownText.block(report.profile.meaning) + "\n\n*" + ReportText.thesis + "*")
        out.append("## Decision by decision\n\n" + table(report))
        out.append("### Feedback\n\n" + feedback(report))
        if let balanced = report.balancedPath { out.append(balancedSection(balanced)) }
        if !report.reflection.isEmpty {
            out.append("## Reflection\n\n" + report.reflection.map { "- " + MarkdownText.inline($0) }.joined(separator: "\n"))
        }
        out.append(endingSection(report.ending))
        return out.joined(separator: "\n\n") + "\n"
    }

    private static func header(_ report: LearnerReport) -> String {
        var lines = ["- **Learner:** " + MarkdownText.inline(report.learner.name)]
        if let cohort = report.cohort { lines.append("- **Cohort:** " + MarkdownText.inline(cohort)) }
        lines.append("- **Scenario:** \(MarkdownText.inline(report.scenario.title)) (\(MarkdownText.inline(report.scenario.domain)))")
        let minutes = report.finishedAt.timeIntervalSince(report.startedAt)
        lines.append("- **Date:** \(ReportText.dateTime(report.finishedAt)) (\(ReportText.duration(minutes)) of play)")
        if report.session.kind == .group {
            let id = report.session.groupSessionId.map { " " + MarkdownText.inline($0) } ?? ""
            lines.append("- **Session:** group session\(id)")
        }
        lines.append("- **Attempt:** " + report.integrity.summary)
        return lines.joined(separator: "\n")
    }

    /// One bar per axis, in a code block so it lines up in a terminal and on a wiki.
    private static func scores(_ report: LearnerReport) -> String {
        let names = report.axisNames.filter { report.scores[$0] != nil }
        let width = names.map(\.count).max() ?? 7
        var lines = ["```text"]
        for name in names {
            let score = report.scores[name]!
            let label = ReportText.clean(ReportText.axisLabel(name)).replacingOccurrences(of: "`", with: "'")
            let padded = label + String(repeating: " ", count: Swift.max(0, width - label.count))
            let percent = String(repeating: " ", count: Swift.max(0, 3 - "\(score.percent)".count)) + "\(score.percent)%"
            lines.append("\(padded)  \(bar(score.percent))  \(percent)   raw \(score.raw), range \(score.min) to \(score.max)")
        }
        lines.append("```")
        lines.append("")
        lines.append("Two separate scores: **manager** is keeping today's work on track, **leader** is growing your people. "
                     + "Each runs from 0% (the lowest total any path reaches) to 100% (the highest).")
        return lines.joined(separator: "\n")
    }

    /// A 20-cell bar for a percent.
    static func bar(_ percent: Int) -> String {
        let filled = (Swift.max(0, Swift.min(100, percent)) + 2) / 5
        return String(repeating: "█", count: filled) + String(repeating: "░", count: 20 - filled)
    }

    private static func table(_ report: LearnerReport) -> String {
        let voting = report.decisions.contains { $0.vote != nil }
        var lines = ["| # | Scene | \(voting ? "Your vote" : "Your choice") | Manager Δ | Leader Δ |",
                     "|--:|---|---|--:|--:|"]
        for (index, decision) in report.decisions.enumerated() {
            let scores = decision.learnerScores
            let text = decision.learnerChoiceText.map(MarkdownText.inline) ?? "*(abstained)*"
            lines.append("| \(index + 1) | \(MarkdownText.inline(ReportText.lead(decision.sceneText, or: decision.scene, limit: 70))) | \(text) | "
                         + "\(ReportText.signed(scores.manager)) | \(ReportText.signed(scores.leader)) |")
        }
        return lines.joined(separator: "\n")
    }

    private static func feedback(_ report: LearnerReport) -> String {
        report.decisions.enumerated().map { index, decision in
            var parts = ["**\(index + 1). \(MarkdownText.inline(decision.choiceText))** "
                         + "(manager \(ReportText.signed(decision.scores.manager)), "
                         + "leader \(ReportText.signed(decision.scores.leader)), "
                         + "\(ReportText.duration(decision.seconds)))"]
            if let vote = decision.vote {
                parts.append(vote.choice == nil ? "*You abstained; the group chose the option above.*"
                                                : "*You voted: \(MarkdownText.inline(decision.learnerChoiceText ?? vote.choice ?? "")); the group chose the option above.*")
            }
            if let takenBack = ReportText.takenBack(decision) { parts.append("*" + MarkdownText.inline(takenBack) + "*") }
            parts.append(MarkdownText.block(decision.feedback))
            return parts.joined(separator: "\n\n")
        }.joined(separator: "\n\n")
    }

    private static func balancedSection(_ path: LearnerReport.BalancedPathInfo) -> String {
        let manager = path.scores.manager.percent
        let leader = path.scores.leader.percent
        var lines = ["## What a both-ways path looked like", ""]
        var summary = "Managing and leading at every step reaches **manager \(manager)%** and **leader \(leader)%**"
        if let ending = path.ending { summary += " and ends at \"\(MarkdownText.inline(ending.title))\"" }
        lines.append(summary + ".")
        lines.append("")
        for (index, step) in path.decisions.enumerated() {
            lines.append("\(index + 1). \(MarkdownText.inline(step.choiceText)) "
                         + "(manager \(ReportText.signed(step.scores.manager)), leader \(ReportText.signed(step.scores.leader)))")
        }
        return lines.joined(separator: "\n")
    }

    private static func endingSection(_ ending: LearnerReport.EndingInfo) -> String {
        var lines = ["## Where you ended up: \(MarkdownText.inline(ending.title))"]
        if let kind = ReportText.endingKind(ending.kind) { lines.append("*" + kind.prefix(1).uppercased() + kind.dropFirst() + ".*") }
        if !ending.text.isEmpty { lines.append(MarkdownText.block(ending.text)) }
        return lines.joined(separator: "\n\n")
    }
}
