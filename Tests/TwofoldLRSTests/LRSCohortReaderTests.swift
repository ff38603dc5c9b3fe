import Foundation
import Testing
import TwofoldCore
import TwofoldReports
import TwofoldLRSTestSupport
@testable import TwofoldLRS

/// Attempts rebuilt from a real record store (Ralph) equal the rows their report files give.
@Suite("Cohort from Ralph")
struct LRSCohortReaderTests {
    private func post(_ statements: [XAPIStatement], to server: RalphServer) async throws {
        #expect(try await LRSClient(endpoint: server.endpoint()).post(statements.map(\.json)) == .stored)
    }

    private func read(_ server: RalphServer, _ filter: CohortFilter) async throws -> [CohortRow] {
        let reader = LRSCohortReader(client: LRSClient(endpoint: server.endpoint()), xapiBase: XAPIStatements.defaultBaseIRI,
                                     filter: filter)
        return try await reader.read().rows
    }

    private func sorted(_ rows: [CohortRow]) -> [CohortRow] {
        rows.sorted { ($0.finishedAt, $0.learner, $0.attemptId) < ($1.finishedAt, $1.learner, $1.attemptId) }
    }

    @Test("solo, emailed and group attempts read back as the rows of their reports")
    func sameRows() async throws {
        let server = try SharedRalph.server()
        let cohort = uniqueCohort("rows")
        let reports = [
            try launchWeekReport(learner: "Ana Silva", cohort: cohort, choices: ["tell-priorities", "chase-deadline"]),
            try launchWeekReport(learner: "Ben Okafor", cohort: cohort, email: "ben@example.org", start: moment(60)),
            try launchWeekReport(learner: "Chi", cohort: cohort, attemptId: "attempt 7", start: moment(120),
                                 group: "6A3C1D2E-0000-4000-8000-000000000001", votes: ["wait-and-see", nil]),
        ]
        try await post(reports.flatMap { XAPIStatements.statements($0) }, to: server)
        let rows = try await read(server, CohortFilter(cohort: cohort))
        #expect(rows == sorted(reports.map(CohortRow.init)))
        #expect(rows.last?.choices == [CohortRow.Pick(scene: "monday", choice: "wait-and-see", scores: Scores(manager: -2, leader: -1)),
                                       CohortRow.Pick(scene: "wednesday", choice: nil, scores: Scores(manager: 0, leader: 0))])
    }

    @Test("an answer taken back and voided is not counted; an unfinished attempt is not a row")
    func voided() async throws {
        let server = try SharedRalph.server()
        let cohort = uniqueCohort("voided")
        let report = try launchWeekReport(learner: "Dana", cohort: cohort)
        let attempt = XAPIAttempt(report)
        var takenBack = report.decisions[0]
        takenBack.choice = "tell-priorities"
        let first = XAPIStatements.answered(takenBack, turn: 1, attempt: attempt, answeredAt: moment(10))
        let kept = report.decisions.enumerated().map { index, decision in
            XAPIStatements.answered(decision, turn: index + 3, attempt: attempt, answeredAt: decision.answeredAt!)
        }
        let unfinished = try launchWeekReport(learner: "Eve", cohort: cohort)
        try await post([first, XAPIStatements.voiding(first.id, attempt: attempt, at: moment(20))] + kept
                       + [XAPIStatements.completed(report, attempt: attempt)]
                       + XAPIStatements.statements(unfinished).dropLast(), to: server)
        #expect(try await read(server, CohortFilter(cohort: cohort)) == [CohortRow(report)])
    }

    @Test("--scenario keeps one scenario's attempts; statements of another base or platform are passed over")
    func scenarioAndForeign() async throws {
        let server = try SharedRalph.server()
        let cohort = uniqueCohort("scenario")
        let kept = try launchWeekReport(learner: "Fay", cohort: cohort)
        var other = try launchWeekReport(learner: "Gus", cohort: cohort)
        other.scenario.id = "another-scenario"
        let elsewhere = try launchWeekReport(learner: "Hal", cohort: cohort)
        try await post(XAPIStatements.statements(kept) + XAPIStatements.statements(other)
                       + XAPIStatements.statements(elsewhere, baseIRI: "https://elsewhere.example.org/xapi"), to: server)
        #expect(try await read(server, CohortFilter(cohort: cohort, scenario: kept.scenario.id)) == [CohortRow(kept)])
        #expect(try await read(server, CohortFilter(cohort: cohort)) == sorted([CohortRow(kept), CohortRow(other)]))
    }

    @Test("--since keeps attempts finished since, with every answer, however long before they started")
    func since() async throws {
        let server = try SharedRalph.server()
        let cohort = uniqueCohort("since")
        let day = 24.0 * 3600
        let early = try launchWeekReport(learner: "Ida", cohort: cohort, start: moment(-10 * day))
        let late = try launchWeekReport(learner: "Jon", cohort: cohort, start: moment(0))
        // Answered three days before `since`, finished after it (a resumed session).
        var resumed = try launchWeekReport(learner: "Kim", cohort: cohort, start: moment(-3 * day))
        resumed.finishedAt = moment(2 * day)
        try await post([early, late, resumed].flatMap { XAPIStatements.statements($0) }, to: server)
        let rows = try await read(server, CohortFilter(cohort: cohort, since: moment(-day)))
        #expect(rows == sorted([CohortRow(late), CohortRow(resumed)]))
        #expect(rows.first { $0.learner == "Kim" }?.decisionCount == 2)
    }
}
