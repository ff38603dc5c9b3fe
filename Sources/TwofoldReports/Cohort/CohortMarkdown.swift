import TwofoldCore

/// The cohort debrief as Markdown, readable in a terminal and on a wiki.
///
/// Per scenario: the two axes' statistics, the profiles, a text version of the
/// manager × leader scatter (attempts counted per 10 % cell, since Markdown cannot carry
/// an SVG portably — the HTML debrief draws the real chart), the endings, every decision's
/// split with the most divided first, and the learners. All text is escaped
/// (``MarkdownText``).
public enum CohortMarkdown {
    public static func render(_ summary: CohortSummary) -> String {
        var out = ["# Cohort debrief", CohortText.overview(summary).map(MarkdownText.inline).joined(separator: "\n\n"),
                   "*" + ReportText.thesis + "*"]
        let scenarios = summary.scenarios
        if scenarios.isEmpty { out.append(CohortText.noAttempts) }
        for scenario in scenarios { out.append(section(scenario)) }
        return out.joined(separator: "\n\n") + "\n"
    }

    private static func section(_ s: ScenarioSummary) -> String {
        var parts = ["## \(MarkdownText.inline(s.title)) (\(MarkdownText.inline(s.id)))",
                     "\(CohortText.count(s.attempts, "attempt")) by \(CohortText.count(s.learners, "learner")). "
                     + "Profiles split at \(s.profileThreshold)% on each axis."]
        parts.append("### Scores\n\n" + statistics(s))
        parts.append("### Profiles\n\n" + profiles(s))
        parts.append("### Manager × leader\n\n" + grid(s))
        parts.append("### Endings\n\n" + endings(s))
        parts.append("### Decisions, most divided first\n\n" + s.decisions.enumerated().map { decision($1, number: $0 + 1) }
            .joined(separator: "\n\n"))
        parts.append("### Learners\n\n" + learners(s))
        return parts.joined(separator: "\n\n")
    }

    private static func statistics(_ s: ScenarioSummary) -> String {
        var lines = ["| axis | mean | median | middle half (Q1–Q3) | range | balanced path |", "|---|--:|--:|--:|--:|--:|"]
        for (name, d, balanced) in [("Manager %", s.manager, s.balanced?.manager), ("Leader %", s.leader, s.balanced?.leader)] {
            lines.append("| \(name) | \(CohortText.number(d.mean)) | \(CohortText.number(d.median)) | "
                         + "\(CohortText.number(d.q1))–\(CohortText.number(d.q3)) | \(d.min)–\(d.max) | \(balanced.map { "\($0)" } ?? "–") |")
        }
        lines.append("")
        lines.append(CohortText.balancedNote(s) + " " + CohortText.integrityNote(s))
        lines.append("")
        lines.append("Two separate scores, never one slider: **manager** is keeping today's work on track, **leader** is growing people.")
        return lines.joined(separator: "\n")
    }

    private static func profiles(_ s: ScenarioSummary) -> String {
        var lines = ["| profile | attempts | share |", "|---|--:|--:|"]
        for p in s.profiles {
            lines.append("| \(MarkdownText.inline(p.label)) | \(p.count) | \(CohortText.share(p.count, of: s.attempts)) |")
        }
        return lines.joined(separator: "\n")
    }

    /// Attempts per 10 % cell, leader up and manager across; `·` for none.
    private static func grid(_ s: ScenarioSummary) -> String {
        var cells = [[Int]](repeating: [Int](repeating: 0, count: 10), count: 10)
        for point in s.points { cells[min(9, point.leader / 10)][min(9, point.manager / 10)] += point.count }
        let width = max(3, String(s.points.map(\.count).max() ?? 0).count + 1)
        func pad(_ text: String) -> String { String(repeating: " ", count: max(0, width - text.count)) + text }
        var lines = ["```text", "leader %"]
        for row in stride(from: 9, through: 0, by: -1) {
            let label = row == 9 ? "90-100" : "\(row * 10)-\(row * 10 + 9)"
            lines.append(String(repeating: " ", count: 6 - label.count) + label + " |"
                         + cells[row].map { pad($0 == 0 ? "·" : String($0)) }.joined())
        }
        lines.append("       +" + String(repeating: "-", count: width * 10))
        lines.append("        " + (0..<10).map { pad(String($0 * 10)) }.joined() + "  manager %")
        lines.append("```")
        lines.append("")
        lines.append("Attempts in each 10% cell. Profiles split at \(s.profileThreshold)%: "
                     + "both axes at or above it is *Manager and leader*.")
        return lines.joined(separator: "\n")
    }

    private static func endings(_ s: ScenarioSummary) -> String {
        var lines = ["| ending | attempts | share |", "|---|--:|--:|"]
        for e in s.endings {
            lines.append("| \(MarkdownText.inline(e.title)) (\(MarkdownText.inline(e.scene))) | \(e.count) | "
                         + "\(CohortText.share(e.count, of: s.attempts)) |")
        }
        return lines.joined(separator: "\n")
    }

    private static func decision(_ d: ScenarioSummary.DecisionSplit, number: Int) -> String {
        var heading = "#### \(number). \(MarkdownText.inline(d.scene))"
        if !d.lead.isEmpty { heading += ": " + MarkdownText.inline(d.lead) }
        var lines = [heading, "", MarkdownText.inline(CohortText.count(d.responses, "response")
                     + (d.abstentions > 0 ? ", \(CohortText.count(d.abstentions, "abstention"))" : "")
                     + "; " + CohortText.divide(d) + "."), "",
                     "| choice | picks | share | |", "|---|--:|--:|---|"]
        for c in d.choices {
            let percent = d.responses > 0 ? Int((100 * Double(c.count) / Double(d.responses)).rounded()) : 0
            let label = c.text.isEmpty ? MarkdownText.inline(c.choice) : MarkdownText.inline(c.text)
            lines.append("| \(label) | \(c.count) | \(percent)% | `\(MarkdownReport.bar(percent))` |")
        }
        return lines.joined(separator: "\n")
    }

    private static func learners(_ s: ScenarioSummary) -> String {
        var lines = ["| learner | cohort | attempts | latest manager % | latest leader % | latest profile | first → latest |",
                     "|---|---|--:|--:|--:|---|---|"]
        for l in s.learnerAttempts {
            guard let latest = l.attempts.last else { continue }
            lines.append("| \(MarkdownText.inline(l.learner)) | \(MarkdownText.inline(l.cohort ?? "")) | \(l.attempts.count) | "
                         + "\(latest.managerPercent) | \(latest.leaderPercent) | \(MarkdownText.inline(latest.profile.label)) | "
                         + "\(MarkdownText.inline(CohortText.change(l) ?? "")) |")
        }
        let repeaters = s.learnerAttempts.filter { $0.attempts.count > 1 }
        if !repeaters.isEmpty {
            lines.append("")
            lines.append("#### Learners with several attempts")
            for l in repeaters {
                lines.append("")
                lines.append("**\(MarkdownText.inline(l.learner))**: " + MarkdownText.inline(CohortText.change(l) ?? ""))
                lines.append("")
                for (index, a) in l.attempts.enumerated() {
                    lines.append("\(index + 1). \(ReportText.dateTime(a.finishedAt)): manager \(a.managerPercent)%, "
                                 + "leader \(a.leaderPercent)%, \(MarkdownText.inline(a.profile.label)), "
                                 + "ending \u{201C}\(MarkdownText.inline(CohortText.endingTitle(a.ending, in: s)))\u{201D}"
                                 + (a.session == .group ? " (group session)" : ""))
                }
            }
        }
        return lines.joined(separator: "\n")
    }
}
