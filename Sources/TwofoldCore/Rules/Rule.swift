/// One lint rule: looks at a decoded scenario (and its analysis) and reports findings.
///
/// Rules never throw and never stop each other: every rule runs and every finding is kept.
protocol Rule: Sendable {
    /// The codes this rule can emit (checked by a test against the catalogue).
    static var codes: [DiagnosticCode] { get }
    func check(_ context: RuleContext, _ report: inout [PendingDiagnostic])
}

/// What a rule sees.
struct RuleContext: Sendable {
    let scenario: Scenario
    let analysis: ScenarioAnalysis
    /// `--strict`: rules may add findings that only a strict check asks for.
    var strict = false

    func scenePath(_ scene: Int) -> String { "scenes[\(scene)]" }
    func choicePath(_ scene: Int, _ choice: Int) -> String { "scenes[\(scene)].choices[\(choice)]" }
    /// A choice's field, in one string (a rule may report thousands).
    func choicePath(_ scene: Int, _ choice: Int, _ field: String) -> String { "scenes[\(scene)].choices[\(choice)].\(field)" }
}

extension Array where Element == PendingDiagnostic {
    mutating func add(_ code: DiagnosticCode, _ message: String, at offset: Int, path: String, notes: [String] = []) {
        append(PendingDiagnostic(code: code, message: message, offset: offset, path: path, notes: notes))
    }
}
