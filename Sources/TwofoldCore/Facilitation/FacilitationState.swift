import Foundation

/// One participant's vote at a decision; `choice` is a choice id, nil for an abstention.
public struct ParticipantVote: Codable, Sendable, Hashable {
    public var participant: String
    public var choice: String?

    public init(participant: String, choice: String?) {
        self.participant = participant
        self.choice = choice
    }

    /// The JSON field names, shared with readers that parse reports by hand.
    public enum CodingKeys: String, CodingKey { case participant, choice }

    // An abstention is written as an explicit `"choice": null`.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(participant, forKey: .participant)
        try container.encode(choice, forKey: .choice)
    }
}

/// A decision the group took: where, which choice, why, and every participant's vote —
/// kept even when the group went another way.
public struct GroupDecision: Codable, Sendable, Hashable {
    /// How the group's choice was settled.
    public enum Basis: String, Codable, Sendable {
        /// `go`, or `go N` naming the choice with the most votes.
        case majority
        /// `go N` breaking a tie or going against the vote.
        case facilitator
    }

    public var scene: String
    /// The choice the group took (the path goes on from it).
    public var choice: String
    public var basis: Basis
    /// Every participant, in roster order; a nil choice is an abstention (or no vote).
    public var votes: [ParticipantVote]
    public var at: Date

    public init(scene: String, choice: String, basis: Basis, votes: [ParticipantVote], at: Date) {
        self.scene = scene
        self.choice = choice
        self.basis = basis
        self.votes = votes
        self.at = at
    }
}

/// What one step of a facilitated session did, for the records store's step log.
public struct FacilitationStep: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable {
        /// `join`: someone joined the room; `room`: the room opened (or moved address).
        case vote, reveal, go, back, join, room
    }

    public var kind: Kind
    /// The scene the step happened at.
    public var scene: String
    /// For `go` and `back`: the group's choice taken or taken back.
    public var choice: String?
    public var basis: GroupDecision.Basis?
    /// The votes set by this step (`vote`), or those of the decision taken or taken back.
    public var votes: [ParticipantVote]

    public init(kind: Kind, scene: String, choice: String? = nil, basis: GroupDecision.Basis? = nil, votes: [ParticipantVote] = []) {
        self.kind = kind
        self.scene = scene
        self.choice = choice
        self.basis = basis
        self.votes = votes
    }
}

/// A facilitated session as saved after every step: the group's engine state and every
/// vote. A plain value that refers to content by id, like ``SessionState``.
public struct FacilitationState: Codable, Sendable, Hashable {
    /// The save format this build writes; newer saves are refused.
    public static let currentVersion = 1

    public var version: Int
    public var participants: Roster
    /// The group's path through the scenario.
    public var session: SessionState
    /// One per decision in `session.decisions`, with every participant's vote.
    public var decisions: [GroupDecision]
    /// The votes cast so far at the current decision (participants not listed have not voted).
    public var ballot: [ParticipantVote]
    /// Whether the current decision's split has been revealed.
    public var revealed: Bool
    /// Steps taken (votes, reveals, go, back): it only grows, and numbers the step log.
    public var turn: Int
    /// The discussion timer's default length, when the session was started with one.
    public var discussSeconds: Int?
    /// The session's room (code, presenter key, participants' passes), in room mode.
    public var room: RoomAccess?

    public init(version: Int = FacilitationState.currentVersion, participants: Roster, session: SessionState,
                decisions: [GroupDecision], ballot: [ParticipantVote], revealed: Bool, turn: Int, discussSeconds: Int?,
                room: RoomAccess? = nil) {
        self.version = version
        self.participants = participants
        self.session = session
        self.decisions = decisions
        self.ballot = ballot
        self.revealed = revealed
        self.turn = turn
        self.discussSeconds = discussSeconds
        self.room = room
    }

    /// Encodes the state as JSON with sorted keys and ISO 8601 dates.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601withFractionalSeconds
        return try encoder.encode(self)
    }

    /// Decodes a saved state, refusing a newer save format.
    public static func decode(_ data: Data) throws(FacilitationError) -> FacilitationState {
        struct VersionProbe: Decodable { var version: Int }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601withFractionalSeconds
        do {
            let version = try decoder.decode(VersionProbe.self, from: data).version
            if version > currentVersion { throw FacilitationError.newerSave(version) }
            return try decoder.decode(FacilitationState.self, from: data)
        } catch let error as FacilitationError {
            throw error
        } catch let error as DecodingError {
            throw .unreadableSave(describe(error))
        } catch {
            throw .unreadableSave("\(error)")
        }
    }

    /// A decoding error as `at decisions[0].votes: reason`.
    private static func describe(_ error: DecodingError) -> String {
        let context: DecodingError.Context
        switch error {
        case .keyNotFound(let key, let found):
            return "at \(path(found.codingPath + [key])): this field is missing"
        case .typeMismatch(_, let found), .valueNotFound(_, let found), .dataCorrupted(let found):
            context = found
        @unknown default:
            return "\(error)"
        }
        return context.codingPath.isEmpty ? context.debugDescription : "at \(path(context.codingPath)): \(context.debugDescription)"
    }

    private static func path(_ keys: [CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined().trimmingCharacters(in: CharacterSet(charactersIn: "."))
    }
}
