/// Every scene must be able to reach an ending (conditions ignored).
struct TrapRule: Rule {
    static let codes: [DiagnosticCode] = [.trap]

    func check(_ context: RuleContext, _ report: inout [PendingDiagnostic]) {
        let scenes = context.scenario.scenes
        for s in scenes.indices where !context.analysis.canReachEnding[s] {
            let scene = scenes[s]
            // Malformed scenes and broken links are reported by their own rules.
            let wellFormed = scene.isRouter ? scene.outcomes.allSatisfy({ $0.target >= 0 })
                : !scene.choices.isEmpty && scene.ending == nil && scene.choices.allSatisfy({ $0.target >= 0 })
            guard wellFormed else { continue }
            let name = scene.id.isEmpty ? "this scene" : "scene \"\(scene.id)\""
            report.add(.trap, "no ending can be reached from \(name): every choice leads back into scenes with no way out",
                       at: Int(scene.offset), path: context.scenePath(s),
                       notes: ["give one of these scenes a choice that leads towards an ending"])
        }
    }
}
