import Foundation
import TwofoldCore

/// Runs one play session at a prompt: shows scenes, reads choices and commands, keeps
/// the engine and the store in step, and hands back how the session ended.
///
/// Every decision is recorded (through `record`) before the next scene is shown, so a
/// session killed at any moment resumes at its last decision.
public final class PlayLoop {
    /// How a session ended.
    public enum Exit: Sendable {
        /// An ending was reached.
        case finished(Engine)
        /// `quit` or end of input: the session is saved and resumable.
        case saved(Engine)
        /// SIGTERM or SIGHUP: saved; the process should exit 128 + signal.
        case terminated(Engine, signal: Int32)
    }

    /// The kind of step being recorded.
    public enum Step: String, Sendable {
        case choose, back, restart
    }

    public static let commands = ["help", "status", "back", "restart", "path", "quit"]

    private var engine: Engine
    private let analysis: ScenarioAnalysis
    private let reader: LineReader
    private let screen: Screen
    private let now: @Sendable () -> Date
    private let record: (SessionState, Step, [String: String]) throws -> Void

    public init(engine: Engine, reader: LineReader, screen: Screen,
                analysis: ScenarioAnalysis? = nil,
                now: @escaping @Sendable () -> Date,
                record: @escaping (SessionState, Step, [String: String]) throws -> Void) {
        self.engine = engine
        self.analysis = analysis ?? ScenarioAnalysis(engine.scenario)
        self.reader = reader
        self.screen = screen
        self.now = now
        self.record = record
    }

    /// Plays until an ending, `quit`, end of input or a terminating signal.
    /// `resumed` says whether to greet the learner back instead of showing the briefing.
    public func run(resumed: Bool = false) throws -> Exit {
        showOpening(resumed: resumed)
        showScene()
        while engine.phase == .deciding {
            let offered = engine.offeredChoices()
            reader.completions = { _, _ in PlayLoop.commands + (1...max(1, offered.count)).map(String.init) }
            switch reader.read(prompt: "> ") {
            case .endOfInput:
                screen.line()
                sayGoodbye()
                return .saved(engine)
            case .terminated(let signal):
                screen.line()
                sayGoodbye()
                return .terminated(engine, signal: signal)
            case .interrupted:
                continue
            case .line(let text):
                if try handle(text, offered: offered) == false {
                    sayGoodbye()
                    return .saved(engine)
                }
            }
        }
        return .finished(engine)
    }

    /// Handles one line; returns false when the learner quits.
    private func handle(_ text: String, offered: [Choice]) throws -> Bool {
        let input = text.trimmingCharacters(in: .whitespaces)
        if input.isEmpty {
            screen.line(screen.dim("Type a choice number (1–\(offered.count)), or help."))
            return true
        }
        if let number = Int(input) {
            do {
                let outcome = try engine.choose(number, at: now())
                try record(engine.state, .choose, ["scene": outcome.decision.scene, "choice": outcome.decision.choice])
                showFeedback(outcome)
                showScene()
            } catch let error as EngineError {
                screen.line(TextSafety.terminal(error.description.prefix(1).uppercased() + error.description.dropFirst()) + ".")
            }
            return true
        }
        switch input.lowercased() {
        case "help", "?", "h":
            showHelp(offered: offered)
        case "status":
            showStatus()
        case "path":
            showPath()
        case "back", "undo":
            do {
                let undone = try engine.back(at: now())
                try record(engine.state, .back, ["scene": undone.scene, "choice": undone.choice])
                screen.line(screen.dim("Took back your choice at this scene."))
                showScene()
            } catch let error as EngineError {
                screen.line(error.description.prefix(1).uppercased() + error.description.dropFirst() + ".")
            }
        case "restart":
            engine.restart(at: now())
            try record(engine.state, .restart, [:])
            screen.line(screen.dim("Starting again from the beginning; your earlier decisions are cleared."))
            showScene()
        case "quit", "exit", "q":
            return false
        default:
            let shown = TextSafety.terminal(String(input.prefix(40)))
            let range = offered.count == 1 ? "1" : "a number from 1 to \(offered.count)"
            screen.line("“\(shown)” is not a choice or a command. Type \(range), or help.")
        }
        return true
    }

    // MARK: Presentation

    private func showOpening(resumed: Bool) {
        let scenario = engine.scenario
        screen.blank()
        screen.heading(scenario.title)
        if resumed {
            let count = engine.state.decisions.count
            screen.line(screen.dim("Welcome back. \(count) decision\(count == 1 ? "" : "s") so far; picking up where you left off."))
        } else if let briefing = scenario.briefing {
            screen.blank()
            screen.paragraph(briefing)
        }
        screen.blank()
        screen.line(screen.dim("Type a choice number, or help for commands (status, back, path, quit)."))
    }

    private func showScene() {
        let scene = engine.currentScene
        screen.blank()
        screen.paragraph(scene.text)
        if let ending = scene.ending {
            screen.blank()
            screen.line(screen.bold("Ending: ") + screen.bold(TextSafety.terminal(ending.title)))
            return
        }
        screen.blank()
        for (index, choice) in engine.offeredChoices().enumerated() {
            let number = "  \(index + 1). "
            let lines = TextLayout.wrap(TextSafety.terminal(choice.text), width: screen.columns, indent: number,
                                        hangingIndent: String(repeating: " ", count: number.count))
            for (position, line) in lines.enumerated() {
                screen.line(position == 0 ? screen.bold(String(line.prefix(number.count))) + String(line.dropFirst(number.count)) : line)
            }
        }
        screen.blank()
    }

    private func showFeedback(_ outcome: Engine.Outcome) {
        let deltas = engine.scenario.axes.map { axis in
            "\(axis.name) \(Screen.signed(outcome.decision.scores[axis.name] ?? 0))"
        }.joined(separator: "   ")
        screen.line("  " + screen.bold(deltas))
        screen.paragraph(outcome.choice.feedback, indent: "  ")
    }

    private func showHelp(offered: [Choice]) {
        let range = offered.count == 1 ? "1" : "1–\(offered.count)"
        screen.line("""
              \(range)       take that choice
              status    your manager and leader scores so far
              back      take back your last choice
              path      the decisions you have made so far
              restart   start the scenario again
              quit      save and leave (continue later with `twofold resume`)
            Tab completes commands and numbers; Up and Down recall earlier lines.
            """)
    }

    private func showStatus() {
        let decisions = engine.state.decisions
        let card = ScoreCard(decisions: decisions, scenario: engine.scenario, analysis: analysis)
        screen.line("After \(decisions.count) decision\(decisions.count == 1 ? "" : "s"):")
        for axis in engine.scenario.axes {
            guard let score = card.axes[axis.name] else { continue }
            let label = axis.name.padding(toLength: 8, withPad: " ", startingAt: 0)
            screen.line("  \(label) \(Screen.signed(score.raw).padding(toLength: 4, withPad: " ", startingAt: 0)) (this scenario's paths range from \(score.min) to \(score.max))")
        }
    }

    private func showPath() {
        let path = engine.path()
        if path.isEmpty {
            screen.line("No decisions yet.")
            return
        }
        for (index, step) in path.enumerated() {
            let deltas = engine.scenario.axes.map { "\($0.name.prefix(1).uppercased())\(Screen.signed(step.choice.scores[$0]))" }.joined(separator: " ")
            screen.paragraph("\(index + 1). \(step.choice.text) [\(deltas)]", indent: "  ", hanging: "     ")
        }
    }

    private func sayGoodbye() {
        screen.line("Saved. Continue later with: twofold resume")
    }
}
