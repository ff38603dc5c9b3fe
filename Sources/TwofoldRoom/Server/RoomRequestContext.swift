import Hummingbird
import HummingbirdWebSocket
import NIOCore

/// The context of each request to the room: where it came from (for the rate limit)
/// and, for the live channel, the WebSocket handler reference the upgrade needs.
struct RoomRequestContext: RequestContext, WebSocketRequestContext, RemoteAddressRequestContext {
    var coreContext: CoreRequestContextStorage
    let webSocket: WebSocketHandlerReference<RoomRequestContext>
    let remoteAddress: SocketAddress?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        webSocket = .init()
        remoteAddress = source.channel.remoteAddress
    }

    /// Bodies the room reads are capped well below Hummingbird's default.
    var maxUploadSize: Int { RoomServer.maxBodyBytes }

    /// The client's address, without the port: the rate limit's key.
    var client: String { remoteAddress?.ipAddress ?? "unknown" }
}
