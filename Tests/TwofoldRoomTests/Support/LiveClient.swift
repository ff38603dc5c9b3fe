import Foundation

/// A WebSocket client for the live channel: the upgrade handshake with a sub-protocol
/// list, then text frames read one at a time (pings answered, a close ends the stream).
final class LiveClient: @unchecked Sendable {
    /// The handshake's answer: 101 when upgraded.
    let status: Int
    let headers: [String: String]
    private let socket: Socket
    /// The code of the server's close frame, once it came.
    private(set) var closeCode: Int?

    private init(socket: Socket, status: Int, headers: [String: String]) {
        self.socket = socket
        self.status = status
        self.headers = headers
    }

    /// Opens `/api/live` offering `protocols`.
    static func connect(port: Int, protocols: [String]) async throws -> LiveClient {
        try await Wire.offPool {
            let socket = try Socket(port: port)
            let key = Data((0..<16).map { _ in UInt8.random(in: 0...255) }).base64EncodedString()
            var head = "GET /api/live HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            head += "Sec-WebSocket-Key: \(key)\r\nSec-WebSocket-Version: 13\r\n"
            if !protocols.isEmpty { head += "Sec-WebSocket-Protocol: \(protocols.joined(separator: ", "))\r\n" }
            try socket.write(Data((head + "\r\n").utf8))
            let (status, headers) = try socket.readHead()
            return LiveClient(socket: socket, status: status, headers: headers)
        }
    }

    /// The next text message as JSON, or nil when the server closed the channel.
    func next() async throws -> [String: Any]? {
        guard let payload = try await nextText() else { return nil }
        return (try JSONSerialization.jsonObject(with: payload)) as? [String: Any] ?? [:]
    }

    /// The next text frame's payload, or nil at a close.
    private func nextText() async throws -> Data? {
        try await Wire.offPool { [self] in
            while true {
                let head = try socket.read(exactly: 2)
                let opcode = head[head.startIndex] & 0x0F
                var length = Int(head[head.startIndex + 1] & 0x7F)
                if length == 126 {
                    length = try socket.read(exactly: 2).reduce(0) { $0 << 8 | Int($1) }
                } else if length == 127 {
                    length = try socket.read(exactly: 8).reduce(0) { $0 << 8 | Int($1) }
                }
                let payload = try socket.read(exactly: length)
                switch opcode {
                case 0x1:
                    return payload
                case 0x8:
                    closeCode = payload.count >= 2 ? Int(payload[payload.startIndex]) << 8 | Int(payload[payload.startIndex + 1]) : nil
                    return nil
                case 0x9:
                    try send(opcode: 0xA, payload: payload)
                default:
                    continue
                }
            }
        }
    }

    /// Reads messages until one satisfies `condition` (the view reaches a state).
    func next(until condition: ([String: Any]) -> Bool) async throws -> [String: Any] {
        while let message = try await next() {
            if condition(message) { return message }
        }
        throw Wire.Failure(description: "the live channel closed first")
    }

    /// Sends a masked frame, as a client must.
    private func send(opcode: UInt8, payload: Data) throws {
        let mask = (0..<4).map { _ in UInt8.random(in: 0...255) }
        var frame = Data([0x80 | opcode, 0x80 | UInt8(payload.count)]) + mask
        frame += payload.enumerated().map { $0.element ^ mask[$0.offset % 4] }
        try socket.write(frame)
    }

    func close() { socket.close() }
}
