/// A router's outcomes lead to decisions or endings: each names a scene, and none names
/// another router (the second would see the same scores and only add a detour).
struct RouterRule: Rule {
    static let codes: [DiagnosticCode] = [.danglingNext, .routerChain]

    func check(_ context: RuleContext, _ report: inout [PendingDiagnostic]) {
        let scenes = context.scenario.scenes
        var suggestions = SceneIDSuggestions(context.scenario)
        for s in scenes.indices where scenes[s].isRouter {
            for outcome in scenes[s].outcomes {
                let path = context.scenePath(s) + ".outcomes." + outcome.profile.rawValue
                if outcome.target < 0 {
                    guard !outcome.next.isEmpty else { continue }
                    report.add(.danglingNext, "the \(outcome.profile.rawValue) outcome leads to \"\(outcome.next)\", but no scene has that id",
                               at: Int(outcome.nextOffset), path: path, notes: suggestions.note(for: outcome.next))
                } else if scenes[outcome.target].isRouter {
                    report.add(.routerChain, "the \(outcome.profile.rawValue) outcome leads to \"\(outcome.next)\", which routes again; lead it to a decision or an ending",
                               at: Int(outcome.nextOffset), path: path)
                }
            }
        }
    }
}
