/// Every choice's `next` must name a scene.
struct DanglingNextRule: Rule {
    static let codes: [DiagnosticCode] = [.danglingNext]

    func check(_ context: RuleContext, _ report: inout [PendingDiagnostic]) {
        let scenes = context.scenario.scenes
        for s in scenes.indices {
            let choices = scenes[s].choices
            for c in choices.indices where choices[c].target < 0 && !choices[c].next.isEmpty {
                let choice = choices[c]
                var notes: [String] = []
                if let close = closestSceneID(to: choice.next, in: context.scenario) { notes.append("did you mean \"\(close)\"?") }
                report.add(.danglingNext, "choice \"\(choice.id)\" leads to \"\(choice.next)\", but no scene has that id",
                           at: Int(choice.nextOffset), path: context.choicePath(s, c) + ".next", notes: notes)
            }
        }
    }
}
