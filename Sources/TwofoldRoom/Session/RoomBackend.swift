import Foundation
import TwofoldCore

/// What the room server needs from the live group session it serves.
///
/// The session is owned by one serial owner (the group service, or ``FacilitationRoom``
/// in tests): it applies each request whole or not at all, saves the step to the records
/// store before it returns, and then tells every stream from ``changes()``. The server
/// never keeps a copy of the votes; it asks for a ``RoomSnapshot`` whenever it answers.
public protocol RoomBackend: Sendable {
    /// The session and its room as they stand now.
    func snapshot() async -> RoomSnapshot

    /// Admits `name` with the token the server made for their phone, following
    /// ``RoomRules/admit(_:token:to:access:)``; returns their roster position.
    func join(name: String, token: String) async throws(RoomRefusal) -> Int

    /// Casts or changes a participant's vote, following ``RoomRules/vote(_:by:in:)``.
    func vote(participant: Int, choice: Int) async throws(RoomRefusal)

    /// A new stream that yields after every change; bursts may arrive as one element,
    /// since only the latest state matters.
    func changes() -> AsyncStream<Void>
}

/// The group session as the room sees it at one moment.
public struct RoomSnapshot: Sendable {
    public var facilitation: Facilitation
    /// The room's code, key and passes; changing them re-indexes the tokens.
    public var access: RoomAccess {
        didSet { holders = Self.index(access, facilitation.roster) }
    }
    /// When the discussion countdown on the facilitator's screen ends, while one runs.
    public var countdownEnds: Date?
    /// Each token's roster position, so a request finds its participant in one lookup.
    private var holders: [String: Int]

    public init(facilitation: Facilitation, access: RoomAccess, countdownEnds: Date? = nil) {
        self.facilitation = facilitation
        self.access = access
        self.countdownEnds = countdownEnds
        holders = Self.index(access, facilitation.roster)
    }

    /// The roster position of the participant holding `token`, if any.
    ///
    /// One lookup in a hash table keyed with a per-process random seed: how long it
    /// takes says nothing about how close a guess came to a real token.
    public func participant(holding token: String) -> Int? { holders[token] }

    private static func index(_ access: RoomAccess, _ roster: Roster) -> [String: Int] {
        var positions: [String: Int] = [:]
        for (position, name) in roster.names.enumerated() { positions[name.lowercased()] = position }
        var holders: [String: Int] = [:]
        for pass in access.passes {
            if let position = positions[pass.name.lowercased()] { holders[pass.token] = position }
        }
        return holders
    }
}
