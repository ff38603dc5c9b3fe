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
///
/// On a terminal a typed vote line is taken off the screen once recorded ("3 votes
/// recorded"), so the room cannot read it. In room mode phones vote through the same
/// session: the join line comes back with every decision, the count of votes in stays
/// live in front of the prompt (without a terminal, a line whenever it changes, at most
/// once a second), and the discussion countdown reaches the presenter view.
public final class FacilitationLoop {
    /// How the loop ended.
    public typealias Exit = SessionExit

    /// The discussion timer's length when neither `--discuss` nor `timer N` gives one.
    public static let defaultDiscussSeconds = 120

    private let session: GroupSession
    private var facilitation: Facilitation { session.current }
    private let reader: LineReader
    private let view: FacilitationView
    private let timer: DiscussionTimer
    private let room: RoomLink?
    /// Whether typed lines are on a terminal screen (and so can be taken off it).
    private let onTerminal: Bool

    public init(session: GroupSession, reader: LineReader, screen: Screen, timer: DiscussionTimer = DiscussionTimer(),
                room: RoomLink? = nil, onTerminal: Bool = TerminalInfo.isInteractive) {
        self.session = session
        self.reader = reader
        view = FacilitationView(screen: screen, analysis: session.analysis, axes: session.current.scenario.axes)
        self.timer = timer
        self.room = room
        self.onTerminal = onTerminal
    }

    /// Runs until an ending, `quit`, end of input or a terminating signal.
    /// `resumed` says whether to welcome the room back instead of showing the briefing.
    public func run(resumed: Bool = false) throws -> Exit {
        view.showOpening(facilitation, resumed: resumed)
        if let room { view.showRoom(room.banner(qr: view.screen.colour)) }
        showScene()
        let counting = room.map { _ in VoteCounter.start(session, screen: view.screen, live: reader is ReadlineReader) }
        defer { counting?.cancel() }
        if let readline = reader as? ReadlineReader, room != nil {
            readline.liveStatus = { [session] in VoteCounter.text(session.current) + "  " }
        }
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
                view.screen.line(view.screen.dim("(Ctrl-C clears the line. To leave, type quit or press Ctrl-D: every vote is saved.)"))
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
                hideTyped(text, votes: marks.count)
                view.showVotesIn(facilitation, changed: nil)
            case .assign(let assignments):
                try session.cast(assignments)
                hideTyped(text, votes: assignments.count)
                view.showVotesIn(facilitation, changed: assignments.map { facilitation.roster.names[$0.participant] })
            case .reveal:
                try session.reveal()
                view.showReveal(facilitation)
                if let seconds = facilitation.discussSeconds { countDown(seconds) }
            case .details(let number):
                view.showDetails(facilitation, number: number)
            case .go(let number):
                let revealed = facilitation.revealed
                let move = try session.go(number)
                view.showMove(move, facilitation: facilitation, alreadyRevealed: revealed)
                showScene()
            case .timer(let seconds):
                countDown(seconds ?? facilitation.discussSeconds ?? Self.defaultDiscussSeconds)
            case .help:
                view.showHelp(facilitation)
            case .status:
                view.showStatus(facilitation)
            case .back:
                let undone = try session.back()
                view.showBack(undone.decision)
                showScene()
            case .quit:
                return false
            }
        } catch let error as FacilitationError {
            view.showError(error)
        }
        return true
    }

    /// The current scene, and in room mode the join line with it.
    private func showScene() {
        view.showScene(facilitation)
        if let room, facilitation.phase == .deciding { view.showJoinLine(room.joinLine) }
    }

    /// Takes a recorded vote line off a terminal screen and says how many votes it held.
    private func hideTyped(_ line: String, votes: Int) {
        guard onTerminal else { return }
        let prompt = (reader as? ReadlineReader)?.shownPrompt ?? "vote> "
        view.screen.raw(TypedLine.erase(prompt: prompt, line: line, columns: view.screen.columns))
        view.screen.line("\(prompt)\(votes) vote\(votes == 1 ? "" : "s") recorded")
    }

    /// Runs the discussion countdown, on the presenter view too in room mode.
    private func countDown(_ seconds: Int) {
        room?.backend.setCountdown(endingAt: Date().addingTimeInterval(TimeInterval(seconds)))
        timer.run(seconds: seconds, screen: view.screen)
        room?.backend.setCountdown(endingAt: nil)
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
