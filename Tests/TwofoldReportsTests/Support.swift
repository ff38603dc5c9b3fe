import Foundation
import Testing
import TwofoldCore
@testable import TwofoldReports
import TwofoldTestSupport

/// A scenario that lints without errors, with its analysis and fingerprint.
struct LoadedScenario {
    var scenario: Scenario
    var analysis: ScenarioAnalysis
    var fingerprint: String
}

/// Loads scenario JSON text; records an issue when it does not lint clean.
func loadScenario(_ data: Data, file: String = "test.json") -> LoadedScenario? {
    let result = ScenarioLoader.load(data, file: file)
    guard let scenario = result.playable, let analysis = result.analysis else { return nil }
    return LoadedScenario(scenario: scenario, analysis: analysis, fingerprint: Fingerprint.of(data))
}

func loadScenario(at url: URL) throws -> LoadedScenario {
    let data = try Data(contentsOf: url)
    return try #require(loadScenario(data, file: url.lastPathComponent))
}

/// A fixed moment: 2026-11-29T10:00:00Z.
let fixedStart = Date(timeIntervalSince1970: 1_795_946_400)

/// Plays choice ids (by id, among those offered) from the start, `secondsEach` apart.
func play(_ loaded: LoadedScenario, choices: [String], secondsEach: [Double]) throws -> Engine {
    var engine = Engine(scenario: loaded.scenario, fingerprint: loaded.fingerprint, at: fixedStart)
    var now = fixedStart
    for (index, id) in choices.enumerated() {
        now += secondsEach[index % secondsEach.count]
        let number = try #require(engine.offeredChoices().firstIndex { $0.id == id }) + 1
        try engine.choose(number, at: now)
    }
    return engine
}

/// The fixed report behind the golden files: the launch-week fixture, played the
/// manager's way, with fixed ids and dates.
func goldenReport() throws -> LearnerReport {
    let loaded = try loadScenario(at: fixtureURL("reports/launch-week.json"))
    let engine = try play(loaded, choices: ["tell-priorities", "chase-deadline"], secondsEach: [42.5, 61.25])
    return try ReportBuilder.build(engine: engine, analysis: loaded.analysis,
                                   attemptId: "0f8e2a44-5a0c-4d27-9a51-1d7c3c2b9e10", learner: "Ana Silva",
                                   email: nil, cohort: "Spring leaders",
                                   finishedAt: fixedStart + 552, sessionKind: .solo)
}
