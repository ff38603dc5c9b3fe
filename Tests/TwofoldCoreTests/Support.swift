import Foundation
@testable import TwofoldCore
import TwofoldTestSupport

/// Loads and lints JSON text as a scenario file named `file`.
func lint(_ json: String, file: String = "test.json") -> LintResult {
    ScenarioLoader.load(Data(json.utf8), file: file)
}

/// Loads and lints a scenario built from JSON-compatible values.
func lint(_ object: [String: Any], file: String = "test.json") -> LintResult {
    ScenarioLoader.load(jsonData(object), file: file)
}

/// Pretty-printed JSON with sorted keys, so positions in it are stable.
func jsonData(_ object: Any) -> Data {
    // Only ever called with literals built in the tests, which are valid JSON values.
    try! JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
}

extension LintResult {
    /// The codes found, in output order.
    var codes: [DiagnosticCode] { diagnostics.map(\.code) }

    /// The findings with one code.
    func diagnostics(_ code: DiagnosticCode) -> [Diagnostic] { diagnostics.filter { $0.code == code } }

    /// Every finding, one per line, for failure messages.
    var listing: String { diagnostics.map(\.formatted).joined(separator: "\n") }
}

// MARK: Building scenarios in tests

/// A choice as a JSON value. `extra` adds or overrides fields (`when`, `set`, `add`, ...).
func choice(
    _ id: String, to next: String, manager: Int = 0, leader: Int = 0, extra: [String: Any] = [:]
) -> [String: Any] {
    var object: [String: Any] = [
        "id": id, "text": "Choose \(id).", "feedback": "Feedback on \(id).", "next": next,
    ]
    var scores: [String: Any] = [:]
    if manager != 0 { scores["manager"] = manager }
    if leader != 0 { scores["leader"] = leader }
    if !scores.isEmpty { object["scores"] = scores }
    object.merge(extra) { _, new in new }
    return object
}

/// A decision scene as a JSON value.
func decision(_ id: String, _ choices: [[String: Any]]) -> [String: Any] {
    ["id": id, "text": "Scene \(id).", "choices": choices]
}

/// An ending scene as a JSON value.
func ending(_ id: String) -> [String: Any] {
    ["id": id, "text": "The end: \(id).", "ending": ["title": "Ending \(id)"]]
}

/// A whole scenario as a JSON value; `extra` adds top-level fields (`flags`, `counters`, ...).
func scenarioObject(start: String, _ scenes: [[String: Any]], extra: [String: Any] = [:]) -> [String: Any] {
    var object: [String: Any] = [
        "format": 1, "id": "test-scenario", "title": "Test scenario", "domain": "retail",
        "summary": "Built by a test.", "start": start, "scenes": scenes,
        "reflection": ["What would you do differently?"],
    ]
    object.merge(extra) { _, new in new }
    return object
}

/// Lints like `Linter.lint`, but explores at most `stateLimit` flag-and-counter states, so a
/// test can reach the exploration limit without exploring 200,000 states.
func lint(_ document: ScenarioDocument, stateLimit: Int) -> LintResult {
    guard let scenario = document.scenario else { return Linter.lint(document) }
    let analysis = ScenarioAnalysis(scenario)
    let context = RuleContext(scenario: scenario, analysis: analysis)
    var pending = document.pending
    for rule in RuleRegistry.all {
        if rule is NoChoiceOfferedRule {
            NoChoiceOfferedRule(stateLimit: stateLimit).check(context, &pending)
        } else {
            rule.check(context, &pending)
        }
    }
    return LintResult(file: document.file, scenario: scenario, analysis: analysis,
                      diagnostics: Linter.locate(pending, in: document))
}
