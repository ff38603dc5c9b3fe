/// A reachable decision must offer at least one choice in every state the learner can
/// arrive in. Checked exactly by exploring every reachable (scene, flags, counters)
/// combination, up to a limit; past it a warning says the check was incomplete.
struct NoChoiceOfferedRule: Rule {
    static let codes: [DiagnosticCode] = [.noChoiceOffered, .stateSpaceLarge]
    static let stateLimit = 200_000
    /// The most states explored before the check gives up (tests lower it).
    var stateLimit = NoChoiceOfferedRule.stateLimit

    private struct Visit: Hashable {
        var scene: Int
        var variables: Variables
    }

    func check(_ context: RuleContext, _ report: inout [PendingDiagnostic]) {
        let scenario = context.scenario
        guard let start = scenario.startIndex,
              scenario.scenes.contains(where: { $0.choices.contains { $0.condition != nil } })
        else { return }  // without conditions every decision offers all of its choices
        let first = Visit(scene: start, variables: Variables(initialFor: scenario))
        var seen: Set<Visit> = [first]
        var queue = [first]
        var head = 0
        var reported = Set<Int>()
        while head < queue.count {
            let visit = queue[head]
            head += 1
            let scene = scenario.scenes[visit.scene]
            if scene.isRouter {
                // Flags and counters pass through a router unchanged, whichever way it goes.
                for outcome in scene.outcomes where outcome.target >= 0 {
                    let next = Visit(scene: outcome.target, variables: visit.variables)
                    if seen.insert(next).inserted { queue.append(next) }
                }
                continue
            }
            guard !scene.choices.isEmpty else { continue }
            var offered = 0
            for choice in scene.choices where visit.variables.offers(choice) {
                offered += 1
                guard choice.target >= 0 else { continue }
                var variables = visit.variables
                variables.apply(choice.effects)
                let next = Visit(scene: choice.target, variables: variables)
                if seen.insert(next).inserted {
                    if seen.count > stateLimit {
                        report.add(.stateSpaceLarge,
                                   "flags and counters make more than \(stateLimit) combinations; not every state was checked for a decision offering no choice",
                                   at: scenario.flags.isEmpty ? scenario.countersOffset : scenario.flagsOffset,
                                   path: scenario.flags.isEmpty ? "counters" : "flags",
                                   notes: ["bound counters with conditions, or use fewer flags"])
                        return
                    }
                    queue.append(next)
                }
            }
            if offered == 0 && reported.insert(visit.scene).inserted {
                report.add(.noChoiceOffered,
                           "scene \"\(scene.id)\" can be reached with \(visit.variables.summary), and then none of its choices is offered",
                           at: Int(scene.offset), path: context.scenePath(visit.scene),
                           notes: ["give one choice no \"when\" condition, or make the conditions cover every case"])
            }
        }
    }
}
