import Foundation
import TwofoldTestSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a program with pipes for standard input, output and error, as a script would.
///
/// Output is collected as it arrives; every wait is bounded, and a child still running
/// when the value goes away is killed.
final class ChildProcess {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// What a finished run produced.
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    let processID: pid_t
    private var input: Int32
    private let outputPipe: Int32
    private let errorPipe: Int32
    private var outputBytes: [UInt8] = []
    private var errorBytes: [UInt8] = []
    private var outputClosed = false
    private var errorClosed = false
    private var matchEnd = 0
    /// The exit status, or 128 + the signal that ended the child, once reaped.
    private(set) var exitStatus: Int32?

    /// Writing to a child that has exited must fail with `EPIPE`, not end the test run.
    private static let ignoreBrokenPipes: Void = {
        #if canImport(Glibc)
        _ = Glibc.signal(SIGPIPE, SIG_IGN)
        #else
        _ = Darwin.signal(SIGPIPE, SIG_IGN)
        #endif
    }()

    /// Starts `executable` (the built `twofold` by default) with `arguments` and exactly
    /// `environment`, with empty signal mask and default signal handlers.
    init(_ arguments: [String], environment: [String: String], executable: String = twofoldBinary.path) throws {
        _ = Self.ignoreBrokenPipes
        // Tests start children in parallel: a pipe must be close-on-exec before any
        // other child can be spawned, or that child would hold it open.
        childSpawnLock.lock()
        defer { childSpawnLock.unlock() }
        let stdinPipe = try Self.makePipe()
        let stdoutPipe = try Self.makePipe()
        let stderrPipe = try Self.makePipe()

        #if canImport(Darwin)
        var actions: posix_spawn_file_actions_t? = nil
        var attributes: posix_spawnattr_t? = nil
        #else
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdinPipe.read, 0)
        posix_spawn_file_actions_adddup2(&actions, stdoutPipe.write, 1)
        posix_spawn_file_actions_adddup2(&actions, stderrPipe.write, 2)
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGCHLD] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(Int32(POSIX_SPAWN_SETSIGMASK) | Int32(POSIX_SPAWN_SETSIGDEF)))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var processID: pid_t = 0
        let result = posix_spawn(&processID, executable, &actions, &attributes, argv, envp)
        close(stdinPipe.read)
        close(stdoutPipe.write)
        close(stderrPipe.write)
        guard result == 0 else {
            [stdinPipe.write, stdoutPipe.read, stderrPipe.read].forEach { close($0) }
            throw Failure(description: "cannot start \(executable): \(String(cString: strerror(result)))")
        }
        self.processID = processID
        input = stdinPipe.write
        outputPipe = stdoutPipe.read
        errorPipe = stderrPipe.read
        for descriptor in [outputPipe, errorPipe] {
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
        }
    }

    deinit {
        if exitStatus == nil {
            kill(processID, SIGKILL)
            var status: Int32 = 0
            _ = waitpid(processID, &status, 0)
        }
        if input >= 0 { close(input) }
        close(outputPipe)
        close(errorPipe)
    }

    /// A pipe whose ends are closed on exec, so that no other child inherits them.
    private static func makePipe() throws -> (read: Int32, write: Int32) {
        var descriptors: [Int32] = [-1, -1]
        guard pipe(&descriptors) == 0 else {
            throw Failure(description: "pipe failed: \(String(cString: strerror(errno)))")
        }
        for descriptor in descriptors { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        return (descriptors[0], descriptors[1])
    }

    // MARK: Running to the end

    /// Runs `twofold arguments` with `input` on standard input (then closed) and waits.
    static func run(_ arguments: [String], input: String = "", environment: [String: String],
                    executable: String = twofoldBinary.path, timeout: Duration = .seconds(30)) throws -> Result {
        let child = try ChildProcess(arguments, environment: environment, executable: executable)
        child.send(input)
        child.closeInput()
        let status = try child.waitForExit(timeout: timeout)
        return Result(status: status, stdout: child.stdout, stderr: child.stderr)
    }

    // MARK: Input

    /// Writes `text` to the child's standard input.
    func send(_ text: String) {
        guard input >= 0 else { return }
        var bytes = Array(text.utf8)[...]
        let deadline = ContinuousClock.now.advanced(by: .seconds(5))
        while !bytes.isEmpty && ContinuousClock.now < deadline {
            let written = bytes.withUnsafeBytes { write(input, $0.baseAddress, $0.count) }
            if written > 0 {
                bytes = bytes.dropFirst(written)
            } else if written < 0 && errno == EINTR {
                continue
            } else {
                return  // EPIPE: the child has gone
            }
        }
    }

    /// Closes standard input: the child sees the end of input.
    func closeInput() {
        guard input >= 0 else { return }
        close(input)
        input = -1
    }

    /// Sends `signal` to the child.
    func signal(_ signal: Int32) {
        guard exitStatus == nil else { return }
        kill(processID, signal)
    }

    // MARK: Output

    var stdout: String {
        pump(waitingUpTo: 0)
        return String(decoding: outputBytes, as: UTF8.self)
    }

    var stderr: String {
        pump(waitingUpTo: 0)
        return String(decoding: errorBytes, as: UTF8.self)
    }

    /// Waits until `text` appears on standard output after the previous match.
    func expect(_ text: String, timeout: Duration = .seconds(15)) throws {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while true {
            let screen = String(decoding: outputBytes, as: UTF8.self)
            let start = screen.utf8.index(screen.utf8.startIndex, offsetBy: min(matchEnd, screen.utf8.count))
            if let found = screen.range(of: text, range: start..<screen.endIndex) {
                matchEnd = screen.utf8.distance(from: screen.utf8.startIndex, to: found.upperBound)
                return
            }
            reapIfExited()
            if ContinuousClock.now >= deadline || (outputClosed && exitStatus != nil) {
                throw Failure(description: "timed out waiting for \(text.debugDescription) on standard output:\n\(screen)\nstandard error:\n\(String(decoding: errorBytes, as: UTF8.self))")
            }
            pump(waitingUpTo: 50)
        }
    }

    private func pump(waitingUpTo milliseconds: Int32) {
        var descriptors: [pollfd] = []
        if !outputClosed { descriptors.append(pollfd(fd: outputPipe, events: Int16(POLLIN), revents: 0)) }
        if !errorClosed { descriptors.append(pollfd(fd: errorPipe, events: Int16(POLLIN), revents: 0)) }
        guard !descriptors.isEmpty else {
            if milliseconds > 0 { usleep(UInt32(milliseconds) * 1000) }
            return
        }
        guard poll(&descriptors, nfds_t(descriptors.count), milliseconds) > 0 else { return }
        drain(outputPipe, into: &outputBytes, closed: &outputClosed)
        drain(errorPipe, into: &errorBytes, closed: &errorClosed)
    }

    private func drain(_ descriptor: Int32, into bytes: inout [UInt8], closed: inout Bool) {
        guard !closed else { return }
        var buffer = [UInt8](repeating: 0, count: 8192)
        while true {
            let count = read(descriptor, &buffer, buffer.count)
            if count > 0 {
                bytes += buffer[..<count]
            } else if count < 0 && (errno == EAGAIN || errno == EINTR) {
                return
            } else {
                closed = true
                return
            }
        }
    }

    // MARK: Exit

    /// Waits for the child to end and returns its status (or 128 + signal); kills it and
    /// throws after `timeout`.
    @discardableResult
    func waitForExit(timeout: Duration = .seconds(30)) throws -> Int32 {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while exitStatus == nil {
            if ContinuousClock.now >= deadline {
                kill(processID, SIGKILL)
                var status: Int32 = 0
                _ = waitpid(processID, &status, 0)
                exitStatus = Self.decode(status)
                throw Failure(description: "process still running after \(timeout); killed. Output:\n\(stdout)\nstandard error:\n\(stderr)")
            }
            pump(waitingUpTo: 10)
            reapIfExited()
        }
        let drainDeadline = ContinuousClock.now.advanced(by: .seconds(2))
        while !(outputClosed && errorClosed) && ContinuousClock.now < drainDeadline { pump(waitingUpTo: 20) }
        return exitStatus ?? -1
    }

    private func reapIfExited() {
        guard exitStatus == nil else { return }
        var status: Int32 = 0
        if waitpid(processID, &status, WNOHANG) == processID {
            exitStatus = Self.decode(status)
        }
    }

    private static func decode(_ status: Int32) -> Int32 {
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }
}

/// Held while a test creates descriptors for a child and spawns it (see ``PseudoTerminal``
/// too), so that no child inherits descriptors meant for another.
let childSpawnLock = NSLock()

/// A fresh, private `TWOFOLD_HOME` for one test, removed when the value goes away.
final class TestHome {
    let url: URL
    var path: String { url.path }

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("twofold-e2e-\(UUID().uuidString.prefix(8))", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// The environment for a `twofold` child: this home, the test library, no colour,
    /// 80 columns, and nothing that could reach the real home folder.
    var environment: [String: String] {
        [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "HOME": path,
            "LANG": "C.UTF-8",
            "TWOFOLD_HOME": path,
            "TWOFOLD_SCENARIOS": testLibrary.path,
            "COLUMNS": "80",
            "NO_COLOR": "1",
        ]
    }

    /// The reports folder `play` writes to by default.
    var reports: URL { url.appendingPathComponent("reports", isDirectory: true) }

    /// The files in the reports folder, sorted.
    func reportFiles() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: reports.path)) ?? []).sorted()
    }

    /// Writes `text` to a file in this home and returns its path.
    @discardableResult
    func write(_ text: String, to name: String) throws -> String {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
        return file.path
    }

    /// Runs `twofold arguments` here with `input` on standard input.
    func run(_ arguments: [String], input: String = "", timeout: Duration = .seconds(30)) throws -> ChildProcess.Result {
        try ChildProcess.run(arguments, input: input, environment: environment, timeout: timeout)
    }

    /// Starts `twofold arguments` here, with standard input left open.
    func start(_ arguments: [String]) throws -> ChildProcess {
        try ChildProcess(arguments, environment: environment)
    }

    /// Starts `twofold arguments` here on a pseudo-terminal (TERM=dumb).
    func startOnTerminal(_ arguments: [String]) throws -> PseudoTerminal {
        var environment = self.environment
        environment["NO_COLOR"] = nil
        environment["COLUMNS"] = nil
        return try PseudoTerminal(twofoldBinary.path, arguments: arguments, environment: environment)
    }
}

/// The bundled scenario library.
let bundledScenarios = repositoryRoot.appendingPathComponent("Scenarios", isDirectory: true)

/// The library the end-to-end tests play: frozen copies of scenarios whose exact text,
/// ids and choice order the tests rely on, so editing the bundled library cannot break them.
let testLibrary = repositoryRoot.appendingPathComponent("Tests/Fixtures/library", isDirectory: true)

/// Parses a JSON object, failing with the text when it is not one.
func jsonObject(_ text: String) throws -> [String: Any] {
    guard let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
        throw ChildProcess.Failure(description: "not a JSON object:\n\(text)")
    }
    return object
}

/// The choices through `retail-floor-walk` (the test library's copy) used by these tests, one line each.
enum FloorWalk {
    static let id = "retail-floor-walk"
    static let title = "Walking the Store Floor"
    /// opening → l-walk → m-lunch: after `1`, `2`.
    static let firstTwo = "1\n2\n"
    /// m-lunch → m-visit → m-close → end-manager: `1`, `1`, `1`.
    static let restAfterFirstTwo = "1\n1\n1\n"
    /// Opening lines of scenes, to know where a session stands.
    static let openingText = "At 10:15 on Saturday you start your floor walk"
    static let lWalkText = "At 10:20 the four of you set off through the store"
    static let mLunchText = "It's 12:40. On your next lap you find Marcus"
    static let lLunchText = "By 12:30 there is plenty of energy in the store"
    /// The best path: set-the-standard, smallest-version, name-it-and-ask, name-priya, rotate-walk.
    static let bestPath = "4\n3\n2\n3\n4\n"
}
