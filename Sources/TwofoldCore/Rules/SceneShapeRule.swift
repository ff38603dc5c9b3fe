/// A scene is a decision (non-empty `choices`), an ending (`ending`) or a router
/// (`outcomes`): exactly one of them.
struct SceneShapeRule: Rule {
    static let codes: [DiagnosticCode] = [.choicesAndEnding, .noChoicesOrEnding, .noChoices, .outcomesAndChoices]

    func check(_ context: RuleContext, _ report: inout [PendingDiagnostic]) {
        let scenes = context.scenario.scenes
        for s in scenes.indices {
            // Indexing reads only these fields; the common well-formed case allocates nothing.
            let hasChoices = scenes[s].hasChoicesField
            let isEnding = scenes[s].ending != nil
            let isRouter = scenes[s].hasOutcomesField
            if !isRouter && hasChoices != isEnding && (isEnding || !scenes[s].choices.isEmpty) { continue }
            if isRouter && !hasChoices && !isEnding { continue }
            let scene = scenes[s]
            let at = Int(scene.offset)
            let name = scene.id.isEmpty ? "this scene" : "scene \"\(scene.id)\""
            if isRouter {
                report.add(.outcomesAndChoices, "\(name) has \"outcomes\" and also \(hasChoices ? "\"choices\"" : "an \"ending\""); a scene with outcomes only routes the learner on",
                           at: at, path: context.scenePath(s))
            } else if scene.hasChoicesField && scene.ending != nil {
                report.add(.choicesAndEnding, "\(name) has both \"choices\" and \"ending\"; a scene is either a decision or an ending",
                           at: at, path: context.scenePath(s))
            } else if !scene.hasChoicesField && scene.ending == nil {
                report.add(.noChoicesOrEnding, "\(name) has neither \"choices\" nor \"ending\"; add choices to make it a decision, an ending, or outcomes to route by profile",
                           at: at, path: context.scenePath(s))
            } else if scene.hasChoicesField && scene.choices.isEmpty {
                report.add(.noChoices, "\(name) is a decision with no choices; give it at least one choice or make it an ending",
                           at: at, path: context.scenePath(s) + ".choices")
            }
        }
    }
}
