/// Warns about scenes no path from `start` reaches.
struct UnreachableSceneRule: Rule {
    static let codes: [DiagnosticCode] = [.unreachableScene]

    func check(_ context: RuleContext, _ report: inout [PendingDiagnostic]) {
        guard context.scenario.startIndex != nil else { return }
        let scenes = context.scenario.scenes
        for s in scenes.indices where !context.analysis.reachable[s] {
            let scene = scenes[s]
            let name = scene.id.isEmpty ? "this scene" : "scene \"\(scene.id)\""
            report.add(.unreachableScene, "\(name) cannot be reached from the start scene", at: Int(scene.offset), path: context.scenePath(s))
        }
    }
}
