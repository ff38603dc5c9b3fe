import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Nothing lost: a killed process resumes at its last decision, SIGTERM saves and exits
/// 128+15, and two processes on one store both keep everything.
@Suite("Durability")
struct DurabilityTests {
    @Test("kill -9 after a decision: resume continues at the next scene with the decision kept")
    func killNine() throws {
        let home = try TestHome()
        let play = try home.start(["play", FloorWalk.id, "--learner", "Kim"])
        try play.expect(FloorWalk.openingText)
        play.send("1\n")
        // Every decision is committed before the next scene is shown: once it is on the
        // screen, the store has it.
        try play.expect(FloorWalk.lWalkText)
        play.signal(SIGKILL)
        #expect(try play.waitForExit(timeout: .seconds(10)) == 128 + SIGKILL)
        #expect(!play.stdout.contains("Saved."), "no orderly shutdown happened")

        let resume = try home.run(["resume", "--learner", "Kim"], input: "1\n1\n1\n1\n")
        #expect(resume.status == 0, "\(resume.stderr)")
        #expect(resume.stdout.contains("Welcome back. 1 decision so far"))
        #expect(!resume.stdout.contains(FloorWalk.openingText), "resumed past the first scene")
        #expect(resume.stdout.contains(FloorWalk.lWalkText), "at the next scene")
        #expect(resume.stdout.contains("Ending: Great ideas, thin shelves"))

        let attempts = try #require(try jsonObject(try home.run(["history", "--json"]).stdout)["attempts"] as? [[String: Any]])
        #expect(attempts.count == 1)
        let reportPath = try #require((attempts.first?["reports"] as? [String])?.first { $0.hasSuffix(".json") })
        let report = try jsonObject(try String(contentsOfFile: reportPath, encoding: .utf8))
        let choices = (report["decisions"] as? [[String: Any]])?.compactMap { $0["choice"] as? String }
        #expect(choices == ["customer-walk", "let-them-finish", "trust-priya", "own-it-fix", "open-walk"])
    }

    @Test("kill -9 on a terminal, right after an undo, keeps the undo")
    func killNineOnTerminalAfterBack() throws {
        let home = try TestHome()
        let terminal = try home.startOnTerminal(["play", FloorWalk.id, "--learner", "Lee"])
        try terminal.expect("\n> ")
        terminal.send("1\n")
        try terminal.expect(FloorWalk.lWalkText)
        try terminal.expect("\n> ")
        terminal.send("2\n")
        try terminal.expect(FloorWalk.mLunchText)
        try terminal.expect("\n> ")
        terminal.send("back\n")
        try terminal.expect("Took back your choice at this scene.")
        try terminal.expect("\n> ")
        kill(terminal.processID, SIGKILL)
        #expect(try terminal.waitForExit() == 128 + SIGKILL)

        let resume = try home.run(["resume", "--learner", "Lee"])
        #expect(resume.status == 0, "\(resume.stderr)")
        #expect(resume.stdout.contains("Welcome back. 1 decision so far"))
        #expect(resume.stdout.contains(FloorWalk.lWalkText))
    }

    @Test("SIGTERM during a session saves, exits 128+15, and the session resumes")
    func sigterm() throws {
        let home = try TestHome()
        let play = try home.start(["play", FloorWalk.id, "--learner", "Max"])
        try play.expect(FloorWalk.openingText)
        play.send("1\n")
        try play.expect(FloorWalk.lWalkText)
        play.signal(SIGTERM)
        #expect(try play.waitForExit(timeout: .seconds(10)) == 128 + SIGTERM)
        #expect(play.stdout.contains("Saved. Continue later with: twofold resume"))

        let resume = try home.run(["resume", "--learner", "Max"], input: "2\n")
        #expect(resume.status == 0, "\(resume.stderr)")
        #expect(resume.stdout.contains("Welcome back. 1 decision so far"))
        #expect(resume.stdout.contains(FloorWalk.mLunchText))
    }

    @Test("SIGTERM and SIGHUP at a terminal save and exit 128+signal", arguments: [SIGTERM, SIGHUP])
    func terminationAtTerminal(_ signal: Int32) throws {
        let home = try TestHome()
        let terminal = try home.startOnTerminal(["play", FloorWalk.id, "--learner", "Sol"])
        try terminal.expect("\n> ")
        terminal.send("4\n")
        try terminal.expect("By 10:25 the cushion customer")
        try terminal.expect("\n> ")
        kill(terminal.processID, signal)
        #expect(try terminal.waitForExit() == 128 + signal)

        let resume = try home.run(["resume", "--learner", "Sol"])
        #expect(resume.stdout.contains("Welcome back. 1 decision so far"), "\(resume.stdout)\n\(resume.stderr)")
    }

    @Test("two (and three) processes on one store at once lose nothing")
    func concurrentProcesses() throws {
        let home = try TestHome()
        // Started together on a store that does not exist yet; each makes several decisions,
        // including undos, as fast as it can.
        let inputs = [
            ("P1", FloorWalk.bestPath),                                   // 5 decisions
            ("P2", "1\n2\nback\n2\n1\n1\n1\n"),                           // customer-walk, pick-for-them (again), …
            ("P3", "2\n1\nrestart\n4\n3\n2\n3\nback\n3\n4\n"),
        ]
        let children = try inputs.map { name, _ in try home.start(["play", FloorWalk.id, "--learner", name]) }
        for (child, (_, input)) in zip(children, inputs) {
            child.send(input)
            child.closeInput()
        }
        for (child, (name, _)) in zip(children, inputs) {
            let status = try child.waitForExit(timeout: .seconds(30))
            #expect(status == 0, "\(name): \(child.stderr)")
            #expect(child.stdout.contains("Your result"), "\(name) finished: \(child.stdout.suffix(300))")
        }

        let attempts = try #require(try jsonObject(try home.run(["history", "--json"]).stdout)["attempts"] as? [[String: Any]])
        #expect(attempts.compactMap { $0["learner"] as? String }.sorted() == ["P1", "P2", "P3"])
        let endings = Dictionary(uniqueKeysWithValues: attempts.compactMap { item -> (String, String)? in
            guard let learner = item["learner"] as? String, let ending = item["ending"] as? String else { return nil }
            return (learner, ending)
        })
        #expect(endings == ["P1": "A team that notices", "P2": "A tidy store and a quiet team", "P3": "A team that notices"])
        // Each attempt's report carries exactly the decisions that stand.
        for attempt in attempts {
            let path = try #require((attempt["reports"] as? [String])?.first { $0.hasSuffix(".json") })
            let report = try jsonObject(try String(contentsOfFile: path, encoding: .utf8))
            #expect((report["decisions"] as? [Any])?.count == 5, "\(attempt["learner"] ?? "")")
        }
        #expect(home.reportFiles().count == 6)

        let resume = try home.run(["resume"])
        #expect(resume.status != 0, "no session is left unfinished")
    }
}
