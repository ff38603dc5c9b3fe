import Foundation
import Testing
@testable import TwofoldRoom

/// What a hostile client on the room's network meets: tokens that cannot be forged or
/// stolen through an address, capped bodies, a rate limit, a Content-Security-Policy on
/// every response, and nothing answered but the room's routes.
@Suite("Room: security")
struct SecurityTests {
    @Test("forged, truncated, other-room and in-the-address tokens are all 401")
    func tokens() async throws {
        try await RoomHarness.serve { room in
            let ana = try await room.join("Ana")
            let other = try await RoomHarness()
            let elsewhere = try await other.join("Ana")
            await other.stop()
            for token in [RoomSecrets.token(), String(ana.dropLast()), ana + "A", elsewhere, "", "null"] {
                #expect(try await room.state(token).status == 401)
                #expect(try await room.vote(1, token: token).status == 401)
            }
            let inAddress = try await Wire.json("GET", "/api/state?token=\(ana)", port: room.port)
            #expect(inAddress.status == 401)
            let basic = try await Wire.request("GET", "/api/state", port: room.port, headers: ["Authorization": "Basic \(ana)"])
            #expect(basic.status == 401)
            #expect(room.room.current.facilitation.ballot.allSatisfy { $0 == nil })
        }
    }

    @Test("bodies over 4 KiB are refused with 413, on every route that reads one")
    func oversize() async throws {
        try await RoomHarness.serve { room in
            let ana = try await room.join("Ana")
            let big = Data(("{\"code\":\"\(room.code)\",\"name\":\"" + String(repeating: "a", count: 5000) + "\"}").utf8)
            for path in ["/api/join", "/api/roster", "/api/vote"] {
                let reply = try await Wire.request("POST", path, port: room.port,
                                                   headers: ["Authorization": "Bearer \(ana)"], body: big)
                #expect(reply.status == 413, "\(path)")
                #expect(reply.json["error"] as? String == "the request is larger than 4096 bytes")
            }
            #expect(room.passes.count == 1)
        }
    }

    @Test("a client over its rate gets 429 with Retry-After; another address is not held back")
    func rateLimit() async throws {
        try await RoomHarness.serve(rateLimit: .init(burst: 5, perSecond: 0.01, wrongCodeCost: 3)) { room in
            var statuses: [Int] = []
            for _ in 0..<7 { statuses.append(try await Wire.request("GET", "/room.css", port: room.port).status) }
            #expect(statuses == [200, 200, 200, 200, 200, 429, 429])
            let limited = try await Wire.request("GET", "/", port: room.port)
            #expect(limited.headers["retry-after"] == "1")
            #expect(limited.headers["content-security-policy"] == RoomReply.contentSecurityPolicy)
            let neighbour = try await Wire.request("GET", "/", port: room.port, source: "127.0.0.2")
            #expect(neighbour.status == 200)
            // A wrong code costs more than one request.
            let wrong = room.code == "AAAAAA" ? "CCCCCC" : "AAAAAA"
            let guess = try await Wire.json("POST", "/api/join", port: room.port, ["code": wrong, "name": "x"], source: "127.0.0.3")
            #expect(guess.status == 403)
            #expect(try await Wire.request("GET", "/", port: room.port, source: "127.0.0.3").status == 200)
            #expect(try await Wire.request("GET", "/", port: room.port, source: "127.0.0.3").status == 429)
        }
    }

    @Test("every response carries the Content-Security-Policy and the other security headers")
    func headersEverywhere() async throws {
        try await RoomHarness.serve { room in
            let ana = try await room.join("Ana")
            let key = room.presenterKey
            let requests: [(String, String, [String: String], Data?)] = [
                ("GET", "/", [:], nil), ("GET", "/room.js", [:], nil), ("GET", "/live.js", [:], nil), ("GET", "/room.css", [:], nil),
                ("GET", "/present?key=\(key)", [:], nil), ("GET", "/present.js", [:], nil),
                ("GET", "/present/join.svg?key=\(key)", [:], nil), ("GET", "/present", [:], nil),
                ("GET", "/api/state", ["Authorization": "Bearer \(ana)"], nil), ("GET", "/api/state", [:], nil),
                ("GET", "/api/presenter", ["Authorization": "Bearer \(key)"], nil), ("GET", "/api/live", [:], nil),
                ("POST", "/api/vote", ["Authorization": "Bearer \(ana)"], Data("{\"choice\":9}".utf8)),
                ("POST", "/api/vote", ["Authorization": "Bearer \(ana)"], Data("{\"choice\":1}".utf8)),
                ("POST", "/api/join", [:], Data(repeating: 0x20, count: 5000)),
                ("GET", "/nowhere", [:], nil), ("DELETE", "/api/vote", [:], nil),
            ]
            var statuses: [Int] = []
            for (method, path, headers, body) in requests {
                let reply = try await Wire.request(method, path, port: room.port, headers: headers, body: body)
                statuses.append(reply.status)
                let policy = try #require(reply.headers["content-security-policy"], "\(method) \(path)")
                #expect(policy.contains("script-src 'self'") && policy.contains("default-src 'none'"))
                #expect(!policy.contains("unsafe-inline") && !policy.contains("http"))
                #expect(reply.headers["x-content-type-options"] == "nosniff")
                #expect(reply.headers["x-frame-options"] == "DENY")
                #expect(reply.headers["referrer-policy"] == "no-referrer")
            }
            #expect(statuses == [200, 200, 200, 200, 200, 200, 200, 403, 200, 401, 200, 426, 400, 204, 413, 404, 404])
        }
    }

    @Test("nothing is answered but the room's routes; the presenter's pages need the key")
    func onlyRoutes() async throws {
        try await RoomHarness.serve { room in
            for path in ["/index.html", "/../etc/passwd", "/api", "/api/", "/api/state/extra", "/Present", "/.git/config", "/favicon.ico"] {
                let reply = try await Wire.request("GET", path, port: room.port)
                #expect(reply.status == 404, "\(path)")
                #expect(reply.json["error"] as? String == "there is nothing here")
            }
            for method in ["PUT", "PATCH", "DELETE"] {
                #expect(try await Wire.request(method, "/api/join", port: room.port).status == 404)
            }
            #expect(try await Wire.request("POST", "/", port: room.port).status == 404)
            for path in ["/present", "/present?key=", "/present?key=\(room.code)", "/present/join.svg"] {
                #expect(try await Wire.request("GET", path, port: room.port).status == 403, "\(path)")
            }
            #expect(try await Wire.json("GET", "/api/presenter", port: room.port, bearer: room.code).status == 403)
        }
    }

    @Test("the pages hold no inline script or style and put text in place only as text")
    func pagesAreInert() {
        for page in [ParticipantPage.html, PresenterPage.html] {
            let scripts = page.components(separatedBy: "<script").dropFirst()
            #expect(!scripts.isEmpty)
            #expect(scripts.allSatisfy { $0.hasPrefix(" src=\"/") && $0.contains("></script>") })
            #expect(!page.contains("style=") && !page.contains("<style"))
            #expect(page.range(of: #"\son[a-z]+\s*="#, options: .regularExpression) == nil, "no inline event handlers")
            #expect(!page.contains("http"))
        }
        for script in [ParticipantScript.source, PresenterScript.source, LiveScript.source] {
            for sink in ["innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"] {
                #expect(!script.contains(sink), "\(sink)")
            }
            #expect(!script.contains("http:") && !script.contains("https:/"))
        }
    }
}
