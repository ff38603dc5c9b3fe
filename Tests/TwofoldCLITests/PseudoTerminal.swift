import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a program on its own pseudo-terminal, as a user at a real terminal would.
///
/// The child is a session leader whose controlling terminal is the pty, so `send`
/// reaches it as typed keys and ``sendControl(_:)`` with `"c"` delivers `SIGINT`. Every
/// wait is bounded; a child still running when the harness goes away is killed.
final class PseudoTerminal {
    /// Why a pseudo-terminal session failed.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The child's process id.
    let processID: pid_t
    /// The parent's side of the pty (non-blocking).
    private let master: Int32
    /// Everything the child wrote, as bytes.
    private var received: [UInt8] = []
    /// Where the last successful ``expect(_:timeout:)`` ended, in UTF-8 bytes of ``output``.
    private var matchEnd = 0
    /// Set once the child's side of the pty has closed.
    private var outputClosed = false
    /// The child's exit status (or 128 + signal) once reaped.
    private(set) var exitStatus: Int32?

    /// Starts `executable` with `arguments` on a new `columns` × `rows` pty.
    ///
    /// The environment is `PATH`, `HOME`, `LANG=C.UTF-8` and `TERM=dumb` (so that no
    /// bracketed-paste or colour sequences appear), overridden and extended by
    /// `environment`.
    init(
        _ executable: String, arguments: [String] = [], environment: [String: String] = [:],
        columns: Int = 80, rows: Int = 24
    ) throws {
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        childSpawnLock.lock()  // the pty must be close-on-exec before another child starts
        defer { childSpawnLock.unlock() }
        var master: Int32 = -1
        var slave: Int32 = -1
        guard openpty(&master, &slave, nil, nil, &size) == 0 else {
            throw Failure(description: "openpty failed: \(String(cString: strerror(errno)))")
        }
        defer { close(slave) }
        _ = fcntl(master, F_SETFD, FD_CLOEXEC)
        _ = fcntl(slave, F_SETFD, FD_CLOEXEC)
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
        var name = [CChar](repeating: 0, count: 256)
        guard ttyname_r(slave, &name, name.count) == 0 else {
            close(master)
            throw Failure(description: "ttyname_r failed")
        }
        do {
            processID = try Self.spawn(
                executable, arguments: arguments, terminal: String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self),
                environment: Self.environment(adding: environment))
        } catch {
            close(master)
            throw error
        }
        self.master = master
    }

    deinit {
        if exitStatus == nil {
            kill(processID, SIGKILL)
            var status: Int32 = 0
            _ = waitpid(processID, &status, 0)
        }
        close(master)
    }

    // MARK: Output

    /// Everything the child printed so far, with escape sequences removed and `\r\n`
    /// turned into `\n`.
    var output: String {
        pump(waitingUpTo: 0)
        return Self.plainText(received)
    }

    /// Waits until `text` appears in ``output`` after the end of the previous match.
    /// Throws, with the output so far, if it has not appeared within `timeout`.
    func expect(_ text: String, timeout: Duration = .seconds(10)) throws {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while true {
            let screen = Self.plainText(received)
            let start = screen.utf8.index(screen.utf8.startIndex, offsetBy: min(matchEnd, screen.utf8.count))
            if let found = screen.range(of: text, range: start..<screen.endIndex) {
                matchEnd = screen.utf8.distance(from: screen.utf8.startIndex, to: found.upperBound)
                return
            }
            if ContinuousClock.now >= deadline || (outputClosed && exitStatus != nil) {
                throw Failure(description: "timed out waiting for \(text.debugDescription); output so far:\n\(screen)")
            }
            if outputClosed {
                reapIfExited()
                usleep(10_000)
            } else {
                pump(waitingUpTo: 50)
            }
        }
    }

    /// Reads whatever the child has written, waiting up to `milliseconds` for the first byte.
    private func pump(waitingUpTo milliseconds: Int32) {
        guard !outputClosed else { return }
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, milliseconds) > 0 else { return }
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(master, &buffer, buffer.count)
            if count > 0 {
                received += buffer[..<count]
            } else if count < 0 && (errno == EAGAIN || errno == EINTR) {
                return
            } else {
                outputClosed = true  // 0 or EIO: every copy of the slave is closed
                return
            }
        }
    }


    // MARK: Input

    /// Types `text` (send `"\n"` for Return).
    func send(_ text: String) {
        var bytes = Array(text.utf8)[...]
        let deadline = ContinuousClock.now.advanced(by: .seconds(5))
        while !bytes.isEmpty && ContinuousClock.now < deadline {
            let written = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
            if written > 0 {
                bytes = bytes.dropFirst(written)
            } else {
                pump(waitingUpTo: 10)  // the child may be waiting for us to read
            }
        }
    }

    /// Resizes the window, as dragging its corner would: the child gets `SIGWINCH`.
    func resize(columns: Int, rows: Int) {
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
    }

    /// Types Ctrl plus `character`: `"c"` sends 0x03 (interrupt), `"d"` 0x04 (end of file).
    func sendControl(_ character: Character) {
        guard let ascii = character.uppercased().first?.asciiValue else { return }
        send(String(UnicodeScalar(ascii & 0x1F)))
    }

    // MARK: Exit

    /// Waits for the child to end and returns its exit status, or 128 + the signal that
    /// ended it. Kills the child and throws if it is still running after `timeout`.
    @discardableResult
    func waitForExit(timeout: Duration = .seconds(10)) throws -> Int32 {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while exitStatus == nil {
            if ContinuousClock.now >= deadline {
                kill(processID, SIGKILL)
                var status: Int32 = 0
                _ = waitpid(processID, &status, 0)
                exitStatus = Self.decode(status)
                throw Failure(description: "process still running after \(timeout); killed. Output:\n\(output)")
            }
            pump(waitingUpTo: 10)
            reapIfExited()
        }
        // Collect what is still in flight.
        let drainDeadline = ContinuousClock.now.advanced(by: .milliseconds(500))
        while !outputClosed && ContinuousClock.now < drainDeadline { pump(waitingUpTo: 20) }
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

    /// The exit code from a `waitpid` status, or 128 + the terminating signal.
    private static func decode(_ status: Int32) -> Int32 {
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }
}
