/// Every choice's `next` must name a scene.
struct DanglingNextRule: Rule {
    static let codes: [DiagnosticCode] = [.danglingNext]

    func check(_ context: RuleContext, _ report: inout [PendingDiagnostic]) {
        let scenes = context.scenario.scenes
        var suggestions = SceneIDSuggestions(context.scenario)
        for s in scenes.indices {
            let choices = scenes[s].choices
            for c in choices.indices where choices[c].target < 0 && !choices[c].next.isEmpty {
                let choice = choices[c]
                report.add(.danglingNext, "choice \"\(choice.id)\" leads to \"\(choice.next)\", but no scene has that id",
                           at: Int(choice.nextOffset), path: context.choicePath(s, c) + ".next",
                           notes: suggestions.note(for: choice.next))
            }
        }
    }
}
