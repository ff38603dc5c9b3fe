import Foundation

/// Plays one scenario: an explicit state machine over immutable content.
///
/// Phases: `deciding` (a decision scene is shown and choices are offered) and
/// `finished` (an ending was reached). Every operation checks the phase and its
/// arguments and throws ``EngineError`` rather than guessing.
public struct Engine: Sendable {
    public enum Phase: Sendable, Equatable {
        case deciding
        case finished
    }

    /// What happened when a choice was made.
    public struct Outcome: Sendable {
        public var choice: Choice
        public var decision: Decision
        /// The scene now shown.
        public var scene: Scene
    }

    public let scenario: Scenario
    public private(set) var state: SessionState
    private var sceneIndex: Int

    /// Starts a new session at the scenario's start scene. The scenario must lint clean.
    public init(scenario: Scenario, fingerprint: String, at now: Date) {
        precondition(scenario.startIndex != nil, "a playable scenario has a start scene")
        self.scenario = scenario
        sceneIndex = scenario.startIndex!
        state = SessionState(scenarioID: scenario.id, fingerprint: fingerprint, scene: scenario.start,
                             variables: Variables(initialFor: scenario), at: now)
    }

    /// Resumes a saved session, checking that it belongs to this exact scenario file and
    /// that every decision replays onto it (flags and counters are recomputed by replay).
    public init(scenario: Scenario, fingerprint: String, resuming saved: SessionState) throws {
        guard saved.version <= SessionState.currentVersion else { throw EngineError.newerSave(saved.version) }
        guard saved.scenarioID == scenario.id else {
            throw EngineError.otherScenario(saved: saved.scenarioID, scenario: scenario.id)
        }
        guard saved.fingerprint == fingerprint else { throw EngineError.scenarioChanged }
        var engine = Engine(scenario: scenario, fingerprint: fingerprint, at: saved.startedAt)
        for decision in saved.decisions {
            let offered = engine.offeredChoices()
            guard engine.currentScene.id == decision.scene,
                  let number = offered.firstIndex(where: { $0.id == decision.choice }) else {
                throw EngineError.inconsistentSave("decision \(decision.choice) at \(decision.scene) is not on offer")
            }
            _ = try engine.choose(number + 1, at: decision.at)
        }
        guard engine.currentScene.id == saved.scene, engine.state.variables == saved.variables else {
            throw EngineError.inconsistentSave("the saved scene \(saved.scene) is not where the decisions lead")
        }
        engine.state = saved
        self = engine
    }

    public var phase: Phase { scenario.scenes[sceneIndex].isEnding ? .finished : .deciding }

    public var currentScene: Scene { scenario.scenes[sceneIndex] }

    /// The choices on offer now, in file order, conditions applied. Numbered from 1.
    public func offeredChoices() -> [Choice] {
        guard phase == .deciding else { return [] }
        return scenario.scenes[sceneIndex].choices.filter { state.variables.offers($0) }
    }

    /// Takes choice `number` (1-based among those offered).
    @discardableResult
    public mutating func choose(_ number: Int, at now: Date) throws -> Outcome {
        guard phase == .deciding else { throw EngineError.finished }
        // Find the choice in place: no array of offered choices, no copy of the scene, so a
        // step costs the same in a scenario of any size.
        let choices = scenario.scenes[sceneIndex].choices
        var offeredCount = 0
        var picked: Int?
        for index in choices.indices where state.variables.offers(choices[index]) {
            offeredCount += 1
            if offeredCount == number { picked = index }
        }
        guard number >= 1, let picked else {
            throw EngineError.noSuchChoice(number, offered: offeredCount)
        }
        let choice = choices[picked]
        var scores: [String: Int] = [:]
        for axis in scenario.axes { scores[axis.name] = choice.scores[axis] }
        let decision = Decision(scene: state.scene, choice: choice.id, scores: scores, at: now,
                                seconds: max(0, now.timeIntervalSince(state.sceneShownAt)))
        state.decisions.append(decision)
        state.variables.apply(choice.effects)
        state.turn += 1
        sceneIndex = choice.target
        state.scene = choice.next
        state.sceneShownAt = now
        return Outcome(choice: choice, decision: decision, scene: currentScene)
    }

    /// Takes back the last decision that stands (`back`), returning it.
    @discardableResult
    public mutating func back(at now: Date) throws -> Decision {
        guard let last = state.decisions.last else { throw EngineError.nothingToUndo }
        var replay = Engine(scenario: scenario, fingerprint: state.fingerprint, at: state.startedAt)
        for decision in state.decisions.dropLast() {
            let number = replay.offeredChoices().firstIndex { $0.id == decision.choice }! + 1
            try replay.choose(number, at: decision.at)
        }
        var restored = state
        restored.decisions.removeLast()
        restored.variables = replay.state.variables
        restored.scene = replay.state.scene
        restored.turn += 1
        restored.sceneShownAt = now
        state = restored
        sceneIndex = replay.sceneIndex
        return last
    }

    /// Goes back to the start with no decisions (`restart`).
    public mutating func restart(at now: Date) {
        let turn = state.turn
        let started = state.startedAt
        self = Engine(scenario: scenario, fingerprint: state.fingerprint, at: now)
        state.turn = turn + 1
        state.startedAt = started
    }

    /// Each decision that stands with its scene and choice from the scenario.
    public func path() -> [(scene: Scene, choice: Choice)] {
        state.decisions.compactMap { decision in
            guard let scene = scenario.scene(id: decision.scene),
                  let choice = scene.choices.first(where: { $0.id == decision.choice }) else { return nil }
            return (scene, choice)
        }
    }
}
