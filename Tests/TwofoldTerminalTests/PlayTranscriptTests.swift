import Foundation
import Testing
import TwofoldApp
import TwofoldCore
import TwofoldTestSupport
@testable import TwofoldTerminal

/// Transcript tests of the play loop: scripted input in, the whole screen out, with a
/// fixed clock, colour off and 80 columns.
@Suite("Play loop transcripts")
struct PlayTranscriptTests {
    // MARK: Test doubles

    /// Everything written to the screen, in order. Shared with `@Sendable` writers.
    final class ScreenBuffer: @unchecked Sendable {
        private let lock = NSLock()
        private var storage = ""

        func append(_ text: String) { lock.withLock { storage += text } }

        var text: String { lock.withLock { storage } }

        /// The length so far in UTF-8 bytes.
        var length: Int { lock.withLock { storage.utf8.count } }
    }

    /// A ``LineReader`` that hands out scripted input, then `.endOfInput`. Like a terminal,
    /// it puts the prompt and the typed line on the screen.
    final class ScriptedLineReader: LineReader {
        var completions: @Sendable (_ line: String, _ word: String) -> [String] = { _, _ in [] }
        private var script: [LineInput]
        private let echo: (String) -> Void
        private(set) var prompts: [String] = []
        /// The candidates on offer for an empty word at each read.
        private(set) var offeredCompletions: [[String]] = []

        init(_ script: [LineInput], echo: @escaping (String) -> Void) {
            self.script = script
            self.echo = echo
        }

        convenience init(lines: [String], echo: @escaping (String) -> Void) {
            self.init(lines.map { LineInput.line($0) }, echo: echo)
        }

        func read(prompt: String) -> LineInput {
            prompts.append(prompt)
            offeredCompletions.append(completions("", ""))
            guard !script.isEmpty else {
                echo(prompt)
                return .endOfInput
            }
            let next = script.removeFirst()
            switch next {
            case .line(let text): echo(prompt + text + "\n")
            case .endOfInput, .terminated: echo(prompt)
            case .interrupted: echo(prompt + "^C\n")
            }
            return next
        }
    }

    /// One recorded step: its kind, detail, state, and how much of the screen existed then.
    struct Recorded {
        var step: PlaySession.Step
        var detail: [String: String]
        var state: SessionState
        var screenLength: Int
    }

    /// How a scripted session ended, with the engine as it was then.
    enum Outcome {
        case finished(Engine)
        case saved(Engine)
        case terminated(Engine, signal: Int32)
    }

    /// A play loop over `scenario` with scripted input and everything it did: the session
    /// saves each step into a list instead of the records store.
    final class Harness {
        let buffer = ScreenBuffer()
        let reader: ScriptedLineReader
        let loop: PlayLoop
        let session: PlaySession
        private(set) var records: [Recorded] = []

        init(_ engine: Engine, script: [LineInput], colour: Bool = false, columns: Int = 80, mode: AttemptMode = .practice) {
            let buffer = self.buffer
            reader = ScriptedLineReader(script, echo: { buffer.append($0) })
            let screen = Screen(columns: columns, colour: colour) { buffer.append($0) }
            let box = RecordBox()
            self.box = box
            session = PlaySession(id: "test", learner: "Test", options: AttemptOptions(mode: mode), engine: engine,
                                  analysis: ScenarioAnalysis(engine.scenario), clock: TestClock(PlayTranscriptTests.clock())) { state, step, detail in
                box.append(Recorded(step: step, detail: detail, state: state, screenLength: buffer.length))
            }
            loop = PlayLoop(session: session, reader: reader, screen: screen)
        }

        private let box: RecordBox

        convenience init(_ engine: Engine, lines: [String], colour: Bool = false, columns: Int = 80) {
            self.init(engine, script: lines.map { .line($0) }, colour: colour, columns: columns)
        }

        func run(resumed: Bool = false) throws -> Outcome {
            defer { records = box.items }
            switch try loop.run(resumed: resumed) {
            case .finished: return .finished(session.engine)
            case .saved: return .saved(session.engine)
            case .terminated(let signal): return .terminated(session.engine, signal: signal)
            }
        }

        var screen: String { buffer.text }
    }

    final class RecordBox {
        var items: [Recorded] = []
        func append(_ item: Recorded) { items.append(item) }
    }

    /// A clock that starts at a fixed instant and ticks one second per reading.
    static func clock() -> @Sendable () -> Date {
        let ticks = TickCounter()
        return { Date(timeIntervalSince1970: 1_800_000_000 + Double(ticks.next())) }
    }

    /// The clock a session reads, from a closure.
    struct TestClock: TwofoldApp.Clock {
        let read: @Sendable () -> Date
        init(_ read: @escaping @Sendable () -> Date) { self.read = read }
        func now() -> Date { read() }
    }

    final class TickCounter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func next() -> Int { lock.withLock { value += 1; return value } }
    }

    // MARK: Fixtures

    static func engine(data: Data, file: String = "fixture.json") throws -> Engine {
        let result = ScenarioLoader.load(data, file: file)
        let scenario = try #require(result.playable, "\(result.diagnostics.map(\.formatted).joined(separator: "\n"))")
        return Engine(scenario: scenario, fingerprint: Fingerprint.of(data),
                      at: Date(timeIntervalSince1970: 1_800_000_000))
    }

    static func huddle() throws -> Engine {
        try engine(data: try Data(contentsOf: fixtureURL("scenarios/morning-huddle.json")), file: "morning-huddle.json")
    }

    /// Compares `actual` with a transcript file, exactly; `TWOFOLD_RECORD_GOLDEN=1` rewrites it.
    static func compareGolden(_ actual: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let url = fixtureURL("transcripts/\(name)")
        if ProcessInfo.processInfo.environment["TWOFOLD_RECORD_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        if actual != expected {
            let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(actualLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                ?? min(actualLines.count, expectedLines.count)
            Issue.record("""
                the screen differs from \(name) at line \(first + 1) \
                (re-record with TWOFOLD_RECORD_GOLDEN=1):
                expected: \(first < expectedLines.count ? String(expectedLines[first]).debugDescription : "<end>")
                actual:   \(first < actualLines.count ? String(actualLines[first]).debugDescription : "<end>")
                """, sourceLocation: sourceLocation)
        }
    }

    // MARK: Whole sessions against transcripts

    @Test("a whole session with every command matches its transcript")
    func wholeSessionTranscript() throws {
        let harness = Harness(try Self.huddle(), lines: [
            "", "help", "maybe", "7", "1", "path", "back", "restart", "3", "status", "2",
        ])
        let exit = try harness.run()
        guard case .finished(let engine) = exit else {
            Issue.record("expected the session to finish, got \(exit)")
            return
        }
        #expect(engine.currentScene.id == "end-growing")
        #expect(engine.state.decisions.map(\.choice) == ["both", "plan-it"])
        try Self.compareGolden(harness.screen, "morning-huddle-full.txt")
    }

    @Test("quitting half-way matches its transcript")
    func quitTranscript() throws {
        let harness = Harness(try Self.huddle(), lines: ["2", "quit"])
        let exit = try harness.run()
        guard case .saved(let engine) = exit else {
            Issue.record("expected a saved session, got \(exit)")
            return
        }
        #expect(engine.currentScene.id == "lunch")
        try Self.compareGolden(harness.screen, "morning-huddle-quit.txt")
    }

    @Test("a resumed session greets the learner back instead of repeating the briefing")
    func resumedTranscript() throws {
        var engine = try Self.huddle()
        try engine.choose(1, at: Date(timeIntervalSince1970: 1_800_000_010))
        let harness = Harness(engine, lines: ["1"])
        let exit = try harness.run(resumed: true)
        guard case .finished = exit else {
            Issue.record("expected the session to finish, got \(exit)")
            return
        }
        #expect(harness.screen.contains("Welcome back. 1 decision so far; picking up where you left off."))
        #expect(!harness.screen.contains("You run a small bookshop"))
        try Self.compareGolden(harness.screen, "morning-huddle-resumed.txt")
    }

    // MARK: Commands

    @Test("help lists every command and the choice range")
    func help() throws {
        let harness = Harness(try Self.huddle(), lines: ["help"])
        _ = try harness.run()
        let screen = harness.screen
        for command in ["status", "back", "path", "restart", "quit"] {
            #expect(screen.contains("\n  \(command) "), "help names \(command)")
        }
        #expect(screen.contains("\n  1–3       take that choice\n"))
    }

    @Test("status shows both axes, separately, with their ranges")
    func status() throws {
        let harness = Harness(try Self.huddle(), lines: ["status", "1", "status"])
        _ = try harness.run()
        let screen = harness.screen
        #expect(screen.contains("After 0 decisions:\n  manager  0    (this scenario's paths range from "))
        #expect(screen.contains("After 1 decision:\n  manager  +2   (this scenario's paths range from 0 to 3)\n  leader   -1   (this scenario's paths range from -2 to 4)\n"))
    }

    @Test("path lists the decisions that stand with their deltas")
    func path() throws {
        let harness = Harness(try Self.huddle(), lines: ["path", "2", "path"])
        _ = try harness.run()
        let screen = harness.screen
        #expect(screen.contains("> path\nNo decisions yet.\n"))
        #expect(screen.contains("> path\n  1. Ask Jo what she was going for with the table, and ask Sam what they think\n     today's priority should be. [M-1 L+2]\n"))
    }

    @Test("back at the start says so; back after a choice returns to its scene")
    func back() throws {
        let harness = Harness(try Self.huddle(), lines: ["back", "1", "back"])
        let exit = try harness.run()
        guard case .saved(let engine) = exit else {
            Issue.record("expected a saved session, got \(exit)")
            return
        }
        #expect(engine.currentScene.id == "huddle")
        #expect(engine.state.decisions.isEmpty)
        let screen = harness.screen
        #expect(screen.contains("> back\nThere is no decision to take back yet.\n"))
        #expect(screen.contains("> back\nTook back your choice at this scene.\n\nJo has rearranged"))
        #expect(harness.records.map(\.step) == [.choose, .back])
    }

    @Test("restart clears the decisions and shows the first scene again")
    func restart() throws {
        let harness = Harness(try Self.huddle(), lines: ["1", "restart"])
        let exit = try harness.run()
        guard case .saved(let engine) = exit else {
            Issue.record("expected a saved session, got \(exit)")
            return
        }
        #expect(engine.currentScene.id == "huddle")
        #expect(engine.state.decisions.isEmpty)
        #expect(harness.screen.contains("> restart\nStarting again from the beginning; your earlier decisions are cleared.\n\nJo has rearranged"))
        #expect(harness.records.map(\.step) == [.choose, .restart])
    }

    @Test("bad input gets a short message and the same prompt, never a coerced choice",
          arguments: [
              ("maybe", "“maybe” is not a choice or a command. Type a number from 1 to 3, or help."),
              ("7", "Choose a number from 1 to 3 (you typed 7)."),
              ("0", "Choose a number from 1 to 3 (you typed 0)."),
              ("-1", "Choose a number from 1 to 3 (you typed -1)."),
              ("", "Type a choice number (1–3), or help."),
              ("1.5", "“1.5” is not a choice or a command. Type a number from 1 to 3, or help."),
              ("99999999999999999999999", "“99999999999999999999999” is not a choice or a command. Type a number from 1 to 3, or help."),
          ])
    func badInput(_ input: String, _ message: String) throws {
        let harness = Harness(try Self.huddle(), lines: [input])
        let exit = try harness.run()
        guard case .saved(let engine) = exit else {
            Issue.record("expected a saved session, got \(exit)")
            return
        }
        #expect(engine.state.decisions.isEmpty)
        #expect(engine.currentScene.id == "huddle")
        #expect(harness.records.isEmpty)
        // Wrapped at the screen's 80 columns, at word boundaries.
        let shown = TextLayout.wrap(message, width: 80).joined(separator: "\n")
        #expect(harness.screen.contains("> \(input)\n\(shown)\n> \n"))
        #expect(harness.reader.prompts == ["> ", "> "])
    }

    @Test("end of input saves, with the cursor moved off the prompt line")
    func endOfInput() throws {
        let harness = Harness(try Self.huddle(), lines: [])
        let exit = try harness.run()
        guard case .saved = exit else {
            Issue.record("expected a saved session, got \(exit)")
            return
        }
        #expect(harness.screen.hasSuffix("> \nSaved. Continue later with: twofold resume\n"))
    }

    @Test("Ctrl-C at the prompt reads again; a termination signal saves and reports the signal")
    func interruptedAndTerminated() throws {
        let harness = Harness(try Self.huddle(), script: [.interrupted, .line("1"), .terminated(signal: SIGTERM)])
        let exit = try harness.run()
        guard case .terminated(let engine, let signal) = exit else {
            Issue.record("expected a terminated session, got \(exit)")
            return
        }
        #expect(signal == SIGTERM)
        #expect(engine.state.decisions.map(\.choice) == ["tell"])
        #expect(harness.reader.prompts.count == 3)
        #expect(harness.screen.hasSuffix("> \nSaved. Continue later with: twofold resume\n"))
    }

    @Test("Tab completion offers the commands and the choice numbers on offer")
    func completions() throws {
        let harness = Harness(try Self.huddle(), lines: ["1"])
        _ = try harness.run()
        let commands = ["help", "status", "back", "restart", "path", "quit"]
        #expect(harness.reader.offeredCompletions == [commands + ["1", "2", "3"], commands + ["1", "2"]])
    }

    // MARK: Recording

    @Test("every step is recorded once, with its kind, before the next scene is written")
    func recordsBeforeShowing() throws {
        let harness = Harness(try Self.huddle(), lines: [
            "help", "1", "status", "back", "2", "restart", "3", "path", "9", "maybe", "1",
        ])
        let exit = try harness.run()
        guard case .finished = exit else {
            Issue.record("expected the session to finish, got \(exit)")
            return
        }
        let records = harness.records
        #expect(records.map(\.step) == [.choose, .back, .choose, .restart, .choose, .choose])
        #expect(records.map { $0.detail["choice"] ?? "" } == ["tell", "tell", "ask", "", "both", "not-yet"])
        #expect(records.map { $0.detail["scene"] ?? "" } == ["huddle", "huddle", "huddle", "", "huddle", "lunch"])
        #expect(records.map(\.state.turn) == [1, 2, 3, 4, 5, 6])
        #expect(records.map(\.state.scene) == ["lunch", "huddle", "lunch", "huddle", "lunch", "end-quiet"])
        #expect(records.map(\.state.decisions.count) == [1, 0, 1, 0, 1, 2])

        // At each call the screen ends with the line that was typed, and what follows it on
        // the screen is that step's own output: nothing of the next scene was written yet.
        let screen = Array(harness.screen.utf8)
        let typed = ["1", "back", "2", "restart", "3", "1"]
        let nextOutput = [
            "  manager +2   leader -1\n  The table matches the plan",
            "Took back your choice at this scene.\n\nJo has rearranged",
            "  manager -1   leader +2\n  Jo explains a display idea",
            "Starting again from the beginning; your earlier decisions are cleared.\n\nJo has rearranged",
            "  manager +2   leader +2\n  The morning runs on time",
            "  manager +1   leader -1\n  The rota stays safe. Sam stops asking.\n\nA month later the shop runs smoothly",
        ]
        for (index, record) in records.enumerated() {
            let before = String(decoding: screen[..<record.screenLength], as: UTF8.self)
            let after = String(decoding: screen[record.screenLength...], as: UTF8.self)
            #expect(before.hasSuffix("> \(typed[index])\n"), "step \(index + 1) was recorded after more output: \(before.suffix(80).debugDescription)")
            #expect(after.hasPrefix(nextOutput[index]), "step \(index + 1): \(after.prefix(120).debugDescription)")
        }
    }

    @Test("a failing record stops the loop before the next scene is shown")
    func failingRecordStops() throws {
        struct DiskFull: Error {}
        let buffer = ScreenBuffer()
        let reader = ScriptedLineReader(lines: ["1", "1"]) { buffer.append($0) }
        let screen = Screen(columns: 80, colour: false) { buffer.append($0) }
        let engine = try Self.huddle()
        let session = PlaySession(id: "test", learner: "Test", options: AttemptOptions(), engine: engine,
                                  analysis: ScenarioAnalysis(engine.scenario), clock: TestClock(Self.clock())) { _, _, _ in
            throw DiskFull()
        }
        let loop = PlayLoop(session: session, reader: reader, screen: screen)
        #expect(throws: DiskFull.self) { try loop.run() }
        #expect(buffer.text.hasSuffix("> 1\n"))
        #expect(!buffer.text.contains("Over lunch"))
        #expect(reader.prompts.count == 1)
    }

    // MARK: Hostile text

    /// Scenario text full of terminal instructions: colour, screen clearing, a hyperlink,
    /// a title change, C1 controls, bidirectional overrides, BEL, backspace and CR.
    static let hostile = [
        "\u{1B}[31mRED\u{1B}[0m", "\u{1B}[2J\u{1B}[H", "\u{1B}]8;;https://evil.example\u{1B}\\link\u{1B}]8;;\u{1B}\\",
        "\u{1B}]0;pwned\u{07}", "\u{9B}6n", "\u{85}\u{8D}", "\u{202E}txt.exe\u{202C}", "\u{2066}iso\u{2069}",
        "bell\u{07}", "back\u{08}space", "over\rwrite", "\u{1B}c", "\u{1B}P+q\u{1B}\\", "\u{0}nul",
    ].joined(separator: " ")

    static func hostileScenario() -> Data {
        func text(_ label: String) -> String { "\(label) \(hostile) \(label)" }
        let object: [String: Any] = [
            "format": 1, "id": "hostile-text", "title": text("Title"), "domain": "retail",
            "summary": text("Summary"), "briefing": text("Briefing"), "start": "first",
            "scenes": [
                ["id": "first", "text": text("Scene"), "choices": [
                    ["id": "go", "text": text("Choice"), "feedback": text("Feedback"), "next": "second",
                     "scores": ["manager": 1]],
                    ["id": "stay", "text": text("Other"), "feedback": text("Other feedback"), "next": "second",
                     "scores": ["leader": 1]],
                ]],
                ["id": "second", "text": text("Second"), "choices": [
                    ["id": "end", "text": text("Last"), "feedback": text("Last feedback"), "next": "the-end"],
                ]],
                ["id": "the-end", "text": text("Ending text"), "ending": ["title": text("Ending title")]],
            ],
            "reflection": [text("Reflection")],
        ]
        return try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    }

    /// Scalars that must never reach the terminal from content: C0 (except LF), DEL, C1,
    /// and the bidirectional embedding, override and isolate characters.
    static func forbidden(_ scalar: Unicode.Scalar, allowEscape: Bool = false) -> Bool {
        switch scalar.value {
        case 0x0A: return false
        case 0x1B: return !allowEscape
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    @Test("hostile scenario and typed text never reaches the screen raw")
    func hostileTextIsInert() throws {
        let engine = try Self.engine(data: Self.hostileScenario(), file: "hostile.json")
        let typed = "\u{1B}]0;typed\u{07}\u{9B}2J\u{202E}maybe"
        let harness = Harness(engine, script: [
            .line("help"), .line("status"), .line("path"), .line("1"), .line("path"), .line("status"),
            .line("back"), .line("2"), .line("1"),
        ])
        let exit = try harness.run()
        guard case .finished = exit else {
            Issue.record("expected the session to finish, got \(exit)")
            return
        }
        // The scripted reader echoes typed lines as a terminal would; check only what the loop wrote.
        let screen = harness.screen
        let offending = screen.unicodeScalars.filter { Self.forbidden($0) }
        #expect(offending.isEmpty, "raw control characters: \(offending.map { String($0.value, radix: 16) })")
        for label in ["Title", "Briefing", "Scene", "Choice", "Feedback", "Second", "Last", "Ending text", "Ending title"] {
            #expect(screen.contains(label), "\(label) is shown")
        }
        #expect(!screen.contains("evil.example"))
        #expect(!screen.contains("pwned"))

        // Typed text that the loop repeats back is neutralised too.
        let typedHarness = Harness(engine, lines: [typed])
        _ = try typedHarness.run()
        let echoedByTerminal = "> " + typed + "\n"
        let written = typedHarness.screen.replacingOccurrences(of: echoedByTerminal, with: "")
        #expect(written.contains("maybe"))
        #expect(written.unicodeScalars.filter { Self.forbidden($0) }.isEmpty)
    }

    @Test("with colour on, the only escape sequences are the loop's own styles")
    func hostileTextWithColour() throws {
        let engine = try Self.engine(data: Self.hostileScenario(), file: "hostile.json")
        let harness = Harness(engine, lines: ["status", "path", "1", "path", "1"], colour: true)
        _ = try harness.run()
        let screen = harness.screen
        #expect(screen.unicodeScalars.filter { Self.forbidden($0, allowEscape: true) }.isEmpty)
        var sequences = Set<String>()
        var rest = screen[...]
        while let escape = rest.firstIndex(of: "\u{1B}") {
            let tail = rest[escape...]
            let end = tail.firstIndex(of: "m").map { tail.index(after: $0) } ?? tail.endIndex
            sequences.insert(String(tail[..<end]).replacingOccurrences(of: "\u{1B}", with: "ESC"))
            rest = tail[end...]
        }
        #expect(sequences == ["ESC[1m", "ESC[2m", "ESC[0m"])
    }

    @Test("scene text wraps at the screen width, with hanging indents for choices")
    func wraps() throws {
        let harness = Harness(try Self.huddle(), lines: [], columns: 40)
        _ = try harness.run()
        for line in harness.screen.split(separator: "\n") {
            #expect(TextLayout.displayWidth(String(line)) <= 40, "\(line.debugDescription)")
        }
        #expect(harness.screen.contains("  2. Ask Jo what she was going for with\n     the table"))
    }
}

@Suite("Play loop: asking before restart, and Ctrl-C")
struct PlayLoopQuestionsTests {
    @Test("at a terminal, restart asks before clearing decisions; anything but yes carries on")
    func restartAsks() throws {
        let harness = PlayTranscriptTests.Harness(try PlayTranscriptTests.huddle(), lines: ["1", "restart", "n", "restart", "y"])
        harness.loop.confirmsRestart = true
        guard case .saved(let engine) = try harness.run() else { Issue.record("not saved"); return }
        #expect(engine.state.decisions.isEmpty && engine.state.restarts == 1)
        #expect(harness.screen.contains("Start again and clear your 1 decision? [y/N] n\nCarrying on where you are."))
        #expect(harness.records.map(\.step) == [.choose, .restart])
    }

    @Test("Ctrl-C says how to leave")
    func interruptHint() throws {
        let harness = PlayTranscriptTests.Harness(try PlayTranscriptTests.huddle(), script: [.interrupted])
        _ = try harness.run()
        #expect(harness.screen.contains("To leave, type quit or press Ctrl-D"))
    }
}
