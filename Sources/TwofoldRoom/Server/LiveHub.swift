import Foundation
import Synchronization

/// The live channel's connections, and the one task that sends them the room's state.
///
/// Each connection has a mailbox that keeps only the newest message (a phone that falls
/// behind skips straight to the present). A change in the session, or a new connection,
/// wakes the sender, which renders the views once and sends each connection its own only
/// when it differs from what that connection last got: a vote reaches the presenter view
/// and the voter's phone, not every phone in the room.
final class LiveHub: Sendable {
    /// Who is at the other end of a connection.
    enum Audience: Sendable, Equatable {
        case participant(Int)
        case presenter
    }

    private struct Connection {
        var audience: Audience
        var client: String
        var mailbox: AsyncStream<String>.Continuation
        /// What the last message sent was made from; nil before the first.
        var sent: Int?
    }

    private struct Guarded {
        var connections: [Int: Connection] = [:]
        var nextID = 0
        var closed = false
    }

    /// The most connections at once, and from one address.
    static let maxConnections = 2_000
    static let maxPerClient = 16

    private let guarded = Mutex(Guarded())
    private let wake: AsyncStream<Void>.Continuation
    private let wakes: AsyncStream<Void>

    init() {
        (wakes, wake) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
    }

    /// Whether `client` may open another connection now.
    func hasRoom(for client: String) -> Bool {
        guarded.withLock { guarded in
            !guarded.closed && guarded.connections.count < Self.maxConnections
                && guarded.connections.values.filter { $0.client == client }.count < Self.maxPerClient
        }
    }

    /// Adds a connection; its mailbox ends when the hub closes.
    func register(_ audience: Audience, client: String) -> (id: Int, mailbox: AsyncStream<String>) {
        let (mailbox, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let id: Int? = guarded.withLock { guarded in
            guard !guarded.closed else { return nil }
            let id = guarded.nextID
            guarded.nextID += 1
            guarded.connections[id] = Connection(audience: audience, client: client, mailbox: continuation)
            return id
        }
        if id == nil { continuation.finish() }
        wake.yield()
        return (id ?? -1, mailbox)
    }

    func remove(_ id: Int) {
        _ = guarded.withLock { $0.connections.removeValue(forKey: id) }
    }

    /// Sends every change to the connections until `backend`'s changes end or the task
    /// is cancelled.
    func run(backend: any RoomBackend, joinURL: @escaping @Sendable (RoomSnapshot) -> String) async {
        let changes = backend.changes()
        let forward = Task { [wake] in
            for await _ in changes { wake.yield() }
        }
        defer { forward.cancel() }
        for await _ in wakes {
            if Task.isCancelled { break }
            let snapshot = await backend.snapshot()
            send(snapshot, joinURL: joinURL(snapshot), now: Date())
        }
    }

    /// Renders the views of `snapshot` and fills the mailboxes whose view changed.
    func send(_ snapshot: RoomSnapshot, joinURL: String, now: Date) {
        let room = ParticipantView.room(snapshot)
        var roomHasher = Hasher()
        roomHasher.combine(WebText.json(room))
        roomHasher.combine(snapshot.countdownEnds)
        let roomKey = roomHasher.finalize()
        let votes = ParticipantView.votes(in: snapshot.facilitation)
        var presenter: (key: Int, text: String)?
        guarded.withLock { guarded in
            for (id, connection) in guarded.connections {
                switch connection.audience {
                case .presenter:
                    if presenter == nil {
                        let text = WebText.json(PresenterView(snapshot, joinURL: joinURL, now: now))
                        presenter = (text.hashValue, text)
                    }
                    guard connection.sent != presenter!.key else { continue }
                    connection.mailbox.yield(presenter!.text)
                    guarded.connections[id]?.sent = presenter!.key
                case .participant(let index):
                    guard votes.indices.contains(index) else { continue }
                    var hasher = Hasher()
                    hasher.combine(roomKey)
                    hasher.combine(votes[index])
                    let key = hasher.finalize()
                    guard connection.sent != key else { continue }
                    let view = ParticipantView(room: room, participant: index, vote: votes[index], snapshot: snapshot, now: now)
                    connection.mailbox.yield(WebText.json(view))
                    guarded.connections[id]?.sent = key
                }
            }
        }
    }

    /// Waits until every connection has said goodbye after `close()`, or `limit` has passed.
    func drained(within limit: Duration) async {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: limit)
        while clock.now < deadline, !guarded.withLock({ $0.connections.isEmpty }) {
            try? await Task.sleep(for: .milliseconds(10))
        }
    }

    /// Ends every connection and refuses new ones.
    func close() {
        let mailboxes = guarded.withLock { guarded in
            guarded.closed = true
            return guarded.connections.values.map(\.mailbox)
        }
        for mailbox in mailboxes { mailbox.finish() }
        wake.finish()
    }
}
