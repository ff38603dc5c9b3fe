import TwofoldCore

/// The group report as one self-contained HTML file: inline CSS, inline SVG (the
/// participants' scatter on the manager × leader quadrant and the vote bars), no script
/// and no external URL. Every piece of text is escaped (``HTMLText``).
public enum GroupHTMLReport {
    public static func render(_ report: GroupReport) -> String {
        let e = HTMLText.escape
        var body: [String] = []
        body.append("""
        <header>
        <p class="kicker">Twofold group report</p>
        <h1>\(e(report.scenario.title))</h1>
        \(meta(report))
        </header>
        """)
        body.append("""
        <section class="participants">
        <h2>Participants</h2>
        <figure class="quadrant-wide">
        \(ParticipantScatter.svg(report))
        <figcaption>Manager % across, leader % up: each participant scored on their own votes along the group&#39;s path. Lines at \(report.scenario.profileThreshold)% mark the profiles. Who each number is:</figcaption>
        \(ParticipantScatter.key(report))
        </figure>
        \(participantTable(report))
        </section>
        """)
        body.append(divided(report))
        body.append("<section class=\"path\">\n<h2>The group&#39;s path</h2>\n"
                    + report.decisions.enumerated().map { decision($0.offset, $0.element, participants: report.participants.count) }.joined(separator: "\n")
                    + "\n</section>")
        let path = report.path
        body.append("""
        <section class="profile profile-\(path.profile.key.rawValue)">
        <h2>The group&#39;s path, scored: \(e(path.profile.label))</h2>
        <p>Taken as one learner, the group&#39;s choices score <strong>manager \(path.scores.manager.percent)%</strong> and <strong>leader \(path.scores.leader.percent)%</strong>.</p>
        <p class="thesis">\(e(ReportText.thesis))</p>
        </section>
        """)
        if !report.reflection.isEmpty {
            body.append("<section class=\"reflection\">\n<h2>Reflection</h2>\n<ul>\n"
                        + report.reflection.map { "<li>\(e($0))</li>" }.joined(separator: "\n") + "\n</ul>\n</section>")
        }
        var ending = ["<section class=\"ending\">", "<h2>Where the group ended up: \(e(report.ending.title))</h2>"]
        if let kind = ReportText.endingKind(report.ending.kind) {
            ending.append("<p class=\"kind\">" + e(kind.prefix(1).uppercased() + kind.dropFirst()) + ".</p>")
        }
        if !report.ending.text.isEmpty { ending.append(HTMLText.paragraphs(report.ending.text)) }
        body.append((ending + ["</section>"]).joined(separator: "\n"))
        return HTMLPage.document(title: report.scenario.title + " — group session — Twofold report", css: css, body: body, footer: "Twofold · scenario \(report.scenario.id) · group session \(report.groupSessionId)")
    }

    /// Additions to the learner report's style sheet.
    static let css = """
    .quadrant-wide { max-width: 520px; margin: 0 auto 20px; }
    .participant circle { fill: var(--ink); stroke: #fff; stroke-width: 2; }
    .participant text { font-size: 12px; font-weight: 600; fill: var(--ink); }
    td.pct { text-align: right; font-variant-numeric: tabular-nums; font-weight: 600; }
    td.votes-cell { white-space: nowrap; }
    .votes { display: inline-block; width: 120px; height: 12px; vertical-align: middle; margin-right: 6px; }
    .votes .track { fill: #e4e7eb; } .votes .fill { fill: var(--manager); }
    tr.group-choice td { background: #f3f7fb; }
    .decision { margin: 0 0 28px; }
    .decision h3 { font-size: 16px; margin: 0 0 6px; }
    .abstain, .basis { font-style: italic; color: var(--muted); font-size: 13px; }
    """

    private static func meta(_ report: GroupReport) -> String {
        let e = HTMLText.escape
        var rows: [(String, String)] = []
        if let cohort = report.cohort { rows.append(("Cohort", e(cohort))) }
        rows.append(("Scenario", "\(e(report.scenario.title)) <span class=\"muted\">(\(e(report.scenario.domain)))</span>"))
        let length = ReportText.duration(report.finishedAt.timeIntervalSince(report.startedAt))
        rows.append(("Date", "\(ReportText.dateTime(report.finishedAt)) <span class=\"muted\">(\(length) session)</span>"))
        rows.append(("Participants", "\(report.participants.count)"))
        rows.append(("Session", "group session " + e(report.groupSessionId)))
        return "<dl class=\"meta\">\n" + rows.map { "<div><dt>\($0.0)</dt><dd>\($0.1)</dd></div>" }.joined(separator: "\n") + "\n</dl>"
    }

    private static func participantTable(_ report: GroupReport) -> String {
        let e = HTMLText.escape
        let rows = report.participants.map { participant in
            "<tr><td>\(e(participant.name))</td><td class=\"pct\">\(participant.manager.percent)%</td><td class=\"pct\">\(participant.leader.percent)%</td>"
                + "<td>\(e(participant.profile.label))</td><td class=\"pct\">\(participant.abstentions)</td>"
                + "<td class=\"pct\">\(participant.withGroup) of \(report.decisions.count)</td></tr>"
        }
        return """
        <table>
        <thead><tr><th>Participant</th><th>Manager</th><th>Leader</th><th>Profile</th><th>Abstained</th><th>Voted with the group</th></tr></thead>
        <tbody>
        \(rows.joined(separator: "\n"))
        </tbody>
        </table>
        <p class="note">Each participant is scored on their own votes along the group&#39;s path; an abstention scores nothing. Every participant also has their own learner report.</p>
        """
    }

    private static func divided(_ report: GroupReport) -> String {
        let e = HTMLText.escape
        guard !report.mostDivided.isEmpty else {
            return "<section class=\"divided\">\n<h2>Debrief starters</h2>\n<p>The room agreed at every decision.</p>\n</section>"
        }
        let items = report.mostDivided.map { item -> String in
            let decision = report.decisions[item.decision - 1]
            let split = decision.options.filter { $0.votes > 0 }.map { "\($0.number): \($0.votes)" }.joined(separator: ", ")
            return "<li><strong>Decision \(item.decision): \(e(ReportText.lead(decision.sceneText, or: item.scene, limit: 70)))</strong> <span class=\"muted\">(votes \(split))</span>"
                + HTMLText.paragraphs(decision.sceneText) + "</li>"
        }
        return "<section class=\"divided\">\n<h2>Debrief starters: where the room was most divided</h2>\n<ol>\n" + items.joined(separator: "\n") + "\n</ol>\n</section>"
    }

    private static func decision(_ index: Int, _ decision: GroupReport.DecisionSplit, participants: Int) -> String {
        let e = HTMLText.escape
        let total = Swift.max(1, participants)
        let rows = decision.options.map { option -> String in
            let width = QuadrantChart.f(100.0 * Double(option.votes) / Double(total))
            let chosen = option.choice == decision.choice
            return "<tr\(chosen ? " class=\"group-choice\"" : "")><td class=\"num\">\(option.number)</td><td>\(e(option.text))\(chosen ? " <strong>(group)</strong>" : "")"
                + (option.voters.isEmpty ? "" : "<br><span class=\"muted\">\(option.voters.map(e).joined(separator: ", "))</span>") + "</td>"
                + "<td class=\"votes-cell\"><svg class=\"votes\" viewBox=\"0 0 100 10\" preserveAspectRatio=\"none\" aria-hidden=\"true\"><rect class=\"track\" x=\"0\" y=\"0\" width=\"100\" height=\"10\"/><rect class=\"fill\" x=\"0\" y=\"0\" width=\"\(width)\" height=\"10\"/></svg>\(option.votes)</td>"
                + "<td class=\"pct\">\(ReportText.signed(option.scores.manager))</td><td class=\"pct\">\(ReportText.signed(option.scores.leader))</td></tr>"
        }
        var parts = ["<div class=\"decision\">", "<h3>Decision \(index + 1): \(e(ReportText.lead(decision.sceneText, or: decision.scene, limit: 70)))</h3>", HTMLText.paragraphs(decision.sceneText),
                     "<table>\n<thead><tr><th class=\"num\">#</th><th>Choice</th><th>Votes</th><th>Manager Δ</th><th>Leader Δ</th></tr></thead>\n<tbody>\n"
                        + rows.joined(separator: "\n") + "\n</tbody>\n</table>"]
        if !decision.abstained.isEmpty {
            parts.append("<p class=\"abstain\">Abstained: \(decision.abstained.map(e).joined(separator: ", ")) (no score for them here).</p>")
        }
        parts.append("<p class=\"basis\">" + (decision.basis == .majority ? "The group went with the majority." : "The facilitator chose the group&#39;s path here (a tie, or a branch worth exploring).") + "</p>")
        parts.append(HTMLText.paragraphs(decision.feedback))
        parts.append("</div>")
        return parts.joined(separator: "\n")
    }
}
