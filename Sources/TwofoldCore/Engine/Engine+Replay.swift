import Foundation

extension Engine {
    /// One decision replayed: the scene it was made at, the choices offered there at that
    /// moment (flags and counters applied), and the choice's number among them.
    public struct ReplayedStep: Sendable {
        public var decision: Decision
        public var scene: Scene
        public var offered: [Choice]
        /// 1-based among `offered`.
        public var number: Int

        public var choice: Choice { offered[number - 1] }
    }

    /// Replays `decisions` from where this engine stands, calling `step` with each before
    /// it is taken. The one replay every reader of a session uses: resume, `back`, group
    /// histories and reports.
    /// - Throws: ``EngineError/inconsistentSave(_:)`` when a decision is not on offer where
    ///   the path has led.
    public mutating func replay<Decisions: Sequence<Decision>>(
        _ decisions: Decisions, _ step: (ReplayedStep) throws -> Void
    ) throws {
        for decision in decisions {
            let offered = offeredChoices()
            guard currentScene.id == decision.scene,
                  let index = offered.firstIndex(where: { $0.id == decision.choice }) else {
                throw EngineError.inconsistentSave("decision \(decision.choice) at \(decision.scene) is not on offer")
            }
            try step(ReplayedStep(decision: decision, scene: currentScene, offered: offered, number: index + 1))
            _ = try choose(index + 1, at: decision.at)
        }
    }

    /// The decisions that stand, replayed from the start on a fresh engine.
    public func replayedSteps() throws -> [ReplayedStep] {
        var replay = Engine(scenario: scenario, region: region, steps: steps, fingerprint: state.fingerprint,
                            at: state.startedAt, mode: state.mode)
        var steps: [ReplayedStep] = []
        try replay.replay(state.decisions) { steps.append($0) }
        return steps
    }
}
