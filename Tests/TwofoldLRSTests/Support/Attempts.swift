import Foundation
import Testing
import TwofoldCore
import TwofoldReports
import TwofoldStore
import TwofoldTestSupport

/// A scenario fixture with its analysis, for building real reports.
struct Fixture: Sendable {
    let scenario: Scenario
    let analysis: ScenarioAnalysis
    let fingerprint: String

    /// `Tests/Fixtures/reports/launch-week.json`: two decisions, three endings.
    static let launchWeek: Fixture = {
        let data = try! Data(contentsOf: fixtureURL("reports/launch-week.json"))
        let result = ScenarioLoader.load(data, file: "launch-week.json")
        return Fixture(scenario: result.playable!, analysis: result.analysis!, fingerprint: Fingerprint.of(data))
    }()
}

/// A moment of the tests: 2026-11-29T10:00:00Z plus `seconds`.
func moment(_ seconds: Double) -> Date { Date(timeIntervalSince1970: 1_795_946_400 + seconds) }

/// A finished report of the launch-week fixture: `choices` taken by id, 30 s apart from `start`.
func launchWeekReport(learner: String, cohort: String?, choices: [String] = ["ask-plate", "stretch-present"],
                      attemptId: String = UUID().uuidString, email: String? = nil, start: Date = moment(0),
                      group: String? = nil, votes: [String?]? = nil) throws -> LearnerReport {
    let fixture = Fixture.launchWeek
    var engine = Engine(scenario: fixture.scenario, fingerprint: fixture.fingerprint, at: start, analysis: fixture.analysis)
    var now = start
    for id in choices {
        now += 30
        try choose(&engine, id, at: now)
    }
    return try ReportBuilder.build(
        engine: engine, analysis: fixture.analysis, attemptId: attemptId, learner: learner, email: email,
        cohort: cohort, finishedAt: now + 12, sessionKind: group == nil ? .solo : .group, groupSessionId: group,
        votes: votes.map { $0.map { LearnerReport.Vote(participant: learner, choice: $0) } })
}

/// Takes the offered choice `id` at `at`; fails the test when no such choice is offered.
func choose(_ engine: inout Engine, _ id: String, at: Date) throws {
    let number = try #require(engine.offeredChoices().firstIndex { $0.id == id }) + 1
    try engine.choose(number, at: at)
}

/// A unique cohort name, so tests sharing a record store keep to their own attempts.
func uniqueCohort(_ label: String) -> String { "\(label) \(UUID().uuidString.prefix(8))" }

/// Runs `body` with a records store in a new temporary folder, removed afterwards.
func withStore<T>(_ body: (RecordsStore) async throws -> T) async throws -> T {
    let folder = try TemporaryFolder("lrs")
    defer { withExtendedLifetime(folder) {} }
    return try await body(try RecordsStore(path: folder.url.appendingPathComponent("records.sqlite").path))
}
