/// `start` must name a scene.
struct StartRule: Rule {
    static let codes: [DiagnosticCode] = [.missingStart]

    func check(_ context: RuleContext, _ report: inout [PendingDiagnostic]) {
        let scenario = context.scenario
        guard !scenario.start.isEmpty, scenario.startIndex == nil else { return }
        var notes: [String] = []
        if let close = closestSceneID(to: scenario.start, in: scenario) { notes.append("did you mean \"\(close)\"?") }
        report.add(.missingStart, "start names the scene \"\(scenario.start)\", but no scene has that id", at: scenario.startOffset, path: "start", notes: notes)
    }
}

/// The scene id closest to a misspelt one, for "did you mean" notes.
func closestSceneID(to id: String, in scenario: Scenario) -> String? {
    guard scenario.scenes.count <= 5_000 else { return nil }  // keep huge files linear
    return Suggestion.closest(to: id, among: scenario.scenes.lazy.map(\.id).filter { !$0.isEmpty }) { typed, _ in max(2, typed / 3) }
}
