/// `start` must name a scene.
struct StartRule: Rule {
    static let codes: [DiagnosticCode] = [.missingStart]

    func check(_ context: RuleContext, _ report: inout [PendingDiagnostic]) {
        let scenario = context.scenario
        guard !scenario.start.isEmpty, scenario.startIndex == nil else { return }
        var suggestions = SceneIDSuggestions(scenario)
        report.add(.missingStart, "start names the scene \"\(scenario.start)\", but no scene has that id", at: scenario.startOffset, path: "start",
                   notes: suggestions.note(for: scenario.start))
    }
}
