import Foundation
import Testing
import TwofoldTestSupport

/// The built binary through pipes: scripted play, resume, history, lint and report.
@Suite("Play end to end (pipes)")
struct PlayEndToEndTests {
    @Test("play, quit, resume to the end: reports written, attempt in history")
    func playQuitResumeFinish() throws {
        let home = try TestHome()
        let play = try home.run(["play", FloorWalk.id, "--learner", "Ana"], input: "1\n2\nquit\n")
        #expect(play.status == 0, "\(play.stderr)")
        #expect(play.stdout.contains(FloorWalk.mLunchText))
        #expect(play.stdout.hasSuffix("Saved. Continue later with: twofold resume\n"))
        #expect(!play.stdout.contains("\u{1B}"), "no escape codes off a terminal")
        #expect(home.reportFiles().isEmpty, "no report before the end")

        let history = try home.run(["history", "--json"])
        #expect(history.status == 0)
        #expect(try jsonObject(history.stdout)["attempts"] as? [Any] != nil)
        #expect((try jsonObject(history.stdout)["attempts"] as? [Any])?.isEmpty == true, "an unfinished session is not an attempt")

        let resume = try home.run(["resume", "--learner", "Ana"], input: FloorWalk.restAfterFirstTwo)
        #expect(resume.status == 0, "\(resume.stderr)")
        #expect(resume.stdout.contains("Welcome back. 2 decisions so far"))
        #expect(!resume.stdout.contains(FloorWalk.openingText), "resume does not start over")
        #expect(resume.stdout.contains("Ending: A tidy store and a quiet team"))
        #expect(resume.stdout.contains("Your result"))

        // md and json, named <learner>-<scenario>-<timestamp>.<ext>.
        let files = home.reportFiles()
        #expect(files.count == 2, "\(files)")
        #expect(files.contains { $0.hasPrefix("ana-retail-floor-walk-") && $0.hasSuffix(".md") })
        let jsonName = try #require(files.first { $0.hasPrefix("ana-retail-floor-walk-") && $0.hasSuffix(".json") })
        let report = try jsonObject(String(contentsOf: home.reports.appendingPathComponent(jsonName), encoding: .utf8))
        try Self.checkRequiredReportFields(report)
        #expect((report["learner"] as? [String: Any])?["name"] as? String == "Ana")
        #expect((report["scenario"] as? [String: Any])?["id"] as? String == FloorWalk.id)
        #expect((report["scenario"] as? [String: Any])?["title"] as? String == FloorWalk.title)
        let decisions = try #require(report["decisions"] as? [[String: Any]])
        #expect(decisions.map { "\($0["scene"]!)/\($0["choice"]!)" } == [
            "opening/customer-walk", "l-walk/pick-for-them", "m-lunch/tell-marcus", "m-visit/answer-yourself",
            "m-close/same-plan",
        ])
        #expect((report["ending"] as? [String: Any])?["scene"] as? String == "end-manager")
        let manager = try #require((report["scores"] as? [String: Any])?["manager"] as? [String: Any])
        #expect(manager["raw"] as? Int == -1 + 2 + 3 + 3 + 3)

        let attempts = try #require(try jsonObject(try home.run(["history", "--json"]).stdout)["attempts"] as? [[String: Any]])
        #expect(attempts.count == 1)
        #expect(attempts.first?["learner"] as? String == "Ana")
        #expect(attempts.first?["scenario"] as? String == FloorWalk.id)
        #expect(attempts.first?["ending"] as? String == "A tidy store and a quiet team")
        #expect(attempts.first?["managerPercent"] as? Int != nil)
        #expect((attempts.first?["reports"] as? [String])?.count == 2)

        let after = try home.run(["resume"])
        #expect(after.status != 0, "a finished session is not offered again")
        #expect(after.stderr.contains("no saved session to resume"))

        let text = try home.run(["history"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("Ana\n"))
        #expect(text.stdout.contains("Walking the Store Floor  manager "))
    }

    /// The learner report fields PRODUCT.md requires.
    static func checkRequiredReportFields(_ report: [String: Any], cohort: String? = nil,
                                          sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        #expect(report["reportVersion"] as? Int == 1, sourceLocation: sourceLocation)
        #expect((report["learner"] as? [String: Any])?["name"] is String, sourceLocation: sourceLocation)
        if let cohort {
            #expect(report["cohort"] as? String == cohort, sourceLocation: sourceLocation)
        }
        let scenario = report["scenario"] as? [String: Any]
        for key in ["id", "title", "domain"] {
            #expect(scenario?[key] is String, "scenario.\(key)", sourceLocation: sourceLocation)
        }
        for key in ["startedAt", "finishedAt"] {
            let value = report[key] as? String
            #expect(value.map { $0.range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$"#, options: .regularExpression) != nil } == true,
                    "\(key) is an ISO 8601 UTC time: \(String(describing: value))", sourceLocation: sourceLocation)
        }
        let decisions = report["decisions"] as? [[String: Any]] ?? []
        #expect(!decisions.isEmpty, sourceLocation: sourceLocation)
        for decision in decisions {
            #expect(decision["scene"] is String && decision["choice"] is String, sourceLocation: sourceLocation)
            let scores = decision["scores"] as? [String: Any]
            #expect(scores?["manager"] is Int && scores?["leader"] is Int, sourceLocation: sourceLocation)
        }
        for axis in ["manager", "leader"] {
            let score = (report["scores"] as? [String: Any])?[axis] as? [String: Any]
            for key in ["raw", "min", "max", "percent"] {
                #expect(score?[key] is Int, "scores.\(axis).\(key)", sourceLocation: sourceLocation)
            }
            if let raw = score?["raw"] as? Int, let min = score?["min"] as? Int, let max = score?["max"] as? Int,
               let percent = score?["percent"] as? Int {
                #expect(min <= raw && raw <= max, sourceLocation: sourceLocation)
                let expected = max == min ? 100 : Int((100 * Double(raw - min) / Double(max - min)).rounded())
                #expect(percent == expected, "scores.\(axis).percent", sourceLocation: sourceLocation)
            }
        }
        let profile = report["profile"] as? [String: Any]
        #expect(["both", "manager", "leader", "emerging"].contains(profile?["key"] as? String ?? ""), sourceLocation: sourceLocation)
        #expect(profile?["label"] is String, sourceLocation: sourceLocation)
        let ending = report["ending"] as? [String: Any]
        #expect(ending?["scene"] is String && ending?["title"] is String, sourceLocation: sourceLocation)
    }

    @Test("a straight play to the best ending writes the cohort and a `both` profile")
    func straightToTheEnd() throws {
        let home = try TestHome()
        let out = home.url.appendingPathComponent("out").path
        let result = try home.run(["play", FloorWalk.id, "--learner", "Ben Okafor", "--cohort", "Spring leaders",
                                   "--out", out, "--format", "json,csv"], input: FloorWalk.bestPath)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Ending: A team that notices"))
        let files = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        #expect(files.count == 2 && files.allSatisfy { $0.hasPrefix("ben-okafor-retail-floor-walk-") }, "\(files)")
        let json = try #require(files.first { $0.hasSuffix(".json") })
        let report = try jsonObject(String(contentsOfFile: out + "/" + json, encoding: .utf8))
        try Self.checkRequiredReportFields(report, cohort: "Spring leaders")
        #expect((report["profile"] as? [String: Any])?["key"] as? String == "both")
        #expect(home.reportFiles().isEmpty, "--out is honoured")
    }

    @Test("end of input acts as quit: saved, exit 0, and resumable")
    func endOfInputQuits() throws {
        let home = try TestHome()
        let play = try home.run(["play", FloorWalk.id, "--learner", "Ana"], input: "1\n")
        #expect(play.status == 0, "\(play.stderr)")
        #expect(play.stdout.contains(FloorWalk.lWalkText))
        #expect(play.stdout.hasSuffix("Saved. Continue later with: twofold resume\n"))

        // Resuming with no input shows where it stands and saves again.
        let resume = try home.run(["resume"])
        #expect(resume.status == 0, "\(resume.stderr)")
        #expect(resume.stdout.contains("Welcome back. 1 decision so far"))
        #expect(resume.stdout.contains(FloorWalk.lWalkText))

        // With no input at all, nothing is decided and no empty session is kept to pile up:
        // Ana's is still the only one, so resume goes straight to it.
        let empty = try home.run(["play", FloorWalk.id, "--learner", "Cy"], input: "")
        #expect(empty.status == 0)
        let listing = try home.run(["resume"])
        #expect(listing.status == 0)
        #expect(!listing.stdout.contains("Saved sessions:") && !listing.stdout.contains("Cy"))
        #expect(listing.stdout.contains("Welcome back. 1 decision so far"))
    }

    @Test("a session whose scenario file changed is refused, with nothing replayed")
    func changedScenarioRefused() throws {
        let home = try TestHome()
        let original = try String(contentsOf: fixtureURL("scenarios/morning-huddle.json"), encoding: .utf8)
        let file = try home.write(original, to: "mine/morning-huddle.json")
        let play = try home.run(["play", file, "--learner", "Dee"], input: "1\nquit\n")
        #expect(play.status == 0, "\(play.stderr)")
        #expect(play.stdout.contains("Over lunch, Sam asks"))

        try Data(original.replacingOccurrences(of: "Over lunch, Sam asks", with: "Over coffee, Sam asks").utf8)
            .write(to: URL(fileURLWithPath: file))
        let resume = try home.run(["resume", "--learner", "Dee"], input: "2\n")
        #expect(resume.status != 0)
        #expect(resume.stderr.contains("cannot resume Dee's session of \"The Morning Huddle\""), "\(resume.stderr)")
        #expect(resume.stderr.contains("changed since this session was saved"), "\(resume.stderr)")
        #expect(resume.stderr.contains("twofold play morning-huddle --learner Dee"), "\(resume.stderr)")
        #expect(!resume.stdout.contains("Sam asks"), "no scene of the changed file is shown")
        #expect(home.reportFiles().isEmpty)

        // Still refused the second time, and never counted as an attempt.
        let again = try home.run(["resume", "--learner", "Dee"], input: "2\n")
        #expect(again.status != 0)
        let attempts = try jsonObject(try home.run(["history", "--json"]).stdout)["attempts"] as? [Any]
        #expect(attempts?.isEmpty == true)

        // Put back as it was, the file resumes again.
        try Data(original.utf8).write(to: URL(fileURLWithPath: file))
        let restored = try home.run(["resume", "--learner", "Dee"], input: "2\n")
        #expect(restored.status == 0, "\(restored.stderr)")
        #expect(restored.stdout.contains("Ending: A team that grows"))
    }

    @Test("play on a broken scenario file exits 1 with file:line:column diagnostics")
    func brokenScenario() throws {
        let home = try TestHome()
        let file = try home.write("""
            {
              "format": 1,
              "id": "broken"
              "title": "Missing a comma"
            }
            """, to: "broken.json")
        let result = try home.run(["play", file, "--learner", "Ana"], input: "1\n")
        #expect(result.status == 1)
        #expect(result.stderr.range(of: #"broken\.json:4:3: error: \[[a-z-]+\] "#, options: .regularExpression) != nil, "\(result.stderr)")
        #expect(result.stdout.isEmpty, "nothing is played: \(result.stdout)")
        #expect(!result.stderr.contains("Fatal error"))

        let dangling = try home.write(
            try String(contentsOf: fixtureURL("scenarios/morning-huddle.json"), encoding: .utf8)
                .replacingOccurrences(of: #""next": "end-quiet""#, with: #""next": "nowhere""#),
            to: "dangling.json")
        let second = try home.run(["play", dangling, "--learner", "Ana"], input: "1\n")
        #expect(second.status == 1)
        #expect(second.stderr.range(of: #"dangling\.json:\d+:\d+: error: \[dangling-next\] "#, options: .regularExpression) != nil, "\(second.stderr)")
        #expect(second.stdout.isEmpty)
    }

    @Test("lint exits 0 for a clean file, 1 for errors, 64 for bad usage")
    func lintExitCodes() throws {
        let home = try TestHome()
        let clean = try home.run(["lint", fixtureURL("scenarios/morning-huddle.json").path])
        #expect(clean.status == 0, "\(clean.stderr)")
        let bundled = try home.run(["lint", bundledScenarioFolder.path])
        #expect(bundled.status == 0, "\(bundled.stderr)")
        let broken = try home.write(#"{"format": 1, "id": "x",}"#, to: "broken.json")
        let failing = try home.run(["lint", broken])
        #expect(failing.status == 1)
        #expect(failing.stderr.range(of: #"broken\.json:\d+:\d+: error: \["#, options: .regularExpression) != nil, "\(failing.stderr)")
        #expect(try home.run(["lint"]).status == 64)
        #expect(try home.run(["lint", "--no-such-flag", broken]).status == 64)
    }

    @Test("report re-renders a saved report in other formats")
    func reportRerenders() throws {
        let home = try TestHome()
        let file = try home.write(try String(contentsOf: fixtureURL("reports/golden.json"), encoding: .utf8), to: "saved/ana.json")
        let result = try home.run(["report", file, "--format", "html,csv"])
        #expect(result.status == 0, "\(result.stderr)")
        let folder = home.url.appendingPathComponent("saved")
        let html = try String(contentsOf: folder.appendingPathComponent("ana.html"), encoding: .utf8)
        let csv = try String(contentsOf: folder.appendingPathComponent("ana.csv"), encoding: .utf8)
        #expect(html.contains("<html"))
        #expect(csv.hasPrefix("learner,") || csv.split(separator: "\n").first?.contains("learner") == true, "\(csv.prefix(200))")
        #expect(result.stdout.contains("ana.html") && result.stdout.contains("ana.csv"))

        // Never overwrites: a second run picks new names.
        let again = try home.run(["report", file, "--format", "html"])
        #expect(again.status == 0)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("ana-2.html").path))
    }

    @Test("a report from a newer Twofold is refused")
    func newerReportRefused() throws {
        let home = try TestHome()
        var object = try jsonObject(try String(contentsOf: fixtureURL("reports/golden.json"), encoding: .utf8))
        object["reportVersion"] = 99
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        let file = try home.write(String(decoding: data, as: UTF8.self), to: "newer.json")
        let result = try home.run(["report", file, "--format", "md"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("newer.json"))
        #expect(result.stderr.contains("99"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: home.url.appendingPathComponent("newer.md").path))
    }

    @Test("an unknown report format is a usage error", arguments: [
        ["report", "whatever.json", "--format", "bogus"],
        ["play", "retail-floor-walk", "--learner", "Ana", "--format", "bogus"],
        ["resume", "--format", "md,bogus"],
    ])
    func bogusFormat(_ arguments: [String]) throws {
        let home = try TestHome()
        let result = try home.run(arguments, input: "1\n")
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains("bogus"))
        #expect(home.reportFiles().isEmpty)
    }
}
