/// Every choice's `next` must name a scene.
struct DanglingNextRule: Rule {
    static let codes: [DiagnosticCode] = [.danglingNext]
    /// Distinct misspelt names given a "did you mean" note; past this, none (each looks
    /// through every scene id, so the notes stay linear in the file however many there are).
    static let suggestedNames = 1_000

    func check(_ context: RuleContext, _ report: inout [PendingDiagnostic]) {
        let scenes = context.scenario.scenes
        var suggestions: [String: String?] = [:]
        for s in scenes.indices {
            let choices = scenes[s].choices
            for c in choices.indices where choices[c].target < 0 && !choices[c].next.isEmpty {
                let choice = choices[c]
                var close: String?
                if let known = suggestions[choice.next] {
                    close = known
                } else if suggestions.count < DanglingNextRule.suggestedNames {
                    close = closestSceneID(to: choice.next, in: context.scenario)
                    suggestions[choice.next] = close
                }
                report.add(.danglingNext, "choice \"\(choice.id)\" leads to \"\(choice.next)\", but no scene has that id",
                           at: Int(choice.nextOffset), path: context.choicePath(s, c) + ".next",
                           notes: close.map { ["did you mean \"\($0)\"?"] } ?? [])
            }
        }
    }
}
