import Foundation
import Testing
import TwofoldCore
@testable import TwofoldReports
import TwofoldTestSupport

@Suite("Scoring agrees with brute force")
struct ScoringPropertyTests {
    @Test("ScoreCard bounds, percents and profile on random paths of 300 random scenarios")
    func randomPaths() throws {
        var rng = SeededGenerator(seed: 2026)
        for seed in UInt64(1000)..<1300 {
            let text = RandomScenario.make(seed: seed)
            let loaded = try #require(loadScenario(Data(text.utf8)), "seed \(seed) does not lint clean")
            let totals = BruteForce.totals(loaded.scenario)
            let mLow = totals.map(\.manager).min()!, mHigh = totals.map(\.manager).max()!
            let lLow = totals.map(\.leader).min()!, lHigh = totals.map(\.leader).max()!
            for _ in 0..<3 {
                var engine = Engine(scenario: loaded.scenario, fingerprint: loaded.fingerprint, at: fixedStart)
                var manager = 0, leader = 0
                while engine.phase == .deciding {
                    let offered = engine.offeredChoices()
                    // After many steps take the first choice, which always leads forward.
                    let number = engine.state.decisions.count > 40 ? 1 : Int.random(in: 1...offered.count, using: &rng)
                    manager += offered[number - 1].scores.manager
                    leader += offered[number - 1].scores.leader
                    try engine.choose(number, at: fixedStart)
                }
                let card = ScoreCard(decisions: engine.state.decisions, scenario: loaded.scenario, analysis: loaded.analysis)
                let context = Comment(rawValue: "seed \(seed)")
                #expect(card.manager.raw == manager, context)
                #expect(card.leader.raw == leader, context)
                #expect([card.manager.min, card.manager.max, card.leader.min, card.leader.max] == [mLow, mHigh, lLow, lHigh], context)
                let mp = BruteForce.percent(manager, mLow, mHigh), lp = BruteForce.percent(leader, lLow, lHigh)
                #expect(card.manager.percent == mp && card.leader.percent == lp, context)
                #expect(card.profile.key == BruteForce.profile(mp, lp, threshold: loaded.scenario.threshold), context)
            }
        }
    }
}
