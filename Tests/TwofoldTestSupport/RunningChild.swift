import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A started child process: the descriptors its output arrives on, what has arrived so
/// far, and its exit status once reaped.
///
/// Output is read without blocking, as it arrives; every wait is bounded. A child still
/// running when the value goes away is killed and reaped, and its output descriptors
/// are closed.
public final class RunningChild {
    /// One descriptor the child writes to.
    private struct Output {
        let name: String
        let descriptor: Int32
        var bytes: [UInt8] = []
        var closed = false
    }

    public let processID: pid_t
    private var outputs: [Output]
    /// Turns received bytes into the text that is searched and shown.
    private let render: ([UInt8]) -> String
    /// Where the last successful ``expect(_:timeout:)`` ended, in UTF-8 bytes of the text.
    private var matchEnd = 0
    /// The exit status, or 128 + the signal that ended the child, once reaped.
    public private(set) var exitStatus: Int32?

    /// Watches `processID`, reading `outputs` (made non-blocking here; this value closes
    /// them). ``expect(_:timeout:)`` searches the first; `render` decodes each.
    public init(
        processID: pid_t, outputs: [(name: String, descriptor: Int32)],
        render: @escaping ([UInt8]) -> String = { String(decoding: $0, as: UTF8.self) }
    ) {
        self.processID = processID
        self.outputs = outputs.map { Output(name: $0.name, descriptor: $0.descriptor) }
        self.render = render
        for output in outputs { ChildSpawn.setNonBlocking(output.descriptor) }
    }

    deinit {
        if exitStatus == nil { killAndReap() }
        for output in outputs { close(output.descriptor) }
    }

    // MARK: Output

    /// Everything the child has written to output `index` so far, decoded.
    public func text(_ index: Int = 0) -> String {
        pump(waitingUpTo: 0)
        return render(outputs[index].bytes)
    }

    /// Waits until `text` appears in the first output after the end of the previous match.
    /// Throws, with the output so far, if it has not appeared within `timeout` or the
    /// child has ended without writing it.
    public func expect(_ text: String, timeout: Duration) throws {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while true {
            let screen = render(outputs[0].bytes)
            let start = screen.utf8.index(screen.utf8.startIndex, offsetBy: min(matchEnd, screen.utf8.count))
            if let found = screen.range(of: text, range: start..<screen.endIndex) {
                matchEnd = screen.utf8.distance(from: screen.utf8.startIndex, to: found.upperBound)
                return
            }
            reapIfExited()
            if ContinuousClock.now >= deadline || (outputs[0].closed && exitStatus != nil) {
                throw ChildFailure(description: "timed out waiting for \(text.debugDescription); \(transcript)")
            }
            pump(waitingUpTo: 50)
        }
    }

    /// Every output so far, each under its name, for failure messages.
    public var transcript: String {
        outputs.map { "\($0.name):\n\(render($0.bytes))" }.joined(separator: "\n")
    }

    /// Reads whatever the child has written, waiting up to `milliseconds` for the first byte.
    public func pump(waitingUpTo milliseconds: Int32) {
        var descriptors = outputs.filter { !$0.closed }.map { pollfd(fd: $0.descriptor, events: Int16(POLLIN), revents: 0) }
        guard !descriptors.isEmpty else {
            if milliseconds > 0 { usleep(UInt32(milliseconds) * 1000) }
            return
        }
        guard poll(&descriptors, nfds_t(descriptors.count), milliseconds) > 0 else { return }
        for index in outputs.indices { drain(&outputs[index]) }
    }

    private func drain(_ output: inout Output) {
        guard !output.closed else { return }
        var buffer = [UInt8](repeating: 0, count: 8192)
        while true {
            let count = read(output.descriptor, &buffer, buffer.count)
            if count > 0 {
                output.bytes += buffer[..<count]
            } else if count < 0 && (errno == EAGAIN || errno == EINTR) {
                return
            } else {
                output.closed = true  // 0, or EIO from a pty: every writer has closed it
                return
            }
        }
    }

    // MARK: Input

    /// Writes `bytes` to `descriptor` (non-blocking), reading output while the child is
    /// busy, for up to five seconds; stops quietly once the child has gone (`EPIPE`).
    public func send(_ bytes: some Collection<UInt8>, to descriptor: Int32) {
        var pending = Array(bytes)[...]
        let deadline = ContinuousClock.now.advanced(by: .seconds(5))
        while !pending.isEmpty && ContinuousClock.now < deadline {
            let written = pending.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written > 0 {
                pending = pending.dropFirst(written)
            } else if written < 0 && errno == EINTR {
                continue
            } else if written < 0 && errno == EAGAIN {
                pump(waitingUpTo: 10)  // the child may be waiting for us to read
            } else {
                return
            }
        }
    }

    /// Sends `signal` to the child, if it has not been reaped.
    public func signal(_ signal: Int32) {
        guard exitStatus == nil else { return }
        kill(processID, signal)
    }

    // MARK: Exit

    /// Waits for the child to end and returns its exit status, or 128 + the signal that
    /// ended it, then collects the output still in flight. Kills the child and throws if
    /// it is still running after `timeout`.
    @discardableResult
    public func waitForExit(timeout: Duration) throws -> Int32 {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while exitStatus == nil {
            if ContinuousClock.now >= deadline {
                killAndReap()
                throw ChildFailure(description: "process still running after \(timeout); killed. \(transcript)")
            }
            pump(waitingUpTo: 10)
            reapIfExited()
        }
        let drainDeadline = ContinuousClock.now.advanced(by: .seconds(2))
        while outputs.contains(where: { !$0.closed }) && ContinuousClock.now < drainDeadline { pump(waitingUpTo: 20) }
        return exitStatus ?? -1
    }

    /// Records the exit status if the child has ended, without blocking.
    private func reapIfExited() {
        guard exitStatus == nil else { return }
        var status: Int32 = 0
        if waitpid(processID, &status, WNOHANG) == processID {
            exitStatus = Self.decode(status)
        }
    }

    private func killAndReap() {
        kill(processID, SIGKILL)
        var status: Int32 = 0
        _ = waitpid(processID, &status, 0)
        exitStatus = Self.decode(status)
    }

    /// The exit code from a `waitpid` status, or 128 + the terminating signal.
    private static func decode(_ status: Int32) -> Int32 {
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }
}
