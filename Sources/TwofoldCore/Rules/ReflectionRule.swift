/// Warns when a scenario has no reflection prompts for the debrief.
struct ReflectionRule: Rule {
    static let codes: [DiagnosticCode] = [.noReflection]

    func check(_ context: RuleContext, _ report: inout [PendingDiagnostic]) {
        guard context.scenario.reflection.isEmpty else { return }
        report.add(.noReflection, "the scenario has no \"reflection\" prompts; the report ends without questions to take away",
                   at: context.scenario.reflectionOffset, path: "reflection")
    }
}
