/// The outcome of checking one scenario file.
public struct LintResult: Sendable {
    public let file: String
    /// The scenario when the file could be decoded (it may still have errors).
    public let scenario: Scenario?
    public let analysis: ScenarioAnalysis?
    /// Every finding, sorted by position.
    public let diagnostics: [Diagnostic]

    public var errorCount: Int { diagnostics.lazy.filter { $0.severity == .error }.count }
    public var warningCount: Int { diagnostics.lazy.filter { $0.severity == .warning }.count }
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// The scenario, when it can be played: decoded and free of errors.
    public var playable: Scenario? { hasErrors ? nil : scenario }

    public init(file: String, scenario: Scenario?, analysis: ScenarioAnalysis?, diagnostics: [Diagnostic]) {
        self.file = file
        self.scenario = scenario
        self.analysis = analysis
        self.diagnostics = diagnostics
    }
}

/// Runs the graph analysis and every rule over a decoded document.
public enum Linter {
    /// Lints a decoded document. Pass `analysis` when the caller has already computed it;
    /// `strict` adds the findings only a strict check reports (severities are promoted by
    /// the front end, not here).
    public static func lint(_ document: ScenarioDocument, analysis given: ScenarioAnalysis? = nil, strict: Bool = false) -> LintResult {
        var pending = document.pending
        var analysis: ScenarioAnalysis?
        if let scenario = document.scenario {
            let computed = given ?? ScenarioAnalysis(scenario)
            analysis = computed
            let context = RuleContext(scenario: scenario, analysis: computed, strict: strict)
            for rule in RuleRegistry.all { rule.check(context, &pending) }
        }
        let diagnostics = locate(pending, in: document)
        return LintResult(file: document.file, scenario: document.scenario, analysis: analysis, diagnostics: diagnostics)
    }

    /// Turns byte offsets into lines and columns, in output order (``Diagnostic/sortedForOutput(_:)``:
    /// one file, so by position, code, then message). Offsets are taken in increasing
    /// order, so ``SourceText`` counts each on from the one before.
    static func locate(_ pending: [PendingDiagnostic], in document: ScenarioDocument) -> [Diagnostic] {
        guard !pending.isEmpty else { return [] }
        let ordered = pending.sorted { Diagnostic.precedes(($0.offset, $0.code, $0.message), ($1.offset, $1.code, $1.message)) }
        return document.data.withUnsafeBytes { raw -> [Diagnostic] in
            var source = SourceText(raw.bindMemory(to: UInt8.self))
            return ordered.map {
                Diagnostic(code: $0.code, message: $0.message, file: document.file,
                           location: source.location(of: $0.offset), path: $0.path, notes: $0.notes)
            }
        }
    }
}
