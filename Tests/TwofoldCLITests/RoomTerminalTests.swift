import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// `twofold facilitate --room` at a real terminal: the join line, a typed vote taken off
/// the screen, and a phone's vote showing in the live count in front of the prompt.
@Suite("Room mode at a terminal")
struct RoomTerminalTests {
    @Test("a typed vote line becomes \"1 vote recorded\"; a phone's vote shows live in the prompt")
    func liveCount() throws {
        let home = try TestHome()
        let terminal = try home.startOnTerminal(["facilitate", FloorWalk.id, "--room", "--bind", "127.0.0.1", "--port", "0",
                                                 "--participants", "Ana,Ben"])
        try terminal.expect("Presenter view (keep this to yourself): http://127.0.0.1:")
        let join = try #require(terminal.output.firstMatch(of: /Join: (http:\/\/127\.0\.0\.1:(\d+)\/\?code=(\w+))/))
        try terminal.expect("0 of 2 voted  vote> ")

        terminal.send("Ana=1\n")
        try terminal.expect("1 vote recorded")
        try terminal.expect("1 of 2 voted  vote> ")

        let port = String(join.output.2), code = String(join.output.3)
        let joined = try Self.post("http://127.0.0.1:\(port)/api/join", ["code": code, "name": "Ben"])
        let token = try #require(joined["token"] as? String)
        _ = try Self.post("http://127.0.0.1:\(port)/api/vote", ["choice": 2], bearer: token)
        try terminal.expect("2 of 2 voted")

        terminal.send("quit\n")
        try terminal.expect("Saved. Continue later with: twofold resume")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test("a scripted room session runs to its ending; --no-participant-reports writes the group report only")
    func groupReportOnly() throws {
        let home = try TestHome()
        let out = home.url.appendingPathComponent("out")
        let script = Array(repeating: "Ana=1\ngo", count: 8).joined(separator: "\n") + "\n"
        let result = try home.run(["facilitate", FloorWalk.id, "--room", "--bind", "127.0.0.1", "--port", "0",
                                   "--participants", "Ana,Ben", "--no-participant-reports", "--out", out.path], input: script)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\nJoin: http://127.0.0.1:"))
        #expect(result.stdout.contains("── Results"))
        #expect(!result.stdout.contains("Learner reports, one per participant"))
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(!files.isEmpty && files.allSatisfy { $0.hasPrefix("group-") }, "\(files)")
    }

    /// A JSON POST; the answer's JSON object (empty for 204).
    static func post(_ address: String, _ body: [String: Any], bearer: String? = nil) throws -> [String: Any] {
        var request = URLRequest(url: URL(string: address)!)
        request.timeoutInterval = 15
        request.httpMethod = "POST"
        request.httpBody = try JSONSerialization.data(withJSONObject: body)
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        if let bearer { request.setValue("Bearer \(bearer)", forHTTPHeaderField: "Authorization") }
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var answer: (Data?, URLResponse?, Error?)
        let task = URLSession.shared.dataTask(with: request) { data, response, error in
            answer = (data, response, error)
            done.signal()
        }
        task.resume()
        guard done.wait(timeout: .now() + 30) == .success else {
            task.cancel()
            throw PseudoTerminal.Failure(description: "\(address): no answer within 30 seconds")
        }
        if let error = answer.2 { throw error }
        let status = (answer.1 as? HTTPURLResponse)?.statusCode ?? 0
        guard (200..<300).contains(status) else { throw PseudoTerminal.Failure(description: "\(address): \(status)") }
        guard let data = answer.0, !data.isEmpty else { return [:] }
        return (try JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
    }
}
