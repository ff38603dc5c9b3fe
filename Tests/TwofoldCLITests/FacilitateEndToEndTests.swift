import Foundation
import Testing
import TwofoldTestSupport

/// End-to-end tests of `twofold facilitate`: the built binary driven through standard
/// input and through a real pseudo-terminal, each run with its own `TWOFOLD_HOME`.
@Suite("Facilitate end to end")
struct FacilitateEndToEndTests {
    // MARK: Tests

    /// A six-person session of retail-floor-walk, mistakes and all, through standard input.
    static let script = [
        // opening: 1 customer-walk, 2 fix-now, 3 do-it-yourself, 4 set-the-standard
        "1 2", "1 2 3 4 5 6", "Zed=1", "4 4 1 2 - 4", "Chi=4", "reveal", "go",
        // b-huddle: 1 not-today, 2 go-for-it, 3 smallest-version, 4 think-about-it
        "3 2 3 1 3 4", "status", "go",
        // b-marcus: 1 career-talk, 2 name-it-and-ask, 3 rule-reminder, 4 let-it-go
        "1 2 1 2 3 3", "go", "go 2", "back", "2 2 1 2 3 -", "go",
        // b-visit: 1 present-yourself, 2 whole-team, 3 name-priya, 4 modest
        "3 3 3 3 3 3", "reveal", "go 1",
        // m-close: 1 same-plan, 2 tomas-draft, 3 stop-walks
        "2 1 1 3 2 1", "timer", "go",
    ]

    static let participants = ["Ana", "Ben", "Chi", "Dev", "Eli", "Fay"]

    /// What each participant voted, decision by decision, along the group's path.
    static let votes: [String: [String?]] = [
        "Ana": ["set-the-standard", "smallest-version", "name-it-and-ask", "name-priya", "tomas-draft"],
        "Ben": ["set-the-standard", "go-for-it", "name-it-and-ask", "name-priya", "same-plan"],
        "Chi": ["set-the-standard", "smallest-version", "career-talk", "name-priya", "same-plan"],
        "Dev": ["fix-now", "not-today", "name-it-and-ask", "name-priya", "stop-walks"],
        "Eli": [nil, "smallest-version", "rule-reminder", "name-priya", "tomas-draft"],
        "Fay": ["set-the-standard", "think-about-it", nil, "name-priya", "same-plan"],
    ]

    @Test("a whole six-person session through standard input: transcript, reports and independent scores")
    func wholeSession() throws {
        let home = try TestHome()
        let out = home.url.appendingPathComponent("out")
        let run = try home.run(["facilitate", "retail-floor-walk", "--participants", Self.participants.joined(separator: ","),
                                "--cohort", "Spring leaders", "--out", out.path, "--discuss", "45"],
                               input: Self.script.joined(separator: "\n") + "\n", timeout: .seconds(60))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty)

        // The transcript: every mistake answered on one line, nothing recorded from it.
        let flat = run.flat
        for line in [
            "2 votes for 6 participants: none for Chi, Dev, Eli and Fay (type - for an abstention); nothing recorded.",
            "Eli's vote “5” is not a choice: use 1 to 4, or - to abstain; nothing recorded.",
            "No participant is called “Zed” (the roster: Ana, Ben, Chi, Dev, Eli, Fay); nothing recorded.",
            "6 of 6 votes in (hidden).", "Vote recorded for Chi.",
            "The vote is tied between 1, 2 and 3 (2 votes each): type go 1, go 2 or go 3.",
            "Took back the group's last decision and its votes; vote again.",
            "The group goes with 1 (the facilitator's choice): Give Linda the numbers and the afternoon plan yourself",
            "Discussion: 0:45.",
            "── Scores after 1 decision",
            "── Ending: ",
            "── Results",
        ] {
            #expect(flat.contains(line), "missing: \(line)")
        }
        #expect(run.stdout.contains("Ana  manager +2    leader +2\n"))
        #expect(run.stdout.contains("Eli  manager 0     leader 0     abstained 1\n"))

        // The reports: one group report in three formats, two files per participant.
        let groupJSON = try #require(try Self.files(in: out, prefix: "group", ext: "json").first)
        #expect(try Self.files(in: out, prefix: "group", ext: "html").count == 1)
        #expect(try Self.files(in: out, prefix: "group", ext: "md").count == 1)
        let group = try Self.json(groupJSON)
        #expect(group["groupReportVersion"] as? Int == 1)
        #expect(group["cohort"] as? String == "Spring leaders")
        let sessionID = try #require(group["groupSessionId"] as? String)
        let path = try #require(group["decisions"] as? [[String: Any]])
        #expect(path.map { $0["choice"] as? String } == ["set-the-standard", "smallest-version", "name-it-and-ask", "present-yourself", "same-plan"])
        #expect(path.map { $0["basis"] as? String } == ["majority", "majority", "majority", "facilitator", "majority"])
        let divided = try #require(group["mostDivided"] as? [[String: Any]])
        // Entropy: b-huddle 3-1-1-1 (1.79 bits), m-close 3-2-1 (1.46), b-marcus 3-1-1 (1.37),
        // opening 4-1 (0.72); b-visit was unanimous.
        #expect(divided.map { $0["decision"] as? Int } == [2, 5, 3])
        let groupParticipants = try #require(group["participants"] as? [[String: Any]])
        #expect(groupParticipants.map { $0["name"] as? String } == Self.participants)

        // Each participant's learner report, checked against an independent computation.
        let bounds = try Self.bounds(home: home)
        for (index, name) in Self.participants.enumerated() {
            let files = try Self.files(in: out, prefix: name.lowercased(), ext: "json")
            #expect(try Self.files(in: out, prefix: name.lowercased(), ext: "md").count == 1)
            let report = try Self.json(try #require(files.first, "no JSON report for \(name)"))
            let session = try #require(report["session"] as? [String: Any])
            #expect(session["kind"] as? String == "group")
            #expect(session["groupSessionId"] as? String == sessionID)
            #expect((report["learner"] as? [String: Any])?["name"] as? String == name)
            let decisions = try #require(report["decisions"] as? [[String: Any]])
            #expect(decisions.map { $0["choice"] as? String } == path.map { $0["choice"] as? String })
            let cast = decisions.map { ($0["vote"] as? [String: Any])?["choice"] as? String }
            #expect(cast == Self.votes[name]!, "\(name)")
            let expected = try Self.expectedScores(votes: Self.votes[name]!, scenarioFile: Self.scenarioFile, bounds: bounds)
            let scores = try #require(report["scores"] as? [String: [String: Int]])
            let inGroup = try #require(groupParticipants[index]["scores"] as? [String: [String: Int]])
            for axis in ["manager", "leader"] {
                #expect(scores[axis]?["raw"] == expected[axis]?.raw, "\(name) \(axis)")
                #expect(scores[axis]?["percent"] == expected[axis]?.percent, "\(name) \(axis)")
                #expect(inGroup[axis]?["percent"] == expected[axis]?.percent, "\(name) \(axis) in the group report")
            }
        }
        #expect(groupParticipants.map { $0["abstentions"] as? Int } == [0, 0, 0, 0, 1, 1])

        // The records store knows every participant's attempt, like a solo learner's.
        let history = try home.run(["history", "--json"])
        let attempts = try #require((try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [String: Any])?["attempts"] as? [[String: Any]])
        for name in Self.participants {
            #expect(attempts.contains { $0["learner"] as? String == name && $0["kind"] as? String == "group" }, "\(name)")
        }
        // Nothing is left to resume.
        #expect(try home.run(["resume"]).status != 0)
    }

    @Test("the roster: --roster and --participants combine; empty and duplicate names are bad usage")
    func roster() throws {
        let home = try TestHome()
        let file = home.url.appendingPathComponent("roster.txt")
        try Data("  Ana Silva \n\nBen\n".utf8).write(to: file)
        let run = try home.run(["facilitate", "retail-floor-walk", "--participants", "Chi", "--roster", file.path], input: "quit\n")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.flat.contains("Group session with 3 participants: Chi, Ana Silva, Ben."))
        #expect(run.stdout.contains("Saved. Continue later with: twofold resume"))

        let none = try home.run(["facilitate", "retail-floor-walk"])
        #expect(none.status == 64)
        #expect(none.stderr.contains("name the participants with --participants"))
        let twice = try home.run(["facilitate", "retail-floor-walk", "--participants", "Ana,Ben,ana"])
        #expect(twice.status == 64)
        #expect(twice.stderr.contains("ana is on the roster twice (as Ana and ana)"))
        let empty = try home.run(["facilitate", "retail-floor-walk", "--participants", "Ana,,Ben"])
        #expect(empty.status == 64)
        #expect(empty.stderr.contains("participant 2 has an empty name"))
        try Data("Ana\nANA\n".utf8).write(to: file)
        let fromFile = try home.run(["facilitate", "retail-floor-walk", "--roster", file.path])
        #expect(fromFile.status == 64)
        #expect(fromFile.stderr.contains("ANA is on the roster twice"))
    }

    @Test("at a terminal: Tab completes names, reveal shows the split, the timer is skipped with Enter, Ctrl-D saves")
    func pseudoTerminal() throws {
        let home = try TestHome()
        let terminal = try home.startOnTerminal(["facilitate", "retail-floor-walk", "--participants", "Ana,Ben"], columns: 100, rows: 40)
        try terminal.expect("vote> ")
        terminal.send("Be\t")
        try terminal.expect("Ben=")
        terminal.send("2\n")
        try terminal.expect("Vote recorded for Ben. 1 of 2 votes in; waiting for Ana.")
        try terminal.expect("vote> ")
        terminal.send("Ana=4\n")
        try terminal.expect("2 of 2 votes in (hidden).")
        try terminal.expect("vote> ")
        terminal.send("reveal\n")
        try terminal.expect("── Votes")
        try terminal.expect("A tie between 2 and 4: type go N to choose.")
        try terminal.expect("── To discuss")
        try terminal.expect("vote> ")
        terminal.send("timer 30\n")
        try terminal.expect("left")
        terminal.send("\n")
        try terminal.expect("Discussion timer stopped.")
        try terminal.expect("vote> ")
        terminal.sendControl("d")
        try terminal.expect("Saved. Continue later with: twofold resume")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test("kill -9 mid-session, then resume: every vote cast so far is kept")
    func killAndResume() throws {
        let home = try TestHome()
        let out = home.url.appendingPathComponent("out")
        let terminal = try home.startOnTerminal(["facilitate", "retail-floor-walk", "--participants", "Ana,Ben,Chi"],
                                                columns: 100, rows: 40)
        try terminal.expect("vote> ")
        terminal.send("2 1 2\n")
        try terminal.expect("3 of 3 votes in (hidden).")
        try terminal.expect("vote> ")
        terminal.send("go\n")
        try terminal.expect("── Decision 2")
        try terminal.expect("vote> ")
        terminal.send("Ana=1\n")
        try terminal.expect("Vote recorded for Ana.")  // recorded before it is shown
        try terminal.expect("vote> ")
        kill(terminal.processID, SIGKILL)
        #expect(try terminal.waitForExit() == 128 + SIGKILL)

        let listed = try home.run(["resume"], input: "quit\n")
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.flat.contains("Welcome back. 1 decision so far; 1 vote in at this one (hidden)."))
        #expect(listed.flat.contains("── Decision 2"))

        // m-fixed: Ana=1 from before the kill, Ben 4, Chi 1; then m-lunch, m-visit and m-close with 1 1 1.
        let finished = try home.run(["resume", "--out", out.path],
                                    input: "Ben=4 Chi=1\nreveal\ngo\n1 1 1\ngo\n1 1 1\ngo\n1 1 1\ngo\n", timeout: .seconds(60))
        #expect(finished.status == 0, "\(finished.stderr)")
        #expect(finished.flat.contains("── Results"))
        let expected: [String: [String?]] = [
            "ana": ["fix-now", "direct-staff", "tell-marcus", "answer-yourself", "same-plan"],
            "ben": ["customer-walk", "coaching-chat", "tell-marcus", "answer-yourself", "same-plan"],
            "chi": ["fix-now", "direct-staff", "tell-marcus", "answer-yourself", "same-plan"],
        ]
        for (name, votes) in expected {
            let report = try Self.json(try #require(try Self.files(in: out, prefix: name, ext: "json").first))
            let decisions = try #require(report["decisions"] as? [[String: Any]])
            #expect(decisions.map { ($0["vote"] as? [String: Any])?["choice"] as? String } == votes, "\(name)")
        }
    }
}
