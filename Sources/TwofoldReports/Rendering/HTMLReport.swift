import TwofoldCore

/// The learner report as one self-contained, printable HTML file: inline CSS (with print
/// rules), inline SVG charts, no script and no external URL of any kind.
///
/// Every piece of text — scenario, learner and cohort text alike, inside SVG too — is
/// HTML-escaped (``HTMLText``). The two axes are drawn as separate bars and as the two
/// dimensions of a quadrant chart, never as one opposed bar.
public enum HTMLReport {
    public static func render(_ report: LearnerReport) -> String {
        let e = HTMLText.escape
        var body: [String] = []
        body.append("""
        <header>
        <p class="kicker">Twofold learner report</p>
        <h1>\(e(report.scenario.title))</h1>
        \(meta(report))
        </header>
        """)
        body.append("""
        <section class="overview">
        <div class="scores">
        <h2>Your scores</h2>
        \(axisBars(report))
        <p class="note">Two separate scores: <strong>manager</strong> is keeping today&#39;s work on track, <strong>leader</strong> is growing your people. Each runs from 0% (the lowest total any path reaches) to 100% (the highest).</p>
        </div>
        <figure class="quadrant">
        \(QuadrantChart.svg(report))
        <figcaption>Manager % across, leader % up. Lines at \(report.scenario.profileThreshold)% mark the profiles.</figcaption>
        </figure>
        </section>
        """)
        body.append("""
        <section class="profile profile-\(report.profile.key.rawValue)">
        <h2>Your profile: \(e(report.profile.label))</h2>
        \(HTMLText.paragraphs(report.profile.meaning))
        <p class="thesis">\(e(ReportText.thesis))</p>
        </section>
        """)
        body.append(decisionTable(report))
        body.append(feedback(report))
        if let balanced = report.balancedPath { body.append(balancedSection(balanced)) }
        if !report.reflection.isEmpty {
            body.append("<section class=\"reflection\">\n<h2>Reflection</h2>\n<ul>\n"
                        + report.reflection.map { "<li>\(e($0))</li>" }.joined(separator: "\n") + "\n</ul>\n</section>")
        }
        body.append(endingSection(report.ending))
        return HTMLPage.document(title: report.scenario.title + " — " + report.learner.name + " — Twofold report", css: "", body: body, footer: "Twofold · scenario \(report.scenario.id) · attempt \(report.attemptId)")
    }

    private static func meta(_ report: LearnerReport) -> String {
        let e = HTMLText.escape
        var rows = [("Learner", e(report.learner.name))]
        if let cohort = report.cohort { rows.append(("Cohort", e(cohort))) }
        rows.append(("Scenario", "\(e(report.scenario.title)) <span class=\"muted\">(\(e(report.scenario.domain)))</span>"))
        let length = ReportText.duration(report.finishedAt.timeIntervalSince(report.startedAt))
        rows.append(("Date", "\(ReportText.dateTime(report.finishedAt)) <span class=\"muted\">(\(length) of play)</span>"))
        rows.append(("Attempt", e(report.integrity.summary)))
        if report.session.kind == .group {
            rows.append(("Session", "group session " + e(report.session.groupSessionId ?? "")))
        }
        return "<dl class=\"meta\">\n" + rows.map { "<div><dt>\($0.0)</dt><dd>\($0.1)</dd></div>" }.joined(separator: "\n") + "\n</dl>"
    }

    private static func axisBars(_ report: LearnerReport) -> String {
        report.axisNames.compactMap { name -> String? in
            guard let score = report.scores[name] else { return nil }
            let percent = Swift.max(0, Swift.min(100, score.percent))
            let label = HTMLText.escape(ReportText.axisLabel(name))
            let axisClass = name == "manager" || name == "leader" ? name : "extra"
            return """
            <div class="axis \(axisClass)">
            <div class="axis-head"><span class="axis-name">\(label)</span><span class="axis-percent">\(score.percent)%</span></div>
            <svg class="meter" viewBox="0 0 100 6" preserveAspectRatio="none" role="img" aria-label="\(label) \(score.percent)%"><rect class="track" x="0" y="0" width="100" height="6" rx="3"/><rect class="fill" x="0" y="0" width="\(percent)" height="6" rx="3"/></svg>
            <div class="axis-raw">raw \(score.raw), range \(score.min) to \(score.max)</div>
            </div>
            """
        }.joined(separator: "\n")
    }

    private static func decisionTable(_ report: LearnerReport) -> String {
        let e = HTMLText.escape
        let voting = report.decisions.contains { $0.vote != nil }
        // Bars share one scale: the largest delta offered anywhere in the report.
        let offered = report.decisions.flatMap { [$0.scores] + $0.alternatives.map(\.scores) }
        let scale = Swift.max(3, offered.flatMap { [abs($0.manager), abs($0.leader)] }.max() ?? 0)
        var rows: [String] = []
        for (index, decision) in report.decisions.enumerated() {
            let scores = decision.learnerScores
            let text = decision.learnerChoiceText.map(e) ?? "<em>abstained</em>"
            rows.append("""
            <tr><td class="num">\(index + 1)</td><td class="scene">\(e(ReportText.lead(decision.sceneText, or: decision.scene, limit: 70)))</td><td>\(text)</td>\
            <td class="delta">\(DeltaBar.svg(scores.manager, axis: "manager", scale: scale))</td>\
            <td class="delta">\(DeltaBar.svg(scores.leader, axis: "leader", scale: scale))</td></tr>
            """)
        }
        return """
        <section class="decisions">
        <h2>Decision by decision</h2>
        <table>
        <thead><tr><th class="num">#</th><th>Scene</th><th>\(voting ? "Your vote" : "Your choice")</th><th class="delta">Manager Δ</th><th class="delta">Leader Δ</th></tr></thead>
        <tbody>
        \(rows.joined(separator: "\n"))
        </tbody>
        </table>
        </section>
        """
    }

    private static func feedback(_ report: LearnerReport) -> String {
        let e = HTMLText.escape
        let items = report.decisions.enumerated().map { index, decision -> String in
            var parts = ["<li>", "<p class=\"choice\"><strong>\(e(decision.choiceText))</strong> "
                         + "<span class=\"muted\">manager \(ReportText.signed(decision.scores.manager)), "
                         + "leader \(ReportText.signed(decision.scores.leader)), \(ReportText.duration(decision.seconds))</span></p>"]
            if let vote = decision.vote {
                parts.append(vote.choice == nil ? "<p class=\"vote\">You abstained; the group chose the option above.</p>"
                                                : "<p class=\"vote\">You voted: \(e(decision.learnerChoiceText ?? vote.choice ?? "")); the group chose the option above.</p>")
            }
            if let takenBack = ReportText.takenBack(decision) { parts.append("<p class=\"vote\">\(e(takenBack))</p>") }
            parts.append(HTMLText.paragraphs(decision.feedback))
            parts.append("</li>")
            return parts.joined(separator: "\n")
        }
        return "<section class=\"feedback\">\n<h2>Feedback</h2>\n<ol>\n" + items.joined(separator: "\n") + "\n</ol>\n</section>"
    }

    private static func balancedSection(_ path: LearnerReport.BalancedPathInfo) -> String {
        let e = HTMLText.escape
        let manager = path.scores.manager.percent
        let leader = path.scores.leader.percent
        let ending = path.ending.map { " and ends at <strong>\(e($0.title))</strong>" } ?? ""
        let steps = path.decisions.map { step in
            "<li>\(e(step.choiceText)) <span class=\"muted\">manager \(ReportText.signed(step.scores.manager)), leader \(ReportText.signed(step.scores.leader))</span></li>"
        }
        return """
        <section class="balanced">
        <h2>What a both-ways path looked like</h2>
        <p>Managing and leading at every step reaches <strong>manager \(manager)%</strong> and <strong>leader \(leader)%</strong>\(ending).</p>
        <ol>
        \(steps.joined(separator: "\n"))
        </ol>
        </section>
        """
    }

    private static func endingSection(_ ending: LearnerReport.EndingInfo) -> String {
        var parts = ["<section class=\"ending\">", "<h2>Where you ended up: \(HTMLText.escape(ending.title))</h2>"]
        if let kind = ReportText.endingKind(ending.kind) {
            parts.append("<p class=\"kind\">" + HTMLText.escape(kind.prefix(1).uppercased() + kind.dropFirst()) + ".</p>")
        }
        if !ending.text.isEmpty { parts.append(HTMLText.paragraphs(ending.text)) }
        parts.append("</section>")
        return parts.joined(separator: "\n")
    }
}
