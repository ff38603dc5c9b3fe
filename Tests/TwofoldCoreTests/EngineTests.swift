import Foundation
import Testing
@testable import TwofoldCore
import TwofoldTestSupport

/// The play engine: phases, offered choices, choose, back, restart and resume, plus a JSON
/// round-trip of the session state after every step of random walks over every bundled
/// scenario.
@Suite("Engine")
struct EngineTests {
    // MARK: Fixtures

    /// A fixed clock: whole milliseconds, so dates survive the JSON round-trip exactly.
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)
    static func at(_ seconds: Double) -> Date { t0.addingTimeInterval(seconds) }

    /// opening → (a: middle | b: middle) → middle → (c: end-one | d: end-two), with a flag
    /// set by `a`, a counter raised by `a` and `b`, and choices offered only under conditions.
    ///
    /// - `opening`: `a` (+2 manager, sets `asked`, trust +1), `b` (+1 leader, trust +2)
    /// - `middle`: `plain` (always), `asked-only` (when `asked`), `trusted` (when trust ≥ 2),
    ///   `never-asked` (when not `asked`, and trust at most 1)
    static var conditionalJSON: [String: Any] { scenarioObject(
        start: "opening",
        [
            decision("opening", [
                choice("a", to: "middle", manager: 2, extra: ["set": ["asked"], "add": ["trust": 1]]),
                choice("b", to: "middle", leader: 1, extra: ["add": ["trust": 2]]),
            ]),
            decision("middle", [
                choice("plain", to: "end-one", manager: 1, leader: 1),
                choice("asked-only", to: "end-two", manager: 3, extra: ["when": ["flag": "asked"]]),
                choice("trusted", to: "end-two", leader: 3, extra: ["when": ["counter": "trust", "atLeast": 2]]),
                choice("never-asked", to: "end-one", leader: -1, extra: [
                    "when": ["all": [["notFlag": "asked"], ["counter": "trust", "atMost": 1]]],
                ]),
            ]),
            ending("end-one"),
            ending("end-two"),
        ],
        extra: ["flags": ["asked"], "counters": ["trust": 0]]) }

    static func load(_ object: [String: Any]) throws -> (Scenario, String) {
        let data = jsonData(object)
        let result = ScenarioLoader.load(data, file: "engine.json")
        let scenario = try #require(result.playable, "\(result.listing)")
        return (scenario, Fingerprint.of(data))
    }

    static func conditional() throws -> Engine {
        let (scenario, fingerprint) = try load(conditionalJSON)
        return Engine(scenario: scenario, fingerprint: fingerprint, at: t0)
    }

    // MARK: Phases and offered choices

    @Test("a new session is deciding at the start scene with no decisions")
    func startsDeciding() throws {
        let engine = try Self.conditional()
        #expect(engine.phase == .deciding)
        #expect(engine.currentScene.id == "opening")
        #expect(engine.state.scene == "opening")
        #expect(engine.state.decisions.isEmpty)
        #expect(engine.state.turn == 0)
        #expect(engine.state.variables == Variables(flags: [], counters: ["trust": 0]))
        #expect(engine.state.startedAt == Self.t0)
        #expect(engine.state.version == SessionState.currentVersion)
        #expect(engine.offeredChoices().map(\.id) == ["a", "b"])
    }

    @Test("choosing moves on, records the decision with its deltas and timing, and applies effects")
    func chooseRecords() throws {
        var engine = try Self.conditional()
        let outcome = try engine.choose(1, at: Self.at(12.5))
        #expect(outcome.choice.id == "a")
        #expect(outcome.scene.id == "middle")
        #expect(outcome.decision == Decision(scene: "opening", choice: "a", scores: ["manager": 2, "leader": 0],
                                             at: Self.at(12.5), seconds: 12.5))
        #expect(engine.state.decisions == [outcome.decision])
        #expect(engine.state.scene == "middle")
        #expect(engine.state.turn == 1)
        #expect(engine.state.sceneShownAt == Self.at(12.5))
        #expect(engine.state.variables == Variables(flags: ["asked"], counters: ["trust": 1]))
    }

    @Test("conditions decide which choices are offered, numbered from 1 in file order")
    func conditionsFilterChoices() throws {
        var afterA = try Self.conditional()
        try afterA.choose(1, at: Self.at(1))
        #expect(afterA.offeredChoices().map(\.id) == ["plain", "asked-only"])

        var afterB = try Self.conditional()
        try afterB.choose(2, at: Self.at(1))
        #expect(afterB.state.variables == Variables(flags: [], counters: ["trust": 2]))
        #expect(afterB.offeredChoices().map(\.id) == ["plain", "trusted"])
        // Number 2 is the second choice *on offer*, not the second in the file.
        let outcome = try afterB.choose(2, at: Self.at(2))
        #expect(outcome.choice.id == "trusted")
        #expect(afterB.currentScene.id == "end-two")
    }

    @Test("reaching an ending finishes the session and offers nothing")
    func endingFinishes() throws {
        var engine = try Self.conditional()
        try engine.choose(1, at: Self.at(1))
        let outcome = try engine.choose(1, at: Self.at(2))
        #expect(outcome.scene.id == "end-one")
        #expect(engine.phase == .finished)
        #expect(engine.currentScene.ending?.title == "Ending end-one")
        #expect(engine.offeredChoices().isEmpty)
        #expect(engine.path().map { "\($0.scene.id)/\($0.choice.id)" } == ["opening/a", "middle/plain"])
    }

    // MARK: Errors change nothing

    @Test("an out-of-range number throws and changes nothing", arguments: [0, -1, 3, 99, Int.max, Int.min])
    func outOfRange(_ number: Int) throws {
        var engine = try Self.conditional()
        try engine.choose(2, at: Self.at(1))
        let before = engine.state
        #expect(throws: EngineError.noSuchChoice(number, offered: 2)) {
            try engine.choose(number, at: Self.at(5))
        }
        #expect(engine.state == before)
        #expect(engine.currentScene.id == "middle")
        #expect(engine.offeredChoices().map(\.id) == ["plain", "trusted"])
    }

    @Test("a choice hidden by its condition cannot be taken by number")
    func hiddenChoiceNotTakeable() throws {
        var engine = try Self.conditional()
        try engine.choose(1, at: Self.at(1))  // middle offers plain, asked-only
        let before = engine.state
        #expect(throws: EngineError.noSuchChoice(3, offered: 2)) { try engine.choose(3, at: Self.at(2)) }
        #expect(engine.state == before)
    }

    @Test("choosing after the end throws and changes nothing")
    func chooseAfterEnd() throws {
        var engine = try Self.conditional()
        try engine.choose(1, at: Self.at(1))
        try engine.choose(1, at: Self.at(2))
        let before = engine.state
        #expect(throws: EngineError.finished) { try engine.choose(1, at: Self.at(3)) }
        #expect(engine.state == before)
        #expect(engine.phase == .finished)
    }

    @Test("error messages read well")
    func errorMessages() {
        #expect(EngineError.noSuchChoice(5, offered: 3).description == "choose a number from 1 to 3 (you typed 5)")
        #expect(EngineError.noSuchChoice(2, offered: 1).description == "there is only choice 1 here (you typed 2)")
        #expect(EngineError.scenarioChanged.description.contains("changed"))
        #expect(EngineError.newerSave(7).description.contains("7"))
    }

    // MARK: Back and restart

    @Test("back at the first decision throws and changes nothing")
    func backAtStart() throws {
        var engine = try Self.conditional()
        let before = engine.state
        #expect(throws: EngineError.nothingToUndo) { try engine.back(at: Self.at(1)) }
        #expect(engine.state == before)
    }

    @Test("back undoes the last decision, its effects and its scene; the turn still grows")
    func backUndoes() throws {
        var engine = try Self.conditional()
        try engine.choose(1, at: Self.at(1))
        let afterFirst = engine.state
        try engine.choose(2, at: Self.at(2))
        #expect(engine.phase == .finished)

        let undone = try engine.back(at: Self.at(3))
        #expect(undone.scene == "middle" && undone.choice == "asked-only")
        #expect(engine.phase == .deciding)
        #expect(engine.currentScene.id == "middle")
        #expect(engine.state.decisions == afterFirst.decisions)
        #expect(engine.state.variables == afterFirst.variables)
        #expect(engine.state.turn == 3)
        #expect(engine.state.sceneShownAt == Self.at(3))

        let first = try engine.back(at: Self.at(4))
        #expect(first.choice == "a")
        #expect(engine.currentScene.id == "opening")
        #expect(engine.state.decisions.isEmpty)
        #expect(engine.state.variables == Variables(flags: [], counters: ["trust": 0]))
        #expect(engine.state.turn == 4)
        #expect(engine.offeredChoices().map(\.id) == ["a", "b"])

        // A different branch after undoing: the old flag does not linger.
        try engine.choose(2, at: Self.at(5))
        #expect(engine.offeredChoices().map(\.id) == ["plain", "trusted"])
    }

    @Test("restart clears every decision and variable, keeps the start time, and the turn still grows")
    func restartClears() throws {
        var engine = try Self.conditional()
        try engine.choose(1, at: Self.at(1))
        try engine.choose(1, at: Self.at(2))
        engine.restart(at: Self.at(10))
        #expect(engine.phase == .deciding)
        #expect(engine.currentScene.id == "opening")
        #expect(engine.state.decisions.isEmpty)
        #expect(engine.state.variables == Variables(flags: [], counters: ["trust": 0]))
        #expect(engine.state.turn == 3)
        #expect(engine.state.startedAt == Self.t0)
        #expect(engine.state.sceneShownAt == Self.at(10))
        #expect(throws: EngineError.nothingToUndo) { try engine.back(at: Self.at(11)) }
    }

    // MARK: Resume

    @Test("resuming a saved state continues at the same scene with the same choices and variables")
    func resumes() throws {
        var engine = try Self.conditional()
        try engine.choose(2, at: Self.at(1))
        let saved = try SessionState.decode(try engine.state.encoded())
        #expect(saved == engine.state)
        var resumed = try Engine(scenario: engine.scenario, fingerprint: engine.state.fingerprint, resuming: saved)
        #expect(resumed.state == engine.state)
        #expect(resumed.currentScene.id == "middle")
        #expect(resumed.offeredChoices().map(\.id) == ["plain", "trusted"])
        // It plays on and can undo the decision made before the save.
        try resumed.choose(2, at: Self.at(3))
        #expect(resumed.currentScene.id == "end-two")
        try resumed.back(at: Self.at(4))
        try resumed.back(at: Self.at(5))
        #expect(resumed.currentScene.id == "opening")
    }

    @Test("a finished session resumes as finished")
    func resumesFinished() throws {
        var engine = try Self.conditional()
        try engine.choose(1, at: Self.at(1))
        try engine.choose(2, at: Self.at(2))
        let resumed = try Engine(scenario: engine.scenario, fingerprint: engine.state.fingerprint, resuming: engine.state)
        #expect(resumed.phase == .finished)
        #expect(resumed.currentScene.id == "end-two")
    }

    @Test("a save made against another version of the file is refused")
    func refusesChangedFingerprint() throws {
        var engine = try Self.conditional()
        try engine.choose(1, at: Self.at(1))
        #expect(throws: EngineError.scenarioChanged) {
            try Engine(scenario: engine.scenario, fingerprint: "fnv1a64:0000000000000000", resuming: engine.state)
        }
    }

    @Test("a save of another scenario is refused")
    func refusesOtherScenario() throws {
        let engine = try Self.conditional()
        var saved = engine.state
        saved.scenarioID = "another-scenario"
        #expect(throws: EngineError.otherScenario(saved: "another-scenario", scenario: "test-scenario")) {
            try Engine(scenario: engine.scenario, fingerprint: engine.state.fingerprint, resuming: saved)
        }
    }

    @Test("an inconsistent save is refused, never replayed onto the wrong scenes")
    func refusesInconsistentSave() throws {
        var engine = try Self.conditional()
        try engine.choose(1, at: Self.at(1))
        let good = engine.state
        let scenario = engine.scenario
        let fingerprint = good.fingerprint

        func refused(_ change: (inout SessionState) -> Void, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
            var saved = good
            change(&saved)
            do {
                _ = try Engine(scenario: scenario, fingerprint: fingerprint, resuming: saved)
                Issue.record("an inconsistent save was accepted", sourceLocation: sourceLocation)
            } catch let error as EngineError {
                guard case .inconsistentSave = error else {
                    Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
                    return
                }
            } catch {
                Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
            }
        }
        refused { $0.scene = "end-one" }                        // not where the decisions lead
        refused { $0.scene = "no-such-scene" }
        refused { $0.decisions[0].choice = "no-such-choice" }   // a choice that is gone
        refused { $0.decisions[0].scene = "middle" }            // a decision at the wrong scene
        refused { $0.variables.flags = [] }                     // variables that replay does not give
        refused { $0.variables.counters["trust"] = 7 }
        refused {                                                // a choice that was never on offer
            $0.decisions.append(Decision(scene: "middle", choice: "trusted", scores: [:], at: Self.at(2), seconds: 1))
            $0.scene = "end-two"
        }
    }

    @Test("a save written by a newer Twofold is refused, when decoded and when resumed")
    func refusesNewerSave() throws {
        let engine = try Self.conditional()
        var newer = engine.state
        newer.version = SessionState.currentVersion + 1
        #expect(throws: EngineError.newerSave(SessionState.currentVersion + 1)) {
            try SessionState.decode(try newer.encoded())
        }
        #expect(throws: EngineError.newerSave(SessionState.currentVersion + 1)) {
            try Engine(scenario: engine.scenario, fingerprint: engine.state.fingerprint, resuming: newer)
        }
    }

    @Test("bytes that are not a saved session are refused", arguments: ["", "{}", "[1,2]", "not json", #"{"version": 1}"#])
    func refusesUnreadableSave(_ text: String) {
        #expect(throws: EngineError.unreadableSave) { try SessionState.decode(Data(text.utf8)) }
    }

    @Test("the saved JSON is deterministic, with full UTC dates to the millisecond")
    func deterministicEncoding() throws {
        var engine = try Self.conditional()
        try engine.choose(1, at: Self.at(1.25))
        let text = String(decoding: try engine.state.encoded(), as: UTF8.self)
        #expect(text.contains(#""flags":["asked"]"#))
        #expect(text.contains(#""at":"2027-01-15T08:00:01.250Z""#), "\(text)")
        #expect(text.contains(#""startedAt":"2027-01-15T08:00:00.000Z""#), "\(text)")

        // The same values give the same bytes, whatever order flags were set in.
        var first = engine.state
        var second = engine.state
        first.variables.flags = []
        second.variables.flags = []
        for flag in ["b", "a", "c", "asked"] { first.variables.flags.insert(flag) }
        for flag in ["asked", "c", "a", "b"] { second.variables.flags.insert(flag) }
        #expect(try first.encoded() == second.encoded())
        #expect(String(decoding: try first.encoded(), as: UTF8.self).contains(#""flags":["a","asked","b","c"]"#))
    }

    @Test("saved times keep whole milliseconds and do not drift over repeated save and resume",
          arguments: [0.0, 0.0005, 0.9996, 1.25, 12.781999945640564, 63.526000022888184, 86_399.9999])
    func timesDoNotDrift(_ offset: Double) throws {
        let date = Self.at(offset)
        let text = ISO8601.string(date, fractional: true)
        #expect(text.range(of: #"^2027-01-1[56]T\d\d:\d\d:\d\d\.\d{3}Z$"#, options: .regularExpression) != nil, "\(text)")
        let parsed = try #require(ISO8601.date(text))
        #expect(abs(parsed.timeIntervalSince(date)) <= 0.0005 + 1e-6)
        #expect(ISO8601.string(parsed, fractional: true) == text)
        #expect(ISO8601.string(date) == ISO8601.string(Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))))
    }

    @Test("a date with a field out of range is refused, never rolled over")
    func datesAreStrict() {
        #expect(ISO8601.date("2026-11-29T10:01:32Z") == Date(timeIntervalSince1970: 1_795_946_492))
        #expect(ISO8601.date("2026-11-29T12:01:32.250+02:00") == Date(timeIntervalSince1970: 1_795_946_492.25))
        #expect(ISO8601.date("2024-02-29T00:00:00Z") != nil)
        for text in ["2026-11-29T10:01:92Z", "2026-11-29T10:61:00Z", "2026-11-29T24:00:00Z", "2026-02-29T00:00:00Z",
                     "2026-02-30T10:00:00Z", "2026-13-01T00:00:00Z", "2026-00-10T00:00:00Z", "2026-11-29T10:00:00+25:00",
                     "2026-11-29T10:00:00", "2026-11-29T10:00:00Zjunk", "2026-11-29 10:00:00Z", ""] {
            #expect(ISO8601.date(text) == nil, "\(text)")
        }
    }

    // MARK: Round-trip after every step of random walks

    static let bundledScenarioFiles: [String] = LoaderTests.bundledScenarios

    @Test("the state round-trips through JSON after every step of random walks", arguments: bundledScenarioFiles)
    func roundTripEveryStep(_ relative: String) throws {
        let data = try Data(contentsOf: bundledScenarioFolder.appendingPathComponent(relative))
        let result = ScenarioLoader.load(data, file: relative)
        let scenario = try #require(result.playable, "\(result.listing)")
        let fingerprint = Fingerprint.of(data)
        var random = SeededGenerator(seed: UInt64(truncatingIfNeeded: relative.hashValueStable))
        var clock = 0.0
        var steps = 0
        for _ in 0..<8 {
            var engine = Engine(scenario: scenario, fingerprint: fingerprint, at: Self.at(clock))
            try Self.checkRoundTrip(engine, scenario: scenario, fingerprint: fingerprint)
            var walkSteps = 0
            while engine.phase == .deciding && walkSteps < 60 {
                clock += Double(Int.random(in: 1...90_000, using: &random)) / 1000  // whole milliseconds
                let roll = Int.random(in: 0..<20, using: &random)
                if roll == 0 {
                    engine.restart(at: Self.at(clock))
                } else if roll <= 3 && !engine.state.decisions.isEmpty {
                    try engine.back(at: Self.at(clock))
                } else {
                    let offered = engine.offeredChoices()
                    try #require(!offered.isEmpty, "a reachable decision offers a choice")
                    try engine.choose(Int.random(in: 1...offered.count, using: &random), at: Self.at(clock))
                }
                walkSteps += 1
                steps += 1
                try Self.checkRoundTrip(engine, scenario: scenario, fingerprint: fingerprint)
            }
        }
        #expect(steps > 8)
    }

    /// The state with every date rounded to the millisecond, the precision saves keep.
    static func toMilliseconds(_ state: SessionState) -> SessionState {
        func round(_ date: Date) -> Date { Date(timeIntervalSince1970: (date.timeIntervalSince1970 * 1000).rounded() / 1000) }
        var state = state
        state.startedAt = round(state.startedAt)
        state.sceneShownAt = round(state.sceneShownAt)
        for index in state.decisions.indices { state.decisions[index].at = round(state.decisions[index].at) }
        return state
    }

    /// encode → decode → resume gives the same scene, choices, variables and state.
    static func checkRoundTrip(_ engine: Engine, scenario: Scenario, fingerprint: String,
                               sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let decoded = try SessionState.decode(try engine.state.encoded())
        #expect(toMilliseconds(decoded) == toMilliseconds(engine.state), sourceLocation: sourceLocation)
        #expect(try decoded.encoded() == engine.state.encoded(), "a second round-trip is exact", sourceLocation: sourceLocation)
        let resumed = try Engine(scenario: scenario, fingerprint: fingerprint, resuming: decoded)
        #expect(resumed.currentScene.id == engine.currentScene.id, sourceLocation: sourceLocation)
        #expect(resumed.phase == engine.phase, sourceLocation: sourceLocation)
        #expect(resumed.offeredChoices().map(\.id) == engine.offeredChoices().map(\.id), sourceLocation: sourceLocation)
        #expect(resumed.state.variables == engine.state.variables, sourceLocation: sourceLocation)
        #expect(resumed.state == decoded, sourceLocation: sourceLocation)
        #expect(resumed.path().map(\.choice.id) == engine.path().map(\.choice.id), sourceLocation: sourceLocation)
    }

    @Test("random walks cover conditional choices too")
    func roundTripConditionalFixture() throws {
        let (scenario, fingerprint) = try Self.load(Self.conditionalJSON)
        var random = SeededGenerator(seed: 42)
        for walk in 0..<40 {
            var engine = Engine(scenario: scenario, fingerprint: fingerprint, at: Self.at(Double(walk)))
            var clock = Double(walk)
            while engine.phase == .deciding {
                clock += 0.5
                if Int.random(in: 0..<4, using: &random) == 0, !engine.state.decisions.isEmpty {
                    try engine.back(at: Self.at(clock))
                } else {
                    try engine.choose(Int.random(in: 1...engine.offeredChoices().count, using: &random), at: Self.at(clock))
                }
                try Self.checkRoundTrip(engine, scenario: scenario, fingerprint: fingerprint)
            }
        }
    }
}

extension String {
    /// A hash that is the same in every run (Swift's `hashValue` is seeded per process).
    var hashValueStable: UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash
    }
}
