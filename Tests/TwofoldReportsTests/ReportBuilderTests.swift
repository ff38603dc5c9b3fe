import Foundation
import Testing
import TwofoldCore
@testable import TwofoldReports
import TwofoldTestSupport

@Suite("Report builder")
struct ReportBuilderTests {
    @Test("scores come from ScoreCard and the alternatives are what was offered then")
    func golden() throws {
        let report = try goldenReport()
        let loaded = try loadScenario(at: fixtureURL("reports/launch-week.json"))
        let engine = try play(loaded, choices: ["tell-priorities", "chase-deadline"], secondsEach: [42.5, 61.25])
        let card = ScoreCard(decisions: engine.state.decisions, scenario: loaded.scenario, analysis: loaded.analysis)
        #expect(report.scores == card.axes)
        #expect(report.profile.key == card.profile.key && report.profile.meaning == card.profile.meaning)
        #expect(report.decisions.map(\.choice) == ["tell-priorities", "chase-deadline"])
        #expect(report.decisions[0].alternatives.map(\.choice) == ["ask-plate", "wait-and-see"])
        // The stretch task needs the flag that only asking sets, so it was not on offer.
        #expect(report.decisions[1].alternatives.map(\.choice) == ["let-her-run"])
        #expect(report.decisions.map(\.seconds) == [42.5, 61.3])
        #expect(report.ending == .init(scene: "end-manager", title: "On time, on your terms", kind: nil,
                                       text: "The launch lands on time, with <24 hours to spare. Dana goes home tired and a little flat."))
        #expect(report.balancedPath?.decisions.map(\.choice) == ["ask-plate", "stretch-present"])
        #expect(report.scenario.profileThreshold == 60)
        #expect(report.startedAt == fixedStart && report.finishedAt == fixedStart + 552)
    }

    @Test("an unfinished session has no report")
    func unfinished() throws {
        let loaded = try loadScenario(at: fixtureURL("reports/launch-week.json"))
        let engine = try play(loaded, choices: ["ask-plate"], secondsEach: [10])
        #expect(throws: ReportError.notFinished) {
            try ReportBuilder.build(engine: engine, analysis: loaded.analysis, attemptId: "a", learner: "Ana",
                                    finishedAt: fixedStart)
        }
    }

    @Test("a group participant is scored on their own votes along the group's path")
    func votes() throws {
        let loaded = try loadScenario(at: fixtureURL("reports/launch-week.json"))
        let engine = try play(loaded, choices: ["ask-plate", "stretch-present"], secondsEach: [30])
        let votes = [LearnerReport.Vote(participant: "Ben", choice: "tell-priorities"), .init(participant: "Ben", choice: nil)]
        let report = try ReportBuilder.build(engine: engine, analysis: loaded.analysis, attemptId: "b", learner: "Ben",
                                             finishedAt: fixedStart + 60, sessionKind: .group, groupSessionId: "g-1", votes: votes)
        #expect(report.decisions.map(\.choice) == ["ask-plate", "stretch-present"])
        #expect(report.manager.raw == 3 && report.leader.raw == 0)
        #expect(report.decisions[0].learnerChoiceText?.hasPrefix("Tell Dana") == true)
        #expect(report.decisions[1].learnerChoice == nil && report.decisions[1].learnerScores.isZero)
        #expect(report.session == .group("g-1"))
        let markdown = MarkdownReport.render(report)
        #expect(markdown.contains("Your vote") && markdown.contains("abstained"))
        #expect(throws: ReportError.votesDoNotMatch(decisions: 2, votes: 1)) {
            try ReportBuilder.build(engine: engine, analysis: loaded.analysis, attemptId: "b", learner: "Ben",
                                    finishedAt: fixedStart, votes: [votes[0]])
        }
        #expect(throws: ReportError.voteNotOffered(scene: "wednesday", choice: "nope")) {
            try ReportBuilder.build(engine: engine, analysis: loaded.analysis, attemptId: "b", learner: "Ben",
                                    finishedAt: fixedStart, votes: [votes[0], .init(participant: "Ben", choice: "nope")])
        }
    }

    @Test("every bundled scenario gives a report that renders in every format", arguments: try bundledScenarioURLs())
    func bundled(url: URL) throws {
        let loaded = try loadScenario(at: url)
        var rng = SeededGenerator(seed: 7)
        var engine = Engine(scenario: loaded.scenario, fingerprint: loaded.fingerprint, at: fixedStart)
        while engine.phase == .deciding {
            let offered = engine.offeredChoices()
            try engine.choose(Int.random(in: 1...offered.count, using: &rng), at: fixedStart + 30)
        }
        let report = try ReportBuilder.build(engine: engine, analysis: loaded.analysis, attemptId: UUID().uuidString,
                                             learner: "Ana", finishedAt: fixedStart + 600)
        #expect(report.balancedPath != nil)
        for decision in report.decisions {
            #expect(!decision.alternatives.contains { $0.choice == decision.choice })
        }
        for format in ReportFormat.allCases { #expect(try !format.render(report).isEmpty) }
        #expect(try LearnerReport.decodeJSON(report.encodedJSON()) == report)
    }
}
