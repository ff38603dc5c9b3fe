import Foundation
import TwofoldLRS
import TwofoldTestSupport

/// `Scripts/ralph`, which installs, starts and stops Ralph.
private let ralphScript = repositoryRoot.appendingPathComponent("Scripts/ralph")

/// A real learning record store for a test: Ralph with its file-system backend on
/// loopback, started and stopped with `Scripts/ralph` (which installs it when missing).
///
/// A server stops by itself when the test process ends, so a failed run leaves none behind;
/// its folder is removed once it has stopped, when the value goes away.
public final class RalphServer: @unchecked Sendable {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The server's folder: credentials, statements (`store/fs_lrs.jsonl`) and log.
    public let folder: URL
    public private(set) var port: Int
    public let username: String
    public let password: String
    private let pageSize: Int?

    private init(folder: URL, port: Int, username: String, password: String, pageSize: Int?) {
        self.folder = folder
        self.port = port
        self.username = username
        self.password = password
        self.pageSize = pageSize
    }

    deinit { close() }

    /// Stops the server, if it still runs, then removes its folder.
    fileprivate func close() {
        try? stop()
        try? FileManager.default.removeItem(at: folder)
    }

    /// Starts a server in a new temporary folder; `pageSize` caps the statements of a page.
    public static func start(pageSize: Int? = nil, port: Int = 0) throws -> RalphServer {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("twofold-ralph-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let server = RalphServer(folder: folder, port: port, username: defaultUsername, password: defaultPassword,
                                 pageSize: pageSize)
        try server.start()
        return server
    }

    /// Starts (or starts again, on the same port and statements) the server.
    public func start() throws {
        var arguments = ["start", folder.path, "--user", username, "--password", password]
        if port != 0 { arguments += ["--port", String(port)] }
        if let pageSize { arguments += ["--page-size", String(pageSize)] }
        let output = try Self.script(arguments)
        guard let object = try? JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any],
              let port = object["port"] as? Int else {
            throw Failure(description: "Scripts/ralph start printed no endpoint: \(output)")
        }
        self.port = port
    }

    /// Stops the server; `kill` stops it with SIGKILL, as a crash would.
    public func stop(kill: Bool = false) throws {
        _ = try Self.script(["stop", folder.path] + (kill ? ["--kill"] : []))
    }

    /// Freezes the server (it takes requests and answers nothing), or lets it answer again.
    public func freeze(_ frozen: Bool = true) throws {
        _ = try Self.script([frozen ? "freeze" : "thaw", folder.path])
    }

    /// The xAPI base of the server.
    public var endpointURL: String { "http://127.0.0.1:\(port)/xAPI/" }

    /// The endpoint with the server's credentials (or others, to test a refusal).
    public func endpoint(password: String? = nil) -> LRSEndpoint {
        LRSEndpoint(url: URL(string: endpointURL)!,
                    credentials: .init(username: username, password: password ?? self.password))
    }

    /// The environment that points `twofold` at this server.
    public var environment: [String: String] { Self.environment(port: port, username: username, password: password) }

    /// The environment that points `twofold` at a server on `port` (one that is down, say).
    public static func environment(port: Int, username: String = defaultUsername,
                                   password: String = defaultPassword) -> [String: String] {
        [LRSSettings.endpointVariable: "http://127.0.0.1:\(port)/xAPI/", LRSSettings.usernameVariable: username,
         LRSSettings.passwordVariable: password]
    }

    public static let defaultUsername = "twofold"
    public static let defaultPassword = "twofold-secret"

    /// Every statement the server holds, as stored (one JSON object a line).
    public func storedStatements() throws -> [[String: Any]] {
        let file = folder.appendingPathComponent("store/fs_lrs.jsonl")
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return [] }
        return try text.split(separator: "\n").map {
            guard let object = try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] else {
                throw Failure(description: "a stored line is not a JSON object")
            }
            return object
        }
    }

    /// Runs `Scripts/ralph` and returns its standard output. The script names this process
    /// as the server's owner, so it runs as a direct child; installing Ralph the first time
    /// may take minutes.
    private static func script(_ arguments: [String]) throws -> String {
        let run = try ChildProcess.run("/usr/bin/env", arguments: ["python3", ralphScript.path] + arguments,
                                       environment: ProcessInfo.processInfo.environment, timeout: .seconds(600))
        guard run.status == 0 else {
            throw Failure(description: "Scripts/ralph \(arguments.first ?? "") failed: \(run.stderr)")
        }
        return run.stdout
    }
}

/// One server shared by the tests that only add statements and read them back (each test
/// keeps to its own registrations or cohort), with small pages so `more` links are followed.
public enum SharedRalph {
    public static let pageSize = 4
    private static let started: Result<RalphServer, any Error> = Result {
        let server = try RalphServer.start(pageSize: pageSize)
        atexit { SharedRalph.closeAtExit() }  // a static is never released
        return server
    }

    /// Stops the shared server and removes its folder as the test process ends.
    private static func closeAtExit() {
        if case .success(let server) = started { server.close() }
    }

    public static func server() throws -> RalphServer { try started.get() }
}

/// A port on loopback where nothing listens (the record store is down).
public func closedPort() -> Int {
    let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(socket) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) } }
    _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) } }
    return Int(UInt16(bigEndian: address.sin_port))
}
