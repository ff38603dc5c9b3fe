import TwofoldCore

/// The rules a phone's requests follow, as pure functions over the session, so every
/// ``RoomBackend`` applies them alike inside its own serial section.
public enum RoomRules {
    /// The longest name a participant may type on a phone.
    public static let maxNameLength = 40

    /// A name as typed on a phone, made safe with the core's text-safety policy (escape
    /// sequences removed whole, other unsafe characters shown as U+FFFD, as on the
    /// facilitator's terminal), whitespace runs folded to one space, trimmed; refused
    /// when empty, too long or holding `=`.
    public static func participantName(_ typed: String) throws(RoomRefusal) -> String {
        let name = TextSafety.terminal(typed)
            .split(whereSeparator: { $0.isWhitespace || $0.isNewline })
            .joined(separator: " ")
        if name.isEmpty { throw .badName("type your name") }
        if name.count > maxNameLength { throw .badName("a name can be at most \(maxNameLength) characters") }
        if name.contains("=") { throw .badName("a name cannot contain “=”") }
        return name
    }

    /// Admits a participant with ``Facilitation/admit(_:token:)``: in a roster room,
    /// the roster's person of that name (once); in an open room, anyone new, up to
    /// ``RoomAccess/openRoomLimit``. Returns their roster position and the step.
    public static func admit(_ typed: String, token: String, to facilitation: inout Facilitation) throws(RoomRefusal) -> (Int, FacilitationStep) {
        let name = try participantName(typed)
        do {
            return try facilitation.admit(name, token: token)
        } catch {
            switch error {
            case .alreadyJoined(let name), .duplicateName(let name, _): throw .nameTaken(name)
            case .unknownParticipant(let name, _): throw .notOnRoster(name)
            case .roomFull(let limit): throw .roomFull(limit: limit)
            case .finished: throw .finished
            case .noRoom: throw .wrongCode
            default: throw .badName(error.description)
            }
        }
    }

    /// A phone's vote: a choice number on offer, before the reveal, while the session runs.
    /// Changing a vote is casting again.
    public static func vote(_ choice: Int, by participant: Int, in facilitation: inout Facilitation) throws(RoomRefusal) -> FacilitationStep {
        guard facilitation.phase == .deciding else { throw .finished }
        guard !facilitation.revealed else { throw .revealed }
        let offered = facilitation.offeredChoices().count
        guard (1...max(1, offered)).contains(choice), choice <= offered else {
            throw .noSuchChoice(given: String(choice), offered: offered)
        }
        do {
            return try facilitation.cast([VoteAssignment(participant: participant, mark: .choice(choice))])
        } catch {
            throw .malformed(error.description)
        }
    }
}
