import TwofoldCore

/// The group report as Markdown: who scored what, where the room split, and the path.
///
/// Every piece of scenario or participant text is escaped (``MarkdownText``); the two
/// axes are always separate numbers; abstentions are shown as such.
public enum GroupMarkdownReport {
    public static func render(_ report: GroupReport) -> String {
        var out: [String] = []
        out.append("# Group report: \(MarkdownText.inline(report.scenario.title))")
        out.append(header(report))
        out.append("## Participants\n\n" + participants(report))
        out.append("## Debrief starters: where the room was most divided\n\n" + divided(report))
        out.append("## The group's path\n\n" + report.decisions.enumerated().map { decision($0.offset, $0.element, report) }.joined(separator: "\n\n"))
        let path = report.path
        out.append("## The group's path, scored\n\n"
                   + "Taken as one learner, the group's choices score **manager \(path.scores.manager.percent)%** and "
                   + "**leader \(path.scores.leader.percent)%**: \(MarkdownText.inline(path.profile.label)).\n\n*"
                   + ReportText.thesis + "*")
        if !report.reflection.isEmpty {
            out.append("## Reflection\n\n" + report.reflection.map { "- " + MarkdownText.inline($0) }.joined(separator: "\n"))
        }
        var ending = ["## Where the group ended up: \(MarkdownText.inline(report.ending.title))"]
        if let kind = ReportText.endingKind(report.ending.kind) { ending.append("*" + kind.prefix(1).uppercased() + kind.dropFirst() + ".*") }
        if !report.ending.text.isEmpty { ending.append(MarkdownText.block(report.ending.text)) }
        out.append(ending.joined(separator: "\n\n"))
        return out.joined(separator: "\n\n") + "\n"
    }

    private static func header(_ report: GroupReport) -> String {
        var lines: [String] = []
        if let cohort = report.cohort { lines.append("- **Cohort:** " + MarkdownText.inline(cohort)) }
        lines.append("- **Scenario:** \(MarkdownText.inline(report.scenario.title)) (\(MarkdownText.inline(report.scenario.domain)))")
        let length = ReportText.duration(report.finishedAt.timeIntervalSince(report.startedAt))
        lines.append("- **Date:** \(ReportText.dateTime(report.finishedAt)) (\(length) session)")
        lines.append("- **Participants:** \(report.participants.count): " + report.participants.map { MarkdownText.inline($0.name) }.joined(separator: ", "))
        lines.append("- **Session:** group session \(MarkdownText.inline(report.groupSessionId))")
        return lines.joined(separator: "\n")
    }

    private static func participants(_ report: GroupReport) -> String {
        let count = report.decisions.count
        var lines = ["| Participant | Manager | Leader | Profile | Abstained | Voted with the group |",
                     "|---|--:|--:|---|--:|--:|"]
        for participant in report.participants {
            lines.append("| \(MarkdownText.inline(participant.name)) | \(participant.manager.percent)% | \(participant.leader.percent)% | "
                         + "\(MarkdownText.inline(participant.profile.label)) | \(participant.abstentions) | \(participant.withGroup) of \(count) |")
        }
        lines.append("")
        lines.append("Each participant is scored on their own votes along the group's path; an abstention scores nothing. "
                     + "Manager and leader are two separate scores, each from 0% to 100% of this scenario's range. "
                     + "Every participant also has their own learner report.")
        return lines.joined(separator: "\n")
    }

    private static func divided(_ report: GroupReport) -> String {
        guard !report.mostDivided.isEmpty else { return "The room agreed at every decision." }
        return report.mostDivided.enumerated().map { index, item in
            let decision = report.decisions[item.decision - 1]
            let split = decision.options.filter { $0.votes > 0 }.map { "\($0.number): \($0.votes)" }.joined(separator: ", ")
            return "\(index + 1). **Decision \(item.decision): \(MarkdownText.inline(ReportText.lead(decision.sceneText, or: item.scene, limit: 70)))** "
                + "(votes \(split)). " + MarkdownText.inline(decision.sceneText)
        }.joined(separator: "\n")
    }

    private static func decision(_ index: Int, _ decision: GroupReport.DecisionSplit, _ report: GroupReport) -> String {
        let total = Swift.max(1, report.participants.count)
        var parts = ["### Decision \(index + 1): \(MarkdownText.inline(ReportText.lead(decision.sceneText, or: decision.scene, limit: 70)))", MarkdownText.block(decision.sceneText)]
        var table = ["| # | Choice | Votes | Manager Δ | Leader Δ |", "|--:|---|---|--:|--:|"]
        for option in decision.options {
            let mark = option.choice == decision.choice ? " **(group)**" : ""
            let voters = option.voters.isEmpty ? "" : " " + option.voters.map(MarkdownText.inline).joined(separator: ", ")
            table.append("| \(option.number) | \(MarkdownText.inline(option.text))\(mark) | `\(MarkdownReport.bar(option.votes * 100 / total))` \(option.votes)\(voters) | "
                         + "\(ReportText.signed(option.scores.manager)) | \(ReportText.signed(option.scores.leader)) |")
        }
        parts.append(table.joined(separator: "\n"))
        var notes: [String] = []
        if !decision.abstained.isEmpty {
            notes.append("Abstained: " + decision.abstained.map(MarkdownText.inline).joined(separator: ", ") + " (no score for them here).")
        }
        notes.append(decision.basis == .majority ? "The group went with the majority." : "The facilitator chose the group's path here (a tie, or a branch worth exploring).")
        parts.append("*" + notes.joined(separator: " ") + "*")
        parts.append(MarkdownText.block(decision.feedback))
        return parts.joined(separator: "\n\n")
    }
}
