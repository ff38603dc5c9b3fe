import Foundation
import Testing
import TwofoldTestSupport

/// `twofold cohort` end to end: real reports written by `twofold play`, a folder of good,
/// bad, repeated and other files, every format, `--out`, filters and `--store`.
@Suite("twofold cohort", .serialized)
struct CohortCommandTests {
    /// Runs the built binary with `home` as its home (see ``twofoldEnvironment(home:)``), so
    /// nothing in this process's environment, such as a record store's settings, reaches it.
    static func twofold(_ arguments: [String], home: URL, input: String = "") throws -> ChildProcess.Result {
        try ChildProcess.run(twofoldBinary.path, arguments: arguments, input: input,
                             environment: twofoldEnvironment(home: home.path), timeout: .seconds(120))
    }

    /// A fresh home with three reports played by the app (two learners, two scenarios).
    final class Programme {
        private let folder: TemporaryFolder
        var root: URL { folder.url }
        let home: URL
        let reports: URL

        init() throws {
            folder = try TemporaryFolder("cohort")
            home = folder.url.appendingPathComponent("home")
            reports = folder.url.appendingPathComponent("reports")
            try FileManager.default.createDirectory(at: reports, withIntermediateDirectories: true)
            let plays: [(String, String, String)] = [("retail-floor-walk", "Ana Silva", "1"), ("retail-floor-walk", "=Ben", "2"),
                                                     ("marketing-campaign-launch", "Ana Silva", "2")]
            for (scenario, learner, choice) in plays {
                let run = try twofold(["play", scenario, "--learner", learner, "--cohort", "Spring leaders",
                                       "--out", reports.path, "--format", "json,xapi,md"], home: home,
                                      input: String(repeating: choice + "\n", count: 30))
                #expect(run.status == 0, "\(run.stderr)")
            }
        }

        func jsonReports() throws -> [URL] {
            try FileManager.default.contentsOfDirectory(at: reports, includingPropertiesForKeys: nil)
                .filter { $0.lastPathComponent.hasSuffix(".json") && !$0.lastPathComponent.hasSuffix(".xapi.json") }
                .sorted { $0.path < $1.path }
        }

        func write(_ text: String, _ relative: String) throws {
            let url = reports.appendingPathComponent(relative)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    @Test("good reports merge; bad ones are named and skipped; repeats count once; other files pass quietly")
    func folder() throws {
        let programme = try Programme()
        let good = try programme.jsonReports()
        #expect(good.count == 3)
        let first = try String(contentsOf: good[0], encoding: .utf8)
        try programme.write(first, "copies/again.json")  // the same attempt twice
        try programme.write("{ not json", "broken.json")
        try programme.write(first.replacingOccurrences(of: "\"reportVersion\" : 1", with: "\"reportVersion\" : 7"), "newer.json")
        // A scenario played from a file of the facilitator's own, not in the library: merged from the report.
        try programme.write(first.replacingOccurrences(of: "\"id\" : \"", with: "\"id\" : \"acme-")
            .replacingOccurrences(of: "\"attemptId\" : \"", with: "\"attemptId\" : \"0"), "unknown.json")
        try programme.write(#"{"participants": [{"name": "Ana"}], "scenario": {"id": "retail-floor-walk"}}"#, "group.json")
        try programme.write("not a report", "notes.txt")
        try programme.write("{}", ".hidden.json")

        let run = try Self.twofold(["cohort", programme.reports.path, "--format", "csv"], home: programme.home)
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.count == 5, "\(run.stdout)")
        #expect(lines[0].hasPrefix("learner,cohort,scenario,manager_percent,leader_percent,profile,ending,finished_at"))
        #expect(lines.contains { $0.hasPrefix("'=Ben,Spring leaders,retail-floor-walk,") })
        let skipped = run.stderr.split(separator: "\n").filter { $0.hasPrefix("twofold: skipped ") }
        #expect(skipped.count == 2, "\(run.stderr)")
        #expect(run.stderr.contains("broken.json: not a learner report: the file is not valid JSON (line 1, column 3"))
        #expect(run.stderr.contains("newer.json: the report uses report version 7"))
        #expect(!run.stderr.contains("unknown.json"))
        #expect(lines.contains { $0.contains(",acme-") })
        #expect(!run.stderr.contains("group.json") && !run.stderr.contains("xapi") && !run.stderr.contains("hidden"))

        let summary = try Self.twofold(["cohort", programme.reports.path, "--format", "json"], home: programme.home)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(summary.stdout.utf8)) as? [String: Any])
        let counts = try #require(object["summary"] as? [String: Any])
        #expect(counts["attempts"] as? Int == 4 && counts["skippedFiles"] as? Int == 2 && counts["duplicateAttempts"] as? Int == 1)
        #expect(counts["learners"] as? Int == 2)
    }

    @Test("a group report or xAPI file named on the command line gets a note, not a skip; alone it merges nothing")
    func namedOther() throws {
        let programme = try Programme()
        let xapi = try FileManager.default.contentsOfDirectory(atPath: programme.reports.path).first { $0.hasSuffix(".xapi.json") }!
        let run = try Self.twofold(["cohort", programme.reports.appendingPathComponent(xapi).path, "--format", "csv"], home: programme.home)
        #expect(run.stderr.contains("is an xAPI statement file, not a learner report; not merged"), "\(run.stderr)")
        #expect(run.status == 1 && run.stderr.contains("twofold: error: nothing to merge"), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    @Test("every format renders; --out writes the file whole and leaves nothing else")
    func formatsAndOut() throws {
        let programme = try Programme()
        for format in ["md", "json", "csv", "html", "xapi"] {
            let out = programme.root.appendingPathComponent("cohort.\(format)")
            let run = try Self.twofold(["cohort", programme.reports.path, "--format", format, "--out", out.path], home: programme.home)
            #expect(run.status == 0, "\(format): \(run.stderr)")
            #expect(run.stdout.isEmpty)
            #expect(run.stderr.contains("wrote \(out.path): 3 attempts"))
            let data = try Data(contentsOf: out)
            #expect(data.count > 100)
            if format == "json" || format == "xapi" { #expect((try? JSONSerialization.jsonObject(with: data)) != nil) }
            if format == "html" { #expect(String(decoding: data, as: UTF8.self).contains("<svg class=\"chart cohort-chart\"")) }
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: programme.root.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)
        let missingFolder = try Self.twofold(["cohort", programme.reports.path, "--out", "/no/such/folder/x.md"], home: programme.home)
        #expect(missingFolder.status == 73 && missingFolder.stderr.contains("cannot write"))
    }

    @Test("filters: --cohort, --scenario, --since; a bad date is a usage error; nothing merged is a failure")
    func filters() throws {
        let programme = try Programme()
        func rows(_ extra: [String]) throws -> Int {
            let run = try Self.twofold(["cohort", programme.reports.path, "--format", "csv"] + extra, home: programme.home)
            if run.status == 1 && run.stderr.contains("nothing to merge: no attempt matches") && run.stdout.isEmpty { return 0 }
            #expect(run.status == 0, "\(run.stderr)")
            return run.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count - 1
        }
        #expect(try rows(["--scenario", "retail-floor-walk"]) == 2)
        #expect(try rows(["--cohort", "SPRING LEADERS"]) == 3)
        #expect(try rows(["--cohort", "Autumn"]) == 0)
        #expect(try rows(["--since", "2000-01-01"]) == 3)
        #expect(try rows(["--since", "2999-01-01T00:00:00Z"]) == 0)
        #expect(try rows(["--scenario", "nope"]) == 0)
        let badDate = try Self.twofold(["cohort", programme.reports.path, "--since", "last tuesday"], home: programme.home)
        #expect(badDate.status == 64)
        let nothing = try Self.twofold(["cohort"], home: programme.home)
        #expect(nothing.status == 64)
        let missing = try Self.twofold(["cohort", programme.root.appendingPathComponent("nowhere").path], home: programme.home)
        #expect(missing.status == 1 && missing.stderr.contains("nowhere: no such file or folder"))
        #expect(missing.stderr.contains("twofold: error: nothing to merge"))
    }

    @Test("a facilitated session's participants merge like solo learners; the group report is passed over")
    func facilitated() throws {
        let programme = try Programme()
        let votes = String(repeating: "1 2 -\ngo 1\n", count: 12)
        let session = try Self.twofold(["facilitate", "retail-floor-walk", "--participants", "Dee,Eve,Fay", "--cohort", "Autumn",
                                        "--out", programme.reports.path], home: programme.home, input: votes)
        #expect(session.status == 0, "\(session.stderr)")
        let run = try Self.twofold(["cohort", programme.reports.path, "--format", "json", "--cohort", "autumn"], home: programme.home)
        #expect(run.status == 0 && run.stderr.isEmpty, "\(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let rows = try #require(object["rows"] as? [[String: Any]])
        #expect(Set(rows.compactMap { $0["learner"] as? String }) == ["Dee", "Eve", "Fay"])
        #expect(rows.allSatisfy { $0["session"] as? String == "group" && $0["groupSessionId"] is String })
        let summary = try #require(object["summary"] as? [String: Any])
        let scenario = try #require((summary["scenarios"] as? [[String: Any]])?.first)
        let decisions = try #require(scenario["decisions"] as? [[String: Any]])
        // Every decision: Dee and Eve voted, Fay abstained.
        #expect(decisions.allSatisfy { $0["responses"] as? Int == 2 && $0["abstentions"] as? Int == 1 })
        let store = try Self.twofold(["cohort", "--store", "--format", "csv", "--cohort", "Autumn"], home: programme.home)
        #expect(store.status == 0 && store.stderr.isEmpty, "\(store.stderr)")
        #expect(store.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 4)
    }

    @Test("--store reads the reports of the finished attempts on record")
    func store() throws {
        let programme = try Programme()
        let run = try Self.twofold(["cohort", "--store", "--format", "csv"], home: programme.home)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 4)
        // The same attempts from the folder and the store count once.
        let both = try Self.twofold(["cohort", programme.reports.path, "--store", "--format", "csv"], home: programme.home)
        #expect(both.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 4)
    }
}
