import TwofoldCore

/// The learner report as CSV: a header, then one row per decision.
///
/// RFC 4180 with CRLF line ends. Text cells go through ``CSV/text(_:)`` (control characters
/// removed first, formula starts neutralised); `decision_number`, the deltas and `seconds`
/// are number cells, so a delta of `-2` is the number -2. In a group report the deltas
/// and `choice` are the participant's vote (empty for an abstention). `taken_back` lists
/// the choice ids taken back at that decision before the one that stands, space-separated.
public enum CSVReport {
    public static let columns = ["learner", "cohort", "scenario", "attempt_id", "decision_number", "scene", "choice",
                                 "choice_text", "manager_delta", "leader_delta", "seconds", "feedback", "finished_at",
                                 "taken_back"]

    public static func render(_ report: LearnerReport) -> String {
        let t = { (value: String) in CSV.text(ReportText.clean(value, keepNewlines: true)) }
        var out = CSV.row(columns)
        for (index, decision) in report.decisions.enumerated() {
            let scores = decision.learnerScores
            out += CSV.row([
                t(report.learner.name), t(report.cohort ?? ""), t(report.scenario.id), t(report.attemptId),
                CSV.number(index + 1), t(decision.scene), t(decision.learnerChoice ?? ""),
                t(decision.learnerChoiceText ?? ""),
                CSV.number(scores.manager), CSV.number(scores.leader), CSV.number(decision.seconds),
                t(decision.feedback), t(ISO8601.string(report.finishedAt)),
                t(decision.takenBack.joined(separator: " ")),
            ])
        }
        return out
    }
}
