import Foundation
import Testing
@testable import TwofoldRoom

/// The live channel: a WebSocket that proves who it is in its sub-protocol list, gets
/// the state at once, and every change after — votes to the presenter, reveal and the
/// next decision to every phone — and ends with the session.
@Suite("Room: live channel")
struct LiveChannelTests {
    @Test("a phone and the presenter follow a whole decision live")
    func wholeDecision() async throws {
        try await RoomHarness.serve { room in
            let ana = try await room.join("Ana")
            let ben = try await room.join("Ben")
            let phone = try await LiveClient.connect(port: room.port, protocols: ["twofold", "bearer.\(ana)"])
            let presenter = try await LiveClient.connect(port: room.port, protocols: ["twofold", "presenter.\(room.presenterKey)"])
            defer { phone.close(); presenter.close() }
            for client in [phone, presenter] {
                #expect(client.status == 101)
                #expect(client.headers["sec-websocket-protocol"] == "twofold")
                #expect(client.headers["content-security-policy"] == RoomReply.contentSecurityPolicy)
            }
            let first = try #require(try await phone.next())
            #expect((first["you"] as? [String: Any])?["name"] as? String == "Ana")
            #expect(try await presenter.next()?["voted"] as? Int == 0)

            #expect(try await room.vote(2, token: ben).status == 204)
            let counted = try await presenter.next { $0["voted"] as? Int == 1 }
            #expect(counted["participants"] as? Int == 3)
            #expect((counted["choices"] as? [[String: Any]])?.allSatisfy { $0["votes"] == nil && $0["voters"] == nil } == true)

            #expect(try await room.vote(1, token: ana).status == 204)
            let mine = try await phone.next { ($0["you"] as? [String: Any])?["vote"] as? Int == 1 }
            #expect((mine["room"] as? [String: Any])?["revealed"] as? Bool == false)

            try room.reveal()
            let split = try await phone.next { ($0["room"] as? [String: Any])?["revealed"] as? Bool == true }
            #expect(((split["room"] as? [String: Any])?["split"] as? [[String: Any]])?.map { $0["votes"] as? Int } == [1, 1, 0])
            let shown = try await presenter.next { $0["revealed"] as? Bool == true }
            let choices = try #require(shown["choices"] as? [[String: Any]])
            #expect(choices.map { $0["voters"] as? [String] } == [["Ana"], ["Ben"], []])
            #expect(choices.allSatisfy { $0["feedback"] is String && $0["deltas"] is [[String: Any]] })
            #expect((shown["prompts"] as? [String])?.isEmpty == false)
            #expect(shown["abstained"] as? Int == 0)

            try room.go(1)
            let next = try await phone.next { ($0["room"] as? [String: Any])?["decision"] as? Int == 2 }
            #expect((next["you"] as? [String: Any])?["vote"] == nil)
            #expect((next["room"] as? [String: Any])?["revealed"] as? Bool == false)
            _ = try await presenter.next { $0["decision"] as? Int == 2 && $0["voted"] as? Int == 0 }
        }
    }

    @Test("an anonymous room never names anyone to the presenter view")
    func anonymous() async throws {
        try await RoomHarness.serve(anonymous: true) { room in
            let ana = try await room.join("Ana")
            _ = try await room.vote(3, token: ana)
            try room.reveal()
            let presenter = try await LiveClient.connect(port: room.port, protocols: ["twofold", "presenter.\(room.presenterKey)"])
            defer { presenter.close() }
            let view = try #require(try await presenter.next())
            #expect(view["anonymous"] as? Bool == true)
            #expect((view["choices"] as? [[String: Any]])?.map { $0["votes"] as? Int } == [0, 0, 1])
            let text = String(decoding: try JSONSerialization.data(withJSONObject: view), as: UTF8.self)
            #expect(!text.contains("Ana") && !text.contains("voters"))
        }
    }

    @Test("the channel closes at once on a missing, forged or misplaced identity")
    func refusesStrangers() async throws {
        try await RoomHarness.serve { room in
            let ana = try await room.join("Ana")
            let attempts: [[String]] = [
                [], ["twofold"], ["bearer.\(ana)"], ["twofold", "bearer.\(RoomSecrets.token())"],
                ["twofold", "presenter.\(ana)"], ["twofold", "presenter.\(room.code)"], ["twofold", "bearer.\(room.presenterKey)"],
            ]
            for protocols in attempts {
                let client = try await LiveClient.connect(port: room.port, protocols: protocols)
                #expect(client.status == 101)
                #expect(client.headers["content-security-policy"] == RoomReply.contentSecurityPolicy)
                #expect(try await client.next() == nil, "\(protocols): closed before any state")
                #expect(client.closeCode == 1008)
                client.close()
            }
        }
    }

    @Test("stopping the room sends the final state, closes the channel and stops listening")
    func stops() async throws {
        let room = try await RoomHarness()
        let ana = try await room.join("Ana")
        let phone = try await LiveClient.connect(port: room.port, protocols: ["twofold", "bearer.\(ana)"])
        defer { phone.close() }
        _ = try await phone.next()
        _ = try await room.vote(1, token: ana)
        try room.go()
        _ = try await room.vote(1, token: ana)
        try room.go()
        await room.stop()
        var last: [String: Any]?
        while let message = try await phone.next() { last = message }
        #expect((last?["room"] as? [String: Any])?["phase"] as? String == "finished")
        await #expect(throws: Wire.Failure.self) { _ = try await Wire.request("GET", "/", port: room.port) }
    }
}
