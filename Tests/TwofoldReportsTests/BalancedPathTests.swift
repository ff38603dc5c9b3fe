import Foundation
import Testing
import TwofoldCore
@testable import TwofoldReports
import TwofoldTestSupport

@Suite("Balanced path")
struct BalancedPathTests {
    private func check(_ loaded: LoadedScenario, _ comment: Comment? = nil) {
        let found = BalancedPath.find(in: loaded.scenario, analysis: loaded.analysis)
        let expected = BruteForce.balanced(loaded.scenario)
        #expect(found.map { $0.steps.map { "\($0.scene)/\($0.choice)" } } == expected?.steps, comment)
        #expect(found?.manager.raw == expected?.manager, comment)
        #expect(found?.leader.raw == expected?.leader, comment)
    }

    @Test("agrees with brute force on every bundled scenario", arguments: try bundledScenarioURLs())
    func bundled(url: URL) throws {
        let loaded = try loadScenario(at: url)
        check(loaded, Comment(rawValue: url.lastPathComponent))
        let path = try #require(BalancedPath.find(in: loaded.scenario, analysis: loaded.analysis))
        // The bundled scenarios are written so that doing both reaches the best ending.
        #expect(loaded.scenario.scene(id: path.ending)?.ending?.kind == .both)
        #expect(path.manager.percent >= loaded.scenario.threshold && path.leader.percent >= loaded.scenario.threshold)
    }

    @Test("agrees with brute force on 300 random scenarios with conditions and loops")
    func random() throws {
        for seed in UInt64(1)...300 {
            let text = RandomScenario.make(seed: seed)
            let loaded = try #require(loadScenario(Data(text.utf8)), "seed \(seed) does not lint clean")
            check(loaded, "seed \(seed)")
        }
    }

    @Test("follows conditions: the best ending needs a flag set earlier")
    func needsFlag() throws {
        let loaded = try loadScenario(at: fixtureURL("reports/launch-week.json"))
        let path = try #require(BalancedPath.find(in: loaded.scenario, analysis: loaded.analysis))
        #expect(path.steps.map(\.choice) == ["ask-plate", "stretch-present"])
        #expect(path.ending == "end-both")
        #expect(path.manager.percent == 75 && path.leader.percent == 100)
    }

    @Test("breaks ties by the larger sum, then file order")
    func ties() throws {
        let text = """
        {"format": 1, "id": "ties", "title": "Ties", "domain": "test", "summary": "s", "start": "a",
         "scenes": [
          {"id": "a", "text": "A", "choices": [
            {"id": "low", "text": "t", "feedback": "f", "next": "end", "scores": {"manager": 1, "leader": 1}},
            {"id": "first", "text": "t", "feedback": "f", "next": "end", "scores": {"manager": 2, "leader": 4}},
            {"id": "second", "text": "t", "feedback": "f", "next": "end", "scores": {"manager": 4, "leader": 2}},
            {"id": "third", "text": "t", "feedback": "f", "next": "end", "scores": {"manager": 2, "leader": 4}},
            {"id": "floor", "text": "t", "feedback": "f", "next": "end", "scores": {"manager": 0, "leader": 0}}]},
          {"id": "end", "text": "E", "ending": {"title": "E"}}],
         "reflection": ["r"]}
        """
        let loaded = try #require(loadScenario(Data(text.utf8)))
        let path = try #require(BalancedPath.find(in: loaded.scenario, analysis: loaded.analysis))
        // first, second and third all reach min 50%; their sums tie at 150%, so file order decides.
        #expect(path.steps.map(\.choice) == ["first"])
        check(loaded)
    }

    @Test("does not revisit a zero-score loop, and uses what the loop unlocks")
    func loops() throws {
        let text = """
        {"format": 1, "id": "loop", "title": "Loop", "domain": "test", "summary": "s", "start": "a",
         "flags": ["informed"],
         "scenes": [
          {"id": "a", "text": "A", "choices": [
            {"id": "ask", "text": "t", "feedback": "f", "next": "info"},
            {"id": "plain", "text": "t", "feedback": "f", "next": "end", "scores": {"manager": 1, "leader": 1}},
            {"id": "informed", "text": "t", "feedback": "f", "next": "end", "scores": {"manager": 3, "leader": 3},
             "when": {"flag": "informed"}}]},
          {"id": "info", "text": "I", "choices": [
            {"id": "back", "text": "t", "feedback": "f", "next": "a", "set": ["informed"]}]},
          {"id": "end", "text": "E", "ending": {"title": "E"}}],
         "reflection": ["r"]}
        """
        let loaded = try #require(loadScenario(Data(text.utf8)))
        let path = try #require(BalancedPath.find(in: loaded.scenario, analysis: loaded.analysis))
        #expect(path.steps.map(\.choice) == ["ask", "back", "informed"])
        check(loaded)
    }

    @Test("gives up past the state limit")
    func stateLimit() throws {
        // Each trip round the loop adds one to a counter: the play states never end.
        let text = """
        {"format": 1, "id": "endless", "title": "Endless", "domain": "test", "summary": "s", "start": "a",
         "counters": {"asked": 0},
         "scenes": [
          {"id": "a", "text": "A", "choices": [
            {"id": "ask", "text": "t", "feedback": "f", "next": "info", "add": {"asked": 1}},
            {"id": "go", "text": "t", "feedback": "f", "next": "end", "scores": {"manager": 1},
             "when": {"counter": "asked", "atLeast": 0}},
            {"id": "fallback", "text": "t", "feedback": "f", "next": "end"}]},
          {"id": "info", "text": "I", "choices": [{"id": "back", "text": "t", "feedback": "f", "next": "a"}]},
          {"id": "end", "text": "E", "ending": {"title": "E"}}],
         "reflection": ["r"]}
        """
        let loaded = try #require(loadScenario(Data(text.utf8)))
        #expect(BalancedPath.find(in: loaded.scenario, analysis: loaded.analysis, stateLimit: 500) == nil)
    }
}
