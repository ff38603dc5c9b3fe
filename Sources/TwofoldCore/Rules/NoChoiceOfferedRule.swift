/// A reachable decision must offer at least one choice in every state the learner can
/// arrive in. Checked exactly over the play space (every reachable scene, flags and
/// counters combination, see ``PlaySpace``), up to its limit; past it a warning says the
/// check was incomplete.
struct NoChoiceOfferedRule: Rule {
    static let codes: [DiagnosticCode] = [.noChoiceOffered, .stateSpaceLarge]
    /// The most states explored before the check gives up (tests lower it).
    var stateLimit = PlaySpace.stateLimit

    func check(_ context: RuleContext, _ report: inout [PendingDiagnostic]) {
        let scenario = context.scenario
        guard let start = scenario.startIndex,
              scenario.scenes.contains(where: { $0.choices.contains { $0.condition != nil } })
        else { return }  // without conditions every decision offers all of its choices
        let space = PlaySpace(scenario, start: start, limit: stateLimit)
        var reported = Set<Int>()
        for state in space.stranded {
            let visit = space.states[state]
            guard reported.insert(visit.scene).inserted else { continue }
            report.add(.noChoiceOffered,
                       "scene \"\(scenario.scenes[visit.scene].id)\" can be reached with \(visit.variables.summary), and then none of its choices is offered",
                       at: Int(scenario.scenes[visit.scene].offset), path: context.scenePath(visit.scene),
                       notes: ["give one choice no \"when\" condition, or make the conditions cover every case"])
        }
        if !space.isComplete {
            report.add(.stateSpaceLarge,
                       "flags and counters make more than \(stateLimit) combinations; not every state was checked for a decision offering no choice",
                       at: scenario.flags.isEmpty ? scenario.countersOffset : scenario.flagsOffset,
                       path: scenario.flags.isEmpty ? "counters" : "flags",
                       notes: ["bound counters with conditions, or use fewer flags"])
        }
    }
}
