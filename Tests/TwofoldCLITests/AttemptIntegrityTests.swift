import Foundation
import Testing

/// Take-backs, restarts and assessed attempts, through the built binary: by pipe, and at
/// a real terminal.
@Suite("Attempt integrity end to end")
struct AttemptIntegrityTests {
    /// The JSON report of the only attempt in `home`.
    static func report(_ home: TestHome) throws -> [String: Any] {
        let file = try #require(home.reportFiles().first { $0.hasSuffix(".json") && !$0.hasSuffix(".xapi.json") })
        let data = try Data(contentsOf: home.reports.appendingPathComponent(file))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test("take-backs and restarts are in the report, the CSV and the cohort's columns")
    func takeBacksRecorded() throws {
        let home = try TestHome()
        // A try, taken back; a restart; then the best path with one more take-back on the way.
        let input = "1\nback\nrestart\n4\n3\nback\n3\n2\n3\n4\n"
        let play = try home.run(["play", FloorWalk.id, "--learner", "Ana", "--format", "json,csv"], input: input)
        #expect(play.status == 0, "\(play.stderr)")
        let report = try Self.report(home)
        let integrity = try #require(report["integrity"] as? [String: Any])
        #expect(integrity["mode"] as? String == "practice")
        #expect(integrity["takeBacks"] as? Int == 2 && integrity["restarts"] as? Int == 1)
        let decisions = try #require(report["decisions"] as? [[String: Any]])
        #expect(decisions.map { ($0["takenBack"] as? [String])?.count ?? -1 } == [0, 1, 0, 0, 0])
        let csvName = try #require(home.reportFiles().first { $0.hasSuffix(".csv") })
        let csv = try String(contentsOf: home.reports.appendingPathComponent(csvName), encoding: .utf8)
        #expect(csv.hasPrefix("learner,") && csv.contains("taken_back"))

        let cohort = try home.run(["cohort", home.reports.path, "--format", "csv"])
        let lines = cohort.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines[0].hasSuffix(",mode,take_backs,restarts"))
        #expect(lines[1].hasSuffix(",practice,2,1"), "\(cohort.stdout)")
    }

    @Test("an assessed attempt refuses back and restart and shows no score numbers until the end")
    func assessedByPipe() throws {
        let home = try TestHome()
        let play = try home.run(["play", FloorWalk.id, "--learner", "Ana", "--assessed"],
                                input: "4\nback\nrestart\nstatus\n" + "3\n2\n3\n4\n")
        #expect(play.status == 0, "\(play.stderr)")
        let flowing = play.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")  // notes wrap
        #expect(flowing.contains("This is an assessed attempt: `back` is not available, and every choice stands."))
        #expect(flowing.contains("This is an assessed attempt: `restart` is not available, and every choice stands."))
        let beforeEnd = try #require(play.stdout.components(separatedBy: "Your result").first)
        #expect(!beforeEnd.contains("manager +") && !beforeEnd.contains("leader +"), "no deltas before the end")
        #expect(play.stdout.contains("Your result"))
        let integrity = try #require(try Self.report(home)["integrity"] as? [String: Any])
        #expect(integrity["mode"] as? String == "assessed" && integrity["takeBacks"] as? Int == 0)
    }

    @Test("at a terminal, an assessed attempt refuses back")
    func assessedAtATerminal() throws {
        let home = try TestHome()
        let terminal = try home.startOnTerminal(["play", FloorWalk.id, "--learner", "Ana", "--assessed"])
        try terminal.expect("Assessed attempt: every choice stands")
        try terminal.expect("\n> ")
        terminal.send("4\n")
        try terminal.expect("Noted. Your scores and feedback come at the end.")
        try terminal.expect("\n> ")
        terminal.send("back\n")
        try terminal.expect("`back` is not available")
        try terminal.expect("\n> ")
        terminal.sendControl("d")
        #expect(try terminal.waitForExit() == 0)
    }
}
