import Foundation
import TwofoldLRSTestSupport
import Testing
import TwofoldLRS
import TwofoldTestSupport

/// Learning records end to end: the built binary against a real record store (Ralph on
/// loopback) that is up, down, killed, frozen mid-send or refusing the password. One test at
/// a time: each waits on processes for seconds, and the thread it holds meanwhile is one the
/// other suites' tasks need.
@Suite("Learning records end to end", .serialized)
struct LRSEndToEndTests {
    /// The whole floor walk after one choice taken back: five decisions, six statements.
    static let playWithTakeBack = "1\nback\n" + FloorWalk.firstTwo + FloorWalk.restAfterFirstTwo
    static let formats = ["--format", "json,xapi"]

    /// How long one run may take: pushes wait on the record store.
    static let timeout: Duration = .seconds(90)

    /// The statement ids of the xAPI export written for the one attempt in `home`.
    private func exportedIDs(_ home: TestHome) throws -> Set<String> {
        let file = try #require(home.reportFiles().first { $0.hasSuffix(".xapi.json") })
        let data = try Data(contentsOf: home.reports.appendingPathComponent(file))
        let statements = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        return Set(statements.compactMap { $0["id"] as? String })
    }

    /// The record store's statements: each id's count, and the ids that stand (voided ones and
    /// the voiding statements left out), as read back through its API.
    private func stored(_ server: RalphServer) async throws -> (counts: [String: Int], standing: Set<String>) {
        var counts: [String: Int] = [:]
        for statement in try server.storedStatements() { counts[statement["id"] as? String ?? "?", default: 0] += 1 }
        var ids = Set<String>(), voided = Set<String>()
        try await LRSClient(endpoint: server.endpoint()).statements(StatementQuery()) { bytes in
            guard let object = try? JSONSerialization.jsonObject(with: Data(buffer: bytes)) as? [String: Any],
                  let id = object["id"] as? String else { return }
            let target = object["object"] as? [String: Any]
            if target?["objectType"] as? String == "StatementRef", let voids = target?["id"] as? String {
                voided.insert(voids)
            } else {
                ids.insert(id)
            }
        }
        return (counts, ids.subtracting(voided))
    }

    private func status(_ home: TestHome, lrs: [String: String]) throws -> [String: Any] {
        let run = try home.run(["lrs", "status", "--json"], environment: lrs, timeout: Self.timeout)
        #expect(run.status == 0, "\(run.stderr)")
        return try jsonObject(run.stdout)
    }

    @Test("with the record store up every statement arrives once, and pushing twice changes nothing")
    func up() async throws {
        let server = try RalphServer.start()
        defer { try? server.stop() }
        let home = try TestHome()
        let play = try home.run(["play", FloorWalk.id, "--learner", "Ana"] + Self.formats, input: Self.playWithTakeBack,
                                environment: server.environment, timeout: Self.timeout)
        #expect(play.status == 0, "\(play.stderr)")
        for _ in 0..<2 {
            let push = try home.run(["lrs", "push"], environment: server.environment, timeout: Self.timeout)
            #expect(push.status == 0, "\(push.stderr)")
            #expect(push.stdout.hasSuffix("; the outbox is empty\n"))
        }
        let (counts, standing) = try await stored(server)
        #expect(standing == (try exportedIDs(home)))
        #expect(counts.values.allSatisfy { $0 == 1 })
    }

    @Test("with the record store down all session long, play is unaffected, then push delivers everything once")
    func downThenPush() async throws {
        let port = closedPort()
        let home = try TestHome()
        let offline = RalphServer.environment(port: port)
        let play = try home.run(["play", FloorWalk.id, "--learner", "Ben"] + Self.formats, input: Self.playWithTakeBack,
                                environment: offline, timeout: Self.timeout)
        #expect(play.status == 0, "\(play.stderr)")
        #expect(play.stdout.contains("Your result"))
        #expect(play.stderr.contains("6 learning record statements wait in the outbox (cannot reach the learning record store at "
                                     + "http://127.0.0.1:\(port)/xAPI/: connection refused)"), "\(play.stderr)")
        let waiting = try status(home, lrs: offline)
        #expect((waiting["failing"] as? Int ?? 0) + (waiting["queued"] as? Int ?? 0) == 6)
        #expect((waiting["lastError"] as? String)?.contains("connection refused") == true)

        let server = try RalphServer.start(port: port)
        defer { try? server.stop() }
        let push = try home.run(["lrs", "push"], environment: server.environment, timeout: Self.timeout)
        #expect(push.status == 0, "\(push.stderr)")
        #expect(push.stdout == "6 statements delivered; the outbox is empty\n")
        let again = try home.run(["lrs", "push"], environment: server.environment, timeout: Self.timeout)
        #expect(again.stdout == "0 statements delivered; the outbox is empty\n")
        let (counts, standing) = try await stored(server)
        #expect(standing == (try exportedIDs(home)))
        #expect(counts.count == 6 && counts.values.allSatisfy { $0 == 1 })
    }

    @Test("the record store frozen and killed mid-session, twofold killed mid-send: after restarts everything arrives once")
    func killedMidSend() async throws {
        let server = try RalphServer.start()
        defer { try? server.stop() }
        let home = try TestHome()
        let child = try home.start(["play", FloorWalk.id, "--learner", "Chi"] + Self.formats, environment: server.environment)
        child.send("1\n")
        try child.expect(FloorWalk.lWalkText)
        try await waitUntil { (try? server.storedStatements().count) == 1 }

        try server.freeze()
        child.send("2\n")
        try child.expect(FloorWalk.mLunchText)
        try await waitUntil { (try? status(home, lrs: server.environment)["sending"] as? Int) == 1 }
        child.signal(SIGKILL)  // while its worker waits on the frozen record store
        #expect(try child.waitForExit() == 128 + SIGKILL)
        try server.stop(kill: true)
        try server.start()

        let resume = try home.run(["resume", "--learner", "Chi"], input: FloorWalk.restAfterFirstTwo, environment: server.environment,
                                  timeout: Self.timeout)
        #expect(resume.status == 0, "\(resume.stderr)")
        let push = try home.run(["lrs", "push"], environment: server.environment, timeout: Self.timeout)
        #expect(push.status == 0, "\(push.stderr)")
        let (counts, standing) = try await stored(server)
        #expect(standing == (try exportedIDs(home)))
        #expect(counts.count == 6 && counts.values.allSatisfy { $0 == 1 })
    }

    @Test("a wrong password: play goes on, push fails with one line naming the endpoint and status, nothing is lost")
    func wrongPassword() async throws {
        let server = try RalphServer.start()
        defer { try? server.stop() }
        let home = try TestHome()
        var wrong = server.environment
        wrong[LRSSettings.passwordVariable] = "not-the-password"
        let play = try home.run(["play", FloorWalk.id, "--learner", "Dev"], input: FloorWalk.firstTwo + FloorWalk.restAfterFirstTwo,
                                environment: wrong, timeout: Self.timeout)
        #expect(play.status == 0, "\(play.stderr)")
        let refusal = "the learning record store at \(server.endpointURL) refused the credentials (HTTP 401); "
            + "check TWOFOLD_LRS_USERNAME and TWOFOLD_LRS_PASSWORD"
        #expect(play.stderr.contains(refusal))
        let push = try home.run(["lrs", "push"], environment: wrong, timeout: Self.timeout)
        #expect(push.status == 1)
        #expect(push.stderr == "twofold: error: \(refusal) (0 statements delivered; 6 statements still waiting)\n")
        #expect(try status(home, lrs: wrong)["failing"] as? Int == 6)
        #expect(try server.storedStatements().isEmpty)
        let check = try home.run(["lrs", "check"], environment: wrong, timeout: Self.timeout)
        #expect(check.status == 1 && check.stderr == "twofold: error: \(refusal)\n")
        #expect(try home.run(["lrs", "push"], environment: server.environment, timeout: Self.timeout).status == 0)
        #expect(try server.storedStatements().count == 6)
    }

    @Test("two machines and a facilitated room, the record store stopped and restarted between: cohort --lrs equals cohort over the files")
    func cohortAcrossMachines() async throws {
        let server = try RalphServer.start()
        defer { try? server.stop() }
        let first = try TestHome(), second = try TestHome()
        let lrs = server.environment
        let ana = try first.run(["play", FloorWalk.id, "--learner", "Ana Silva", "--cohort", "Spring leaders", "--learner-email",
                                 "ana@example.org"], input: Self.playWithTakeBack, environment: lrs, timeout: Self.timeout)
        #expect(ana.status == 0, "\(ana.stderr)")

        try server.stop()
        let ben = try second.run(["play", FloorWalk.id, "--learner", "Ben", "--cohort", "Spring leaders"],
                                 input: "2\n" + String(repeating: "1\n", count: 6), environment: lrs, timeout: Self.timeout)
        #expect(ben.status == 0, "\(ben.stderr)")
        let room = try second.run(["facilitate", FloorWalk.id, "--participants", "Chi,Dev", "--cohort", "Spring leaders"],
                                  input: String(repeating: "1 2\ngo 1\n", count: 6), environment: lrs, timeout: Self.timeout)
        #expect(room.status == 0, "\(room.stderr)")
        #expect(room.stderr.contains("wait in the outbox"))
        try server.start()
        let push = try second.run(["lrs", "push"], environment: lrs, timeout: Self.timeout)
        #expect(push.status == 0, "\(push.stderr)")

        let reports = [first.reports.path, second.reports.path]
        let files = try first.run(["cohort"] + reports + ["--format", "csv"], environment: lrs, timeout: Self.timeout)
        let fromLRS = try first.run(["cohort", "--lrs", "--format", "csv"], environment: lrs, timeout: Self.timeout)
        #expect(files.status == 0 && fromLRS.status == 0, "\(fromLRS.stderr)")
        let fileRows = files.stdout.split(separator: "\r\n"), lrsRows = fromLRS.stdout.split(separator: "\r\n")
        #expect(lrsRows.first == fileRows.first)
        #expect(lrsRows.count == 5 && Set(lrsRows) == Set(fileRows), "\(fromLRS.stdout)\n\(files.stdout)")

        let decisionFiles = try first.run(["cohort"] + reports + ["--format", "csv", "--per", "decision"], environment: lrs,
                                          timeout: Self.timeout)
        let decisionLRS = try first.run(["cohort", "--lrs", "--format", "csv", "--per", "decision"], environment: lrs, timeout: Self.timeout)
        let decisionRows = (Set(decisionLRS.stdout.split(separator: "\r\n")), Set(decisionFiles.stdout.split(separator: "\r\n")))
        #expect(decisionLRS.status == 0 && decisionRows.0 == decisionRows.1,
                "only from the LRS: \(decisionRows.0.subtracting(decisionRows.1)); only from files: \(decisionRows.1.subtracting(decisionRows.0))")

        let summary = { (text: String) throws -> NSDictionary in try #require(try jsonObject(text)["summary"] as? NSDictionary) }
        let jsonFiles = try first.run(["cohort"] + reports + ["--format", "json", "--cohort", "spring LEADERS"], environment: lrs,
                                      timeout: Self.timeout)
        let jsonLRS = try second.run(["cohort", "--lrs", "--format", "json", "--cohort", "spring LEADERS"], environment: lrs,
                                     timeout: Self.timeout)
        #expect(try summary(jsonLRS.stdout) == summary(jsonFiles.stdout))
        let html = try second.run(["cohort", "--lrs", "--format", "html", "--scenario", FloorWalk.id], environment: lrs, timeout: Self.timeout)
        #expect(html.status == 0 && html.stdout.contains("<html"))
        for name in ["Ana Silva", "Ben", "Chi", "Dev"] { #expect(html.stdout.contains(name), "\(name)") }
        let (counts, _) = try await stored(server)
        #expect(counts.values.allSatisfy { $0 == 1 })
    }

    @Test("cohort --lrs without a record store, or with files or --format xapi, is refused with one line")
    func cohortUsage() throws {
        let home = try TestHome()
        let none = try home.run(["cohort", "--lrs"])
        #expect(none.status == 1)
        #expect(none.stderr.hasPrefix("twofold: error: no learning record store is configured: set TWOFOLD_LRS_ENDPOINT"))
        #expect(try home.run(["cohort", "--lrs", "reports"]).status == 64)
        let xapi = try home.run(["cohort", "--lrs", "--format", "xapi"])
        #expect(xapi.status == 64 && xapi.stderr.contains("--format xapi does not go with --lrs"))
        let broken = try home.write("{\"lrs\": {\"endpoint\": 7}}", to: "config.json")
        let status = try home.run(["lrs", "status"])
        #expect(status.status == 1)
        #expect(status.stderr == "twofold: error: learning record settings: \(broken):1:22: lrs.endpoint: expected a string\n")
    }

    /// Waits (up to 30 seconds) until `condition` holds.
    private func waitUntil(_ condition: () throws -> Bool) async throws {
        let deadline = ContinuousClock.now.advanced(by: .seconds(30))
        while try !condition() {
            guard ContinuousClock.now < deadline else { throw ChildProcess.Failure(description: "timed out waiting") }
            try await Task.sleep(for: .milliseconds(100))
        }
    }
}
