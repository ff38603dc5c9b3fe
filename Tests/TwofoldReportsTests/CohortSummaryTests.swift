import Foundation
import Testing
import TwofoldCore
@testable import TwofoldReports
import TwofoldTestSupport

@Suite("Cohort: summary")
struct CohortSummaryTests {
    /// Type-7 quantile of sorted values, computed the textbook way.
    private func quantile(_ sorted: [Int], _ p: Double) -> Double {
        let h = Double(sorted.count - 1) * p
        let low = Int(h.rounded(.down)), high = min(low + 1, sorted.count - 1)
        let value = Double(sorted[low]) + (h - Double(low)) * Double(sorted[high] - sorted[low])
        return (value * 10).rounded(.toNearestOrAwayFromZero) / 10
    }

    @Test("aggregates agree with an independent computation on generated reports")
    func aggregates() throws {
        let fixture = try CohortFixture()
        let reports = try fixture.reports(300, learners: 40, scenarioCount: 4, seed: 42)
        var summary = CohortSummary(outlines: fixture.outlines)
        for report in reports { summary.add(CohortRow(report)) }
        #expect(summary.attempts == 300)
        #expect(summary.learners == Set(reports.map(\.learner.name)).count)

        for scenario in summary.scenarios {
            let mine = reports.filter { $0.scenario.id == scenario.id }
            #expect(scenario.attempts == mine.count)
            #expect(scenario.learners == Set(mine.map(\.learner.name)).count)
            for (axis, distribution) in [("manager", scenario.manager), ("leader", scenario.leader)] {
                let values = mine.map { $0.scores[axis]!.percent }.sorted()
                let mean = Double(values.reduce(0, +)) / Double(values.count)
                #expect(distribution.mean == (mean * 10).rounded(.toNearestOrAwayFromZero) / 10)
                #expect(distribution.median == quantile(values, 0.5))
                #expect(distribution.q1 == quantile(values, 0.25))
                #expect(distribution.q3 == quantile(values, 0.75))
                #expect(distribution.min == values.first && distribution.max == values.last)
            }
            for count in scenario.profiles {
                #expect(count.count == mine.filter { $0.profile.key == count.profile }.count)
            }
            for ending in scenario.endings {
                #expect(ending.count == mine.filter { $0.ending.scene == ending.scene }.count)
            }
            #expect(scenario.endings.map(\.count).reduce(0, +) == mine.count)
            for split in scenario.decisions {
                let picks = mine.flatMap { $0.decisions.filter { $0.scene == split.scene }.map(\.learnerChoice) }
                #expect(split.responses == picks.compactMap { $0 }.count)
                #expect(split.abstentions == picks.filter { $0 == nil }.count)
                for choice in split.choices { #expect(choice.count == picks.filter { $0 == choice.choice }.count) }
                // Every offered choice is listed, taken or not.
                let offered = fixture.scenarios.first { $0.scenario.id == scenario.id }!.scenario.scene(id: split.scene)!.choices
                #expect(split.choices.prefix(offered.count).map(\.choice) == offered.map(\.id))
            }
            let entropies = scenario.decisions.map(\.entropy)
            #expect(entropies == entropies.sorted(by: >), "most divided first")
            #expect(scenario.points.map(\.count).reduce(0, +) == mine.count)
            for learner in scenario.learnerAttempts {
                let theirs = mine.filter { $0.learner.name == learner.learner }.sorted { $0.finishedAt < $1.finishedAt }
                #expect(learner.attempts.map(\.attemptId) == theirs.map(\.attemptId))
                if theirs.count > 1 {
                    #expect(learner.change?.manager == theirs.last!.manager.percent - theirs.first!.manager.percent)
                    #expect(learner.change?.leader == theirs.last!.leader.percent - theirs.first!.leader.percent)
                } else {
                    #expect(learner.change == nil)
                }
            }
        }
    }

    @Test("streaming: rows fed one by one, in any order, give the same summary")
    func orderIndependent() throws {
        let fixture = try CohortFixture()
        let rows = try fixture.reports(120, learners: 15, seed: 9).map { try row(of: $0.jsonData()) }
        var forward = CohortSummary(outlines: fixture.outlines)
        for row in rows { forward.add(row) }
        var rng = SeededGenerator(seed: 5)
        for _ in 0..<3 {
            var shuffled = CohortSummary(outlines: fixture.outlines)
            for row in rows.shuffled(using: &rng) { shuffled.add(row) }
            #expect(shuffled.scenarios == forward.scenarios)
            #expect(shuffled.learners == forward.learners && shuffled.attempts == forward.attempts)
        }
        // A summary built up as it goes reflects exactly the rows so far.
        var partial = CohortSummary(outlines: fixture.outlines)
        for (index, row) in rows.enumerated() {
            partial.add(row)
            #expect(partial.attempts == index + 1)
            #expect(partial.scenarios.map(\.attempts).reduce(0, +) == index + 1)
        }
    }

    @Test("quartiles and entropy on known values")
    func knownValues() {
        var histogram = PercentHistogram()
        for value in [10, 20, 30, 40] { histogram.add(value) }
        #expect(histogram.distribution == Distribution(mean: 25, median: 25, q1: 17.5, q3: 32.5, min: 10, max: 40))
        histogram.add(150)  // clamped
        #expect(histogram.distribution?.max == 100)
        #expect(VoteSplit.entropy([5, 5]) == 1)
        #expect(VoteSplit.entropy([7, 0, 0]) == 0)
        #expect(VoteSplit.entropy([2, 2, 2]) == 1.585)
        #expect(VoteSplit.entropy([]) == 0)
    }

    @Test("a scenario outside the library still gets a summary, with the reports' own titles")
    func unknownScenario() throws {
        var report = try goldenReport()
        report.scenario.title = "Zeta"
        var summary = CohortSummary()
        summary.add(CohortRow(report))
        report.attemptId = "other"
        report.scenario.title = "Alpha"
        summary.add(CohortRow(report))
        let scenario = try #require(summary.scenarios.first)
        #expect(scenario.title == "Alpha" && scenario.attempts == 2)
        #expect(scenario.decisions.allSatisfy { $0.lead.isEmpty && $0.choices.allSatisfy { $0.text.isEmpty } })
    }

    @Test("duplicates: the same attempt of the same learner counts once")
    func duplicates() throws {
        let report = try goldenReport()
        var set = AttemptSet()
        var inserted: [Bool] = []
        inserted.append(set.insert(CohortRow(report)))
        inserted.append(set.insert(CohortRow(report)))
        var other = report
        other.learner.name = "Ben"  // a group session's participants share nothing but the session
        inserted.append(set.insert(CohortRow(other)))
        var noID = report
        noID.attemptId = ""
        inserted.append(set.insert(CohortRow(noID)))
        inserted.append(set.insert(CohortRow(noID)))
        noID.finishedAt += 1
        inserted.append(set.insert(CohortRow(noID)))
        #expect(inserted == [true, false, true, true, false, true])
        #expect(set.count == 4)
    }

    @Test("filters: cohort ignores case, scenario is exact, since is inclusive")
    func filters() throws {
        let row = CohortRow(try goldenReport())
        #expect(CohortFilter(cohort: "spring LEADERS").accepts(row))
        #expect(!CohortFilter(cohort: "Autumn").accepts(row))
        #expect(CohortFilter(scenario: "launch-week").accepts(row) && !CohortFilter(scenario: "launch").accepts(row))
        #expect(CohortFilter(since: row.finishedAt).accepts(row) && !CohortFilter(since: row.finishedAt + 1).accepts(row))
        #expect(CohortFilter().isEmpty)
    }
}

@Suite("Cohort: who a learner is")
struct CohortIdentityTests {
    @Test("name and e-mail make a learner: one name with two e-mails is two people; one name without is one")
    func identity() throws {
        var report = try goldenReport()
        var summary = CohortSummary()
        for (index, email) in ["ana@one.example", "ANA@one.example", "ana@two.example", nil].enumerated() {
            report.attemptId = "attempt-\(index)"
            report.learner = LearnerReport.Learner(name: "Ana", email: email)
            summary.add(CohortRow(report))
        }
        report.attemptId = "attempt-5"
        report.learner = LearnerReport.Learner(name: "Ana")
        summary.add(CohortRow(report))
        #expect(summary.learners == 3)
        let learners = try #require(summary.scenarios.first?.learnerAttempts)
        #expect(learners.map(\.email) == [nil, "ana@one.example", "ana@two.example"] || learners.map(\.email) == [nil, "ANA@one.example", "ana@two.example"])
        #expect(learners.map(\.attempts.count) == [2, 2, 1])
    }
}
