/// Scene ids are unique in a scenario; choice ids are unique within their scene.
struct DuplicateIDRule: Rule {
    static let codes: [DiagnosticCode] = [.duplicateID]

    func check(_ context: RuleContext, _ report: inout [PendingDiagnostic]) {
        let scenario = context.scenario
        for (s, scene) in scenario.scenes.enumerated() where !scene.id.isEmpty {
            if let first = scenario.sceneIndexByID[scene.id], first != s {
                report.add(.duplicateID, "scene id \"\(scene.id)\" is already used by scenes[\(first)]; scene ids must be unique",
                           at: Int(scene.idOffset), path: context.scenePath(s) + ".id")
            }
            guard scene.choices.count > 1 else { continue }
            var seen: [String: Int] = [:]
            for (c, choice) in scene.choices.enumerated() where !choice.id.isEmpty {
                if let first = seen[choice.id] {
                    report.add(.duplicateID, "choice id \"\(choice.id)\" is already used by choices[\(first)] of this scene",
                               at: Int(choice.idOffset), path: context.choicePath(s, c) + ".id")
                } else {
                    seen[choice.id] = c
                }
            }
        }
    }
}
