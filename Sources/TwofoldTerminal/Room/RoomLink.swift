import Foundation
import Synchronization
import TwofoldApp
import TwofoldCore
import TwofoldRoom

/// The facilitator's end of room mode: opens the session's room (its server runs in
/// this process), says how to join, and closes the room when the session stops.
///
/// A new room is saved as a step of the session before anyone can join it; a resumed
/// session's room opens again on the address, port and code it was saved with, so the
/// pages already open on phones and the projector find it by themselves.
public final class RoomLink: Sendable {
    /// Where to serve a new room, and how.
    public struct Placement: Sendable {
        /// The port a room uses unless told otherwise.
        public static let defaultPort = 8130

        /// The address to listen on; nil for this machine's primary network address.
        public var address: String?
        /// The port; 0 lets the system pick a free one.
        public var port: Int
        public var anonymous: Bool

        public init(address: String?, port: Int = Placement.defaultPort, anonymous: Bool = false) {
            self.address = address
            self.port = port
            self.anonymous = anonymous
        }
    }

    public let backend: GroupRoom
    private let server: RoomServer
    public let access: RoomAccess

    private init(backend: GroupRoom, server: RoomServer, access: RoomAccess) {
        self.backend = backend
        self.server = server
        self.access = access
    }

    /// Opens `session`'s room: the one it was saved with, or a new one at `placement`.
    public static func open(_ session: GroupSession, placement: Placement?) throws -> RoomLink {
        var access: RoomAccess
        if let saved = session.current.room {
            access = saved
        } else {
            guard let placement else { throw AppError("this session has no room") }
            guard let address = placement.address ?? HostAddress.primary() else {
                throw AppError("no network address found for the room: give one with --bind (127.0.0.1 for this machine only)", exitCode: 64)
            }
            access = RoomAccess(code: JoinCode.random().value, presenterKey: RoomSecrets.presenterKey(),
                                open: session.current.roster.count == 0, anonymous: placement.anonymous,
                                address: address, port: placement.port)
            let opening = access
            try session.apply { facilitation, _ in ((), facilitation.openRoom(opening)) }
        }
        let backend = GroupRoom(session: session)
        let server = RoomServer(backend: backend, configuration: .init(address: access.address, port: access.port))
        let port: Int
        do {
            port = try Blocking.run { try await server.start() }
        } catch {
            backend.close()
            throw AppError(TextSafety.message("\(error)") + (session.current.decisions.isEmpty ? "; try another --port" : ""), exitCode: 69)
        }
        if port != access.port {
            access.port = port
            let moved = access
            try session.apply { facilitation, _ in ((), facilitation.openRoom(moved)) }
        }
        return RoomLink(backend: backend, server: server, access: access)
    }

    public var joinURL: String { server.joinURL(code: access.code) }
    public var presenterURL: String { server.presenterURL(key: access.presenterKey) }

    /// The lines that say how to join, with the QR code drawn when `qr` is given.
    public func banner(qr colour: Bool?) -> [String] {
        RoomBanner.lines(joinURL: joinURL, code: access.code, presenterURL: presenterURL, qr: colour)
    }

    /// `Join: <url>   code K7M QX4`, shown again with every decision.
    public var joinLine: String { "Join: \(joinURL)   code \(RoomBanner.spaced(access.code))" }

    /// Sends the pages the final state, closes their connections and stops serving.
    public func close() {
        Blocking.run { await self.server.stop() }
        backend.close()
    }
}

/// Runs async work to its end from synchronous code (the prompt's thread, never a
/// thread of the concurrency pool).
enum Blocking {
    static func run<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) throws -> T {
        let result = Mutex<Result<T, Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task {
            let outcome: Result<T, Error>
            do { outcome = .success(try await work()) } catch { outcome = .failure(error) }
            result.withLock { $0 = outcome }
            done.signal()
        }
        done.wait()
        return try result.withLock { $0! }.get()
    }

    static func run(_ work: @escaping @Sendable () async -> Void) {
        try? run { () async throws -> Int in await work(); return 0 }
    }
}
