import Foundation
import TwofoldReports

/// `twofold lrs check`: reaches the record store, asks its `about` resource for the xAPI
/// versions it speaks, and tries the credentials by reading one statement.
public struct LRSCheck: Sendable {
    public let client: LRSClient

    public init(client: LRSClient) {
        self.client = client
    }

    /// What the check found: lines for people, and the problem that makes it fail.
    public struct Outcome: Sendable, Equatable {
        public var lines: [String]
        public var failure: LRSError?
    }

    public func run() async -> Outcome {
        let endpoint = client.endpoint
        var lines = ["Learning record store: \(endpoint.display)"
                     + (endpoint.credentials.map { " (user \(LRSClient.clip($0.username)))" } ?? " (no credentials)")]
        do {
            let versions = try await client.about()
            let speaks = versions.contains { $0.hasPrefix("1.0.") }
            lines.append("xAPI versions: \(versions.map(LRSClient.clip).joined(separator: ", "))"
                         + (speaks ? " (Twofold sends \(XAPIStatements.xAPIVersion))"
                                   : " — none is 1.0.x; Twofold sends \(XAPIStatements.xAPIVersion)"))
        } catch .rejected(_, let status, _) where status == 404 {
            // xAPI asks every record store for `about`; some (Ralph 5.1) have none. Not fatal.
            lines.append("xAPI versions: not given (`about` answered HTTP 404); Twofold sends \(XAPIStatements.xAPIVersion)")
        } catch {
            return Outcome(lines: lines, failure: error)
        }
        do {
            try await client.statements(StatementQuery(limit: 1), firstPageOnly: true) { _ in }
            lines.append("Credentials: accepted (statements can be sent and read back)")
        } catch .credentials(_, 403) {
            lines.append("Credentials: accepted, but they may not read statements (HTTP 403): "
                         + "delivery may work, `twofold cohort --lrs` will not")
            return Outcome(lines: lines, failure: .credentials(endpoint: endpoint.display, status: 403))
        } catch {
            return Outcome(lines: lines, failure: error)
        }
        return Outcome(lines: lines, failure: nil)
    }

    /// ``run()`` from synchronous code.
    public func runBlocking() -> Outcome {
        let check = self
        return Blocking.run { () async -> Outcome in await check.run() }
    }
}
