import Foundation
import Testing
import TwofoldApp
import TwofoldCore
import TwofoldTestSupport
@testable import TwofoldTerminal

/// Transcript tests of the facilitation loop: scripted lines in, the screen out, with a
/// fixed clock, colour off and 80 columns.
@Suite("Facilitation loop transcripts")
struct FacilitationTranscriptTests {
    /// Everything written to the screen, in order.
    final class Output: @unchecked Sendable {
        private let lock = NSLock()
        private var storage = ""
        func append(_ text: String) { lock.withLock { storage += text } }
        var text: String { lock.withLock { storage } }
    }

    /// Hands out scripted lines (echoed after the prompt, as a terminal would), then the end of input.
    final class Script: LineReader {
        var completions: @Sendable (_ line: String, _ word: String) -> [String] = { _, _ in [] }
        private var lines: [String]
        private let output: Output

        init(_ lines: [String], output: Output) {
            self.lines = lines
            self.output = output
        }

        func read(prompt: String) -> LineInput {
            guard !lines.isEmpty else { return .endOfInput }
            let line = lines.removeFirst()
            output.append(prompt + line + "\n")
            return .line(line)
        }
    }

    /// The launch-week fixture: Monday offers 3 choices (ask-plate sets a flag that
    /// offers stretch-present on Wednesday).
    static func facilitation(_ names: [String] = ["Ana", "Ben", "Chi"]) throws -> Facilitation {
        let url = fixtureURL("reports/launch-week.json")
        let data = try Data(contentsOf: url)
        let scenario = try #require(ScenarioLoader.load(data, file: "launch-week.json").playable)
        return Facilitation(scenario: scenario, fingerprint: Fingerprint.of(data), roster: try Roster(names),
                            at: Date(timeIntervalSince1970: 1_795_946_400))
    }

    /// How a scripted session ended, with the session as it was then.
    enum Outcome {
        case finished(Facilitation)
        case saved(Facilitation)
        case terminated(Facilitation, signal: Int32)
    }

    /// Steps saved by the session, in order.
    final class Steps: @unchecked Sendable {
        var items: [(FacilitationState, FacilitationStep)] = []
    }

    struct FixedClock: TwofoldApp.Clock {
        func now() -> Date { Date(timeIntervalSince1970: 1_795_946_460) }
    }

    /// Runs the loop over `lines`; returns the exit, the screen and the recorded steps.
    static func run(_ lines: [String], names: [String] = ["Ana", "Ben", "Chi"])
        throws -> (exit: Outcome, screen: String, steps: [(FacilitationState, FacilitationStep)]) {
        let output = Output()
        let steps = Steps()
        let facilitation = try facilitation(names)
        let session = GroupSession(id: "test", options: AttemptOptions(mode: .group), facilitation: facilitation,
                                   analysis: ScenarioAnalysis(facilitation.scenario), clock: FixedClock()) { steps.items.append(($0, $1)) }
        let loop = FacilitationLoop(
            session: session, reader: Script(lines, output: output),
            screen: Screen(columns: 80, colour: false) { output.append($0) },
            timer: DiscussionTimer(isInteractive: false))
        let exit: Outcome
        switch try loop.run() {
        case .finished: exit = .finished(session.current)
        case .saved: exit = .saved(session.current)
        case .terminated(let signal): exit = .terminated(session.current, signal: signal)
        }
        return (exit, output.text, steps.items)
    }

    @Test("a whole session: errors record nothing, votes stay hidden until reveal, every step is recorded")
    func wholeSession() throws {
        let (exit, screen, steps) = try Self.run([
            "1 2", "1 2 3 1", "Bob=1", "1 5 2", "2 1 2", "status", "reveal", "go",
            "status", "back", "2 1 2", "Ben=2", "go",
            "1 2 -", "go", "go 1",
        ])
        guard case .finished(let group) = exit else { Issue.record("not finished: \(exit)"); return }
        #expect(group.decisions.map(\.choice) == ["ask-plate", "stretch-present"])
        #expect(group.decisions[1].votes.map(\.choice) == ["stretch-present", "chase-deadline", nil])
        #expect(steps.map(\.1.kind) == [.vote, .reveal, .go, .back, .vote, .vote, .go, .vote, .go])
        #expect(steps.map(\.0.turn) == Array(1...9))

        // Paragraphs wrap at 80 columns: compare with white space collapsed.
        let flat = screen.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(flat.contains("2 votes for 3 participants: none for Chi (type - for an abstention); nothing recorded."))
        #expect(flat.contains("4 votes for 3 participants (Ana, Ben, Chi); nothing recorded."))
        #expect(flat.contains("No participant is called “Bob” (the roster: Ana, Ben, Chi); nothing recorded."))
        #expect(flat.contains("Ben's vote “5” is not a choice: use 1 to 3, or - to abstain; nothing recorded."))
        #expect(flat.contains("3 of 3 votes in (hidden). Type reveal to show the split, or go."))
        #expect(flat.contains("Vote recorded for Ben. 3 of 3 votes in (hidden)."))
        #expect(flat.contains("The vote is tied between 1 and 2 (1 vote each): type go 1 or go 2."))
        #expect(flat.contains("The group goes with 1 (the facilitator's choice): Invite Dana to present the visuals"))
        #expect(flat.contains("The group goes with 2 (the majority): Ask Dana what she'd like moved off her plate"))

        // The split is not on screen before reveal.
        let beforeReveal = try #require(screen.components(separatedBy: "vote> reveal").first)
        #expect(!beforeReveal.contains("█"))
        let reveal = try #require(screen.components(separatedBy: "vote> reveal").last?.components(separatedBy: "vote> go").first)
        #expect(reveal.contains("── Votes"))
        #expect(reveal.contains("    1  " + String(repeating: "█", count: 13) + String(repeating: "·", count: 27) + "  1\n"))
        #expect(reveal.contains("    2  " + String(repeating: "█", count: 26) + String(repeating: "·", count: 14) + "  2\n"))
        #expect(reveal.contains("    3  " + String(repeating: "·", count: 40) + "  0\n"))
        #expect(reveal.contains("Most votes: 2. Type go to follow the majority, or go N."))
        #expect(reveal.contains("── What each choice does"))
        #expect(reveal.contains("manager +3   leader 0"))
        #expect(reveal.contains("── To discuss"))
        #expect(reveal.contains("The room split between 2 (2 votes) and 1 (1 vote)."))
        #expect(screen.contains("── Ending: A launch and a step up"))
    }

    @Test("status shows each participant's running scores, abstentions included")
    func status() throws {
        let (_, screen, _) = try Self.run(["status", "1 2 -", "go 2", "status"])
        let parts = screen.components(separatedBy: "vote> status")
        #expect(parts[1].contains("── Scores after 0 decisions"))
        #expect(parts[2].contains("── Scores after 1 decision"))
        #expect(parts[2].contains("Ana  manager +3    leader 0"))
        #expect(parts[2].contains("Ben  manager +1    leader +3"))
        #expect(parts[2].contains("Chi  manager 0     leader 0     abstained 1"))
    }

    @Test("go with missing votes records them as abstaining and says so")
    func missingVotes() throws {
        let (exit, screen, _) = try Self.run(["Ben=1", "go", "quit"])
        guard case .saved(let group) = exit else { Issue.record("not saved"); return }
        #expect(group.decisions[0].votes.map(\.choice) == [nil, "tell-priorities", nil])
        #expect(screen.contains("No vote from Ana, Chi: recorded as abstaining."))
        #expect(screen.contains("Saved. Continue later with: twofold resume"))
    }

    @Test("the end of input saves; an empty line and help answer without recording")
    func endOfInput() throws {
        let (exit, screen, steps) = try Self.run(["", "help", "timer 90"])
        guard case .saved = exit else { Issue.record("not saved"); return }
        #expect(steps.isEmpty)
        #expect(screen.contains("Type one number per participant (e.g. 1 1 1), Name=N, reveal, go, or help."))
        #expect(screen.contains("reveal       show the split"))
        #expect(screen.contains("Discussion: 1:30."))
    }

    @Test("completion offers commands, numbers, - and names with =, keeping what was typed")
    func completions() throws {
        let roster = try Roster(["Ana Silva", "Ben", "bea"])
        let all = FacilitationLoop.completions(line: "", word: "", roster: roster, offered: 3)
        #expect(all.contains("reveal") && all.contains("go") && all.contains("3") && all.contains("-"))
        #expect(all.contains("Ana Silva=") && all.contains("Ben=") && all.contains("bea="))
        #expect(!all.contains("4"))
        #expect(FacilitationLoop.completions(line: "b", word: "b", roster: roster, offered: 3).filter { $0.hasPrefix("b") } == ["back", "ben=", "bea="])
        #expect(FacilitationLoop.completions(line: "ana S", word: "S", roster: roster, offered: 3).contains("Silva="))
        #expect(!FacilitationLoop.completions(line: "Ben S", word: "S", roster: roster, offered: 3).contains("Silva="))
    }

    @Test("participant names cannot drive the terminal")
    func hostileNames() throws {
        let hostile = "\u{1B}]0;owned\u{7}Bob\u{1B}[2J"
        let (_, screen, _) = try Self.run(["Bob=1", "status", "1 -", "reveal"], names: ["Ana", hostile])
        #expect(!screen.contains("\u{1B}"))
        #expect(!screen.contains("\u{7}"))
        #expect(screen.contains("Bob"))
    }

    @Test("the timer only prints its length when nobody can watch it")
    func timer() {
        let output = Output()
        DiscussionTimer(isInteractive: false).run(seconds: 65, screen: Screen(columns: 80, colour: false) { output.append($0) })
        #expect(output.text == "    Discussion: 1:05.\n")
        #expect(DiscussionTimer.clock(5) == "0:05")
        #expect(DiscussionTimer.clock(600) == "10:00")
    }
}
