import Foundation

extension Facilitation {
    /// Opens the session's room, or replaces its access (a new address or port): a step,
    /// saved like the others, so a resumed session opens the same room.
    public mutating func openRoom(_ access: RoomAccess) -> FacilitationStep {
        room = access
        turn += 1
        return FacilitationStep(kind: .room, scene: currentScene.id)
    }

    /// Admits a participant to the room with the token their phone will hold: in an open
    /// room a new name joins the roster (abstaining on the decisions already taken); in a
    /// roster room `name` must be on the roster. A name is admitted once.
    public mutating func admit(_ name: String, token: String) throws(FacilitationError) -> (participant: Int, step: FacilitationStep) {
        guard var access = room else { throw .noRoom }
        guard phase == .deciding else { throw .finished }
        let participant: Int
        if access.open {
            if let index = roster.index(of: name) { throw .alreadyJoined(roster.names[index]) }
            guard roster.count < RoomAccess.openRoomLimit else { throw .roomFull(limit: RoomAccess.openRoomLimit) }
            roster = try roster.adding(name)
            participant = roster.count - 1
            let joined = roster.names[participant]
            for index in decisions.indices {
                decisions[index].votes.append(ParticipantVote(participant: joined, choice: nil))
            }
            ballot.append(nil)
        } else {
            guard let index = roster.index(of: name) else { throw .unknownParticipant(name, roster: roster.names) }
            participant = index
        }
        let joined = roster.names[participant]
        if access.pass(named: joined) != nil { throw .alreadyJoined(joined) }
        access.passes.append(RoomAccess.Pass(name: joined, token: token))
        room = access
        turn += 1
        return (participant, FacilitationStep(kind: .join, scene: currentScene.id, votes: [ParticipantVote(participant: joined, choice: nil)]))
    }
}
