import Foundation
import Testing
@testable import TwofoldCore
import TwofoldTestSupport

/// Per-axis bounds from (min, max) pairs.
private func bounds(_ pairs: (Int, Int)...) -> [ScenarioAnalysis.Bounds] {
    pairs.map { ScenarioAnalysis.Bounds(min: $0.0, max: $0.1) }
}

@Suite struct AnalysisTests {
    // MARK: Against brute force

    /// Bounds, path lengths, reachability and (without loops) path counts agree with an
    /// enumeration of every complete path, over a few hundred random small scenarios.
    @Test func agreesWithBruteForceOnRandomScenarios() throws {
        var generator = SeededGenerator(seed: 0x7A0F_01D5)
        var withLoops = 0, withTraps = 0
        for round in 0..<300 {
            let graph = RandomGraph(using: &generator)
            let text = graph.jsonText(using: &generator)
            let result = lint(text, file: "random-\(round).json")
            let model = try #require(result.scenario, "round \(round): \(result.listing)")
            let analysis = try #require(result.analysis)
            let expected = BruteForce(graph)
            let index = (0..<graph.sceneCount).map { model.sceneIndexByID["s\($0)"]! }
            // Evaluated only when an expectation fails.
            func context() -> Comment { Comment(rawValue: "round \(round):\n\(text)") }

            #expect(analysis.scoringCycles.isEmpty, context())
            #expect(analysis.sceneCount == graph.sceneCount, context())
            #expect(analysis.endingCount == graph.isEnding.filter { $0 }.count, context())
            for scene in 0..<graph.sceneCount {
                #expect(analysis.reachable[index[scene]] == graph.reaches(from: 0, to: scene), context())
                #expect(analysis.canReachEnding[index[scene]] == graph.canReachEnding(scene), context())
            }
            let reachableEndings = (0..<graph.sceneCount).filter { graph.isEnding[$0] && graph.reaches(from: 0, to: $0) }
            #expect(analysis.reachableEndingCount == reachableEndings.count, context())

            if expected.paths == 0 {
                #expect(analysis.bounds == nil, context())
                #expect(analysis.pathCount.isZero, context())
                #expect(analysis.shortestPath == nil && analysis.longestPath == nil, context())
            } else {
                let analysisBounds = try #require(analysis.bounds, context())
                #expect(analysisBounds == [expected.manager, expected.leader], context())
                #expect(analysis.shortestPath == expected.shortest, context())
                #expect(analysis.longestPath == expected.longestCondensed, context())
                if !graph.hasLoops {
                    #expect(analysis.pathCount.description == String(expected.paths), context())
                } else {
                    #expect(analysis.pathCount.uint64.map { $0 >= 1 } == true, context())
                }
            }

            // Only traps are errors in these scenarios, and exactly the scenes with no way out.
            let errors = result.diagnostics.filter { $0.severity == .error }
            #expect(errors.allSatisfy { $0.code == .trap }, Comment(rawValue: "round \(round):\n\(text)\n\(result.listing)"))
            let trapped = Set((0..<graph.sceneCount).filter { !graph.canReachEnding($0) }.map { "scenes[\(index[$0])]" })
            #expect(Set(result.diagnostics(.trap).map(\.path)) == trapped, context())

            if graph.hasLoops { withLoops += 1 }
            if graph.hasTrap { withTraps += 1 }
        }
        // The generator really produced every kind of case.
        #expect(withLoops > 50)
        #expect(withTraps > 20)
    }

    // MARK: Exact counts

    @Test func countsTwoToThe200Paths() throws {
        var scenes: [[String: Any]] = []
        for step in 0..<200 {
            let next = step == 199 ? "end" : "d\(step + 1)"
            scenes.append(decision("d\(step)", [choice("left", to: next, manager: 1), choice("right", to: next, leader: 1)]))
        }
        scenes.append(ending("end"))
        let result = lint(scenarioObject(start: "d0", scenes))
        #expect(result.diagnostics.isEmpty, "\(result.listing)")
        let analysis = try #require(result.analysis)
        #expect(analysis.pathCount.description == "1606938044258990275541962092341162602522202993782792835301376")
        #expect(analysis.pathCount.uint64 == nil)
        #expect(analysis.shortestPath == 200)
        #expect(analysis.longestPath == 200)
        #expect(analysis.bounds == bounds((0, 200), (0, 200)))
    }

    /// The complete example in docs/scenario-format.md lints clean and has the bounds it states.
    @Test func documentedExampleHasTheDocumentedBounds() throws {
        let guide = try String(contentsOf: repositoryRoot.appendingPathComponent("docs/scenario-format.md"), encoding: .utf8)
        let section = try #require(guide.range(of: "## A complete example"))
        let open = try #require(guide.range(of: "```json\n", range: section.upperBound..<guide.endIndex))
        let close = try #require(guide.range(of: "\n```", range: open.upperBound..<guide.endIndex))
        let result = lint(String(guide[open.upperBound..<close.lowerBound]), file: "stockroom-delivery.json")
        #expect(result.diagnostics.isEmpty, "\(result.listing)")
        let analysis = try #require(result.analysis)
        #expect(analysis.bounds == bounds((-1, 3), (-1, 3)))
        #expect(analysis.pathCount.description == "4")
        #expect(analysis.scoringCycles.isEmpty)
        #expect(analysis.endingCount == 3)
        #expect(analysis.reachableEndingCount == 3)
        #expect(analysis.decisionCount == 4)
        #expect(analysis.shortestPath == 2)
    }

    @Test func extraAxesGetTheirOwnBounds() throws {
        let object = scenarioObject(start: "a", [
            decision("a", [
                choice("x", to: "end", manager: 1, extra: ["scores": ["manager": 1, "customer": 4]]),
                choice("y", to: "end", leader: 1, extra: ["scores": ["leader": 1, "customer": -2]]),
            ]),
            ending("end"),
        ], extra: ["axes": ["customer"]])
        let result = lint(object)
        #expect(result.diagnostics.isEmpty, "\(result.listing)")
        let analysis = try #require(result.analysis)
        #expect(analysis.bounds == bounds((0, 1), (0, 1), (-2, 4)))
        #expect(analysis.best(axis: 2, from: 0) == 4)
        #expect(analysis.worst(axis: 2, from: 0) == -2)
    }

    // MARK: Cycles

    /// Opening, with a detour through `numbers` and back; `back` scores `backScore`.
    private func loopScenario(backScore: Int) -> [String: Any] {
        scenarioObject(start: "opening", [
            decision("opening", [
                choice("look", to: "numbers"),
                choice("direct", to: "end", manager: 2),
                choice("ask", to: "end", manager: 1, leader: 2),
            ]),
            decision("numbers", [choice("back", to: "opening", manager: backScore)]),
            ending("end"),
        ])
    }

    @Test func detectsAScoringCycle() throws {
        let result = lint(loopScenario(backScore: 1))
        let analysis = try #require(result.analysis)
        #expect(analysis.scoringCycles.count == 1)
        let cycle = try #require(analysis.scoringCycles.first)
        #expect(cycle.scene == 1 && cycle.choice == 0)
        #expect(cycle.scenes == [0, 1])
        #expect(result.codes == [.scoringCycle], "\(result.listing)")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.path == "scenes[1].choices[0].scores")
        #expect(diagnostic.message.contains("manager +1"))
    }

    @Test func zeroScoreLoopIsNoCycleAndChangesNoBound() throws {
        let looped = lint(loopScenario(backScore: 0))
        #expect(looped.diagnostics.isEmpty, "\(looped.listing)")
        let analysis = try #require(looped.analysis)
        #expect(analysis.scoringCycles.isEmpty)
        #expect(analysis.bounds == bounds((1, 2), (0, 2)))
        #expect(analysis.pathCount.description == "2")
        #expect(analysis.shortestPath == 1)
    }

    @Test func selfLoopsCountAsLoops() throws {
        func scenario(selfScore: Int) -> [String: Any] {
            scenarioObject(start: "a", [
                decision("a", [choice("again", to: "a", leader: selfScore), choice("go", to: "end", manager: 1)]),
                ending("end"),
            ])
        }
        let scoring = lint(scenario(selfScore: -1))
        #expect(scoring.codes == [.scoringCycle], "\(scoring.listing)")
        #expect(scoring.analysis?.scoringCycles.first?.scenes == [0])
        let zero = lint(scenario(selfScore: 0))
        #expect(zero.diagnostics.isEmpty, "\(zero.listing)")
        #expect(zero.analysis?.bounds == bounds((1, 1), (0, 0)))
    }

    @Test func reportsEachScoringLoopOnce() throws {
        let object = scenarioObject(start: "a", [
            decision("a", [choice("to-b", to: "b", manager: 1), choice("on", to: "c")]),
            decision("b", [choice("to-a", to: "a", leader: 1), choice("to-a-again", to: "a", leader: 2)]),
            decision("c", [choice("to-d", to: "d"), choice("out", to: "end", manager: 1)]),
            decision("d", [choice("to-c", to: "c", manager: -3)]),
            ending("end"),
        ])
        let result = lint(object)
        #expect(result.diagnostics(.scoringCycle).count == 2, "\(result.listing)")
        let analysis = try #require(result.analysis)
        #expect(Set(analysis.scoringCycles.map(\.scenes)) == [[0, 1], [2, 3]])
    }

    // MARK: Traps and reachability

    @Test func findsTrapsAndUnreachableScenes() throws {
        let object = scenarioObject(start: "opening", [
            decision("opening", [choice("finish", to: "end", manager: 1), choice("wander", to: "stuck", leader: 3)]),
            decision("stuck", [choice("on", to: "still-stuck")]),
            decision("still-stuck", [choice("back", to: "stuck")]),
            ending("end"),
            ending("orphan"),
        ])
        let result = lint(object)
        let analysis = try #require(result.analysis)
        #expect(analysis.canReachEnding == [true, false, false, true, true])
        #expect(analysis.reachable == [true, true, true, true, false])
        #expect(analysis.endingCount == 2)
        #expect(analysis.reachableEndingCount == 1)
        // Bounds count only complete paths: the trap's leader 3 is never banked.
        #expect(analysis.bounds == bounds((1, 1), (0, 0)))
        #expect(analysis.pathCount.description == "1")
        #expect(result.diagnostics(.trap).map(\.path) == ["scenes[1]", "scenes[2]"])
        #expect(result.diagnostics(.unreachableScene).map(\.path) == ["scenes[4]"])
        #expect(result.diagnostics(.unreachableScene).first?.severity == .warning)
        #expect(Set(result.codes) == [.trap, .unreachableScene], "\(result.listing)")
    }

    @Test func aStartWithNoWayOutHasNoBounds() throws {
        let object = scenarioObject(start: "a", [
            decision("a", [choice("on", to: "b")]),
            decision("b", [choice("back", to: "a")]),
            ending("end"),
        ])
        let result = lint(object)
        let analysis = try #require(result.analysis)
        #expect(analysis.bounds == nil)
        #expect(analysis.pathCount.isZero)
        #expect(analysis.shortestPath == nil)
        #expect(analysis.longestPath == nil)
        #expect(result.diagnostics(.trap).count == 2)
    }
}
