import Foundation
import Testing
import TwofoldCore
import TwofoldReports
import TwofoldStore
import TwofoldLRSTestSupport
@testable import TwofoldLRS

/// Statements queued step by step equal the finished report's export; take-backs are
/// withdrawn or voided, never final answers — down to a real record store.
@Suite("Recording steps")
struct RecorderTests {
    /// Every statement in the outbox (waiting or delivered) as a JSON object, by id.
    private func outbox(_ store: RecordsStore) throws -> [String: NSDictionary] {
        let delivered = try store.claimOutbox(limit: 1000, now: moment(1e6), lease: 1, ignoringBackoff: true)
        return try Dictionary(uniqueKeysWithValues: delivered.map {
            ($0.statementID, try #require(try JSONSerialization.jsonObject(with: $0.body) as? NSDictionary))
        })
    }

    private func exported(_ statements: [XAPIStatement]) throws -> [String: NSDictionary] {
        try Dictionary(uniqueKeysWithValues: statements.map {
            ($0.id, try #require(try JSONSerialization.jsonObject(with: $0.json) as? NSDictionary))
        })
    }

    /// Simulates a delivery: everything waiting is claimed (so it may have left) and delivered.
    private func deliverAll(_ store: RecordsStore, at: Date) throws {
        let items = try store.claimOutbox(limit: 1000, now: at, lease: 60, ignoringBackoff: true)
        try store.markDelivered(items.map(\.statementID), at: at)
    }

    @Test("a solo attempt with take-backs queues exactly its report's statements, plus voids of what had left")
    func solo() async throws {
        let server = try SharedRalph.server()
        try await withStore { store in
            let cohort = uniqueCohort("solo")
            let fixture = Fixture.launchWeek
            var engine = Engine(scenario: fixture.scenario, fingerprint: fixture.fingerprint, at: moment(0), analysis: fixture.analysis)
            let recorder = AttemptRecorder(attempt: XAPIAttempt(attemptId: UUID().uuidString, learner: "Ana",
                                                                cohort: cohort, scenarioId: fixture.scenario.id,
                                                                scenarioTitle: fixture.scenario.title))
            let recording = SessionRecording(.solo(recorder), scenario: fixture.scenario, analysis: fixture.analysis, from: engine.state)
            func step(_ at: Date) throws {
                try store.enqueue(try recording.change(to: engine.state, at: at), at: at)
                recording.saved(engine.state)
            }
            try choose(&engine, "wait-and-see", at: moment(10))
            try step(moment(10))
            _ = try engine.back(at: moment(15))  // never sent: withdrawn
            try step(moment(15))
            try choose(&engine, "tell-priorities", at: moment(20))
            try step(moment(20))
            try deliverAll(store, at: moment(21))
            let sent = try engine.back(at: moment(25))  // delivered: voided
            try step(moment(25))
            try choose(&engine, "ask-plate", at: moment(30))
            try step(moment(30))
            try choose(&engine, "stretch-present", at: moment(40))
            try step(moment(40))
            let report = try ReportBuilder.build(engine: engine, analysis: fixture.analysis, attemptId: recorder.attempt.attemptId,
                                                 learner: "Ana", cohort: cohort, finishedAt: moment(50))
            try store.enqueue(.completed([report], baseIRI: XAPIStatements.defaultBaseIRI), at: moment(50))

            let queued = try outbox(store)
            let expected = try exported(XAPIStatements.statements(report))
            let sentID = XAPIStatements.answeredID(registration: recorder.attempt.registration, turn: sent.turn)
            let voidID = XAPIStatements.voiding(sentID, attempt: recorder.attempt, at: moment(25)).id
            #expect(Set(queued.keys) == Set(expected.keys).union([voidID]))
            for (id, statement) in expected { #expect(queued[id] == statement, "statement \(id)") }
            #expect(report.integrity.takeBacks == 2)
            #expect(report.decisions[0].takenBack == ["wait-and-see", "tell-priorities"])

            // Through a real record store: the voided answer is not counted, the take-backs are.
            let client = LRSClient(endpoint: server.endpoint())
            #expect(try await client.post(Array(queued.keys).sorted().map { try JSONSerialization.data(withJSONObject: queued[$0]!) })
                    == .stored)
            let reader = LRSCohortReader(client: client, xapiBase: XAPIStatements.defaultBaseIRI, filter: CohortFilter(cohort: cohort))
            let rows = try await reader.read().rows
            #expect(rows == [CohortRow(report)])
            #expect(rows.first?.choices.first?.takenBack == 2)
        }
    }

    @Test("a restart takes back every choice that stood; the record store rebuilds the attempt without them")
    func restartThroughRalph() async throws {
        let server = try SharedRalph.server()
        try await withStore { store in
            let fixture = Fixture.launchWeek
            let cohort = uniqueCohort("restart")
            var engine = Engine(scenario: fixture.scenario, fingerprint: fixture.fingerprint, at: moment(0), analysis: fixture.analysis)
            let recorder = AttemptRecorder(attempt: XAPIAttempt(attemptId: UUID().uuidString, learner: "Ben", cohort: cohort,
                                                                scenarioId: fixture.scenario.id, scenarioTitle: fixture.scenario.title))
            let recording = SessionRecording(.solo(recorder), scenario: fixture.scenario, analysis: fixture.analysis, from: engine.state)
            func step(_ at: Date) throws {
                try store.enqueue(try recording.change(to: engine.state, at: at), at: at)
                recording.saved(engine.state)
            }
            let delivery = Delivery(store: store, client: LRSClient(endpoint: server.endpoint()))
            try choose(&engine, "tell-priorities", at: moment(10))
            try step(moment(10))
            #expect(try await delivery.round() == .delivered(1))
            try choose(&engine, "chase-deadline", at: moment(20))
            try step(moment(20))
            engine.restart(at: moment(30))
            try step(moment(30))
            try choose(&engine, "ask-plate", at: moment(40))
            try step(moment(40))
            try choose(&engine, "let-her-run", at: moment(50))
            try step(moment(50))
            let report = try ReportBuilder.build(engine: engine, analysis: fixture.analysis, attemptId: recorder.attempt.attemptId,
                                                 learner: "Ben", cohort: cohort, finishedAt: moment(60))
            try store.enqueue(.completed([report], baseIRI: XAPIStatements.defaultBaseIRI), at: moment(60))
            // One voiding (the delivered first choice), the second choice withdrawn unsent.
            #expect(try await delivery.round() == .delivered(4))
            let reader = LRSCohortReader(client: LRSClient(endpoint: server.endpoint()), xapiBase: XAPIStatements.defaultBaseIRI,
                                         filter: CohortFilter(cohort: cohort))
            #expect(try await reader.read().rows == [CohortRow(report)])
            #expect(report.integrity.restarts == 1)
        }
    }

    @Test("a facilitated session queues every participant's statements, their own votes answering")
    func group() async throws {
        try await withStore { store in
            let fixture = Fixture.launchWeek
            let roster = try Roster(["Ana", "Ben"])
            var facilitation = Facilitation(scenario: fixture.scenario, fingerprint: fixture.fingerprint, roster: roster, at: moment(0),
                                            analysis: fixture.analysis)
            let group = "6A3C1D2E-0000-4000-8000-0000000000AB"
            let recorder = GroupRecorder(groupSessionId: group, roster: roster, cohort: "Room 3", scenario: fixture.scenario)
            let recording = SessionRecording(.group(recorder), scenario: fixture.scenario, analysis: fixture.analysis,
                                             from: facilitation.engine.state)
            func step(_ at: Date) throws {
                let change = try recording.change(to: facilitation.engine.state, votes: facilitation.decisions.map(\.votes), at: at)
                try store.enqueue(change, at: at)
                recording.saved(facilitation.engine.state)
            }
            _ = try facilitation.castBallot([.choice(1), .choice(2)])
            try step(moment(5))
            _ = try facilitation.go(1, at: moment(10))
            try step(moment(10))
            _ = try facilitation.back(at: moment(15))
            try step(moment(15))
            _ = try facilitation.castBallot([.choice(2), .abstain])
            _ = try facilitation.go(nil, at: moment(20))
            try step(moment(20))
            _ = try facilitation.castBallot([.choice(1), .choice(3)])
            _ = try facilitation.go(1, at: moment(30))
            try step(moment(30))
            let reports = try GroupReportBuilder.build(facilitation, analysis: fixture.analysis, groupSessionId: group,
                                                       cohort: "Room 3", finishedAt: moment(40)).participants
            try store.enqueue(.completed(reports, baseIRI: XAPIStatements.defaultBaseIRI), at: moment(40))
            let expected = try exported(reports.flatMap { XAPIStatements.statements($0) })
            #expect(try outbox(store) == expected)
        }
    }
}
