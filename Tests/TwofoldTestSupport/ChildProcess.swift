import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a program with pipes for standard input, output and error, as a script would.
///
/// Output is collected as it arrives; every wait is bounded, and a child still running
/// when the value goes away is killed.
public final class ChildProcess {
    public typealias Failure = ChildFailure

    /// What a finished run produced.
    public struct Result {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    private let child: RunningChild
    private var input: Int32

    /// Starts `executable` with `arguments` and exactly `environment` (pass
    /// `ProcessInfo.processInfo.environment` to inherit this process's).
    public init(_ executable: String, arguments: [String], environment: [String: String]) throws {
        _ = ChildSpawn.ignoreBrokenPipes
        childSpawnLock.lock()  // the pipes must be close-on-exec before another child starts
        defer { childSpawnLock.unlock() }
        let stdinPipe = try ChildSpawn.makePipe()
        let stdoutPipe = try ChildSpawn.makePipe()
        let stderrPipe = try ChildSpawn.makePipe()
        let processID: pid_t
        do {
            processID = try ChildSpawn.start(executable, arguments: arguments, environment: environment) { actions in
                posix_spawn_file_actions_adddup2(&actions, stdinPipe.read, 0)
                posix_spawn_file_actions_adddup2(&actions, stdoutPipe.write, 1)
                posix_spawn_file_actions_adddup2(&actions, stderrPipe.write, 2)
            }
        } catch {
            [stdinPipe.read, stdinPipe.write, stdoutPipe.read, stdoutPipe.write, stderrPipe.read, stderrPipe.write]
                .forEach { close($0) }
            throw error
        }
        [stdinPipe.read, stdoutPipe.write, stderrPipe.write].forEach { close($0) }
        input = stdinPipe.write
        ChildSpawn.setNonBlocking(input)
        child = RunningChild(processID: processID, outputs: [("standard output", stdoutPipe.read),
                                                             ("standard error", stderrPipe.read)])
    }

    deinit {
        if input >= 0 { close(input) }
    }

    /// Runs `executable` with `input` on standard input (then closed) and waits for it.
    public static func run(
        _ executable: String, arguments: [String], input: some Collection<UInt8> = [],
        environment: [String: String], timeout: Duration = .seconds(30)
    ) throws -> Result {
        let child = try ChildProcess(executable, arguments: arguments, environment: environment)
        child.send(input)
        child.closeInput()
        let status = try child.waitForExit(timeout: timeout)
        return Result(status: status, stdout: child.stdout, stderr: child.stderr)
    }

    /// Runs `executable` with `input` as UTF-8 on standard input (then closed) and waits.
    public static func run(
        _ executable: String, arguments: [String], input: String, environment: [String: String],
        timeout: Duration = .seconds(30)
    ) throws -> Result {
        try run(executable, arguments: arguments, input: Array(input.utf8), environment: environment, timeout: timeout)
    }

    /// The child's process id.
    public var processID: pid_t { child.processID }

    /// The exit status, or 128 + the signal that ended the child, once reaped.
    public var exitStatus: Int32? { child.exitStatus }

    // MARK: Input

    /// Writes `bytes` (text as UTF-8) to the child's standard input.
    public func send(_ bytes: some Collection<UInt8>) {
        guard input >= 0 else { return }
        child.send(bytes, to: input)
    }

    /// Writes `text` to the child's standard input.
    public func send(_ text: String) { send(text.utf8) }

    /// Closes standard input: the child sees the end of input.
    public func closeInput() {
        guard input >= 0 else { return }
        close(input)
        input = -1
    }

    /// Sends `signal` to the child.
    public func signal(_ signal: Int32) { child.signal(signal) }

    // MARK: Output

    public var stdout: String { child.text(0) }

    public var stderr: String { child.text(1) }

    /// Waits until `text` appears on standard output after the previous match.
    public func expect(_ text: String, timeout: Duration = .seconds(15)) throws {
        try child.expect(text, timeout: timeout)
    }

    /// Waits for the child to end and returns its status (or 128 + signal); kills it and
    /// throws after `timeout`.
    @discardableResult
    public func waitForExit(timeout: Duration = .seconds(30)) throws -> Int32 {
        try child.waitForExit(timeout: timeout)
    }
}
