import Foundation
import Testing
import TwofoldApp
import TwofoldCore
@testable import TwofoldRoom

/// `POST /api/vote` and `GET /api/state` over a real facilitation: votes count, can be
/// changed until the reveal, are refused after it (409) and for choices not offered
/// (400), and every one is saved before the answer.
@Suite("Room: voting")
struct VotingTests {
    @Test("a vote is 204, shows in the phone's state, reaches the session and is saved")
    func votes() async throws {
        try await RoomHarness.serve { room in
            let ana = try await room.join("Ana")
            let reply = try await room.vote(2, token: ana)
            #expect(reply.status == 204)
            #expect(reply.body.isEmpty)
            let state = try await room.state(ana).json
            #expect((state["you"] as? [String: Any])?["vote"] as? Int == 2)
            let roomPart = try #require(state["room"] as? [String: Any])
            #expect(roomPart["revealed"] as? Bool == false)
            #expect(roomPart["split"] == nil, "no split before the reveal")
            #expect((roomPart["choices"] as? [[String: Any]])?.map { $0["number"] as? Int } == [1, 2, 3])
            let facilitation = room.room.current.facilitation
            #expect(facilitation.ballot[0] == ParticipantVote(participant: "Ana", choice: facilitation.offeredChoices()[1].id))
            let saved = try #require(room.steps.last)
            #expect(saved.1.kind == .vote)
            #expect(saved.0.ballot == [ParticipantVote(participant: "Ana", choice: facilitation.offeredChoices()[1].id)])
        }
    }

    @Test("a vote can be changed until the reveal; after it the vote is refused with 409")
    func changeThenReveal() async throws {
        try await RoomHarness.serve { room in
            let ben = try await room.join("Ben")
            #expect(try await room.vote(1, token: ben).status == 204)
            #expect(try await room.vote(3, token: ben).status == 204)
            #expect(room.room.current.facilitation.split.options.map(\.count) == [0, 0, 1])
            try room.reveal()
            let late = try await room.vote(2, token: ben)
            #expect(late.status == 409)
            #expect(late.json["error"] as? String == "the votes have been revealed: voting on this decision has closed")
            #expect(room.room.current.facilitation.split.options.map(\.count) == [0, 0, 1])
            let state = try await room.state(ben).json
            let split = try #require((state["room"] as? [String: Any])?["split"] as? [[String: Any]])
            #expect(split.map { $0["votes"] as? Int } == [0, 0, 1])
            let feedback = (state["you"] as? [String: Any])?["feedback"] as? String
            #expect(feedback == room.room.current.facilitation.offeredChoices()[2].feedback)
        }
    }

    @Test("a choice not offered, or not a number, is refused with 400 and records nothing")
    func badChoices() async throws {
        try await RoomHarness.serve { room in
            let chi = try await room.join("Chi")
            let before = room.steps.count
            for choice: Any in [0, 4, -1, 99_999_999_999, "2", 1.5, NSNull()] {
                let reply = try await room.vote(choice, token: chi)
                #expect(reply.status == 400, "choice \(choice)")
            }
            let missing = try await Wire.json("POST", "/api/vote", port: room.port, ["pick": 1], bearer: chi)
            #expect(missing.status == 400)
            #expect(missing.json["error"] as? String == "the request is not valid: choice: missing")
            let notJSON = try await Wire.request("POST", "/api/vote", port: room.port,
                                                 headers: ["Authorization": "Bearer \(chi)"], body: Data("choice=2".utf8))
            #expect(notJSON.status == 400)
            #expect(room.steps.count == before)
            #expect(room.room.current.facilitation.ballot.allSatisfy { $0 == nil })
        }
    }

    @Test("after go, the next decision is served and the vote is cleared; at the end votes are 409")
    func followsTheGroup() async throws {
        try await RoomHarness.serve { room in
            let ana = try await room.join("Ana")
            _ = try await room.vote(1, token: ana)
            try room.go()
            let next = try await room.state(ana).json
            #expect((next["room"] as? [String: Any])?["decision"] as? Int == 2)
            #expect((next["you"] as? [String: Any])?["vote"] == nil)
            _ = try await room.vote(1, token: ana)
            try room.go()
            let end = try await room.state(ana).json
            let ended = try #require(end["room"] as? [String: Any])
            #expect(ended["phase"] as? String == "finished")
            #expect((ended["ending"] as? [String: Any])?["title"] != nil)
            #expect(try await room.vote(1, token: ana).status == 409)
        }
    }

    @Test("votes arriving together are saved together: every one counted once, each saved before its answer")
    func together() async throws {
        let names = (1...40).map { "P\($0)" }
        try await RoomHarness.serve(names: names) { room in
            var tokens: [String] = []
            for name in names { tokens.append(try await room.join(name)) }
            let before = room.steps.count
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in names.indices {
                    group.addTask { try await room.room.vote(participant: index, choice: index % 3 + 1) }
                }
                try await group.waitForAll()
            }
            let voteSteps = room.steps.dropFirst(before)
            #expect(voteSteps.allSatisfy { $0.1.kind == .vote })
            #expect(voteSteps.map(\.1.votes.count).reduce(0, +) == names.count, "each vote saved exactly once")
            let saved = try #require(voteSteps.last).0
            #expect(saved.ballot.count == names.count)
            #expect(room.room.current.facilitation.split.options.map(\.count) == [14, 13, 13])
        }
    }

    @Test("a step that cannot be saved is refused and changes nothing")
    func unsaved() async throws {
        struct DiskFull: Error {}
        let access = RoomAccess(code: "AAAAAA", presenterKey: RoomSecrets.presenterKey(), open: false, anonymous: false,
                                address: "127.0.0.1", port: 0, passes: [.init(name: "Ana", token: "t")])
        var facilitation = try RoomHarness.facilitation(["Ana"])
        _ = facilitation.openRoom(access)
        let session = GroupSession(id: "disk-full", options: AttemptOptions(mode: .group), facilitation: facilitation,
                                   analysis: ScenarioAnalysis(facilitation.scenario), clock: SystemClock()) { _, _ in throw DiskFull() }
        let room = GroupRoom(session: session)
        await #expect(throws: RoomRefusal.notSaved("DiskFull()")) { try await room.vote(participant: 0, choice: 1) }
        #expect(room.current.facilitation.ballot == [nil])
    }
}
