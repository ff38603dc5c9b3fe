import Foundation
import Hummingbird
import HummingbirdWebSocket
import Logging
import NIOCore
import Synchronization

/// The room's HTTP and WebSocket server, run inside the facilitator's process for as
/// long as the session lasts.
///
/// It answers its routes and nothing else (anything else is 404), caps every request
/// body at ``maxBodyBytes``, rate-limits each client address, and puts the security
/// headers on every response. ``start()`` returns once the socket is bound (so a port of
/// 0 is read back from it); ``stop()`` sends the pages the final state and closes
/// every connection.
public final class RoomServer: Sendable {
    /// The largest request body (and WebSocket message) the room reads.
    public static let maxBodyBytes = 4096

    public struct Configuration: Sendable {
        /// The address to listen on (tests use 127.0.0.1).
        public var address: String
        /// The port; 0 lets the system pick a free one.
        public var port: Int
        public var rateLimit: RateLimiter.Policy

        public init(address: String, port: Int, rateLimit: RateLimiter.Policy = .standard) {
            self.address = address
            self.port = port
            self.rateLimit = rateLimit
        }
    }

    /// Why the server could not start.
    public struct StartError: Error, CustomStringConvertible {
        public var description: String
    }

    private let backend: any RoomBackend
    private let configuration: Configuration
    private let hub = LiveHub()
    private let boundPort = Mutex<Int?>(nil)
    private let tasks = Mutex<[Task<Void, Never>]>([])

    public init(backend: some RoomBackend, configuration: Configuration) {
        self.backend = backend
        self.configuration = configuration
    }

    /// The port the server listens on, once started.
    public var port: Int? { boundPort.withLock { $0 } }

    /// The address phones open: the participant page with the join code filled in.
    public func joinURL(code: String) -> String {
        "http://\(Self.host(configuration.address)):\(port ?? configuration.port)/?code=\(code)"
    }

    /// The presenter view's address, with its key.
    public func presenterURL(key: String) -> String {
        "http://\(Self.host(configuration.address)):\(port ?? configuration.port)/present?key=\(key)"
    }

    /// Binds the socket and starts serving; returns the bound port.
    @discardableResult
    public func start() async throws -> Int {
        let limiter = RateLimiter(policy: configuration.rateLimit)
        let joinURL: @Sendable (RoomSnapshot) -> String = { [unowned self] in self.joinURL(code: $0.access?.code ?? "") }
        let router = Router(context: RoomRequestContext.self)
        router.add(middleware: RoomGate(limiter: limiter))
        ApiRoutes(backend: backend, limiter: limiter, joinURL: joinURL).add(to: router)
        PageRoutes(backend: backend, joinURL: joinURL).add(to: router)
        let live = Router(context: RoomRequestContext.self)
        LiveRoute(backend: backend, hub: hub, limiter: limiter).add(to: live)

        let (bound, reportBound) = AsyncStream<Int>.makeStream()
        let app = Application(
            router: router,
            server: .http1WebSocketUpgrade(
                webSocketRouter: live,
                configuration: .init(ws: .init(maxFrameSize: Self.maxBodyBytes, autoPing: .enabled(timePeriod: .seconds(30))))),
            configuration: .init(address: .hostname(configuration.address, port: configuration.port), serverName: nil),
            onServerRunning: { channel in
                reportBound.yield(channel.localAddress?.port ?? 0)
                reportBound.finish()
            },
            logger: Logger(label: "twofold.room", factory: { _ in SwiftLogNoOpLogHandler() }))
        let failure = Mutex<String?>(nil)
        let serving = Task {
            do { try await app.run() } catch { failure.withLock { $0 = String(describing: error) } }
            reportBound.finish()
        }
        let sending = Task { [hub, backend] in await hub.run(backend: backend, joinURL: joinURL) }
        tasks.withLock { $0 = [serving, sending] }
        for await port in bound {
            boundPort.withLock { $0 = port }
            return port
        }
        sending.cancel()
        let reason = failure.withLock { $0 } ?? "the server stopped"
        throw StartError(description: "cannot serve the room on \(configuration.address) port \(configuration.port): \(reason)")
    }

    /// Sends the final state to every page, closes the connections and stops listening.
    public func stop() async {
        let last = await backend.snapshot()
        hub.send(last, joinURL: joinURL(code: last.access?.code ?? ""), now: Date())
        hub.close()
        await hub.drained(within: .seconds(3))
        let running = tasks.withLock { tasks in defer { tasks = [] }; return tasks }
        for task in running { task.cancel() }
        for task in running { await task.value }
    }

    /// An address as it stands in a URL (IPv6 in brackets).
    static func host(_ address: String) -> String { address.contains(":") ? "[\(address)]" : address }
}
