/// Flags and counters must be declared before use; declared ones should be used.
struct StateDeclarationRule: Rule {
    static let codes: [DiagnosticCode] = [.undeclaredState, .unusedState]

    func check(_ context: RuleContext, _ report: inout [PendingDiagnostic]) {
        let scenario = context.scenario
        var usedFlags = Set<String>()
        var usedCounters = Set<String>()
        for use in scenario.references.uses {
            switch use.kind {
            case .axis: continue
            case .flag:
                usedFlags.insert(use.name)
                if scenario.flagDeclarations[use.name] == nil {
                    report.add(.undeclaredState, "flag \"\(use.name)\" is not declared; add it to the top-level \"flags\" list",
                               at: use.offset, path: use.path)
                }
            case .counter:
                usedCounters.insert(use.name)
                if scenario.counterDeclarations[use.name] == nil {
                    report.add(.undeclaredState, "counter \"\(use.name)\" is not declared; add it to the top-level \"counters\" object",
                               at: use.offset, path: use.path)
                }
            }
        }
        for (index, flag) in scenario.flags.enumerated() where !usedFlags.contains(flag) {
            report.add(.unusedState, "flag \"\(flag)\" is declared but never set, cleared or tested",
                       at: scenario.flagDeclarations[flag] ?? scenario.flagsOffset, path: "flags[\(index)]")
        }
        for counter in scenario.counters where !usedCounters.contains(counter.name) {
            report.add(.unusedState, "counter \"\(counter.name)\" is declared but never changed or tested",
                       at: scenario.counterDeclarations[counter.name] ?? scenario.countersOffset, path: "counters.\(counter.name)")
        }
    }
}
