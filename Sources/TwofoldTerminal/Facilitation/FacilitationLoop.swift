import Foundation
import TwofoldApp
import TwofoldCore

/// Runs one facilitated group session at a prompt: shows each decision in a layout made
/// for a projector, takes the facilitator's votes and commands, keeps the session and
/// the store in step, and hands back how the session ended.
///
/// Every step (votes, a reveal, moving on, taking back) goes through the
/// ``GroupSession``, which saves it before anything else is shown, so a session killed
/// at any moment resumes with every vote cast so far.
public final class FacilitationLoop {
    /// How a session ended.
    public enum Exit: Sendable, Equatable {
        /// An ending was reached.
        case finished
        /// `quit` or end of input: the session is saved and resumable.
        case saved
        /// SIGTERM or SIGHUP: saved; the process should exit 128 + signal.
        case terminated(signal: Int32)
    }

    /// The discussion timer's length when neither `--discuss` nor `timer N` gives one.
    public static let defaultDiscussSeconds = 120

    private let session: GroupSession
    private var facilitation: Facilitation { session.current }
    private let reader: LineReader
    private let view: FacilitationView
    private let timer: DiscussionTimer

    public init(session: GroupSession, reader: LineReader, screen: Screen, timer: DiscussionTimer = DiscussionTimer()) {
        self.session = session
        self.reader = reader
        view = FacilitationView(screen: screen, analysis: session.analysis, axes: session.current.scenario.axes)
        self.timer = timer
    }

    /// Runs until an ending, `quit`, end of input or a terminating signal.
    /// `resumed` says whether to welcome the room back instead of showing the briefing.
    public func run(resumed: Bool = false) throws -> Exit {
        view.showOpening(facilitation, resumed: resumed)
        view.showScene(facilitation)
        while facilitation.phase == .deciding {
            let roster = facilitation.roster
            let offered = facilitation.offeredChoices().count
            reader.completions = { line, word in
                FacilitationLoop.completions(line: line, word: word, roster: roster, offered: offered)
            }
            switch reader.read(prompt: "vote> ") {
            case .endOfInput:
                view.screen.line()
                view.sayGoodbye()
                return .saved
            case .terminated(let signal):
                view.screen.line()
                view.sayGoodbye()
                return .terminated(signal: signal)
            case .interrupted:
                continue
            case .line(let text):
                if try handle(text) == false {
                    view.sayGoodbye()
                    return .saved
                }
            }
        }
        return .finished
    }

    /// Handles one line; returns false when the facilitator quits.
    private func handle(_ text: String) throws -> Bool {
        do {
            switch try facilitation.parse(text) {
            case .empty:
                view.showHint(facilitation)
            case .ballot(let marks):
                try session.castBallot(marks)
                view.showVotesIn(facilitation, changed: nil)
            case .assign(let assignments):
                try session.cast(assignments)
                view.showVotesIn(facilitation, changed: assignments.map { facilitation.roster.names[$0.participant] })
            case .reveal:
                try session.reveal()
                view.showReveal(facilitation)
                if let seconds = facilitation.discussSeconds { timer.run(seconds: seconds, screen: view.screen) }
            case .go(let number):
                let revealed = facilitation.revealed
                let move = try session.go(number)
                view.showMove(move, facilitation: facilitation, alreadyRevealed: revealed)
                view.showScene(facilitation)
            case .timer(let seconds):
                timer.run(seconds: seconds ?? facilitation.discussSeconds ?? Self.defaultDiscussSeconds, screen: view.screen)
            case .help:
                view.showHelp(facilitation)
            case .status:
                view.showStatus(facilitation)
            case .back:
                let undone = try session.back()
                view.showBack(undone.decision)
                view.showScene(facilitation)
            case .quit:
                return false
            }
        } catch let error as FacilitationError {
            view.showError(error)
        }
        return true
    }

    /// Tab-completion candidates: commands, choice numbers and `-`, and participant names
    /// followed by `=`. A name with spaces completes word by word, and the part already
    /// typed keeps its case.
    public static func completions(line: String, word: String, roster: Roster, offered: Int) -> [String] {
        var candidates = FacilitatorCommand.words + (1...max(1, offered)).map(String.init) + ["-"]
        let before = line.hasSuffix(word) ? String(line.dropLast(word.count)) : line
        let typedBefore = before.lowercased()
        for name in roster.names {
            let words = name.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            for start in words.indices {
                // A later word of the name only when the words before it were just typed.
                if start > 0 && !typedBefore.hasSuffix(words[..<start].joined(separator: " ").lowercased() + " ") { continue }
                let rest = words[start...].joined(separator: " ") + "="
                guard rest.lowercased().hasPrefix(word.lowercased()) else { continue }
                candidates.append(word + rest.dropFirst(word.count))
            }
        }
        return candidates
    }
}
