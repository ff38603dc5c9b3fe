/// Every choice's `next` must name a scene.
struct DanglingNextRule: Rule {
    static let codes: [DiagnosticCode] = [.danglingNext]

    func check(_ context: RuleContext, _ report: inout [PendingDiagnostic]) {
        for (s, scene) in context.scenario.scenes.enumerated() {
            for (c, choice) in scene.choices.enumerated() where choice.target < 0 && !choice.next.isEmpty {
                var notes: [String] = []
                if let close = closestSceneID(to: choice.next, in: context.scenario) { notes.append("did you mean \"\(close)\"?") }
                report.add(.danglingNext, "choice \"\(choice.id)\" leads to \"\(choice.next)\", but no scene has that id",
                           at: Int(choice.nextOffset), path: context.choicePath(s, c) + ".next", notes: notes)
            }
        }
    }
}
