import Foundation
import Testing
import TwofoldReports
import TwofoldLRSTestSupport
@testable import TwofoldLRS

/// The xAPI client against a real record store (Ralph on loopback).
@Suite("LRS client against Ralph")
struct LRSClientTests {
    /// The ids of the statements the record store holds for `registration`, read page by page.
    private func readBack(_ client: LRSClient, registration: String) async throws -> [String] {
        var ids: [String] = []
        try await client.statements(StatementQuery(registration: registration)) { bytes in
            let object = try? JSONSerialization.jsonObject(with: Data(buffer: bytes)) as? [String: Any]
            ids.append(object?["id"] as? String ?? "?")
        }
        return ids.sorted()
    }

    @Test("statements are stored once, read back across pages, and sent again without doubling")
    func postAndReadBack() async throws {
        let server = try SharedRalph.server()
        let client = LRSClient(endpoint: server.endpoint())
        let report = try launchWeekReport(learner: "Ana Silva", cohort: uniqueCohort("client"))
        let statements = XAPIStatements.statements(report)
        #expect(statements.count == 3)
        #expect(try await client.post(statements.map(\.json)) == .stored)
        let ids = try await readBack(client, registration: XAPIStatements.registration(report))
        #expect(ids == statements.map(\.id).sorted())

        // A repeat is answered 204 (or 409 by other stores) and stores nothing twice.
        #expect(try await client.post(statements.map(\.json)) == .stored)
        #expect(try await client.post([statements[0].json]) == .stored)
        #expect(try await readBack(client, registration: XAPIStatements.registration(report)) == ids)
        let stored = try server.storedStatements().filter { statements.map(\.id).contains($0["id"] as? String ?? "") }
        #expect(stored.count == statements.count)
    }

    @Test("`more` links are followed to the last page")
    func paging() async throws {
        let server = try SharedRalph.server()
        let client = LRSClient(endpoint: server.endpoint())
        let cohort = uniqueCohort("paging")
        let reports = try (0..<5).map { try launchWeekReport(learner: "Learner \($0)", cohort: cohort) }
        let statements = reports.flatMap { XAPIStatements.statements($0) }
        #expect(try await client.post(statements.map(\.json)) == .stored)
        var seen = Set<String>()
        let count = try await client.statements(StatementQuery()) { bytes in
            let object = try? JSONSerialization.jsonObject(with: Data(buffer: bytes)) as? [String: Any]
            seen.insert(object?["id"] as? String ?? "?")
        }
        #expect(count > SharedRalph.pageSize * 3)
        #expect(Set(statements.map(\.id)).isSubset(of: seen))
    }

    @Test("Ralph has no `about`: the status says so; an `about` document gives its versions")
    func about() async throws {
        let server = try SharedRalph.server()
        await #expect(throws: LRSError.rejected(endpoint: server.endpointURL, status: 404, reason: "Not Found")) {
            try await LRSClient(endpoint: server.endpoint()).about()
        }
        #expect(LRSClient.versions(about: Data(#"{"version": ["1.0.3", "2.0.0"], "extensions": {}}"#.utf8)) == ["1.0.3", "2.0.0"])
        #expect(LRSClient.versions(about: Data(#"{"version": "1.0.3"}"#.utf8)) == nil)
    }

    @Test("a wrong password is a credentials error naming the endpoint and the status")
    func wrongPassword() async throws {
        let server = try SharedRalph.server()
        let client = LRSClient(endpoint: server.endpoint(password: "not-the-password"))
        let statement = XAPIStatements.statements(try launchWeekReport(learner: "Ben", cohort: nil))[0]
        await #expect(throws: LRSError.credentials(endpoint: server.endpointURL, status: 401)) {
            try await client.post([statement.json])
        }
        let error = LRSError.credentials(endpoint: server.endpointURL, status: 401)
        #expect(error.description == "the learning record store at \(server.endpointURL) refused the credentials (HTTP 401); "
                + "check TWOFOLD_LRS_USERNAME and TWOFOLD_LRS_PASSWORD")
    }

    @Test("a record store that is down is unreachable, with the reason")
    func down() async throws {
        let endpoint = LRSEndpoint(url: URL(string: "http://127.0.0.1:\(closedPort())/xAPI/")!, credentials: nil)
        await #expect(throws: LRSError.unreachable(endpoint: endpoint.display, reason: "connection refused")) {
            try await LRSClient(endpoint: endpoint).post([Data("{}".utf8)])
        }
    }

    @Test("a statement the record store refuses gets its status and reason")
    func rejected() async throws {
        let client = LRSClient(endpoint: try SharedRalph.server().endpoint())
        do {
            _ = try await client.post([Data(#"{"verb": "not a verb"}"#.utf8)])
            Issue.record("an invalid statement was accepted")
        } catch let LRSError.rejected(_, status, reason) {
            #expect(status == 400 || status == 422)  // Ralph answers 422 for a statement its schema refuses
            #expect(!reason.isEmpty && !reason.contains("\n"))
        }
    }

    @Test("a `more` link that leads to another host is refused")
    func moreElsewhere() throws {
        let client = LRSClient(endpoint: LRSEndpoint(url: URL(string: "https://lrs.example.org/xAPI/")!, credentials: nil))
        #expect(try client.follow("/xAPI/statements?page=2").absoluteString == "https://lrs.example.org/xAPI/statements?page=2")
        #expect(throws: LRSError.self) { try client.follow("https://elsewhere.example.com/xAPI/statements") }
    }
}
