import Foundation
import TwofoldApp
import TwofoldCore

/// Runs one play session at a prompt: shows scenes, reads choices and commands, and
/// hands back how the session ended.
///
/// Every step goes through the ``PlaySession``, which saves it before returning, so the
/// next scene is only shown once the decision that led to it is on disk.
public final class PlayLoop {
    /// How the loop ended.
    public typealias Exit = SessionExit

    public static let commands = ["help", "status", "back", "restart", "path", "quit"]

    private let session: PlaySession
    private var engine: Engine { session.engine }
    private let reader: LineReader
    private let screen: Screen

    /// Whether `restart` asks before clearing decisions (at a terminal it does).
    public var confirmsRestart: Bool

    public init(session: PlaySession, reader: LineReader, screen: Screen, confirmsRestart: Bool = TerminalInfo.isInteractive) {
        self.session = session
        self.reader = reader
        self.screen = screen
        self.confirmsRestart = confirmsRestart
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
                return .saved
            case .terminated(let signal):
                screen.line()
                sayGoodbye()
                return .terminated(signal: signal)
            case .interrupted:
                screen.note("(Ctrl-C clears the line. To leave, type quit or press Ctrl-D: your decisions are saved.)", style: screen.dim)
                continue
            case .line(let text):
                if try handle(text, offered: offered) == false {
                    sayGoodbye()
                    return .saved
                }
            }
        }
        return .finished
    }

    /// Handles one line; returns false when the learner quits.
    private func handle(_ text: String, offered: [Choice]) throws -> Bool {
        let input = text.trimmingCharacters(in: .whitespaces)
        if input.isEmpty {
            screen.note("Type a choice number (1–\(offered.count)), or help.", style: screen.dim)
            return true
        }
        if let number = Int(input) {
            do {
                let outcome = try session.choose(number)
                showFeedback(outcome)
                for router in outcome.routers where !router.text.isEmpty {
                    screen.blank()
                    screen.paragraph(router.text)
                }
                showScene()
            } catch let error as EngineError {
                showError(error.description)
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
                try session.back()
                screen.note("Took back your choice at this scene.", style: screen.dim)
                showScene()
            } catch let error as EngineError {
                showError(error.description)
            } catch let refusal as PlayRefusal {
                showError(refusal.description)
            }
        case "restart":
            let count = engine.state.decisions.count
            if confirmsRestart && count > 0 {
                guard case .line(let answer) = reader.read(prompt: "Start again and clear your \(count) decision\(count == 1 ? "" : "s")? [y/N] "),
                      ["y", "yes"].contains(answer.lowercased()) else {
                    screen.note("Carrying on where you are.", style: screen.dim)
                    return true
                }
            }
            do {
                try session.restart()
                screen.note("Starting again from the beginning; your earlier decisions are cleared.", style: screen.dim)
                showScene()
            } catch let refusal as PlayRefusal {
                showError(refusal.description)
            }
        case "quit", "exit", "q":
            return false
        default:
            let shown = TextSafety.terminal(String(input.prefix(40)))
            let range = offered.count == 1 ? "1" : "a number from 1 to \(offered.count)"
            screen.note("“\(shown)” is not a choice or a command. Type \(range), or help.")
        }
        return true
    }

    // MARK: Presentation

    private func showOpening(resumed: Bool) {
        let scenario = engine.scenario
        screen.blank()
        screen.heading(scenario.title)
        if let setting = scenario.setting { screen.note(TextSafety.terminal(setting.line), style: screen.dim) }
        if session.mode == .assessed { screen.note("Assessed attempt: every choice stands, and scores come at the end.", style: screen.dim) }
        if resumed {
            let count = engine.state.decisions.count
            screen.note("Welcome back. \(count) decision\(count == 1 ? "" : "s") so far; picking up where you left off.", style: screen.dim)
        } else if let briefing = scenario.briefing {
            screen.blank()
            screen.paragraph(briefing)
        }
        screen.blank()
        let commands = session.mode == .assessed ? "status, path, quit" : "status, back, path, quit"
        screen.note("Type a choice number, or help for commands (\(commands)).", style: screen.dim)
    }

    private func showScene() {
        let scene = engine.currentScene
        screen.blank()
        screen.paragraph(scene.text)
        if let ending = scene.ending {
            screen.blank()
            screen.note("Ending: " + TextSafety.terminal(ending.title), style: screen.bold)
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
        // An assessed attempt shows no numbers until the end; the feedback is in the report.
        guard session.mode != .assessed else {
            screen.note("Noted. Your scores and feedback come at the end.", indent: "  ", style: screen.dim)
            return
        }
        let deltas = engine.scenario.axes.map { axis in
            "\(axis.name) \(Screen.signed(outcome.decision.scores[axis]))"
        }.joined(separator: "   ")
        screen.line("  " + screen.bold(deltas))
        screen.paragraph(outcome.choice.feedback, indent: "  ")
    }

    private func showHelp(offered: [Choice]) {
        let range = offered.count == 1 ? "1" : "1–\(offered.count)"
        let assessed = session.mode == .assessed
        screen.table([(range, "take that choice"),
                      ("status", assessed ? "how far you have come" : "your manager and leader scores so far")]
                     + (assessed ? [] : [("back", "take back your last choice")])
                     + [("path", "the decisions you have made so far")]
                     + (assessed ? [] : [("restart", "start the scenario again")])
                     + [("quit", "save and leave (continue later with `twofold resume`)")], indent: "  ", termWidth: 9)
        screen.note("Tab completes commands and numbers; Up and Down recall earlier lines.")
    }

    private func showStatus() {
        let decisions = engine.state.decisions
        screen.line("After \(decisions.count) decision\(decisions.count == 1 ? "" : "s"):")
        guard session.mode != .assessed else {
            screen.note("This is an assessed attempt: your scores are shown at the end.", indent: "  ", style: screen.dim)
            return
        }
        let card = session.scoreCard
        for axis in engine.scenario.axes {
            guard let score = card.axes[axis.name] else { continue }
            let label = axis.name.padding(toLength: 8, withPad: " ", startingAt: 0)
            let value = Screen.signed(score.raw).padding(toLength: 4, withPad: " ", startingAt: 0)
            screen.table([(label + " " + value, "(this scenario's paths range from \(score.min) to \(score.max))")],
                         indent: "  ", termWidth: 13)
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
            let scores = session.mode == .assessed ? "" : " [\(deltas)]"
            screen.paragraph("\(index + 1). \(step.choice.text)\(scores)", indent: "  ", hanging: "     ")
        }
    }

    /// A reason as a sentence: a capital first letter and a full stop, wrapped at words.
    private func showError(_ text: String) {
        screen.note(TextSafety.terminal(text.prefix(1).uppercased() + text.dropFirst()) + ".")
    }

    private func sayGoodbye() {
        screen.note("Saved. Continue later with: twofold resume")
    }
}
