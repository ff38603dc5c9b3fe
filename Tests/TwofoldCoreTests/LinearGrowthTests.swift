import Foundation
import Testing
@testable import TwofoldCore
import TwofoldTestSupport

/// An id that counts every comparison and hash made with it, so a test can measure the
/// work a check does (never its time).
private struct CountedID: Hashable {
    final class Meter: @unchecked Sendable { var work = 0 }
    let value: Int
    let meter: Meter

    static func == (lhs: CountedID, rhs: CountedID) -> Bool {
        lhs.meter.work += 1
        return lhs.value == rhs.value
    }

    func hash(into hasher: inout Hasher) {
        meter.work += 1
        hasher.combine(value)
    }
}

/// A scenario file of `steps` decisions in a line, each with two choices to the next.
private func chain(_ steps: Int) -> Data {
    var scenes: [[String: Any]] = []
    for step in 0..<steps {
        let next = step == steps - 1 ? "end" : "d\(step + 1)"
        scenes.append(decision("d\(step)", [choice("left", to: next, manager: 1), choice("right", to: next, leader: 1)]))
    }
    scenes.append(ending("end"))
    return jsonData(scenarioObject(start: "d0", scenes))
}

/// Each corner that once took time quadratic in its input, measured by the work it does
/// at N and at 4N: four times the input may cost at most five times the work.
@Suite struct LinearGrowthTests {
    static let growthLimit = 5.0

    private func growth(_ small: Int, _ large: Int) -> Double { Double(large) / Double(max(small, 1)) }

    /// One scene with N choices: repeated ids (and identical scores, the same helper)
    /// are found with a hash table, not by comparing every pair.
    @Test func repeatsInALongListCostLinearWork() {
        func work(_ n: Int) -> Int {
            let meter = CountedID.Meter()
            let ids = (0..<n).map { CountedID(value: $0 % (n / 2), meter: meter) }  // every id twice
            let found = Repeats.find(count: ids.count, { ids[$0] })
            #expect(found.count == n / 2)
            #expect(found.allSatisfy { ids[$0.index].value == ids[$0.first].value && $0.first < $0.index })
            return meter.work
        }
        let small = work(5_000), large = work(20_000)
        #expect(growth(small, large) <= LinearGrowthTests.growthLimit, "\(small) → \(large)")
    }

    /// Pairs in a short list (a decision's few choices) give the same answer as the table.
    @Test func shortAndLongListsAgree() {
        var generator = SeededGenerator(seed: 5)
        for _ in 0..<200 {
            let values = (0..<Int.random(in: 0...40, using: &generator)).map { _ in Int.random(in: 0..<6, using: &generator) }
            let found = Repeats.find(count: values.count, { values[$0] }, counts: { $0 != 0 })
            var expected: [(Int, Int)] = []
            for index in values.indices where values[index] != 0 {
                if let first = values[..<index].firstIndex(of: values[index]) { expected.append((index, first)) }
            }
            #expect(found.map { [$0.index, $0.first] } == expected.map { [$0.0, $0.1] })
        }
    }

    /// A chain of N two-way decisions: path counts double at every scene, but stay exact
    /// only up to 2^1024, so counting them is linear in the chain, not quadratic.
    @Test func pathCountsOnAChainCostLinearWork() throws {
        func work(_ steps: Int) throws -> (work: Int, analysis: ScenarioAnalysis) {
            let document = ScenarioLoader.decode(chain(steps), file: "chain.json")
            let scenario = try #require(document.scenario)
            let graph = ScenarioGraph(scenario)
            return (PathFlow(graph, StronglyConnected(graph)).countWork, ScenarioAnalysis(scenario))
        }
        let (small, short) = try work(2_000)
        let (large, long) = try work(8_000)
        #expect(growth(small, large) <= LinearGrowthTests.growthLimit, "\(small) → \(large)")
        #expect(short.pathCount.isSaturated && long.pathCount.isSaturated)
        #expect(long.pathCount.description == "more than 10^308")
        #expect(long.shortestPath == 8_000 && long.longestPath == 8_000)
        #expect(long.bounds == [.init(min: 0, max: 8_000), .init(min: 0, max: 8_000)])
    }

    /// Below the ceiling counts stay exact: 2^1000 paths through 1,000 decisions.
    @Test func pathCountsBelowTheCeilingStayExact() throws {
        let scenario = try #require(ScenarioLoader.decode(chain(1_000), file: "chain.json").scenario)
        var power = PathCount.one
        for _ in 0..<1_000 { power += power }
        #expect(ScenarioAnalysis(scenario).pathCount == power)
        #expect(!power.isSaturated)
    }

    /// "Did you mean" compares only names of plausible length: an unknown key or a
    /// broken link of N or 4N characters costs no edit-distance table at all.
    @Test func suggestionsForLongNamesCostNothing() {
        let names = ["format", "id", "title", "domain", "summary", "scenes", "reflection"]
        for length in [1_000, 4_000, 1 << 20] {
            var cells = 0
            #expect(Suggestion.closest(to: String(repeating: "x", count: length), among: names, cells: &cells) { _, c in max(1, c / 3) } == nil)
            #expect(cells == 0)
        }
        var cells = 0
        #expect(Suggestion.closest(to: "scnes", among: names, cells: &cells) { _, c in max(1, c / 3) } == "scenes")
        #expect(cells > 0)
    }

    /// Many broken links to distinct names: each name is looked up once, and at most
    /// ``SceneIDSuggestions/limit`` names are, however many links there are.
    @Test func sceneIDSuggestionsAreBounded() throws {
        let scenes = (0..<50).map { decision("scene-\($0)", [choice("go", to: "end")]) } + [ending("end")]
        let scenario = try #require(ScenarioLoader.decode(jsonData(scenarioObject(start: "scene-0", scenes)), file: "s.json").scenario)
        var suggestions = SceneIDSuggestions(scenario)
        #expect(suggestions.note(for: "scene-7x") == ["did you mean \"scene-7\"?"])
        for k in 0..<(SceneIDSuggestions.limit + 500) { _ = suggestions.note(for: "missing-\(k)") }
        #expect(suggestions.note(for: "scene-8x").isEmpty)  // past the limit: no more lookups
        #expect(suggestions.note(for: "scene-7x") == ["did you mean \"scene-7\"?"])  // known names keep their note
    }

    /// A file of NUL bytes fails at its first byte, whatever its size, with one finding.
    @Test func aFloodOfNULBytesFailsAtOnce() {
        for megabytes in [4, 16] {
            let result = ScenarioLoader.load(Data(count: megabytes << 20), file: "nul.json")
            #expect(result.codes == [.syntaxError], "\(result.listing)")
            #expect(result.diagnostics.first?.location == SourceLocation(line: 1, column: 1, offset: 0))
        }
    }
}
