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
    var best: (String, Int)?
    for scene in scenario.scenes where !scene.id.isEmpty {
        let distance = editDistance(id, scene.id)
        if distance <= max(2, id.count / 3), distance < (best?.1 ?? Int.max) { best = (scene.id, distance) }
    }
    return best?.0
}
