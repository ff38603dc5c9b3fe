/// A scene is either a decision (non-empty `choices`) or an ending (`ending`), never both or neither.
struct SceneShapeRule: Rule {
    static let codes: [DiagnosticCode] = [.choicesAndEnding, .noChoicesOrEnding, .noChoices]

    func check(_ context: RuleContext, _ report: inout [PendingDiagnostic]) {
        let scenes = context.scenario.scenes
        for s in scenes.indices {
            // Indexing reads only these fields; the common well-formed case allocates nothing.
            let hasChoices = scenes[s].hasChoicesField
            let isEnding = scenes[s].ending != nil
            if hasChoices != isEnding && (isEnding || !scenes[s].choices.isEmpty) { continue }
            let scene = scenes[s]
            let at = Int(scene.offset)
            let name = scene.id.isEmpty ? "this scene" : "scene \"\(scene.id)\""
            if scene.hasChoicesField && scene.ending != nil {
                report.add(.choicesAndEnding, "\(name) has both \"choices\" and \"ending\"; a scene is either a decision or an ending",
                           at: at, path: context.scenePath(s))
            } else if !scene.hasChoicesField && scene.ending == nil {
                report.add(.noChoicesOrEnding, "\(name) has neither \"choices\" nor \"ending\"; add choices to make it a decision, or an ending",
                           at: at, path: context.scenePath(s))
            } else if scene.hasChoicesField && scene.choices.isEmpty {
                report.add(.noChoices, "\(name) is a decision with no choices; give it at least one choice or make it an ending",
                           at: at, path: context.scenePath(s) + ".choices")
            }
        }
    }
}
