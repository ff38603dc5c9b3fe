/// Scene ids are unique in a scenario; choice ids are unique within their scene.
struct DuplicateIDRule: Rule {
    static let codes: [DiagnosticCode] = [.duplicateID]

    func check(_ context: RuleContext, _ report: inout [PendingDiagnostic]) {
        let scenario = context.scenario
        // Scene ids: found by the scene index's hash table while loading.
        for (s, first) in scenario.sceneIndexByID.duplicates {
            let scene = scenario.scenes[s]
            report.add(.duplicateID, "scene id \"\(scene.id)\" is already used by scenes[\(first)]; scene ids must be unique",
                       at: Int(scene.idOffset), path: context.scenePath(s) + ".id")
        }
        for s in scenario.scenes.indices where scenario.scenes[s].choices.count > 1 {
            let choices = scenario.scenes[s].choices
            for (c, first) in Repeats.find(count: choices.count, { choices[$0].id }, counts: { !$0.isEmpty }) {
                report.add(.duplicateID, "choice id \"\(choices[c].id)\" is already used by choices[\(first)] of this scene",
                           at: Int(choices[c].idOffset), path: context.choicePath(s, c) + ".id")
            }
        }
    }
}
