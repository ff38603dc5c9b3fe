/// Scores may name only `manager`, `leader` and extra axes declared in `axes`.
struct UnknownAxisRule: Rule {
    static let codes: [DiagnosticCode] = [.unknownAxis]

    func check(_ context: RuleContext, _ report: inout [PendingDiagnostic]) {
        let declared = context.scenario.axisDeclarations
        for use in context.scenario.references.uses where use.kind == .axis && declared[use.name] == nil {
            var notes = ["the axes are \"manager\" and \"leader\"; declare extra axes in the top-level \"axes\" list"]
            if let close = Suggestion.closest(to: use.name, among: ["manager", "leader"], ignoringCase: true, allowed: { _, _ in 2 }) {
                notes.insert("did you mean \"\(close)\"?", at: 0)
            }
            report.add(.unknownAxis, "unknown axis \"\(use.name.replacingQuotes())\"", at: use.offset, path: use.path, notes: notes)
        }
    }
}
