import Foundation

/// Plays one scenario: an explicit state machine over immutable content.
///
/// Phases: `deciding` (a decision scene is shown and choices are offered) and
/// `finished` (an ending was reached). Routers (`outcomes` scenes) are never shown: the
/// engine passes through them by the profile of the decisions so far. Every operation
/// checks the phase and its arguments and throws ``EngineError`` rather than guessing.
public struct Engine: Sendable {
    public enum Phase: Sendable, Equatable {
        case deciding
        case finished
    }

    /// What happened when a choice was made.
    ///
    /// The choice and the scene now shown are read from the scenario when asked for, not
    /// copied at every step: copying a scene retains its strings, and on a large scenario
    /// each of those is a cache miss (a step should cost the same at any size).
    public struct Outcome: Sendable {
        public var decision: Decision
        /// Routers passed through on the way to the scene now shown (their text is a bridge).
        public var routers: [Scene]
        private let scenes: [Scene]
        private let chosenAt: Int
        private let choiceIndex: Int
        private let shown: Int

        init(decision: Decision, routers: [Scene], scenes: [Scene], chosenAt: Int, choiceIndex: Int, shown: Int) {
            self.decision = decision
            self.routers = routers
            self.scenes = scenes
            self.chosenAt = chosenAt
            self.choiceIndex = choiceIndex
            self.shown = shown
        }

        /// The choice taken.
        public var choice: Choice { scenes[chosenAt].choices[choiceIndex] }
        /// The scene now shown.
        public var scene: Scene { scenes[shown] }
    }

    public let scenario: Scenario
    public internal(set) var state: SessionState
    var sceneIndex: Int
    /// What routers compare the learner's totals with; nil when the scenario has none.
    let region: ProfileRegion?
    /// What a step reads of scenes and choices, packed (shared by engines made from this one).
    let steps: StepIndex

    /// Starts a new session at the scenario's start scene. The scenario must lint clean;
    /// pass its `analysis` when it is at hand (routing needs the bounds).
    public init(scenario: Scenario, fingerprint: String, at now: Date, mode: AttemptMode = .practice,
                analysis: ScenarioAnalysis? = nil) {
        precondition(scenario.startIndex != nil, "a playable scenario has a start scene")
        self.init(scenario: scenario, region: Engine.region(scenario, analysis), steps: StepIndex(scenario),
                  fingerprint: fingerprint, at: now, mode: mode)
    }

    init(scenario: Scenario, region: ProfileRegion?, steps: StepIndex, fingerprint: String, at now: Date, mode: AttemptMode) {
        self.scenario = scenario
        self.region = region
        self.steps = steps
        sceneIndex = scenario.startIndex!
        state = SessionState(scenarioID: scenario.id, fingerprint: fingerprint, scene: scenario.start,
                             variables: Variables(initialFor: scenario), at: now, mode: mode)
        _ = passRouters()
    }

    /// The profile regions routing uses, when the scenario has routers.
    static func region(_ scenario: Scenario, _ analysis: ScenarioAnalysis?) -> ProfileRegion? {
        guard scenario.hasRouters else { return nil }
        let analysis = analysis ?? ScenarioAnalysis(scenario)
        guard let bounds = analysis.bounds else { return nil }
        return ProfileRegion(manager: bounds[0], leader: bounds[1], threshold: scenario.threshold)
    }

    /// Resumes a saved session, checking that it belongs to this exact scenario file and
    /// that every decision replays onto it (flags and counters are recomputed by replay).
    public init(scenario: Scenario, fingerprint: String, resuming saved: SessionState,
                analysis: ScenarioAnalysis? = nil) throws {
        guard saved.version <= SessionState.currentVersion else { throw EngineError.newerSave(saved.version) }
        guard saved.scenarioID == scenario.id else {
            throw EngineError.otherScenario(saved: saved.scenarioID, scenario: scenario.id)
        }
        guard saved.fingerprint == fingerprint else { throw EngineError.scenarioChanged }
        var engine = Engine(scenario: scenario, fingerprint: fingerprint, at: saved.startedAt, mode: saved.mode, analysis: analysis)
        try engine.replay(saved.decisions) { _ in }
        guard engine.currentScene.id == saved.scene, engine.state.variables == saved.variables else {
            throw EngineError.inconsistentSave("the saved scene \(saved.scene) is not where the decisions lead")
        }
        engine.state = saved
        engine.state.version = SessionState.currentVersion
        self = engine
    }

    public var phase: Phase { steps.scenes[sceneIndex].kind == .ending ? .finished : .deciding }

    public var currentScene: Scene { scenario.scenes[sceneIndex] }

    /// The choices on offer now, in file order, conditions applied. Numbered from 1.
    public func offeredChoices() -> [Choice] {
        guard phase == .deciding else { return [] }
        let choices = scenario.scenes[sceneIndex].choices
        return steps.scenes[sceneIndex].conditional ? choices.filter { state.variables.offers($0) } : choices
    }

    /// How many choices are on offer now (``offeredChoices()`` without making the list).
    public var offeredCount: Int {
        guard phase == .deciding else { return 0 }
        let scene = steps.scenes[sceneIndex]
        return scene.conditional ? offeredChoices().count : Int(scene.choiceCount)
    }

    /// Takes choice `number` (1-based among those offered).
    @discardableResult
    public mutating func choose(_ number: Int, at now: Date) throws -> Outcome {
        guard phase == .deciding else { throw EngineError.finished }
        // Read what the step needs from the packed index; the scene's and the choice's own
        // values only for conditions, effects and extra axes.
        let from = sceneIndex
        let scene = steps.scenes[from]
        var offeredCount = Int(scene.choiceCount)
        var picked: Int? = number >= 1 && number <= offeredCount ? number - 1 : nil
        if scene.conditional {
            let choices = scenario.scenes[from].choices
            offeredCount = 0
            picked = nil
            for index in choices.indices where state.variables.offers(choices[index]) {
                offeredCount += 1
                if offeredCount == number { picked = index }
            }
        }
        guard number >= 1, let picked else {
            throw EngineError.noSuchChoice(number, offered: offeredCount)
        }
        let index = Int(scene.firstChoice) + picked
        let step = steps.choices[index]
        let scores = steps.profileAxesOnly ? Scores(manager: Int(step.manager), leader: Int(step.leader))
            : scenario.scenes[from].choices[picked].scores.on(scenario.axes)
        let decision = Decision(scene: state.scene, choice: step.id, scores: scores,
                                at: now, seconds: max(0, now.timeIntervalSince(state.sceneShownAt)), turn: state.turn,
                                takenBack: state.pendingTakenBack)
        state.decisions.append(decision)
        state.pendingTakenBack = []
        if step.hasEffects { state.variables.apply(scenario.scenes[from].choices[picked].effects) }
        state.turn += 1
        sceneIndex = Int(step.target)
        state.scene = step.next
        state.sceneShownAt = now
        let routers = passRouters()
        return Outcome(decision: decision, routers: routers, scenes: scenario.scenes, chosenAt: from, choiceIndex: picked, shown: sceneIndex)
    }

    /// Moves through routers to the scene they lead to, by the profile of the totals so
    /// far; returns the routers passed. Lint guarantees a router leads to a decision or an
    /// ending, so this ends at once; the guard only protects against unchecked content.
    private mutating func passRouters() -> [Scene] {
        var passed: [Scene] = []
        while steps.scenes[sceneIndex].kind == .router, passed.count < 8 {
            let router = scenario.scenes[sceneIndex]
            passed.append(router)
            let profile = routedProfile()
            guard let outcome = router.outcome(for: profile), outcome.target >= 0 else { break }
            sceneIndex = outcome.target
            state.scene = outcome.next
        }
        return passed
    }

    /// The profile of the decisions that stand, as a router sees it.
    public func routedProfile() -> ProfileKey {
        guard let region else { return .emerging }
        let totals = state.totals
        return Profile(managerPercent: region.managerPercent(totals.manager), leaderPercent: region.leaderPercent(totals.leader),
                       threshold: region.threshold).key
    }

    /// Takes back the last decision that stands (`back`), returning it. The choice is kept
    /// as taken back at its scene, and the attempt counts the take-back.
    @discardableResult
    public mutating func back(at now: Date) throws -> Decision {
        guard let last = state.decisions.last else { throw EngineError.nothingToUndo }
        var replayed = fresh(at: state.startedAt)
        try replayed.replay(state.decisions.dropLast()) { _ in }
        var restored = state
        restored.decisions.removeLast()
        restored.variables = replayed.state.variables
        restored.scene = replayed.state.scene
        restored.turn += 1
        restored.sceneShownAt = now
        restored.takeBacks += 1
        restored.pendingTakenBack = last.takenBack + [last.choice]
        state = restored
        sceneIndex = replayed.sceneIndex
        return last
    }

    /// Goes back to the start with no decisions (`restart`); the attempt counts it.
    public mutating func restart(at now: Date) {
        var restarted = fresh(at: now)
        restarted.state.turn = state.turn + 1
        restarted.state.startedAt = state.startedAt
        restarted.state.takeBacks = state.takeBacks
        restarted.state.restarts = state.restarts + 1
        self = restarted
    }

    /// A new session of the same scenario, file and mode.
    private func fresh(at now: Date) -> Engine {
        Engine(scenario: scenario, region: region, steps: steps, fingerprint: state.fingerprint, at: now, mode: state.mode)
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
