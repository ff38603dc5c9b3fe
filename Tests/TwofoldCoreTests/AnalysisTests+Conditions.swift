import Foundation
import Testing
@testable import TwofoldCore
import TwofoldTestSupport

/// The `no-choice-offered` rule: exploring flags and counters from the start.
extension AnalysisTests {
    /// An opening decision, then a `gate` decision, then one ending.
    private func gateScenario(
        openingChoices: [[String: Any]], gate: [[String: Any]], extra: [String: Any] = ["flags": ["asked"]]
    ) -> [String: Any] {
        scenarioObject(start: "opening", [
            decision("opening", openingChoices),
            decision("gate", gate),
            ending("end"),
        ], extra: extra)
    }

    @Test func decisionWhoseOnlyChoiceNeedsAFlagThatMayBeUnset() throws {
        let result = lint(gateScenario(
            openingChoices: [
                choice("ask", to: "gate", leader: 2, extra: ["set": ["asked"]]),
                choice("tell", to: "gate", manager: 2),
            ],
            gate: [choice("thank", to: "end", leader: 1, extra: ["when": ["flag": "asked"]])]
        ))
        #expect(result.codes == [.noChoiceOffered], "\(result.listing)")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.path == "scenes[1]")
        #expect(diagnostic.message.contains("no flags set"))
    }

    @Test func flagAlwaysSetBeforeTheDecisionIsFine() {
        let result = lint(gateScenario(
            openingChoices: [
                choice("ask", to: "gate", leader: 2, extra: ["set": ["asked"]]),
                choice("tell", to: "gate", manager: 2, extra: ["set": ["asked"]]),
            ],
            gate: [choice("thank", to: "end", leader: 1, extra: ["when": ["flag": "asked"]])]
        ))
        #expect(result.diagnostics.isEmpty, "\(result.listing)")
    }

    @Test func complementaryConditionsCoverEveryState() {
        let result = lint(gateScenario(
            openingChoices: [
                choice("ask", to: "gate", leader: 2, extra: ["set": ["asked"]]),
                choice("tell", to: "gate", manager: 2),
            ],
            gate: [
                choice("thank", to: "end", leader: 1, extra: ["when": ["flag": "asked"]]),
                choice("ask-now", to: "end", manager: 1, extra: ["when": ["not": ["flag": "asked"]]]),
            ]
        ))
        #expect(result.diagnostics.isEmpty, "\(result.listing)")
    }

    @Test func clearingAFlagOnTheWayIsFollowed() {
        let object = scenarioObject(start: "opening", [
            decision("opening", [choice("ask", to: "middle", leader: 2, extra: ["set": ["asked"]])]),
            decision("middle", [
                choice("forget", to: "gate", manager: 1, extra: ["clear": ["asked"]]),
                choice("remember", to: "gate", leader: 1),
            ]),
            decision("gate", [choice("thank", to: "end", leader: 1, extra: ["when": ["flag": "asked"]])]),
            ending("end"),
        ], extra: ["flags": ["asked"]])
        let result = lint(object)
        #expect(result.codes == [.noChoiceOffered], "\(result.listing)")
        #expect(result.diagnostics.first?.path == "scenes[2]")
    }

    @Test func counterConditionsAreExplored() {
        func scenario(atLeast: Int) -> [String: Any] {
            gateScenario(
                openingChoices: [
                    choice("build", to: "gate", leader: 2, extra: ["add": ["trust": 1]]),
                    choice("spend", to: "gate", manager: 2, extra: ["add": ["trust": -1]]),
                ],
                gate: [
                    choice("delegate", to: "end", leader: 1, extra: ["when": ["counter": "trust", "atLeast": atLeast]]),
                    choice("direct", to: "end", manager: 1, extra: ["when": ["counter": "trust", "atMost": -1]]),
                ],
                extra: ["counters": ["trust": 0]]
            )
        }
        #expect(lint(scenario(atLeast: 1)).diagnostics.isEmpty)
        let gap = lint(scenario(atLeast: 2))
        #expect(gap.codes == [.noChoiceOffered], "\(gap.listing)")
        #expect(gap.diagnostics.first?.message.contains("trust=1") == true)
    }

    @Test func anUnboundedCounterStopsTheExplorationWithAWarning() throws {
        #expect(NoChoiceOfferedRule().stateLimit == 200_000)
        let data = try Data(contentsOf: fixtureURL("diagnostics/state-space-large.json"))
        let result = lint(ScenarioLoader.decode(data, file: "state.json"), stateLimit: 500)
        #expect(result.codes == [.stateSpaceLarge], "\(result.listing)")
        let warning = try #require(result.diagnostics.first)
        #expect(warning.severity == .warning)
        #expect(warning.path == "counters")  // no flags are declared, so it points at the counters
        #expect(warning.message.contains("500"))
    }

    @Test func aBoundedCounterInALoopIsExploredCompletely() {
        let object = scenarioObject(start: "opening", [
            decision("opening", [
                choice("look", to: "rota", extra: ["add": ["looks": 1], "when": ["counter": "looks", "atMost": 3]]),
                choice("ask", to: "end", leader: 2, extra: ["when": ["counter": "looks", "atLeast": 1]]),
                choice("direct", to: "end", manager: 2),
            ]),
            decision("rota", [choice("back", to: "opening")]),
            ending("end"),
        ], extra: ["counters": ["looks": 0]])
        let result = lint(ScenarioLoader.decode(jsonData(object), file: "bounded.json"), stateLimit: 500)
        #expect(result.diagnostics.isEmpty, "\(result.listing)")
    }

    @Test func unreachableDecisionsAreNotCheckedForOfferedChoices() {
        let object = scenarioObject(start: "opening", [
            decision("opening", [choice("go", to: "end", manager: 1, extra: ["set": ["asked"]])]),
            decision("orphan", [choice("thank", to: "end", leader: 1, extra: ["when": ["flag": "asked"]])]),
            ending("end"),
        ], extra: ["flags": ["asked"]])
        let result = lint(object)
        #expect(result.codes == [.unreachableScene], "\(result.listing)")
    }
}
