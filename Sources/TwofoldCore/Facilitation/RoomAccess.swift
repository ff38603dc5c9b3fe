/// Who may enter a facilitated session's room: its join code, the presenter's key, and
/// each participant who joined, with the token their phone holds.
///
/// Saved with the group session after every step, so a resumed session opens the same
/// room on the same address and port, and every phone keeps its identity. The secrets
/// are made by the room server from the system's random number generator; this value
/// only keeps them.
public struct RoomAccess: Codable, Sendable, Hashable {
    /// A participant admitted to the room and the token their phone presents.
    public struct Pass: Codable, Sendable, Hashable {
        public var name: String
        public var token: String

        public init(name: String, token: String) {
            self.name = name
            self.token = token
        }
    }

    /// The most people an open room admits.
    public static let openRoomLimit = 500

    /// The six-character code participants type or scan.
    public var code: String
    /// The secret in the presenter view's address; not derived from the code.
    public var presenterKey: String
    /// Anyone with the code joins by name (an open room); otherwise each person on the
    /// roster claims their own name, once.
    public var open: Bool
    /// Names are never shown to the room (presenter view, reveal).
    public var anonymous: Bool
    /// The address and port the room was served on.
    public var address: String
    public var port: Int
    /// Everyone admitted so far, in the order they joined.
    public var passes: [Pass]

    public init(code: String, presenterKey: String, open: Bool, anonymous: Bool, address: String, port: Int,
                passes: [Pass] = []) {
        self.code = code
        self.presenterKey = presenterKey
        self.open = open
        self.anonymous = anonymous
        self.address = address
        self.port = port
        self.passes = passes
    }

    /// The pass of the participant called `name` (names compare ignoring case).
    public func pass(named name: String) -> Pass? {
        let key = name.lowercased()
        return passes.first { $0.name.lowercased() == key }
    }
}
