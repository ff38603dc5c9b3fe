import Foundation
import Testing
import TwofoldApp
import TwofoldCore
import TwofoldTestSupport
@testable import TwofoldTerminal

/// The program's own lines (help, hints, errors) on narrow terminals, and a facilitator's
/// reveal on a projector-sized window.
@Suite("Narrow terminals and one-screen reveals")
struct NarrowTerminalTests {
    /// Every line of `screen` fits `width`, and every sentence the program meant to show is
    /// there with its words whole (a word cut in two would not match once white space is
    /// collapsed).
    static func expectWrapped(_ screen: String, width: Int, saying sentences: [String],
                              sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        for line in screen.split(separator: "\n") {
            #expect(TextLayout.displayWidth(String(line)) <= width, "\(line.debugDescription)", sourceLocation: sourceLocation)
        }
        let flat = screen.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for sentence in sentences {
            #expect(flat.contains(sentence), "\(sentence)", sourceLocation: sourceLocation)
        }
    }

    @Test("play: help, hints and errors wrap at word boundaries", arguments: [60, 40, 30])
    func playLines(width: Int) throws {
        let harness = PlayTranscriptTests.Harness(
            try PlayTranscriptTests.huddle(), lines: ["help", "", "definitely not a choice", "9", "back", "status", "quit"],
            columns: width)
        _ = try harness.run()
        Self.expectWrapped(harness.screen, width: width, saying: [
            "Type a choice number, or help for commands (status, back, path, quit).",
            "quit save and leave (continue later with `twofold resume`)",
            "Tab completes commands and numbers; Up and Down recall earlier lines.",
            "Type a choice number (1–3), or help.",
            "“definitely not a choice” is not a choice or a command. Type a number from 1 to 3, or help.",
            "Choose a number from 1 to 3 (you typed 9).",
            "There is no decision to take back yet.",
            "this scenario's paths range from",
            "Saved. Continue later with: twofold resume",
        ])
    }

    @Test("facilitation: help, hints, errors and status wrap at word boundaries", arguments: [60, 40])
    func facilitationLines(width: Int) throws {
        let output = FacilitationTranscriptTests.Output()
        let facilitation = try FacilitationTranscriptTests.facilitation(["Ana Silva", "Ben", "Chiamaka Okonkwo-Adeyemi"])
        let session = GroupSession(id: "test", options: AttemptOptions(mode: .group), facilitation: facilitation,
                                   analysis: ScenarioAnalysis(facilitation.scenario), clock: FacilitationTranscriptTests.FixedClock()) { _, _ in }
        let loop = FacilitationLoop(
            session: session,
            reader: FacilitationTranscriptTests.Script(["help", "", "Bob=1", "details", "1 2 -", "status", "reveal", "details 2", "quit"],
                                                       output: output),
            screen: Screen(columns: width, colour: false) { output.append($0) },
            timer: DiscussionTimer(isInteractive: false))
        _ = try loop.run()
        Self.expectWrapped(output.text, width: width, saying: [
            "Type one choice number per participant (e.g. 2 1 2, - to abstain), or help.",
            "reveal show the split, each choice's scores and feedback, and questions to discuss",
            "quit save and leave (continue later with `twofold resume`)",
            "Type one number per participant (e.g. 1 1 1), Name=N, reveal, go, or help.",
            "No participant is called “Bob”",
            "The details come after the votes: type reveal first.",
            "Complete paths range from",
            "What choice 2 does",
        ])
    }

    /// The bundled scenarios, loaded.
    static func bundledScenarios() throws -> [(scenario: Scenario, data: Data)] {
        try bundledScenarioURLs().map { url in
            let data = try Data(contentsOf: url)
            return (try #require(ScenarioLoader.load(data, file: url.lastPathComponent).playable), data)
        }
    }

    @Test("a reveal for five participants fits a 100 × 35 window at every decision of every bundled scenario")
    func revealFitsOneScreen() throws {
        let scenarios = try Self.bundledScenarios()
        #expect(scenarios.count >= 8)
        let roster = try Roster(["Ana Silva", "Ben", "Chiamaka", "Dev", "Eli"])
        for (scenario, data) in scenarios {
            let analysis = ScenarioAnalysis(scenario)
            var queue = [Facilitation(scenario: scenario, fingerprint: Fingerprint.of(data), roster: roster,
                                      at: Date(timeIntervalSince1970: 1_795_946_400))]
            var seen: Set<String> = []
            while var session = queue.popLast() {
                guard session.phase == .deciding, seen.insert(session.currentScene.id).inserted else { continue }
                let offered = session.offeredChoices().count
                _ = try session.castBallot((0..<5).map { .choice($0 % offered + 1) })
                _ = try session.reveal()
                let output = FacilitationTranscriptTests.Output()
                let view = FacilitationView(screen: Screen(columns: 100, rows: 35, colour: true) { output.append($0) },
                                            analysis: analysis, axes: scenario.axes)
                view.showReveal(session)
                let lines = output.text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
                #expect(lines.count + 2 <= 35, "\(scenario.id), \(session.currentScene.id): \(lines.count) lines")
                #expect(lines.filter { $0.contains("█") || $0.contains("░") }.count == offered, "every bar is shown")
                for number in 1...offered {
                    var next = session
                    _ = try next.go(number, at: Date(timeIntervalSince1970: 1_795_946_460))
                    queue.append(next)
                }
            }
            #expect(seen.count >= 3, "\(scenario.id)")
        }
    }

    @Test("a reveal that does not fit leaves the feedback to details; without a known height it shows everything")
    func revealDetails() throws {
        var session = try FacilitationTranscriptTests.facilitation(["Ana", "Ben", "Chi", "Dee", "Eve"])
        _ = try session.castBallot([.choice(1), .choice(2), .choice(1), .abstain, .choice(3)])
        _ = try session.reveal()
        let feedback = session.offeredChoices().map(\.feedback)
        func render(rows: Int?, _ body: (FacilitationView) -> Void) -> String {
            let output = FacilitationTranscriptTests.Output()
            body(FacilitationView(screen: Screen(columns: 100, rows: rows, colour: false) { output.append($0) },
                                  analysis: ScenarioAnalysis(session.scenario), axes: session.scenario.axes))
            return output.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        let everything = render(rows: nil) { $0.showReveal(session) }
        #expect(feedback.allSatisfy { everything.contains($0) })
        let short = render(rows: 20) { $0.showReveal(session) }
        #expect(!feedback.contains { short.contains($0) })
        #expect(short.contains("Type details for what each choice leads to"))
        #expect(short.contains("manager"), "the deltas stay in the reveal")
        let details = render(rows: 20) { $0.showDetails(session, number: nil) }
        #expect(feedback.allSatisfy { details.contains($0) })
        let one = render(rows: 20) { $0.showDetails(session, number: 2) }
        #expect(one.contains(feedback[1]) && !one.contains(feedback[0]))
    }
}
