import TwofoldCore

/// The cohort debrief as one self-contained, printable HTML file: the learner report's
/// style sheet plus a few cohort rules, inline SVG, no script and no external URL.
///
/// Per scenario: the statistics beside a scatter of every attempt (``CohortScatter``),
/// the profiles and endings, each decision's split as bars (most divided first), and a
/// table of learners with each attempt and the first → latest change. Every text is
/// escaped (``HTMLText``).
public enum CohortHTML {
    public static func render(_ summary: CohortSummary) -> String {
        let e = HTMLText.escape
        var body = ["<header>\n<p class=\"kicker\">Twofold cohort debrief</p>\n<h1>Cohort debrief</h1>\n"
                    + CohortText.overview(summary).map { "<p>\(e($0))</p>" }.joined(separator: "\n")
                    + "\n<p class=\"thesis\">\(e(ReportText.thesis))</p>\n</header>"]
        let scenarios = summary.scenarios
        if scenarios.isEmpty { body.append("<p>\(e(CohortText.noAttempts))</p>") }
        body += scenarios.map(section)
        return HTMLPage.document(title: "Cohort debrief — Twofold", css: css, body: body, footer: "Twofold cohort debrief · \(CohortText.count(summary.attempts, "attempt"))")
    }

    private static func section(_ s: ScenarioSummary) -> String {
        let e = HTMLText.escape
        return """
        <section class="scenario">
        <h2>\(e(s.title)) <span class="muted">(\(e(s.id)))</span></h2>
        <p>\(e(CohortText.count(s.attempts, "attempt"))) by \(e(CohortText.count(s.learners, "learner"))). Profiles split at \(s.profileThreshold)% on each axis.</p>
        <div class="overview">
        <div>
        \(statistics(s))
        \(profiles(s))
        \(endings(s))
        </div>
        <figure class="quadrant">
        \(CohortScatter.svg(s))
        <figcaption>Every attempt: manager % across, leader % up. A number in a dot counts the attempts at that spot.</figcaption>
        </figure>
        </div>
        <h3>Decisions, most divided first</h3>
        \(s.decisions.enumerated().map { decision($1, number: $0 + 1) }.joined(separator: "\n"))
        <h3>Learners</h3>
        \(learners(s))
        </section>
        """
    }

    private static func statistics(_ s: ScenarioSummary) -> String {
        let rows = [("manager", "Manager %", s.manager, s.balanced?.manager), ("leader", "Leader %", s.leader, s.balanced?.leader)]
            .map { axis, label, d, balanced in
                "<tr class=\"\(axis)\"><th scope=\"row\">\(label)</th><td class=\"num\">\(CohortText.number(d.mean))</td>"
                    + "<td class=\"num\">\(CohortText.number(d.median))</td>"
                    + "<td class=\"num\">\(CohortText.number(d.q1))–\(CohortText.number(d.q3))</td><td class=\"num\">\(d.min)–\(d.max)</td>"
                    + "<td class=\"num\">\(balanced.map { "\($0)" } ?? "–")</td></tr>"
            }
        return "<table class=\"stats\">\n<thead><tr><th></th><th class=\"num\">Mean</th><th class=\"num\">Median</th>"
            + "<th class=\"num\">Q1–Q3</th><th class=\"num\">Range</th><th class=\"num\">Balanced path</th></tr></thead>\n<tbody>\n"
            + rows.joined(separator: "\n") + "\n</tbody>\n</table>\n"
            + "<p class=\"note\">\(HTMLText.escape(CohortText.balancedNote(s) + " " + CohortText.integrityNote(s)))</p>"
    }

    private static func profiles(_ s: ScenarioSummary) -> String {
        let rows = s.profiles.map { p in
            "<tr class=\"profile-row profile-\(p.profile.rawValue)\"><td>\(HTMLText.escape(p.label))</td>"
                + "<td class=\"num\">\(p.count)</td><td class=\"num\">\(CohortText.share(p.count, of: s.attempts))</td></tr>"
        }
        return "<table class=\"counts\">\n<thead><tr><th>Profile</th><th class=\"num\">Attempts</th><th class=\"num\">Share</th></tr></thead>\n<tbody>\n"
            + rows.joined(separator: "\n") + "\n</tbody>\n</table>"
    }

    private static func endings(_ s: ScenarioSummary) -> String {
        let rows = s.endings.map { ending in
            "<tr><td>\(HTMLText.escape(ending.title))</td><td class=\"num\">\(ending.count)</td>"
                + "<td class=\"num\">\(CohortText.share(ending.count, of: s.attempts))</td></tr>"
        }
        return "<table class=\"counts\">\n<thead><tr><th>Ending</th><th class=\"num\">Attempts</th><th class=\"num\">Share</th></tr></thead>\n<tbody>\n"
            + rows.joined(separator: "\n") + "\n</tbody>\n</table>"
    }

    private static func decision(_ d: ScenarioSummary.DecisionSplit, number: Int) -> String {
        let e = HTMLText.escape
        let most = d.choices.map(\.count).max() ?? 0
        let bars = d.choices.map { c -> String in
            let share = d.responses > 0 ? 100 * Double(c.count) / Double(d.responses) : 0
            let label = c.text.isEmpty ? e(c.choice) : e(c.text)
            let top = c.count == most && c.count > 0 ? " top" : ""
            return "<tr class=\"split\(top)\"><td>\(label)</td><td class=\"bar\"><svg class=\"split-bar\" viewBox=\"0 0 100 10\" "
                + "preserveAspectRatio=\"none\" aria-hidden=\"true\"><rect class=\"track\" x=\"0\" y=\"0\" width=\"100\" height=\"10\"/>"
                + "<rect class=\"fill\" x=\"0\" y=\"0\" width=\"\(QuadrantChart.f(share))\" height=\"10\"/></svg></td>"
                + "<td class=\"num\">\(c.count)</td><td class=\"num\">\(CohortText.share(c.count, of: d.responses))</td></tr>"
        }
        let abstained = d.abstentions > 0 ? ", \(CohortText.count(d.abstentions, "abstention"))" : ""
        return """
        <div class="decision">
        <h4>\(number). \(e(d.scene))\(d.lead.isEmpty ? "" : " <span class=\"muted\">" + e(d.lead) + "</span>")</h4>
        <p class="note">\(e(CohortText.count(d.responses, "response") + abstained + "; " + CohortText.divide(d))).</p>
        <table class="splits">
        <tbody>
        \(bars.joined(separator: "\n"))
        </tbody>
        </table>
        </div>
        """
    }

    private static func learners(_ s: ScenarioSummary) -> String {
        let e = HTMLText.escape
        let rows = s.learnerAttempts.compactMap { l -> String? in
            guard let latest = l.attempts.last else { return nil }
            var attempts = "\(l.attempts.count)"
            if l.attempts.count > 1 {
                attempts += "<ol class=\"attempts\">" + l.attempts.map { a in
                    "<li>\(ReportText.day(a.finishedAt)): \(a.managerPercent)% / \(a.leaderPercent)%, \(e(a.profile.label)), "
                        + "\(e(CohortText.endingTitle(a.ending, in: s)))\(a.session == .group ? " (group)" : "")</li>"
                }.joined() + "</ol>"
            }
            return "<tr><td>\(e(l.learner))</td><td>\(e(l.cohort ?? ""))</td><td>\(attempts)</td>"
                + "<td class=\"num\">\(latest.managerPercent)</td><td class=\"num\">\(latest.leaderPercent)</td>"
                + "<td>\(e(latest.profile.label))</td><td>\(e(CohortText.change(l) ?? ""))</td></tr>"
        }
        return """
        <table class="learners">
        <thead><tr><th>Learner</th><th>Cohort</th><th>Attempts</th><th class="num">Manager %</th><th class="num">Leader %</th><th>Profile</th><th>First → latest</th></tr></thead>
        <tbody>
        \(rows.joined(separator: "\n"))
        </tbody>
        </table>
        <p class="note">Manager %, leader % and profile are from each learner&#39;s latest attempt.</p>
        """
    }

    /// Rules the learner report's style sheet does not have.
    static let css = """
    main { max-width: 1040px; }
    h3 { font-size: 16px; margin: 24px 0 10px; }
    h4 { font-size: 15px; margin: 18px 0 4px; }
    section.scenario { border-top: 2px solid var(--rule); padding-top: 8px; }
    .overview { grid-template-columns: minmax(0, 1fr) 380px; }
    table.stats, table.counts { margin-bottom: 16px; }
    td.num, th.num { width: auto; text-align: right; font-variant-numeric: tabular-nums; color: inherit; }
    tr.manager th { color: var(--manager); } tr.leader th { color: var(--leader); }
    .cohort-chart .attempt circle { fill: var(--ink); fill-opacity: .55; stroke: #fff; stroke-width: 1; }
    .cohort-chart .attempt text { font-size: 9px; font-weight: 700; fill: #fff; }
    table.splits td { padding: 4px 8px; }
    td.bar { width: 38%; }
    .split-bar { display: block; width: 100%; height: 12px; }
    .split-bar .track { fill: #e4e7eb; } .split-bar .fill { fill: #9aa5b1; }
    tr.top .split-bar .fill { fill: #52606d; }
    .decision { break-inside: avoid; }
    ol.attempts { margin: 4px 0 0; padding-left: 1.2em; font-size: 12px; color: var(--muted); }
    ol.attempts li { margin: 0; }
    @media print { .overview { grid-template-columns: minmax(0, 1fr) 300px; } table.learners tr { break-inside: avoid; } }
    """
}
