/// Warns when two choices at one decision carry the same scores: the learner's choice
/// between them teaches nothing on either axis.
struct IdenticalScoresRule: Rule {
    static let codes: [DiagnosticCode] = [.identicalScores]

    func check(_ context: RuleContext, _ report: inout [PendingDiagnostic]) {
        let scenes = context.scenario.scenes
        for s in scenes.indices where scenes[s].choices.count > 1 {
            let choices = scenes[s].choices
            for (c, earlier) in Repeats.find(count: choices.count, { choices[$0].scores }) {
                report.add(.identicalScores,
                           "choices \"\(choices[earlier].id)\" and \"\(choices[c].id)\" carry identical scores; the decision between them scores nothing",
                           at: Int(choices[c].scoresOffset != 0 ? choices[c].scoresOffset : choices[c].offset),
                           path: context.choicePath(s, c, "scores"))
            }
        }
    }
}
