import Foundation
import TwofoldCore

/// What the room server needs from the live group session it serves.
///
/// The session has one serial owner (``GroupRoom`` over the application's group session):
/// it applies each request whole or not at all, saves the step to the records store
/// before it returns, and then tells every stream from ``changes()``. The server never
/// keeps a copy of the votes; it asks for a ``RoomSnapshot`` whenever it answers.
public protocol RoomBackend: Sendable {
    /// The session and its room as they stand now.
    func snapshot() async -> RoomSnapshot

    /// Admits `name` with the token the server made for their phone, following
    /// ``RoomRules/admit(_:token:to:)``; returns their roster position.
    func join(name: String, token: String) async throws(RoomRefusal) -> Int

    /// Casts or changes a participant's vote, following ``RoomRules/votes(_:in:)``.
    func vote(participant: Int, choice: Int) async throws(RoomRefusal)

    /// A new stream that yields after every change; bursts may arrive as one element,
    /// since only the latest state matters.
    func changes() -> AsyncStream<Void>
}

/// The group session as the room sees it at one moment.
public struct RoomSnapshot: Sendable {
    public let facilitation: Facilitation
    /// When the discussion countdown on the facilitator's screen ends, while one runs.
    public let countdownEnds: Date?
    /// Each token's roster position, so a request finds its participant in one lookup.
    private let holders: [String: Int]

    public init(facilitation: Facilitation, countdownEnds: Date? = nil) {
        self.facilitation = facilitation
        self.countdownEnds = countdownEnds
        var positions: [String: Int] = [:]
        for (position, name) in facilitation.roster.names.enumerated() { positions[name.lowercased()] = position }
        var holders: [String: Int] = [:]
        for pass in facilitation.room?.passes ?? [] {
            if let position = positions[pass.name.lowercased()] { holders[pass.token] = position }
        }
        self.holders = holders
    }

    /// The session's room; nil until it opens.
    public var access: RoomAccess? { facilitation.room }

    /// The roster position of the participant holding `token`, if any.
    ///
    /// One lookup in a hash table keyed with a per-process random seed: how long it
    /// takes says nothing about how close a guess came to a real token.
    public func participant(holding token: String) -> Int? { holders[token] }

    /// Whether `key` is the presenter key (compared in constant time; never an empty key).
    public func isPresenter(_ key: String) -> Bool {
        guard let expected = access?.presenterKey, !expected.isEmpty else { return false }
        return RoomSecrets.same(key, expected)
    }
}
