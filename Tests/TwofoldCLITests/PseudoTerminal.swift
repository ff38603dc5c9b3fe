import Foundation
import TwofoldTestSupport
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
    typealias Failure = ChildFailure

    /// The child, and the parent's side of the pty (non-blocking) as its one output.
    private let child: RunningChild
    private let master: Int32

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
        var name = [CChar](repeating: 0, count: 256)
        guard ttyname_r(slave, &name, name.count) == 0 else {
            close(master)
            throw Failure(description: "ttyname_r failed")
        }
        let terminal = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let processID: pid_t
        do {
            processID = try Self.spawn(executable, arguments: arguments, terminal: terminal,
                                       environment: Self.environment(adding: environment))
        } catch {
            close(master)
            throw error
        }
        self.master = master
        child = RunningChild(processID: processID, outputs: [("output so far", master)], render: Self.plainText)
    }

    /// The child's process id.
    var processID: pid_t { child.processID }

    /// The child's exit status (or 128 + signal) once reaped.
    var exitStatus: Int32? { child.exitStatus }

    // MARK: Output

    /// Everything the child printed so far, with escape sequences removed and `\r\n`
    /// turned into `\n`.
    var output: String { child.text() }

    /// Waits until `text` appears in ``output`` after the end of the previous match.
    /// Throws, with the output so far, if it has not appeared within `timeout`.
    func expect(_ text: String, timeout: Duration = .seconds(10)) throws {
        try child.expect(text, timeout: timeout)
    }

    // MARK: Input

    /// Types `text` (send `"\n"` for Return).
    func send(_ text: String) {
        child.send(text.utf8, to: master)
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
        try child.waitForExit(timeout: timeout)
    }
}
