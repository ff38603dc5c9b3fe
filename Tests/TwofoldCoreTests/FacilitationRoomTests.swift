import Foundation
import Testing
@testable import TwofoldCore

/// The room in the core: opening it is a step, an open room's roster grows as people
/// join (late joiners abstain on what was decided before them), a roster room hands out
/// its own names once, and all of it survives a save and a resume.
@Suite("Facilitation room")
struct FacilitationRoomTests {
    static let start = Date(timeIntervalSince1970: 1_795_946_400)

    static func scenario() throws -> (Scenario, String) {
        let object = scenarioObject(start: "s1", [
            decision("s1", [choice("a", to: "s2", manager: 2), choice("b", to: "s2", leader: 2)]),
            decision("s2", [choice("d", to: "end", manager: 1), choice("e", to: "end", leader: 1)]),
            ending("end"),
        ])
        let data = jsonData(object)
        return (try #require(ScenarioLoader.load(data, file: "room.json").playable), Fingerprint.of(data))
    }

    static func access(open: Bool) -> RoomAccess {
        RoomAccess(code: "K7MQ4X", presenterKey: "key", open: open, anonymous: false, address: "127.0.0.1", port: 8130)
    }

    @Test("an open room grows its roster; a late joiner abstains on earlier decisions; all of it resumes")
    func openRoom() throws {
        let (scenario, fingerprint) = try Self.scenario()
        var group = Facilitation(scenario: scenario, fingerprint: fingerprint, roster: .empty, at: Self.start)
        #expect(group.openRoom(Self.access(open: true)).kind == .room)
        #expect(throws: FacilitationError.noVotes) { try group.go(nil, at: Self.start) }
        let ana = try group.admit("Ana", token: "t1")
        #expect(ana.participant == 0 && ana.step.kind == .join)
        _ = try group.cast([VoteAssignment(participant: 0, mark: .choice(1))])
        _ = try group.go(nil, at: Self.start + 10)
        let ben = try group.admit("Ben", token: "t2")
        #expect(ben.participant == 1)
        #expect(group.decisions[0].votes == [ParticipantVote(participant: "Ana", choice: "a"), ParticipantVote(participant: "Ben", choice: nil)])
        #expect(group.ballot == [nil, nil])
        #expect(throws: FacilitationError.alreadyJoined("Ana")) { try group.admit("ANA", token: "t3") }
        #expect(group.room?.passes.map(\.token) == ["t1", "t2"])

        let saved = try FacilitationState.decode(try group.state.encoded())
        let resumed = try Facilitation(scenario: scenario, fingerprint: fingerprint, resuming: saved)
        #expect(resumed.roster.names == ["Ana", "Ben"])
        #expect(resumed.room == group.room)
        #expect(resumed.decisions == group.decisions)
    }

    @Test("a roster room admits each roster name once and nobody else; no room admits nobody")
    func rosterRoom() throws {
        let (scenario, fingerprint) = try Self.scenario()
        var group = Facilitation(scenario: scenario, fingerprint: fingerprint, roster: try Roster(["Ana", "Ben"]), at: Self.start)
        #expect(throws: FacilitationError.noRoom) { try group.admit("Ana", token: "t") }
        _ = group.openRoom(Self.access(open: false))
        #expect(try group.admit("ben", token: "t").participant == 1)
        #expect(throws: FacilitationError.alreadyJoined("Ben")) { try group.admit("Ben", token: "u") }
        #expect(throws: FacilitationError.self) { try group.admit("Zed", token: "z") }
        #expect(group.roster.names == ["Ana", "Ben"])
    }

    @Test("an empty roster is only resumed with an open room")
    func emptyRoster() throws {
        let (scenario, fingerprint) = try Self.scenario()
        let group = Facilitation(scenario: scenario, fingerprint: fingerprint, roster: .empty, at: Self.start)
        #expect(throws: FacilitationError.noParticipants) {
            try Facilitation(scenario: scenario, fingerprint: fingerprint, resuming: try FacilitationState.decode(try group.state.encoded()))
        }
    }
}
