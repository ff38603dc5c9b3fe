import Foundation
import Testing
import TwofoldCore
@testable import TwofoldRoom

/// `POST /api/roster` and `POST /api/join`: the code is required, names are checked and
/// made safe, each roster name is claimed once, and the token is a bearer secret.
@Suite("Room: joining")
struct JoiningTests {
    @Test("a wrong or missing code is refused with 403 and nothing is admitted")
    func wrongCode() async throws {
        try await RoomHarness.serve { room in
            let wrong = room.code == "AAAAAA" ? "CCCCCC" : "AAAAAA"
            for body: [String: Any] in [["code": wrong, "name": "Ana"], ["code": "", "name": "Ana"], ["code": "12", "name": "Ana"]] {
                let reply = try await Wire.json("POST", "/api/join", port: room.port, body)
                #expect(reply.status == 403)
                #expect(reply.json["error"] as? String == "that is not this room's code")
            }
            let roster = try await Wire.json("POST", "/api/roster", port: room.port, ["code": wrong])
            #expect(roster.status == 403)
            #expect(room.passes.isEmpty)
            #expect(room.steps.isEmpty)
        }
    }

    @Test("the right code, typed loosely, admits a roster name and hands out a 256-bit token")
    func admits() async throws {
        try await RoomHarness.serve { room in
            let loose = room.code.lowercased().prefix(3) + "-" + room.code.lowercased().dropFirst(3)
            let reply = try await Wire.json("POST", "/api/join", port: room.port, ["code": String(loose), "name": "  ben "])
            #expect(reply.status == 200)
            let token = try #require(reply.json["token"] as? String)
            #expect(token.count == 43)
            #expect(token.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
            #expect(reply.json["name"] as? String == "Ben")
            #expect(room.passes == [RoomAccess.Pass(name: "Ben", token: token)])
            #expect(room.steps.last?.1.kind == .join)
            #expect(room.steps.last?.0.room?.passes.count == 1, "the join was saved")
            let state = try await room.state(token)
            #expect(state.status == 200)
            #expect((state.json["you"] as? [String: Any])?["name"] as? String == "Ben")
        }
    }

    @Test("the roster lists its names and who has joined; a name is claimed once")
    func rosterOnce() async throws {
        try await RoomHarness.serve { room in
            _ = try await room.join("Ana")
            let roster = try await Wire.json("POST", "/api/roster", port: room.port, ["code": room.code])
            #expect(roster.json["open"] as? Bool == false)
            #expect(roster.json["names"] as? [String] == RoomHarness.names)
            #expect(roster.json["joined"] as? [String] == ["Ana"])
            let again = try await Wire.json("POST", "/api/join", port: room.port, ["code": room.code, "name": "ANA"])
            #expect(again.status == 409)
            let stranger = try await Wire.json("POST", "/api/join", port: room.port, ["code": room.code, "name": "Zed"])
            #expect(stranger.status == 400)
            #expect((stranger.json["error"] as? String)?.contains("not on this session's roster") == true)
        }
    }

    @Test("script and control sequences in a name are made inert; bad names are refused")
    func hostileNames() async throws {
        #expect(try RoomRules.participantName("<script>alert(1)</script>") == "<script>alert(1)</script>")
        #expect(try RoomRules.participantName("\u{1B}[2J\u{1B}]0;owned\u{07}Ana\u{202E}\n  Silva\t") == "Ana\u{FFFD} Silva")
        #expect(throws: RoomRefusal.badName("type your name")) { try RoomRules.participantName(" \u{1B}[31m ") }
        #expect(throws: RoomRefusal.badName("a name cannot contain “=”")) { try RoomRules.participantName("Ana=2") }
        #expect(throws: RoomRefusal.self) { try RoomRules.participantName(String(repeating: "x", count: 41)) }

        let hostile = "</select><script>alert(1)</script>"
        try await RoomHarness.serve(names: ["Ana", hostile]) { room in
            let token = try await room.join(hostile)
            let state = try await room.state(token)
            #expect((state.json["you"] as? [String: Any])?["name"] as? String == hostile, "kept as text; the page never reads it as markup")
            #expect(state.headers["content-type"]?.hasPrefix("application/json") == true)
        }
    }

    @Test("join codes use an alphabet without look-alikes and read back however they are typed")
    func joinCodes() {
        var seen = Set<String>()
        for _ in 0..<500 {
            let code = JoinCode.random()
            #expect(code.value.count == 6)
            #expect(code.value.allSatisfy { JoinCode.alphabet.contains($0) })
            #expect(JoinCode(code.value.lowercased()) == code)
            seen.insert(code.value)
        }
        #expect(seen.count > 490)
        for lookalike in "01OILSZBUV5285" { #expect(!JoinCode.alphabet.contains(lookalike)) }
        #expect(JoinCode("K7M") == nil)
        #expect(JoinCode("K7M2QXX") == nil)
        #expect(JoinCode("K7M 2Q0") == nil)
    }

    @Test("secrets are 256 random bits each, compared in constant time, never derived from the code")
    func secrets() {
        let tokens = (0..<200).map { _ in RoomSecrets.token() }
        #expect(Set(tokens).count == 200)
        #expect(tokens.allSatisfy { Data(base64Encoded: $0.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/") + "=")?.count == 32 })
        #expect(RoomSecrets.same(tokens[0], tokens[0]))
        #expect(!RoomSecrets.same(tokens[0], tokens[1]))
        #expect(!RoomSecrets.same(tokens[0], String(tokens[0].dropLast())))
        #expect(RoomSecrets.presenterKey() != RoomSecrets.presenterKey())
    }
}

/// An open room: anyone with the code joins by name.
@Suite("Room: open room")
struct OpenRoomTests {
    @Test("names join the roster as typed (made safe); late joiners abstain on earlier decisions")
    func lateJoiners() async throws {
        try await RoomHarness.serve(names: []) { room in
            let roster = try await Wire.json("POST", "/api/roster", port: room.port, ["code": room.code])
            #expect(roster.json["open"] as? Bool == true)
            let ana = try await room.join("Ana")
            #expect(try await room.vote(1, token: ana).status == 204)
            try room.go()
            let script = try await room.join("<script>alert(1)</script>\u{1B}[31m")
            let state = try await room.state(script).json
            #expect((state["you"] as? [String: Any])?["name"] as? String == "<script>alert(1)</script>")
            let facilitation = room.room.current.facilitation
            #expect(facilitation.roster.names == ["Ana", "<script>alert(1)</script>"])
            #expect(facilitation.decisions[0].votes.map(\.choice) == [facilitation.decisions[0].choice, nil])
            #expect(try await Wire.json("POST", "/api/join", port: room.port, ["code": room.code, "name": "ana"]).status == 409)
            let saved = try FacilitationState.decode(try #require(room.steps.last).0.encoded())
            let resumed = try Facilitation(scenario: facilitation.scenario, fingerprint: facilitation.engine.state.fingerprint, resuming: saved)
            #expect(resumed.roster == facilitation.roster)
            #expect(resumed.room == facilitation.room)
        }
    }
}
