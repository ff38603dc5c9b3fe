import Foundation
import Testing
import TwofoldCore
@testable import TwofoldReports

@Suite("xAPI statements")
struct XAPITests {
    private func statements(_ report: LearnerReport, base: String = XAPIStatements.defaultBaseIRI) throws -> [[String: Any]] {
        let json = XAPIStatements.render(report, baseIRI: base)
        return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
    }

    @Test("every statement is complete and shares the attempt's registration")
    func structure() throws {
        let report = try goldenReport()
        let all = try statements(report)
        var verbs: [String] = []
        for statement in all {
            #expect(statement["version"] as? String == "1.0.3")
            #expect(NameBasedUUID.canonical(statement["id"] as? String ?? "") != nil)
            let actor = try #require(statement["actor"] as? [String: Any])
            #expect(actor["objectType"] as? String == "Agent" && actor["name"] as? String == "Ana Silva")
            let account = try #require(actor["account"] as? [String: String])
            #expect(account == ["homePage": "https://twofold.example/xapi", "name": "Ana Silva"])
            let verb = try #require(statement["verb"] as? [String: Any])
            verbs.append(try #require(verb["id"] as? String))
            #expect((verb["display"] as? [String: String])?["en-US"] != nil)
            #expect((statement["object"] as? [String: Any])?["id"] is String)
            let context = try #require(statement["context"] as? [String: Any])
            #expect(context["registration"] as? String == report.attemptId)
            #expect(statement["timestamp"] as? String != nil)
        }
        #expect(verbs.filter { $0 == "http://adlnet.gov/expapi/verbs/completed" }.count == 1)
        #expect(verbs.filter { $0 == "http://adlnet.gov/expapi/verbs/answered" }.count == report.decisions.count)
        #expect(Set(all.compactMap { $0["id"] as? String }).count == all.count)
    }

    @Test("answered statements carry the choice, both deltas and a parent activity")
    func answered() throws {
        let report = try goldenReport()
        let first = try statements(report)[0]
        let object = try #require(first["object"] as? [String: Any])
        #expect(object["id"] as? String == "https://twofold.example/xapi/scenarios/launch-week/scenes/monday")
        let definition = try #require(object["definition"] as? [String: Any])
        #expect(definition["type"] as? String == "http://adlnet.gov/expapi/activities/cmi.interaction")
        #expect(definition["interactionType"] as? String == "choice")
        let result = try #require(first["result"] as? [String: Any])
        #expect(result["response"] as? String == "tell-priorities")
        #expect(result["duration"] as? String == "PT42.5S")
        let extensions = try #require(result["extensions"] as? [String: Int])
        #expect(extensions == ["https://twofold.example/xapi/extensions/manager-delta": 3,
                               "https://twofold.example/xapi/extensions/leader-delta": 0,
                               "https://twofold.example/xapi/extensions/turn": 0])
        let context = try #require(first["context"] as? [String: Any])
        let parent = try #require((context["contextActivities"] as? [String: Any])?["parent"] as? [[String: String]])
        #expect(parent.first?["id"] == "https://twofold.example/xapi/scenarios/launch-week")
        #expect(first["timestamp"] as? String == "2026-11-29T10:00:42Z")
    }

    @Test("the completed statement carries the score and both axes")
    func completed() throws {
        let report = try goldenReport()
        let last = try #require(try statements(report).last)
        let object = try #require(last["object"] as? [String: Any])
        #expect((object["definition"] as? [String: Any])?["type"] as? String == "http://adlnet.gov/expapi/activities/simulation")
        let result = try #require(last["result"] as? [String: Any])
        let score = try #require(result["score"] as? [String: Double])
        let mean = Double(report.manager.percent + report.leader.percent) / 2
        #expect(score == ["scaled": mean / 100, "raw": mean, "min": 0, "max": 100])
        #expect(result["completion"] as? Bool == true)
        #expect(result["duration"] as? String == "PT552S")
        let extensions = try #require(result["extensions"] as? [String: Any])
        #expect(extensions["https://twofold.example/xapi/extensions/manager-percent"] as? Int == report.manager.percent)
        #expect(extensions["https://twofold.example/xapi/extensions/leader-percent"] as? Int == report.leader.percent)
        #expect(extensions["https://twofold.example/xapi/extensions/profile"] as? String == "manager")
    }

    @Test("an email identifies the learner by mbox; the base IRI is a parameter")
    func mboxAndBase() throws {
        var report = try goldenReport()
        report.learner.email = "ana@example.org"
        let first = try statements(report, base: "https://lrs.example.com/twofold/")[0]
        let actor = try #require(first["actor"] as? [String: Any])
        #expect(actor["mbox"] as? String == "mailto:ana@example.org" && actor["account"] == nil)
        let object = try #require(first["object"] as? [String: Any])
        #expect((object["id"] as? String)?.hasPrefix("https://lrs.example.com/twofold/scenarios/") == true)
    }

    @Test("statement ids are deterministic name-based UUIDs")
    func deterministicIDs() throws {
        let report = try goldenReport()
        #expect(XAPIStatements.render(report) == XAPIStatements.render(report))
        // Known answer from Python's uuid.uuid5(uuid.NAMESPACE_URL, "https://twofold.example/xapi/statements").
        let url: [UInt8] = NameBasedUUID.bytes(of: "6ba7b811-9dad-11d1-80b4-00c04fd430c8")!
        #expect(NameBasedUUID.make("https://twofold.example/xapi/statements", namespace: url) == "1695bc94-6bbf-5813-8e62-950d7b983b3d")
        var other = report
        other.attemptId = "6f1c1c1e-2b8a-4f8e-8d3e-5a1b2c3d4e5f"
        let ids = try statements(report).compactMap { $0["id"] as? String }
        let otherIDs = try statements(other).compactMap { $0["id"] as? String }
        #expect(Set(ids).isDisjoint(with: otherIDs))
    }

    @Test("a registration that is not a UUID is turned into one")
    func registrationFallback() throws {
        var report = try goldenReport()
        report.attemptId = "attempt 7"
        let registration = XAPIStatements.registration(report)
        #expect(NameBasedUUID.canonical(registration) == registration)
        #expect(try statements(report).allSatisfy { ($0["context"] as? [String: Any])?["registration"] as? String == registration })
    }

    @Test("an answered statement built from one decision at its step is the one the report's export holds")
    func answeredAtTheStep() throws {
        let report = try goldenReport()
        let attempt = XAPIAttempt(attemptId: report.attemptId, learner: "Ana Silva", cohort: "Spring leaders",
                                  scenarioId: report.scenario.id, scenarioTitle: report.scenario.title)
        let exported = try statements(report)
        for (index, decision) in report.decisions.enumerated() {
            let statement = XAPIStatements.answered(decision, turn: try #require(decision.turn), attempt: attempt,
                                                    answeredAt: decision.answeredAt!)
            let compact = try #require(try JSONSerialization.jsonObject(with: statement.json) as? NSDictionary)
            #expect(compact == exported[index] as NSDictionary)
            #expect(statement.verb == .answered && statement.registration == report.attemptId)
        }
        let completed = XAPIStatements.completed(report, attempt: attempt)
        #expect(try JSONSerialization.jsonObject(with: completed.json) as? NSDictionary == exported.last! as NSDictionary)
        // Another turn of the same attempt is another statement.
        let again = XAPIStatements.answered(report.decisions[0], turn: 7, attempt: attempt, answeredAt: fixedStart)
        #expect(!exported.contains { $0["id"] as? String == again.id })
    }

    @Test("a take-back voids its statement by reference, in the attempt's context")
    func voiding() throws {
        let report = try goldenReport()
        let attempt = XAPIAttempt(report, baseIRI: "https://lrs.example.com/twofold/")
        let target = XAPIStatements.answeredID(registration: attempt.registration, turn: 3)
        let statement = XAPIStatements.voiding(target, attempt: attempt, at: fixedStart + 60)
        let object = try #require(try JSONSerialization.jsonObject(with: statement.json) as? [String: Any])
        #expect((object["verb"] as? [String: Any])?["id"] as? String == "http://adlnet.gov/expapi/verbs/voided")
        #expect(object["object"] as? [String: String] == ["objectType": "StatementRef", "id": target])
        let context = try #require(object["context"] as? [String: Any])
        #expect(context["registration"] as? String == report.attemptId)
        #expect(context["platform"] == nil)  // only for statements about an activity
        let parent = (context["contextActivities"] as? [String: Any])?["parent"] as? [[String: String]]
        #expect(parent?.first?["id"] == "https://lrs.example.com/twofold/scenarios/launch-week")
        #expect(object["timestamp"] as? String == "2026-11-29T10:01:00Z")
        #expect(statement.id == XAPIStatements.voiding(target, attempt: attempt, at: fixedStart).id)
    }

    @Test("statements written directly are the JSON the encoder writes, hostile text included")
    func compactJSON() throws {
        var report = try goldenReport()
        report.learner.name = "Ana \u{1B}[31m\"Quote\" \\ back/slash\n\t\u{7}é 😀"
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for statement in XAPIStatements.statements(report) {
            let direct = try #require(try JSONSerialization.jsonObject(with: statement.json) as? NSDictionary)
            let encoded = try #require(try JSONSerialization.jsonObject(with: try encoder.encode(statement.value)) as? NSDictionary)
            #expect(direct == encoded)
        }
        for statement in XAPIStatements.statements(try goldenReport()) {
            #expect(statement.json == (try encoder.encode(statement.value)))
        }
        #expect(String(decoding: JSONValue.double(0.575).compactBytes(), as: UTF8.self) == "0.575")
        #expect(String(decoding: JSONValue.double(1).compactBytes(), as: UTF8.self) == "1")
    }

    @Test("durations read back; IRI segments round-trip")
    func durationsAndSegments() {
        #expect(XAPIStatements.seconds(ofDuration: "PT552S") == 552)
        #expect(XAPIStatements.seconds(ofDuration: "PT42.5S") == 42.5)
        #expect(XAPIStatements.seconds(ofDuration: "PT1H2M3S") == 3723)
        #expect(XAPIStatements.seconds(ofDuration: "P1D") == nil && XAPIStatements.seconds(ofDuration: "PT5") == nil)
        for text in ["retail-floor-walk", "a b/c", "é%"] {
            #expect(XAPIVocabulary.unsegment(Substring(XAPIVocabulary.segment(text))) == text)
        }
        #expect(XAPIVocabulary.unsegment("%G1") == nil)
    }

    @Test("SHA-1 matches the standard test vectors")
    func sha1() {
        let hex = { (bytes: [UInt8]) in bytes.map { String($0, radix: 16).leftPadded(to: 2) }.joined() }
        #expect(hex(SHA1.digest(Array("abc".utf8))) == "a9993e364706816aba3e25717850c26c9cd0d89d")
        #expect(hex(SHA1.digest([])) == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
        #expect(hex(SHA1.digest(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)))
                == "84983e441c3bd26ebaae4aa1f95129e5e54670f1")
    }
}
