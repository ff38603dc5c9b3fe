import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A plain HTTP/1.1 and WebSocket client over a socket, so tests see exactly what the
/// room sends (status, every header, the body) and can send what a browser would not.
/// Blocking socket work runs on its own thread, never on the concurrency pool the
/// server's handlers need.
enum Wire {
    struct Reply: Sendable {
        var status: Int
        /// Header names in lower case.
        var headers: [String: String]
        var body: Data

        var text: String { String(decoding: body, as: UTF8.self) }
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }
    }

    struct Failure: Error, CustomStringConvertible { var description: String }

    /// One request on a new connection (`Connection: close`), from `source` (a loopback
    /// address) when given.
    static func request(_ method: String, _ path: String, port: Int, headers: [String: String] = [:],
                        body: Data? = nil, source: String? = nil) async throws -> Reply {
        try await offPool {
            let socket = try Socket(port: port, source: source)
            defer { socket.close() }
            var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
            for (name, value) in headers { head += "\(name): \(value)\r\n" }
            if let body { head += "Content-Length: \(body.count)\r\n" }
            try socket.write(Data((head + "\r\n").utf8) + (body ?? Data()))
            let (status, replyHeaders) = try socket.readHead()
            var content = Data()
            if let length = replyHeaders["content-length"].flatMap(Int.init) {
                content = try socket.read(exactly: length)
            } else if replyHeaders["transfer-encoding"] == "chunked" {
                while let size = Int(try socket.readLine(), radix: 16), size > 0 {
                    content += try socket.read(exactly: size)
                    _ = try socket.readLine()
                }
            }
            return Reply(status: status, headers: replyHeaders, body: content)
        }
    }

    /// A JSON request with an optional bearer token.
    static func json(_ method: String, _ path: String, port: Int, _ object: Any? = nil, bearer: String? = nil,
                     source: String? = nil) async throws -> Reply {
        var headers = ["Content-Type": "application/json"]
        if let bearer { headers["Authorization"] = "Bearer \(bearer)" }
        let body = try object.map { try JSONSerialization.data(withJSONObject: $0) }
        return try await request(method, path, port: port, headers: headers, body: body, source: source)
    }

    /// Runs blocking work on a thread of its own.
    static func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try work() }) }.start()
        }
    }
}

/// A connected TCP socket with a read buffer and a five-second read timeout.
final class Socket: @unchecked Sendable {
    private let fd: Int32
    private var buffer = Data()

    init(port: Int, source: String? = nil) throws {
        fd = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Wire.Failure(description: "socket: \(errno)") }
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        if let source {
            var local = Socket.address(source, port: 0)
            let bound = withUnsafePointer(to: &local) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard bound == 0 else { Glibc.close(fd); throw Wire.Failure(description: "bind \(source): \(errno)") }
        }
        var remote = Socket.address("127.0.0.1", port: port)
        let connected = withUnsafePointer(to: &remote) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { Glibc.close(fd); throw Wire.Failure(description: "connect: \(errno)") }
    }

    private static func address(_ text: String, port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        inet_pton(AF_INET, text, &address.sin_addr)
        return address
    }

    func write(_ data: Data) throws {
        var offset = 0
        while offset < data.count {
            let sent = data[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { throw Wire.Failure(description: "write: \(errno)") }
            offset += sent
        }
    }

    /// Reads more into the buffer; false at the end of the stream.
    private func fill() throws -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let count = Glibc.read(fd, &chunk, chunk.count)
        if count < 0 { throw Wire.Failure(description: "read timed out or failed: \(errno)") }
        buffer += chunk[..<count]
        return count > 0
    }

    func read(exactly count: Int) throws -> Data {
        while buffer.count < count {
            guard try fill() else { throw Wire.Failure(description: "the connection closed early") }
        }
        defer { buffer.removeFirst(count) }
        return buffer.prefix(count)
    }

    func readLine() throws -> String {
        while true {
            if let end = buffer.firstRange(of: Data("\r\n".utf8)) {
                defer { buffer.removeSubrange(buffer.startIndex..<end.upperBound) }
                return String(decoding: buffer[buffer.startIndex..<end.lowerBound], as: UTF8.self)
            }
            guard try fill() else { throw Wire.Failure(description: "the connection closed mid-line") }
        }
    }

    /// The status code and headers of a response.
    func readHead() throws -> (Int, [String: String]) {
        let statusLine = try readLine()
        guard let status = statusLine.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) else {
            throw Wire.Failure(description: "not an HTTP response: \(statusLine)")
        }
        var headers: [String: String] = [:]
        while case let line = try readLine(), !line.isEmpty {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return (status, headers)
    }

    func close() { Glibc.close(fd) }
}
