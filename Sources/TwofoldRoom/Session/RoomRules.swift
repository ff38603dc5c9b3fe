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

    /// Phones' joins that arrived together, admitted as one step: each on its own (a
    /// refused name changes nothing for the others). The step, nil when nobody was
    /// admitted, lists who joined.
    public static func admitAll(_ joins: [(name: String, token: String)],
                                to facilitation: inout Facilitation) -> (FacilitationStep?, [Result<Int, RoomRefusal>]) {
        var results: [Result<Int, RoomRefusal>] = []
        var joined: [ParticipantVote] = []
        for (name, token) in joins {
            var trial = facilitation
            do {
                let (participant, step) = try admit(name, token: token, to: &trial)
                facilitation = trial
                joined += step.votes
                results.append(.success(participant))
            } catch {
                results.append(.failure(error))
            }
        }
        guard !joined.isEmpty else { return (nil, results) }
        return (FacilitationStep(kind: .join, scene: facilitation.currentScene.id, votes: joined), results)
    }

    /// Phones' votes that arrived together, cast as one step. Each is checked on its own
    /// (a choice not offered is refused alone); none is taken after the reveal or the
    /// ending; a participant's later vote replaces an earlier one. The step is nil when
    /// no vote stood.
    public static func votes(_ ballots: [(participant: Int, choice: Int)],
                             in facilitation: inout Facilitation) -> (FacilitationStep?, [Result<Void, RoomRefusal>]) {
        let closed: RoomRefusal? = facilitation.phase != .deciding ? .finished : facilitation.revealed ? .revealed : nil
        if let closed { return (nil, ballots.map { _ in .failure(closed) }) }
        let offered = facilitation.offeredChoices().count
        var results: [Result<Void, RoomRefusal>] = []
        var latest: [Int: VoteAssignment] = [:]
        var order: [Int] = []
        for (participant, choice) in ballots {
            guard (1...max(1, offered)).contains(choice), choice <= offered, facilitation.roster.names.indices.contains(participant) else {
                results.append(.failure(.noSuchChoice(given: String(choice), offered: offered)))
                continue
            }
            if latest[participant] == nil { order.append(participant) }
            latest[participant] = VoteAssignment(participant: participant, mark: .choice(choice))
            results.append(.success(()))
        }
        guard !order.isEmpty else { return (nil, results) }
        do {
            return (try facilitation.cast(order.map { latest[$0]! }), results)
        } catch {
            return (nil, ballots.map { _ in .failure(.malformed(error.description)) })
        }
    }
}
