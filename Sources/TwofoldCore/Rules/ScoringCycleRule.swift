/// Loops are allowed only when every choice inside them scores zero on every axis.
struct ScoringCycleRule: Rule {
    static let codes: [DiagnosticCode] = [.scoringCycle]

    func check(_ context: RuleContext, _ report: inout [PendingDiagnostic]) {
        let scenes = context.scenario.scenes
        for cycle in context.analysis.scoringCycles {
            let choice = scenes[cycle.scene].choices[cycle.choice]
            let loop = cycle.scenes.prefix(6).map { "\"\(scenes[$0].id)\"" }.joined(separator: ", ")
            let more = cycle.scenes.count > 6 ? " and \(cycle.scenes.count - 6) more" : ""
            let deltas = context.scenario.axes.compactMap { axis -> String? in
                let value = choice.scores[axis]
                return value == 0 ? nil : "\(axis.name) \(value > 0 ? "+" : "")\(value)"
            }.joined(separator: ", ")
            report.add(.scoringCycle,
                       "choice \"\(choice.id)\" scores \(deltas) inside a loop of scenes \(loop)\(more); a learner could go round it for any total",
                       at: Int(choice.scoresOffset != 0 ? choice.scoresOffset : choice.offset),
                       path: context.choicePath(cycle.scene, cycle.choice) + ".scores",
                       notes: ["only zero-score choices may form a loop (such as \"ask for more information\")"])
        }
    }
}
