import Foundation
import TwofoldCore

/// One learner's attempt in progress: the engine, with every step saved before the
/// method that took it returns — so the next scene is never shown before the decision
/// that led to it is on disk.
public final class PlaySession {
    /// What one step did, for the step log.
    public enum Step: String, Sendable {
        case choose, back, restart
    }

    /// The session's id in the records store (the attempt id in reports).
    public let id: String
    public let learner: String
    public let options: AttemptOptions
    public let analysis: ScenarioAnalysis
    public private(set) var engine: Engine
    private let clock: any Clock
    private let save: (SessionState, Step, [String: String]) throws -> Void

    /// A session over `engine`; `save` persists each step (the records store in the
    /// program, a list in tests) and must throw when it cannot.
    public init(id: String, learner: String, options: AttemptOptions, engine: Engine, analysis: ScenarioAnalysis,
                clock: any Clock, save: @escaping (SessionState, Step, [String: String]) throws -> Void) {
        self.id = id
        self.learner = learner
        self.options = options
        self.engine = engine
        self.analysis = analysis
        self.clock = clock
        self.save = save
    }

    public var mode: AttemptMode { engine.state.mode }
    public var scenario: Scenario { engine.scenario }

    /// Takes choice `number` (1-based among those offered) and saves the step.
    @discardableResult
    public func choose(_ number: Int) throws -> Engine.Outcome {
        var next = engine
        let outcome = try next.choose(number, at: clock.now())
        try save(next.state, .choose, ["scene": outcome.decision.scene, "choice": outcome.decision.choice])
        engine = next
        return outcome
    }

    /// Takes back the last decision and saves the step; refused in an assessed attempt.
    @discardableResult
    public func back() throws -> Decision {
        guard mode != .assessed else { throw PlayRefusal.assessed("back") }
        var next = engine
        let undone = try next.back(at: clock.now())
        try save(next.state, .back, ["scene": undone.scene, "choice": undone.choice])
        engine = next
        return undone
    }

    /// Starts the scenario again and saves the step; refused in an assessed attempt.
    public func restart() throws {
        guard mode != .assessed else { throw PlayRefusal.assessed("restart") }
        var next = engine
        next.restart(at: clock.now())
        try save(next.state, .restart, [:])
        engine = next
    }

    /// The scores of the decisions that stand.
    public var scoreCard: ScoreCard { ScoreCard(decisions: engine.state.decisions, scenario: scenario, analysis: analysis) }
}

/// A command the attempt's mode does not allow, with the reason to show.
public enum PlayRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    case assessed(String)

    public var description: String {
        switch self {
        case .assessed(let command):
            return "this is an assessed attempt: `\(command)` is not available, and every choice stands"
        }
    }
}
